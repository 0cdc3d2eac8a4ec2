using Verkostamo.Core.Analysis;
using Verkostamo.Core.Map;

namespace Verkostamo.Core.Tests.Analysis;

/// <summary>
/// The tuned betweenness (direction-switching search, shared slots, parallel sources) against a plain
/// textbook Brandes on graphs chosen so that both search directions and their mixes occur: sparse trees with
/// long paths (the frontier pushes), dense random graphs and stars (unreached nodes look up), and several
/// components at once (unreached nodes that are never reached).
/// </summary>
public class BrandesTests
{
    public static TheoryData<string, int, int, int> Graphs() => new()
    {
        { "path-like", 300, 320, 1 },
        { "sparse", 500, 1_000, 2 },
        { "dense", 300, 6_000, 3 },
        { "very dense", 60, 1_500, 4 },
        { "two components and isolated", 400, 2_400, 5 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Betweenness_and_closeness_equal_a_textbook_brandes(string name, int n, int m, int seed)
    {
        var edges = RandomEdges(n, m, seed, split: name.StartsWith("two", StringComparison.Ordinal));
        var graph = CompactGraph.Build(n, edges);

        var (betweenness, closeness) = GraphMetrics.ShortestPathCentralities(graph);
        var (expectedBetweenness, expectedCloseness) = Reference(graph);

        for (var v = 0; v < n; v++)
        {
            Assert.True(Math.Abs(betweenness[v] - expectedBetweenness[v]) <= 1e-12 * Math.Max(1, expectedBetweenness[v]),
                $"{name}: betweenness of {v} is {betweenness[v]}, expected {expectedBetweenness[v]}");
            Assert.True(Math.Abs(closeness[v] - expectedCloseness[v]) <= 1e-12,
                $"{name}: closeness of {v} is {closeness[v]}, expected {expectedCloseness[v]}");
        }
        Assert.Contains(betweenness, b => b > 0);
    }

    [Fact]
    public void Star_centre_lies_on_every_path_between_leaves()
    {
        const int leaves = 50;
        var graph = CompactGraph.Build(leaves + 1, [.. Enumerable.Range(1, leaves).Select(i => (0, i, LinkStrength.Weak))]);

        var (betweenness, _) = GraphMetrics.ShortestPathCentralities(graph);

        Assert.Equal(1.0, betweenness[0], 12);
        Assert.All(betweenness.Skip(1), b => Assert.Equal(0.0, b));
    }

    private static List<(int A, int B, LinkStrength Strength)> RandomEdges(int n, int m, int seed, bool split)
    {
        var random = new Random(seed);
        var seen = new HashSet<(int, int)>();
        var edges = new List<(int, int, LinkStrength)>();
        // A split graph keeps its links within two halves and leaves its last ten nodes alone.
        var half = (n - 10) / 2;
        while (edges.Count < m)
        {
            int a, b;
            if (split)
            {
                var offset = random.Next(2) * half;
                a = offset + random.Next(half);
                b = offset + random.Next(half);
            }
            else
            {
                a = random.Next(n);
                b = random.Next(n);
            }
            if (a != b && seen.Add(a < b ? (a, b) : (b, a)))
            {
                edges.Add((a, b, LinkStrength.Weak));
            }
        }
        return edges;
    }

    /// <summary>Brandes (2001) as printed: breadth-first search with predecessor lists, then dependencies in reverse order.</summary>
    private static (double[] Betweenness, double[] Closeness) Reference(CompactGraph g)
    {
        var n = g.NodeCount;
        var betweenness = new double[n];
        var closeness = new double[n];
        for (var s = 0; s < n; s++)
        {
            var stack = new Stack<int>();
            var predecessors = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            var sigma = new double[n];
            var distance = Enumerable.Repeat(-1, n).ToArray();
            sigma[s] = 1;
            distance[s] = 0;
            var queue = new Queue<int>([s]);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                stack.Push(v);
                foreach (var w in g.NeighborsOf(v))
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }
                    if (distance[w] == distance[v] + 1)
                    {
                        sigma[w] += sigma[v];
                        predecessors[w].Add(v);
                    }
                }
            }
            var delta = new double[n];
            while (stack.Count > 0)
            {
                var w = stack.Pop();
                foreach (var v in predecessors[w])
                {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }
                if (w != s)
                {
                    betweenness[w] += delta[w];
                }
            }
            var reached = distance.Count(d => d > 0);
            var total = distance.Where(d => d > 0).Sum();
            closeness[s] = total == 0 ? 0 : reached / (double)total * (reached / (n - 1.0));
        }
        var scale = 1.0 / ((n - 1.0) * (n - 2.0));
        return (betweenness.Select(b => b * scale).ToArray(), closeness);
    }
}
