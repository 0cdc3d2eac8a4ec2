using Verkostamo.Core.Map;

namespace Verkostamo.Core.Analysis;

/// <summary>
/// An undirected simple graph in compressed sparse row form: the neighbours of node i are
/// <c>Neighbors[Offsets[i]..Offsets[i+1]]</c>, sorted. Arrays rather than objects keep memory linear
/// and the traversals cache-friendly, which is what makes betweenness on 10,000 actors fast.
/// </summary>
public sealed class CompactGraph
{
    private CompactGraph(int nodeCount, int[] offsets, int[] neighbors, bool[] strong, int edgeCount, int duplicates)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Neighbors = neighbors;
        StrongSlot = strong;
        EdgeCount = edgeCount;
        DuplicateLinks = duplicates;
    }

    public int NodeCount { get; }

    /// <summary>Number of distinct undirected links.</summary>
    public int EdgeCount { get; }

    /// <summary>Links given more than once between the same two actors, collapsed into one.</summary>
    public int DuplicateLinks { get; }

    public int[] Offsets { get; }
    public int[] Neighbors { get; }

    /// <summary>Per adjacency slot: whether the link is strong (a pair given as both strong and weak counts as strong).</summary>
    public bool[] StrongSlot { get; }

    public int Degree(int v) => Offsets[v + 1] - Offsets[v];

    public ReadOnlySpan<int> NeighborsOf(int v) => Neighbors.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    public bool HasEdge(int u, int v) => NeighborsOf(u).BinarySearch(v) >= 0;

    /// <summary>Builds the graph from node indexes; throws on a self-link or an index out of range.</summary>
    public static CompactGraph Build(int nodeCount, IReadOnlyList<(int A, int B, LinkStrength Strength)> edges, StrengthFilter filter = StrengthFilter.All)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        // Encode each undirected pair once (low, high) with its strength bit; sort to collapse duplicates.
        var keys = new long[edges.Count];
        var count = 0;
        foreach (var (a, b, strength) in edges)
        {
            if ((uint)a >= (uint)nodeCount || (uint)b >= (uint)nodeCount)
            {
                throw new AnalysisInputException($"A link refers to actor index {Math.Max(a, b)} outside 0..{nodeCount - 1}.");
            }
            if (a == b)
            {
                throw new AnalysisInputException($"A link from an actor to itself is not allowed (actor index {a}).");
            }
            var (lo, hi) = a < b ? (a, b) : (b, a);
            // Strong sorts before weak for the same pair, so the kept copy is strong if any copy is.
            keys[count++] = (((long)lo * nodeCount + hi) << 1) | (strength == LinkStrength.Strong ? 0L : 1L);
        }
        Array.Sort(keys, 0, count);

        var pairs = new List<(int Lo, int Hi, bool Strong)>(count);
        var duplicates = 0;
        long previous = -1;
        for (var i = 0; i < count; i++)
        {
            var pair = keys[i] >> 1;
            if (pair == previous)
            {
                duplicates++;
                continue;
            }
            previous = pair;
            var strong = (keys[i] & 1) == 0;
            if (filter == StrengthFilter.Strong && !strong || filter == StrengthFilter.Weak && strong)
            {
                continue;
            }
            pairs.Add(((int)(pair / nodeCount), (int)(pair % nodeCount), strong));
        }

        var offsets = new int[nodeCount + 1];
        foreach (var (lo, hi, _) in pairs)
        {
            offsets[lo + 1]++;
            offsets[hi + 1]++;
        }
        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }
        var neighbors = new int[offsets[nodeCount]];
        var strongSlot = new bool[neighbors.Length];
        var fill = offsets[..^1];
        // Pairs are sorted by (lo, hi): a node's lower neighbours arrive (ascending) before its higher ones
        // (ascending), so every list comes out sorted without another pass.
        foreach (var (lo, hi, strong) in pairs)
        {
            strongSlot[fill[lo]] = strong;
            neighbors[fill[lo]++] = hi;
            strongSlot[fill[hi]] = strong;
            neighbors[fill[hi]++] = lo;
        }
        return new CompactGraph(nodeCount, offsets, neighbors, strongSlot, pairs.Count, duplicates);
    }
}
