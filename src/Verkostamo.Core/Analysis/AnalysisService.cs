using Verkostamo.Core.Common;
using Verkostamo.Core.Map;

namespace Verkostamo.Core.Analysis;

/// <summary>One saved version's (or the live map's) figures, for comparing the map over time.</summary>
public sealed record VersionFigures(string Version, string Name, DateTimeOffset? TakenAt)
{
    /// <summary>True when the version is over the size limit and was not analysed.</summary>
    public bool TooLarge { get; init; }
    public int Nodes { get; init; }
    public int Edges { get; init; }
    public double Density { get; init; }
    public int Components { get; init; }
    public StrengthBalance Balance { get; init; } = new(0, 0);
    public double? CrossSectorShare { get; init; }
    public double? Modularity { get; init; }
    public IReadOnlyList<string> TopBrokers { get; init; } = [];
}

/// <summary>
/// The analysis of a network's live map or of one of its saved versions, for anyone who can read the
/// network (viewers too), and the same figures for every version side by side.
/// </summary>
public sealed class AnalysisService(MapVersionService versions, AnalysisLimits limits)
{
    public const string TooLarge = "AnalysisTooLarge";
    private const int TopBrokerCount = 3;

    public AnalysisLimits Limits => limits;

    /// <summary>The map to analyse; null when the network or version is unknown or not the caller's.</summary>
    public Task<MapDocument?> LoadAsync(Guid networkId, string userId, string version, CancellationToken ct = default) =>
        versions.DocumentAsync(networkId, userId, string.IsNullOrWhiteSpace(version) ? MapVersionService.Current : version, ct);

    /// <summary>NotFound for an unknown or foreign network or version; <see cref="TooLarge"/> over the configured limits.</summary>
    public async Task<ServiceResult<NetworkAnalysis>> AnalyzeAsync(Guid networkId, string userId, string version, StrengthFilter strength,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var map = await LoadAsync(networkId, userId, version, ct);
        return map is null ? ServiceResult<NetworkAnalysis>.Fail(ErrorCodes.NotFound) : Analyze(map, strength, progress, ct);
    }

    public ServiceResult<NetworkAnalysis> Analyze(MapDocument map, StrengthFilter strength, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (map.Actors.Count > limits.MaxActors || map.Links.Count > limits.MaxLinks)
        {
            return ServiceResult<NetworkAnalysis>.Fail(TooLarge);
        }
        var options = new AnalysisOptions { Strength = strength, Limits = limits };
        return ServiceResult<NetworkAnalysis>.Success(NetworkAnalyzer.Analyze(map, options, progress, ct));
    }

    /// <summary>The live map and every saved version, newest first; null when the network is not the caller's.</summary>
    public Task<IReadOnlyList<VersionFigures>?> CompareVersionsAsync(Guid networkId, string userId, CancellationToken ct = default) =>
        FiguresAsync(networkId, userId, int.MaxValue, ct);

    /// <summary>
    /// The live map and the latest saved version only (at most two rows, live first), for the evaluation section's
    /// "how has the network changed"; null when the network is not the caller's.
    /// </summary>
    public Task<IReadOnlyList<VersionFigures>?> LatestChangeAsync(Guid networkId, string userId, CancellationToken ct = default) =>
        FiguresAsync(networkId, userId, 1, ct);

    private async Task<IReadOnlyList<VersionFigures>?> FiguresAsync(Guid networkId, string userId, int versionCount, CancellationToken ct)
    {
        var list = await versions.ListAsync(networkId, userId, ct);
        var current = list is null ? null : await LoadAsync(networkId, userId, MapVersionService.Current, ct);
        if (list is null || current is null)
        {
            return null;
        }
        var rows = new List<VersionFigures> { Figures(MapVersionService.Current, "", null, current, ct) };
        foreach (var summary in list.Take(versionCount))
        {
            if (await versions.GetAsync(networkId, userId, summary.Id, ct) is { } details)
            {
                rows.Add(Figures(summary.Id.ToString("D"), summary.Name, summary.TakenAt, details.Document, ct));
            }
        }
        return rows;
    }

    private VersionFigures Figures(string version, string name, DateTimeOffset? takenAt, MapDocument map, CancellationToken ct)
    {
        var row = new VersionFigures(version, name, takenAt);
        var result = Analyze(map, StrengthFilter.All, null, ct);
        if (!result.Succeeded)
        {
            return row with { TooLarge = true, Nodes = map.Actors.Count, Edges = map.Links.Count };
        }
        var a = result.Value!;
        return row with
        {
            Nodes = a.Nodes,
            Edges = a.Edges,
            Density = a.Density,
            Components = a.Components,
            Balance = a.Balance,
            CrossSectorShare = a.HasSectors ? a.Boundaries.CrossSectorShare : null,
            Modularity = a.Modularity,
            TopBrokers = TopBrokers(a),
        };
    }

    /// <summary>The actors through whom most shortest paths run.</summary>
    public static IReadOnlyList<string> TopBrokers(NetworkAnalysis analysis) =>
        [.. analysis.Actors.Where(a => a.Betweenness > 0).OrderByDescending(a => a.Betweenness).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(TopBrokerCount).Select(a => a.Name.Length > 0 ? a.Name : a.Id)];
}
