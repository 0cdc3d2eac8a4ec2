using Verkostamo.Core.Analysis;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Tests.Analysis;

public class NetworkAnalyzerTests
{
    private static AnalysisNode Node(string id, Sector? sector = null, ParticipationRole? role = null, Level levels = Level.None) =>
        new(id) { Name = id.ToUpperInvariant(), Sector = sector, Role = role, Levels = levels };

    [Fact]
    public void Empty_graph_has_no_actors_no_figures_and_no_insights()
    {
        var result = NetworkAnalyzer.Analyze([], []);
        Assert.Equal(0, result.Nodes);
        Assert.Equal(0, result.Edges);
        Assert.Equal(0, result.Density);
        Assert.Equal(0, result.Components);
        Assert.Null(result.Modularity);
        Assert.Equal(EigenvectorScope.Undefined, result.Eigenvector);
        Assert.Empty(result.Insights);
    }

    [Fact]
    public void One_actor_has_degree_centrality_one_as_networkx_and_is_isolated()
    {
        var result = NetworkAnalyzer.Analyze([Node("a")], []);
        var a = Assert.Single(result.Actors);
        Assert.Equal(1.0, a.DegreeCentrality);
        Assert.Equal(0, a.Betweenness);
        Assert.Equal(0, a.Closeness);
        Assert.Equal(1.0, a.Eigenvector);
        Assert.Equal(1, result.Components);
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.IsolatedActors && i.Count == 1 && i.Actors.SequenceEqual(["A"]));
    }

    [Fact]
    public void Self_link_is_rejected_with_the_actor_named()
    {
        var error = Assert.Throws<AnalysisInputException>(() => NetworkAnalyzer.Analyze([Node("a"), Node("b")], [new("a", "a")]));
        Assert.Contains("\"a\" to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_to_an_unknown_actor_and_a_repeated_id_are_rejected()
    {
        Assert.Contains("unknown actor \"x\"", Assert.Throws<AnalysisInputException>(() => NetworkAnalyzer.Analyze([Node("a")], [new("a", "x")])).Message, StringComparison.Ordinal);
        Assert.Contains("more than once", Assert.Throws<AnalysisInputException>(() => NetworkAnalyzer.Analyze([Node("a"), Node("a")], [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_links_collapse_into_one_counted_and_strong_wins()
    {
        var result = NetworkAnalyzer.Analyze([Node("a"), Node("b")],
            [new("a", "b", LinkStrength.Weak), new("b", "a", LinkStrength.Strong), new("a", "b", LinkStrength.Weak)]);
        Assert.Equal(1, result.Edges);
        Assert.Equal(2, result.DuplicateLinks);
        Assert.Equal(new StrengthBalance(1, 0), result.Balance);
        Assert.Equal(1.0, result.Density);
    }

    [Fact]
    public void Graph_over_the_limit_is_refused_with_the_limit_named()
    {
        var limits = new AnalysisLimits { MaxActors = 2, MaxLinks = 1 };
        var tooMany = Assert.Throws<AnalysisInputException>(() =>
            NetworkAnalyzer.Analyze([Node("a"), Node("b"), Node("c")], [], new AnalysisOptions { Limits = limits }));
        Assert.Contains("MaxActors", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 2", tooMany.Message, StringComparison.Ordinal);
        var tooLinked = Assert.Throws<AnalysisInputException>(() =>
            NetworkAnalyzer.Analyze([Node("a"), Node("b")], [new("a", "b"), new("b", "a")], new AnalysisOptions { Limits = limits }));
        Assert.Contains("MaxLinks", tooLinked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strong_only_analysis_keeps_every_actor_but_only_strong_links()
    {
        AnalysisEdge[] edges = [new("a", "b", LinkStrength.Strong), new("b", "c", LinkStrength.Weak), new("c", "a", LinkStrength.Strong)];
        AnalysisNode[] nodes = [Node("a"), Node("b"), Node("c")];
        var strong = NetworkAnalyzer.Analyze(nodes, edges, new AnalysisOptions { Strength = StrengthFilter.Strong });
        var weak = NetworkAnalyzer.Analyze(nodes, edges, new AnalysisOptions { Strength = StrengthFilter.Weak });
        Assert.Equal(3, strong.Nodes);
        Assert.Equal(2, strong.Edges);
        Assert.Equal(1, weak.Edges);
        Assert.Equal(2, weak.Components);
        // Balance always counts all links: it compares the two.
        Assert.Equal(new StrengthBalance(2, 1), weak.Balance);
        Assert.Equal(1.0, strong.Actors.Single(a => a.Id == "a").Betweenness);
    }

    [Fact]
    public void Boundaries_count_links_across_sectors_and_links_whose_actors_share_no_level()
    {
        AnalysisNode[] nodes =
        [
            Node("a", Sector.Public, levels: Level.Strategy), Node("b", Sector.Public, levels: Level.Strategy | Level.ServicePath),
            Node("c", Sector.ThirdSector, levels: Level.CustomerInterface), Node("d", Sector.Private),
        ];
        var result = NetworkAnalyzer.Analyze(nodes, [new("a", "b"), new("b", "c"), new("c", "d")]);
        Assert.Equal(new BoundaryMeasures(3, 2, 2, 1), result.Boundaries);
        Assert.Equal(2 / 3.0, result.Boundaries.CrossSectorShare!.Value, 12);
        Assert.Equal(0.5, result.Boundaries.CrossLevelShare);
    }

    [Fact]
    public void Brokerage_roles_follow_the_sectors_of_the_two_contacts()
    {
        // b brokers between a and c; undirected, so each pair counts in both directions.
        BrokerageCounts Of(Sector? sa, Sector? sb, Sector? sc) =>
            NetworkAnalyzer.Analyze([Node("a", sa), Node("b", sb), Node("c", sc)], [new("a", "b"), new("b", "c")]).Actors[1].Brokerage!;
        Assert.Equal(new BrokerageCounts(2, 0, 0, 0, 0), Of(Sector.Public, Sector.Public, Sector.Public));
        Assert.Equal(new BrokerageCounts(0, 2, 0, 0, 0), Of(Sector.Public, Sector.Private, Sector.Public));
        Assert.Equal(new BrokerageCounts(0, 0, 1, 1, 0), Of(Sector.Public, Sector.Public, Sector.Private));
        Assert.Equal(new BrokerageCounts(0, 0, 0, 0, 2), Of(Sector.Public, Sector.Private, Sector.ThirdSector));
        Assert.Null(NetworkAnalyzer.Analyze([Node("a"), Node("b")], [new("a", "b")]).Actors[0].Brokerage);
    }

    [Fact]
    public void Bridges_and_cut_points_survive_a_long_path_without_recursion()
    {
        var nodes = Enumerable.Range(0, 50_000).Select(i => Node($"p{i}")).ToList();
        var edges = Enumerable.Range(1, nodes.Count - 1).Select(i => new AnalysisEdge($"p{i - 1}", $"p{i}")).ToList();
        var index = nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var graph = CompactGraph.Build(nodes.Count, [.. edges.Select(e => (index[e.Source], index[e.Target], e.Strength))]);
        var (bridges, articulation) = GraphMetrics.BridgesAndArticulationPoints(graph);
        Assert.Equal(nodes.Count - 1, bridges.Count);
        Assert.Equal(nodes.Count - 2, articulation.Count(a => a));
    }

    [Fact]
    public void Third_sector_tied_by_three_actors_with_weak_links_only_is_told_in_section_four()
    {
        AnalysisNode[] nodes =
        [
            Node("p1", Sector.Public), Node("p2", Sector.Public), Node("p3", Sector.Public),
            Node("t1", Sector.ThirdSector), Node("t2", Sector.ThirdSector), Node("t3", Sector.ThirdSector), Node("t4", Sector.ThirdSector),
        ];
        var result = NetworkAnalyzer.Analyze(nodes,
        [
            new("p1", "p2", LinkStrength.Strong), new("p2", "p3", LinkStrength.Strong),
            new("t1", "p1"), new("t2", "p2"), new("t3", "p3"), new("t4", "t1", LinkStrength.Strong),
        ]);
        var insight = Assert.Single(result.Insights, i => i.Code == InsightCodes.SectorConnectorsAllWeak && i.Sector == Sector.ThirdSector);
        Assert.Equal(InsightSections.StrongWeakLinks, insight.SectionKey);
        Assert.Equal(Sector.ThirdSector, insight.Sector);
        Assert.Equal(3, insight.Count);
        Assert.Equal(["T1", "T2", "T3"], insight.Actors);
    }

    [Fact]
    public void Role_mismatches_are_found_against_positions()
    {
        AnalysisNode[] nodes =
        [
            Node("loco", role: ParticipationRole.Locomotive), Node("relay", role: ParticipationRole.InformationRelay),
            Node("x"), Node("y"), Node("strong", role: ParticipationRole.StrongParticipant),
        ];
        var result = NetworkAnalyzer.Analyze(nodes, [new("loco", "x"), new("x", "relay"), new("relay", "y"), new("y", "strong")]);
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.LocomotiveFewLinks && i.Actors.SequenceEqual(["LOCO"]) && i.SectionKey == InsightSections.Roles);
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.RelayIsCutPoint && i.Actors.SequenceEqual(["RELAY"]));
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.StrongParticipantNoStrong && i.Actors.SequenceEqual(["STRONG"]));
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.PeripheralActors && i.Count == 2);
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.CutPoints && i.Count == 3);
        Assert.Contains(result.Insights, i => i.Code == InsightCodes.FewStrongLinks);
    }

    [Fact]
    public void Cancellation_stops_the_analysis()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkAnalyzer.Analyze([Node("a"), Node("b")], [new("a", "b")], ct: cts.Token));
    }

    [Fact]
    public async Task A_running_analysis_stops_when_cancelled_midway()
    {
        // Large enough that the analysis runs for seconds; the cancellation comes once progress shows it is under way.
        const int n = 6000;
        var random = new Random(3);
        var nodes = Enumerable.Range(0, n).Select(i => Node("a" + i)).ToList();
        var seen = new HashSet<(int, int)>();
        var edges = new List<AnalysisEdge>();
        while (edges.Count < 5 * n)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a != b && seen.Add(a < b ? (a, b) : (b, a)))
            {
                edges.Add(new AnalysisEdge("a" + a, "a" + b));
            }
        }
        using var cts = new CancellationTokenSource();
        // The cancellation comes from the progress report itself, on the worker that reports it: a cancel sent
        // from the test's own thread could arrive after a fast machine has already finished.
        var cancelledAt = -1;
        var progress = new ReportingProgress(p =>
        {
            if (p > 0 && Interlocked.CompareExchange(ref cancelledAt, p, -1) == -1)
            {
                cts.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Task.Run(() => NetworkAnalyzer.Analyze(nodes, edges, progress: progress, ct: cts.Token)));
        Assert.InRange(cancelledAt, 1, 99);
    }

    private sealed class ReportingProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
