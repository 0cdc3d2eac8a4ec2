using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Analysis;

/// <summary>
/// A finding told in the workbook's terms: a stable code, the section it informs and its parameters. The
/// host turns it into a sentence from the resource <c>Analysis.Insight.{Code}</c> with the parameters
/// {0} Count, {1} Other, {2} Share (as a percentage), {3} Sector (its name) and {4} Actors (names).
/// </summary>
public sealed record Insight(string Code, string SectionKey)
{
    public int Count { get; init; }
    public int Other { get; init; }
    public double Share { get; init; }
    public Sector? Sector { get; init; }
    public IReadOnlyList<string> Actors { get; init; } = [];
}

public static class InsightCodes
{
    public const string IsolatedActors = "IsolatedActors";
    public const string PeripheralActors = "PeripheralActors";
    public const string SeveralComponents = "SeveralComponents";
    public const string CutPoints = "CutPoints";
    public const string Communities = "Communities";
    public const string CrossSectorShare = "CrossSectorShare";
    public const string CrossLevelShare = "CrossLevelShare";
    public const string SectorCutOff = "SectorCutOff";
    public const string SectorFewConnectors = "SectorFewConnectors";
    public const string SectorConnectorsAllWeak = "SectorConnectorsAllWeak";
    public const string StrongWeakBalance = "StrongWeakBalance";
    public const string FewStrongLinks = "FewStrongLinks";
    public const string FewWeakLinks = "FewWeakLinks";
    public const string TopBrokers = "TopBrokers";
    public const string LocomotiveFewLinks = "LocomotiveFewLinks";
    public const string LocomotiveOnlyWeak = "LocomotiveOnlyWeak";
    public const string StrongParticipantNoStrong = "StrongParticipantNoStrong";
    public const string RelayIsCutPoint = "RelayIsCutPoint";
    public const string OccasionalIsBroker = "OccasionalIsBroker";

    public static readonly IReadOnlyList<string> All =
    [
        IsolatedActors, PeripheralActors, SeveralComponents, CutPoints, Communities, CrossSectorShare, CrossLevelShare,
        SectorCutOff, SectorFewConnectors, SectorConnectorsAllWeak, StrongWeakBalance, FewStrongLinks, FewWeakLinks,
        TopBrokers, LocomotiveFewLinks, LocomotiveOnlyWeak, StrongParticipantNoStrong, RelayIsCutPoint, OccasionalIsBroker,
    ];
}

/// <summary>The section keys the findings inform (DOMAIN.md).</summary>
public static class InsightSections
{
    public const string Picture = "picture";
    public const string BoundariesLevels = "boundaries-levels";
    public const string StrongWeakLinks = "strong-weak-links";
    public const string Roles = "roles";
}

internal static class Insights
{
    /// <summary>At most this many connecting actors make a sector's tie to the rest worth a remark.</summary>
    private const int FewConnectors = 3;
    private const int NamesShown = 5;

