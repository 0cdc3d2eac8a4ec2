using Verkostamo.Core.Map;

namespace Verkostamo.Core.Analysis;

/// <summary>
/// Analyses any graph given with external ids (a network's map, a saved version, a file given to the
/// <c>analyze</c> verb). Metrics follow the chosen links (all, strong or weak); the workbook's balance and
/// boundary measures always look at all links, since they compare strong with weak.
/// </summary>
public static class NetworkAnalyzer
{
    public static NetworkAnalysis Analyze(IReadOnlyList<AnalysisNode> nodes, IReadOnlyList<AnalysisEdge> edges,
        AnalysisOptions? options = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        options ??= new AnalysisOptions();
        CheckLimits(nodes.Count, edges.Count, options.Limits);
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!index.TryAdd(node.Id, index.Count))
            {
                throw new AnalysisInputException($"The actor id \"{node.Id}\" appears more than once.");
            }
        }
        var indexed = new List<(int, int, LinkStrength)>(edges.Count);
        foreach (var edge in edges)
        {
            if (!index.TryGetValue(edge.Source, out var a) || !index.TryGetValue(edge.Target, out var b))
            {
                var missing = index.ContainsKey(edge.Source) ? edge.Target : edge.Source;
                throw new AnalysisInputException($"A link refers to the unknown actor \"{missing}\".");
            }
            if (a == b)
            {
                throw new AnalysisInputException($"A link from the actor \"{edge.Source}\" to itself is not allowed.");
            }
            indexed.Add((a, b, edge.Strength));
        }
        var all = CompactGraph.Build(nodes.Count, indexed);
        var graph = options.Strength == StrengthFilter.All ? all : CompactGraph.Build(nodes.Count, indexed, options.Strength);
        return Analyze(nodes, all, graph, options, progress, ct);
    }

    public static NetworkAnalysis Analyze(MapDocument map, AnalysisOptions? options = null, IProgress<int>? progress = null, CancellationToken ct = default) =>
        Analyze(NodesOf(map), EdgesOf(map), options, progress, ct);

    public static IReadOnlyList<AnalysisNode> NodesOf(MapDocument map) =>
        [.. map.Actors.Select(a => new AnalysisNode(a.Key) { Name = a.Name, Sector = a.Sector, Levels = a.Levels, Role = a.RoleNow })];

    public static IReadOnlyList<AnalysisEdge> EdgesOf(MapDocument map) =>
        [.. map.Links.Select(l => new AnalysisEdge(l.SourceKey, l.TargetKey, l.Strength))];

    /// <summary>Refuses a graph over the configured size, naming the limit.</summary>
    public static void CheckLimits(int actors, int links, AnalysisLimits limits)
    {
        if (actors > limits.MaxActors)
        {
            throw new AnalysisInputException($"The graph has {actors} actors; the limit is {limits.MaxActors} (Verkostamo:Analysis:MaxActors).");
        }
        if (links > limits.MaxLinks)
        {
            throw new AnalysisInputException($"The graph has {links} links; the limit is {limits.MaxLinks} (Verkostamo:Analysis:MaxLinks).");
        }
    }

    private static NetworkAnalysis Analyze(IReadOnlyList<AnalysisNode> nodes, CompactGraph all, CompactGraph g, AnalysisOptions options,
        IProgress<int>? progress, CancellationToken ct)
    {
        var n = g.NodeCount;
        var degreeCentrality = GraphMetrics.DegreeCentrality(g);
        var (betweenness, closeness) = GraphMetrics.ShortestPathCentralities(g, progress, ct);
        var clustering = GraphMetrics.Clustering(g);
        var (components, componentCount) = GraphMetrics.Components(g);
        var scope = n == 0 ? EigenvectorScope.Undefined
            : componentCount == 1 ? EigenvectorScope.WholeGraph
            : options.EigenvectorPerComponent ? EigenvectorScope.PerComponent : EigenvectorScope.Undefined;
        var eigenvector = scope == EigenvectorScope.Undefined ? null : GraphMetrics.EigenvectorPerComponent(g, components, componentCount, ct);
        var (bridges, articulation) = GraphMetrics.BridgesAndArticulationPoints(g);
        var communities = Louvain.Communities(g, options.CommunitySeed, ct);
        var hasSectors = nodes.Any(a => a.Sector is not null);
        var brokerage = hasSectors ? Brokerage.Count(g, [.. nodes.Select(a => a.Sector is { } s ? (int)s : -1)]) : null;

        var strong = new int[n];
        var weak = new int[n];
        int strongLinks = 0, weakLinks = 0, crossSector = 0, withLevels = 0, crossLevel = 0;
        for (var v = 0; v < n; v++)
        {
            for (var i = all.Offsets[v]; i < all.Offsets[v + 1]; i++)
            {
                var w = all.Neighbors[i];
                if (all.StrongSlot[i])
                {
                    strong[v]++;
                }
                else
                {
                    weak[v]++;
                }
                if (w < v)
                {
                    continue;
                }
                if (all.StrongSlot[i])
                {
                    strongLinks++;
                }
                else
                {
                    weakLinks++;
                }
            }
            // Boundary measures follow the analysed links, so "strong links across sectors" can be asked too.
            foreach (var w in g.NeighborsOf(v))
            {
                if (w < v)
                {
                    continue;
                }
                if (nodes[v].Sector != nodes[w].Sector)
                {
                    crossSector++;
                }
                if (nodes[v].Levels != Level.None && nodes[w].Levels != Level.None)
                {
                    withLevels++;
                    if ((nodes[v].Levels & nodes[w].Levels) == Level.None)
                    {
                        crossLevel++;
                    }
                }
            }
        }

        var actors = new ActorMetrics[n];
        for (var v = 0; v < n; v++)
        {
            actors[v] = new ActorMetrics(nodes[v].Id, nodes[v].Name)
            {
                Sector = nodes[v].Sector,
                Role = nodes[v].Role,
                Degree = g.Degree(v),
                DegreeCentrality = degreeCentrality[v],
                Betweenness = betweenness[v],
                Closeness = closeness[v],
                Eigenvector = eigenvector?[v],
                Clustering = clustering[v],
                Community = communities[v],
                Component = components[v],
                IsArticulationPoint = articulation[v],
                StrongLinks = strong[v],
                WeakLinks = weak[v],
                Brokerage = brokerage?[v],
            };
        }
        var analysis = new NetworkAnalysis
        {
            Strength = options.Strength,
            Nodes = n,
            Edges = g.EdgeCount,
            DuplicateLinks = all.DuplicateLinks,
            Density = GraphMetrics.Density(g),
            Components = componentCount,
            Communities = n == 0 ? 0 : communities.Max() + 1,
            Modularity = GraphMetrics.Modularity(g, communities),
            Eigenvector = scope,
            HasSectors = hasSectors,
            Actors = actors,
            Bridges = [.. bridges.Select(b => new BridgeLink(nodes[b.A].Id, nodes[b.B].Id))],
            Balance = new StrengthBalance(strongLinks, weakLinks),
            Boundaries = new BoundaryMeasures(g.EdgeCount, crossSector, withLevels, crossLevel),
        };
        return analysis with { Insights = Insights.Find(analysis, all, nodes) };
    }
}
