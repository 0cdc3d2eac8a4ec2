namespace Verkostamo.Core.Analysis;

/// <summary>
/// The metrics of an undirected simple graph, with networkx's definitions and normalisations so that a
/// number here means what the same number means in the literature and in other tools (ADR-0012).
/// </summary>
public static class GraphMetrics
{
    /// <summary>networkx degree_centrality: degree / (n − 1); a graph of one node gives 1.</summary>
    public static double[] DegreeCentrality(CompactGraph g)
    {
        var result = new double[g.NodeCount];
        if (g.NodeCount <= 1)
        {
            Array.Fill(result, 1.0);
            return result;
        }
        var scale = 1.0 / (g.NodeCount - 1);
        for (var v = 0; v < g.NodeCount; v++)
        {
            result[v] = g.Degree(v) * scale;
        }
        return result;
    }

    /// <summary>networkx density: 2m / (n (n − 1)); 0 for fewer than two nodes.</summary>
    public static double Density(CompactGraph g) =>
        g.NodeCount <= 1 ? 0 : 2.0 * g.EdgeCount / ((double)g.NodeCount * (g.NodeCount - 1));

    /// <summary>
    /// Betweenness (networkx betweenness_centrality, normalized=True, endpoints excluded) and closeness
    /// (networkx closeness_centrality, wf_improved=True) from one breadth-first search per source: Brandes'
    /// algorithm already knows every distance, so closeness costs nothing extra. See <see cref="Brandes"/>.
    /// </summary>
    public static (double[] Betweenness, double[] Closeness) ShortestPathCentralities(
        CompactGraph g, IProgress<int>? progress = null, CancellationToken ct = default) =>
        Brandes.Run(g, progress, ct);

    /// <summary>networkx clustering: triangles through v over deg(deg − 1)/2; 0 below degree 2.</summary>
    public static double[] Clustering(CompactGraph g)
    {
        var n = g.NodeCount;
        var result = new double[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (var v = 0; v < n; v++)
        {
            var d = g.Degree(v);
            if (d < 2)
            {
                continue;
            }
            var own = g.NeighborsOf(v);
            foreach (var u in own)
            {
                mark[u] = v;
            }
            long links = 0;
            foreach (var u in own)
            {
                foreach (var w in g.NeighborsOf(u))
                {
                    if (mark[w] == v)
                    {
                        links++;
                    }
                }
            }
            // Each triangle edge among the neighbours was seen from both of its ends.
            result[v] = links / ((double)d * (d - 1));
        }
        return result;
    }

    /// <summary>Connected components: a label per node (0 for the component of node 0, then in node order) and the count.</summary>
    public static (int[] Labels, int Count) Components(CompactGraph g)
    {
        var n = g.NodeCount;
        var labels = new int[n];
        Array.Fill(labels, -1);
        var queue = new int[n];
        var count = 0;
        for (var s = 0; s < n; s++)
        {
            if (labels[s] >= 0)
            {
                continue;
            }
            int head = 0, tail = 0;
            queue[tail++] = s;
            labels[s] = count;
            while (head < tail)
            {
                var v = queue[head++];
                foreach (var w in g.NeighborsOf(v))
                {
                    if (labels[w] < 0)
                    {
                        labels[w] = count;
                        queue[tail++] = w;
                    }
                }
            }
            count++;
        }
        return (labels, count);
    }

    /// <summary>
    /// Eigenvector centrality with unit Euclidean norm by power iteration on A + I (networkx's shift, which
    /// also converges on bipartite graphs), to a tolerance far below the 1e-6 the results are compared at.
    /// Each component is normalised on its own: a disconnected graph has no single leading eigenvector, so
    /// the caller decides whether per-component values are reported or none.
    /// </summary>
    public static double[] EigenvectorPerComponent(CompactGraph g, int[] componentLabels, int componentCount, CancellationToken ct = default)
    {
        var n = g.NodeCount;
        var x = new double[n];
        var next = new double[n];
        Array.Fill(x, 1.0);
        var norms = new double[componentCount];
        var change = new double[componentCount];
        const int MaxIterations = 10_000;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            for (var v = 0; v < n; v++)
            {
                var sum = x[v];
                foreach (var w in g.NeighborsOf(v))
                {
                    sum += x[w];
                }
                next[v] = sum;
            }
            Array.Clear(norms);
            for (var v = 0; v < n; v++)
            {
                norms[componentLabels[v]] += next[v] * next[v];
            }
            Array.Clear(change);
            for (var v = 0; v < n; v++)
            {
                var c = componentLabels[v];
                var value = next[v] / Math.Sqrt(norms[c]);
                change[c] += Math.Abs(value - x[v]);
                next[v] = value;
            }
            (x, next) = (next, x);
            var converged = true;
            for (var c = 0; c < componentCount; c++)
            {
                converged &= change[c] < 1e-14 * n;
            }
            if (converged && iteration > 0)
            {
                break;
            }
        }
        return x;
    }