    public static IReadOnlyList<Insight> Find(NetworkAnalysis analysis, CompactGraph all, IReadOnlyList<AnalysisNode> nodes)
    {
        var found = new List<Insight>();
        var actors = analysis.Actors;
        if (actors.Count == 0)
        {
            return found;
        }
        string NameOf(int v) => nodes[v].Name.Length > 0 ? nodes[v].Name : nodes[v].Id;
        IReadOnlyList<string> Names(IEnumerable<int> vs) => [.. vs.Take(NamesShown).Select(NameOf)];
        void AddGroup(string code, string section, List<int> members)
        {
            if (members.Count > 0)
            {
                found.Add(new Insight(code, section) { Count = members.Count, Actors = Names(members) });
            }
        }
        var everyone = Enumerable.Range(0, actors.Count).ToList();
        var byBetweenness = everyone.OrderByDescending(v => actors[v].Betweenness).ThenBy(v => v).ToList();

        // Section 2: the picture as a whole.
        AddGroup(InsightCodes.IsolatedActors, InsightSections.Picture, [.. everyone.Where(v => all.Degree(v) == 0)]);
        AddGroup(InsightCodes.PeripheralActors, InsightSections.Picture, [.. everyone.Where(v => all.Degree(v) == 1)]);
        var linkedComponents = actors.Where(a => a.Degree > 0).Select(a => a.Component).Distinct().Count();
        if (linkedComponents > 1)
        {
            found.Add(new Insight(InsightCodes.SeveralComponents, InsightSections.Picture) { Count = linkedComponents });
        }
        AddGroup(InsightCodes.CutPoints, InsightSections.Picture, [.. byBetweenness.Where(v => actors[v].IsArticulationPoint)]);
        if (analysis.Modularity is { } q && analysis.Communities > 1 && analysis.Edges > 0)
        {
            found.Add(new Insight(InsightCodes.Communities, InsightSections.Picture) { Count = analysis.Communities, Share = q });
        }

        // Section 3: boundaries of sectors and levels.
        var sectors = nodes.Where(a => a.Sector is not null).Select(a => a.Sector!.Value).Distinct().Order().ToList();
        if (sectors.Count > 1 && analysis.Boundaries.CrossSectorShare is { } crossSector)
        {
            found.Add(new Insight(InsightCodes.CrossSectorShare, InsightSections.BoundariesLevels)
            { Count = analysis.Boundaries.CrossSector, Other = analysis.Boundaries.Links, Share = crossSector });
        }
        if (analysis.Boundaries.CrossLevelShare is { } crossLevel)
        {
            found.Add(new Insight(InsightCodes.CrossLevelShare, InsightSections.BoundariesLevels)
            { Count = analysis.Boundaries.CrossLevel, Other = analysis.Boundaries.WithLevels, Share = crossLevel });
        }
        if (sectors.Count > 1)
        {
            foreach (var sector in sectors)
            {
                var members = everyone.Where(v => nodes[v].Sector == sector).ToList();
                var connectors = new List<int>();
                var allWeak = true;
                foreach (var v in members)
                {
                    var connects = false;
                    for (var i = all.Offsets[v]; i < all.Offsets[v + 1]; i++)
                    {
                        if (nodes[all.Neighbors[i]].Sector != sector)
                        {
                            connects = true;
                            allWeak &= !all.StrongSlot[i];
                        }
                    }
                    if (connects)
                    {
                        connectors.Add(v);
                    }
                }
                if (connectors.Count == 0)
                {
                    found.Add(new Insight(InsightCodes.SectorCutOff, InsightSections.BoundariesLevels) { Sector = sector, Count = members.Count });
                }
                else if (connectors.Count <= FewConnectors && connectors.Count < members.Count || allWeak && connectors.Count <= FewConnectors)
                {
                    var code = allWeak ? InsightCodes.SectorConnectorsAllWeak : InsightCodes.SectorFewConnectors;
                    var section = allWeak ? InsightSections.StrongWeakLinks : InsightSections.BoundariesLevels;
                    found.Add(new Insight(code, section) { Sector = sector, Count = connectors.Count, Actors = Names(connectors) });
                }
            }
        }

        // Section 4: strong and weak links.
        if (analysis.Balance.StrongShare is { } strongShare)
        {
            found.Add(new Insight(InsightCodes.StrongWeakBalance, InsightSections.StrongWeakLinks)
            { Count = analysis.Balance.Strong, Other = analysis.Balance.Weak, Share = strongShare });
            var links = analysis.Balance.Strong + analysis.Balance.Weak;
            if (links >= 4 && strongShare < 0.25)
            {
                found.Add(new Insight(InsightCodes.FewStrongLinks, InsightSections.StrongWeakLinks) { Count = analysis.Balance.Strong, Share = strongShare });
            }
            else if (links >= 4 && strongShare > 0.75)
            {
                found.Add(new Insight(InsightCodes.FewWeakLinks, InsightSections.StrongWeakLinks) { Count = analysis.Balance.Weak, Share = 1 - strongShare });
            }
        }

        // Section 7: roles against positions.
        var brokers = analysis.HasSectors
            ? everyone.Where(v => actors[v].Brokerage!.AcrossGroups > 0).OrderByDescending(v => actors[v].Brokerage!.AcrossGroups).ThenBy(v => v)
            : byBetweenness.Where(v => actors[v].Betweenness > 0);
        AddGroup(InsightCodes.TopBrokers, InsightSections.Roles, [.. brokers.Take(3)]);
        var topThree = byBetweenness.Take(3).Where(v => actors[v].Betweenness > 0).ToHashSet();
        AddGroup(InsightCodes.LocomotiveFewLinks, InsightSections.Roles,
            [.. everyone.Where(v => nodes[v].Role == ParticipationRole.Locomotive && all.Degree(v) < 3)]);
        AddGroup(InsightCodes.LocomotiveOnlyWeak, InsightSections.Roles,
            [.. everyone.Where(v => nodes[v].Role == ParticipationRole.Locomotive && all.Degree(v) >= 3 && actors[v].StrongLinks == 0)]);
        AddGroup(InsightCodes.StrongParticipantNoStrong, InsightSections.Roles,
            [.. everyone.Where(v => nodes[v].Role == ParticipationRole.StrongParticipant && actors[v].StrongLinks == 0)]);
        AddGroup(InsightCodes.RelayIsCutPoint, InsightSections.Roles,
            [.. everyone.Where(v => nodes[v].Role == ParticipationRole.InformationRelay && actors[v].IsArticulationPoint)]);
        AddGroup(InsightCodes.OccasionalIsBroker, InsightSections.Roles,
            [.. everyone.Where(v => nodes[v].Role == ParticipationRole.OccasionalParticipant && topThree.Contains(v))]);
        return found;
    }
}
