namespace Verkostamo.Core.Analysis;

/// <summary>
/// Louvain community detection (Blondel et al. 2008) at resolution 1: local moves in a seeded random
/// order, then communities folded into nodes, repeated while modularity grows. The seed makes the result
/// repeatable for the same map; it is not meant to reproduce networkx's random sequence.
/// </summary>
public static class Louvain
{
    /// <summary>A community label per node: 0 for the largest community, ties broken by the lowest node.</summary>
    public static int[] Communities(CompactGraph g, int seed, CancellationToken ct = default)
    {
        var n = g.NodeCount;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }
        if (g.EdgeCount == 0)
        {
            return Relabel(membership);
        }

        // The working graph: weighted adjacency per (super)node plus self-loop weight.
        var adjacency = new List<(int Node, double Weight)>[n];
        var selfLoops = new double[n];
        for (var v = 0; v < n; v++)
        {
            adjacency[v] = [];
            foreach (var w in g.NeighborsOf(v))
            {
                adjacency[v].Add((w, 1.0));
            }
        }
        var totalWeight = (double)g.EdgeCount;
        var random = new Random(seed);

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var size = adjacency.Length;
            var community = new int[size];
            var strength = new double[size];
            var communityTotal = new double[size];
            for (var v = 0; v < size; v++)
            {
                community[v] = v;
                strength[v] = 2 * selfLoops[v];
                foreach (var (_, weight) in adjacency[v])
                {
                    strength[v] += weight;
                }
                communityTotal[v] = strength[v];
            }
            var order = Enumerable.Range(0, size).ToArray();
            random.Shuffle(order);

            var weightTo = new double[size];
            var touched = new List<int>();
            var movedAny = false;
            bool improved;
            do
            {
                improved = false;
                foreach (var v in order)
                {
                    var own = community[v];
                    foreach (var (w, weight) in adjacency[v])
                    {
                        var c = community[w];
                        if (weightTo[c] == 0)
                        {
                            touched.Add(c);
                        }
                        weightTo[c] += weight;
                    }
                    communityTotal[own] -= strength[v];
                    var best = own;
                    var bestGain = weightTo[own] - communityTotal[own] * strength[v] / (2 * totalWeight);
                    foreach (var c in touched)
                    {
                        var gain = weightTo[c] - communityTotal[c] * strength[v] / (2 * totalWeight);
                        // A strict margin keeps rounding noise from moving nodes back and forth forever.
                        if (gain > bestGain + 1e-12)
                        {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    communityTotal[best] += strength[v];
                    if (best != own)
                    {
                        community[v] = best;
                        improved = true;
                        movedAny = true;
                    }
                    foreach (var c in touched)
                    {
                        weightTo[c] = 0;
                    }
                    touched.Clear();
                }
            }
            while (improved);

            if (!movedAny)
            {
                break;
            }

            // Fold each community into one node.
            var renumber = new int[size];
            Array.Fill(renumber, -1);
            var next = 0;
            for (var v = 0; v < size; v++)
            {
                if (renumber[community[v]] < 0)
                {
                    renumber[community[v]] = next++;
                }
            }
            for (var v = 0; v < n; v++)
            {
                membership[v] = renumber[community[membership[v]]];
            }
            var folded = new Dictionary<int, double>[next];
            var foldedSelf = new double[next];
            for (var c = 0; c < next; c++)
            {
                folded[c] = [];
            }
            for (var v = 0; v < size; v++)
            {
                var cv = renumber[community[v]];
                foldedSelf[cv] += selfLoops[v];
                foreach (var (w, weight) in adjacency[v])
                {
                    var cw = renumber[community[w]];
                    if (cw == cv)
                    {
                        // Seen from both ends: half each time adds the edge once.
                        foldedSelf[cv] += weight / 2;
                    }
                    else
                    {
                        folded[cv][cw] = folded[cv].GetValueOrDefault(cw) + weight;
                    }
                }
            }
            adjacency = [.. folded.Select(d => d.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList())];
            selfLoops = foldedSelf;
            if (next == size)
            {
                break;
            }
        }
        return Relabel(membership);
    }

    private static int[] Relabel(int[] membership)
    {
        var sizes = new Dictionary<int, (int Size, int First)>();
        for (var v = 0; v < membership.Length; v++)
        {
            var (size, first) = sizes.GetValueOrDefault(membership[v], (0, v));
            sizes[membership[v]] = (size + 1, first);
        }
        var rank = sizes.OrderByDescending(p => p.Value.Size).ThenBy(p => p.Value.First)
            .Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i);
        return [.. membership.Select(c => rank[c])];
    }
}
