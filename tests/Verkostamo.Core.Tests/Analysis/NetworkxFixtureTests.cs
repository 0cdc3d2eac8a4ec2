using System.Text.Json;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.Map;

namespace Verkostamo.Core.Tests.Analysis;

/// <summary>
/// Our metrics against networkx's on graphs of our own making (Fixtures/generate.py wrote the expected
/// values into Fixtures/graphs.json).
/// </summary>
public class NetworkxFixtureTests
{
    private const double Tolerance = 1e-9;
    private const double EigenTolerance = 1e-6;

    private static readonly Lazy<JsonElement> Fixtures = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "graphs.json"))).RootElement);

    public static TheoryData<string> GraphNames()
    {
        var data = new TheoryData<string>();
        foreach (var g in Fixtures.Value.GetProperty("graphs").EnumerateArray())
        {
            data.Add(g.GetProperty("name").GetString()!);
        }
        return data;
    }

    internal static (IReadOnlyList<AnalysisNode> Nodes, IReadOnlyList<AnalysisEdge> Edges, JsonElement Expected) Load(string name)
    {
        var g = Fixtures.Value.GetProperty("graphs").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var nodes = g.GetProperty("nodes").EnumerateArray().Select(n => new AnalysisNode(n.GetProperty("id").GetString()!)
        {
            Sector = n.TryGetProperty("sector", out var s) ? Enum.Parse<Sector>(s.GetString()!) : null,
        }).ToList();
        var edges = g.GetProperty("edges").EnumerateArray().Select(e => new AnalysisEdge(
            e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!,
            Enum.Parse<LinkStrength>(e.GetProperty("strength").GetString()!))).ToList();
        return (nodes, edges, g.GetProperty("expected"));
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void Graph_figures_equal_networkx(string name)
    {
        var (nodes, edges, expected) = Load(name);
        var result = NetworkAnalyzer.Analyze(nodes, edges);

        Assert.Equal(expected.GetProperty("nodes").GetInt32(), result.Nodes);
        Assert.Equal(expected.GetProperty("edges").GetInt32(), result.Edges);
        Assert.Equal(edges.Count - result.Edges, result.DuplicateLinks);
        Assert.Equal(expected.GetProperty("density").GetDouble(), result.Density, Tolerance);
        Assert.Equal(expected.GetProperty("components").GetInt32(), result.Components);
        var bridges = expected.GetProperty("bridges").EnumerateArray()
            .Select(b => (b[0].GetString()!, b[1].GetString()!)).Order().ToList();
        Assert.Equal(bridges, result.Bridges.Select(b => string.CompareOrdinal(b.A, b.B) < 0 ? (b.A, b.B) : (b.B, b.A)).Order().ToList());
        var articulation = expected.GetProperty("articulationPoints").EnumerateArray().Select(x => x.GetString()!).Order().ToList();
        Assert.Equal(articulation, result.Actors.Where(a => a.IsArticulationPoint).Select(a => a.Id).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void Actor_metrics_equal_networkx(string name)
    {
        var (nodes, edges, expected) = Load(name);
        var result = NetworkAnalyzer.Analyze(nodes, edges);
        foreach (var actor in result.Actors)
        {
            Assert.Equal(expected.GetProperty("degree").GetProperty(actor.Id).GetInt32(), actor.Degree);
            AssertClose(expected, "degreeCentrality", actor.Id, actor.DegreeCentrality, Tolerance);
            AssertClose(expected, "betweenness", actor.Id, actor.Betweenness, Tolerance);
            AssertClose(expected, "closeness", actor.Id, actor.Closeness, Tolerance);
            AssertClose(expected, "clustering", actor.Id, actor.Clustering, Tolerance);
            AssertClose(expected, "eigenvectorPerComponent", actor.Id, actor.Eigenvector!.Value, EigenTolerance);
        }
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void Eigenvector_is_the_whole_graphs_when_connected_and_undefined_otherwise_unless_per_component(string name)
    {
        var (nodes, edges, expected) = Load(name);
        var result = NetworkAnalyzer.Analyze(nodes, edges, new AnalysisOptions { EigenvectorPerComponent = false });
        if (expected.GetProperty("eigenvector").ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(EigenvectorScope.Undefined, result.Eigenvector);
            Assert.All(result.Actors, a => Assert.Null(a.Eigenvector));
            Assert.Equal(EigenvectorScope.PerComponent, NetworkAnalyzer.Analyze(nodes, edges).Eigenvector);
        }
        else
        {
            Assert.Equal(EigenvectorScope.WholeGraph, result.Eigenvector);
            Assert.All(result.Actors, a => AssertClose(expected, "eigenvector", a.Id, a.Eigenvector!.Value, EigenTolerance));
        }
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void Modularity_of_a_partition_equals_networkx(string name)
    {
        var (nodes, edges, expected) = Load(name);
        var index = nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var graph = CompactGraph.Build(nodes.Count, [.. edges.Select(e => (index[e.Source], index[e.Target], e.Strength))]);
        foreach (var partition in expected.GetProperty("partitions").EnumerateArray())
        {
            var membership = new int[nodes.Count];
            var c = 0;
            foreach (var community in partition.GetProperty("communities").EnumerateArray())
            {
                foreach (var id in community.EnumerateArray())
                {
                    membership[index[id.GetString()!]] = c;
                }
                c++;
            }
            Assert.Equal(partition.GetProperty("modularity").GetDouble(), GraphMetrics.Modularity(graph, membership)!.Value, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void Louvain_is_repeatable_reports_its_own_modularity_and_comes_near_networkx(string name)
    {
        var (nodes, edges, expected) = Load(name);
        var first = NetworkAnalyzer.Analyze(nodes, edges, new AnalysisOptions { CommunitySeed = 3 });
        var second = NetworkAnalyzer.Analyze(nodes, edges, new AnalysisOptions { CommunitySeed = 3 });
        Assert.Equal(first.Actors.Select(a => a.Community), second.Actors.Select(a => a.Community));

        var index = nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var graph = CompactGraph.Build(nodes.Count, [.. edges.Select(e => (index[e.Source], index[e.Target], e.Strength))]);
        Assert.Equal(GraphMetrics.Modularity(graph, [.. first.Actors.Select(a => a.Community)]), first.Modularity);
        var networkxLouvain = expected.GetProperty("partitions")[1].GetProperty("modularity").GetDouble();
        Assert.True(first.Modularity >= networkxLouvain - 0.02, $"{first.Modularity} well below networkx's Louvain {networkxLouvain}");
    }

    [Fact]
    public void Brokerage_equals_the_reference_count_on_the_graph_with_sectors()
    {
        var (nodes, edges, expected) = Load("random-200-sectors");
        var result = NetworkAnalyzer.Analyze(nodes, edges);
        Assert.True(result.HasSectors);
        foreach (var actor in result.Actors)
        {
            var e = expected.GetProperty("brokerage").GetProperty(actor.Id);
            Assert.Equal(
                new BrokerageCounts(e.GetProperty("coordinator").GetInt32(), e.GetProperty("consultant").GetInt32(),
                    e.GetProperty("representative").GetInt32(), e.GetProperty("gatekeeper").GetInt32(), e.GetProperty("liaison").GetInt32()),
                actor.Brokerage);
        }
    }

    private static void AssertClose(JsonElement expected, string metric, string id, double actual, double tolerance)
    {
        var value = expected.GetProperty(metric).GetProperty(id).GetDouble();
        Assert.True(Math.Abs(value - actual) <= tolerance, $"{metric} of {id}: expected {value}, got {actual}");
    }
}
