using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Analysis;

/// <summary>An actor as the analysis sees it: an external id (ours or a file's) and what the workbook measures need.</summary>
public sealed record AnalysisNode(string Id)
{
    public string Name { get; init; } = "";
    public Sector? Sector { get; init; }
    public Level Levels { get; init; }
    public ParticipationRole? Role { get; init; }
}

/// <summary>A link between two actors by their external ids; direction is ignored (the graph is undirected).</summary>
public sealed record AnalysisEdge(string Source, string Target, LinkStrength Strength = LinkStrength.Weak);

/// <summary>Which links take part in the metrics: section 4 asks the same questions of strong and of weak links.</summary>
public enum StrengthFilter
{
    All,
    Strong,
    Weak,
}

/// <summary>A graph the analysis refuses: a self-link, a link to an unknown actor, a repeated actor id, or too large.</summary>
public sealed class AnalysisInputException(string message) : Exception(message);

/// <summary>Size limits that keep an analysis within memory and time (configuration Verkostamo:Analysis).</summary>
public sealed record AnalysisLimits
{
    public int MaxActors { get; init; } = 20_000;
    public int MaxLinks { get; init; } = 100_000;
}

/// <summary>Options of one analysis.</summary>
public sealed record AnalysisOptions
{
    public StrengthFilter Strength { get; init; } = StrengthFilter.All;

    /// <summary>
    /// Eigenvector centrality is defined for a connected graph only. When false (as networkx would refuse to
    /// give a meaningful answer), a disconnected graph gets no eigenvector values; when true each component is
    /// normalised on its own and the result says so.
    /// </summary>
    public bool EigenvectorPerComponent { get; init; } = true;

    /// <summary>Seed of the community detection, so the same map always gets the same communities.</summary>
    public int CommunitySeed { get; init; } = 42;

    public AnalysisLimits Limits { get; init; } = new();
}