    /// <summary>Bridges (links whose removal splits a component) and articulation points (actors whose removal does).</summary>
    public static (IReadOnlyList<(int A, int B)> Bridges, bool[] Articulation) BridgesAndArticulationPoints(CompactGraph g)
    {
        var n = g.NodeCount;
        var discovery = new int[n];
        var low = new int[n];
        var parent = new int[n];
        var nextSlot = new int[n];
        var articulation = new bool[n];
        var bridges = new List<(int, int)>();
        Array.Fill(discovery, -1);
        var stack = new int[n];
        var time = 0;
        for (var root = 0; root < n; root++)
        {
            if (discovery[root] >= 0)
            {
                continue;
            }
            // Iterative DFS: a recursive one overflows the stack on a long path of thousands of actors.
            var top = 0;
            stack[top++] = root;
            parent[root] = -1;
            discovery[root] = low[root] = time++;
            nextSlot[root] = g.Offsets[root];
            var rootChildren = 0;
            while (top > 0)
            {
                var v = stack[top - 1];
                if (nextSlot[v] < g.Offsets[v + 1])
                {
                    var w = g.Neighbors[nextSlot[v]++];
                    if (discovery[w] < 0)
                    {
                        parent[w] = v;
                        discovery[w] = low[w] = time++;
                        nextSlot[w] = g.Offsets[w];
                        stack[top++] = w;
                        if (v == root)
                        {
                            rootChildren++;
                        }
                    }
                    else if (w != parent[v])
                    {
                        low[v] = Math.Min(low[v], discovery[w]);
                    }
                    continue;
                }
                top--;
                var p = parent[v];
                if (p < 0)
                {
                    continue;
                }
                low[p] = Math.Min(low[p], low[v]);
                if (low[v] > discovery[p])
                {
                    bridges.Add(p < v ? (p, v) : (v, p));
                }
                if (p != root && low[v] >= discovery[p])
                {
                    articulation[p] = true;
                }
            }
            articulation[root] = rootChildren > 1;
        }
        bridges.Sort();
        return (bridges, articulation);
    }

    /// <summary>
    /// Modularity of a partition exactly as networkx.community.modularity (resolution 1): the sum over
    /// communities of L_c / m − (d_c / 2m)²; null for a graph without links, where it is undefined.
    /// </summary>
    public static double? Modularity(CompactGraph g, int[] community)
    {
        var m = (double)g.EdgeCount;
        if (m == 0)
        {
            return null;
        }
        var count = community.Length == 0 ? 0 : community.Max() + 1;
        var inside = new double[count];
        var degree = new double[count];
        for (var v = 0; v < g.NodeCount; v++)
        {
            degree[community[v]] += g.Degree(v);
            foreach (var w in g.NeighborsOf(v))
            {
                if (w > v && community[w] == community[v])
                {
                    inside[community[v]]++;
                }
            }
        }
        var norm = 1.0 / (4.0 * m * m);
        var q = 0.0;
        for (var c = 0; c < count; c++)
        {
            q += inside[c] / m - degree[c] * degree[c] * norm;
        }
        return q;
    }
}
