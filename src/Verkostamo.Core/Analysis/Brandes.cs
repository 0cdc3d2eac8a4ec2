using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verkostamo.Core.Analysis;

/// <summary>
/// Brandes' betweenness with closeness on the side, tuned because it is the one metric whose cost grows
/// with n·m (docs/BENCHMARKS.md measures it against igraph):
/// <list type="bullet">
/// <item>the graph is relabelled in breadth-first order first, so neighbours sit close together in memory
/// and the searches hit the cache far more often;</item>
/// <item>the forward search records each shortest-path successor as it finds it, so the backward pass
/// walks only those arcs, reading one precomputed coefficient per arc instead of testing every neighbour's
/// distance;</item>
/// <item>a node's σ and its coefficient share one slot (σ is not read again once the coefficient is known),
/// which keeps the per-source working set smaller;</item>
/// <item>sources run in parallel, each worker with its own buffers and sums, merged at the end. Memory is
/// O(n + m) per worker.</item>
/// </list>
/// </summary>
internal static class Brandes
{
    public static (double[] Betweenness, double[] Closeness) Run(CompactGraph g, IProgress<int>? progress, CancellationToken ct)
    {
        var n = g.NodeCount;
        var betweenness = new double[n];
        var closeness = new double[n];
        if (n == 0)
        {
            return (betweenness, closeness);
        }
        var (offsets, neighbors, original) = RelabelBreadthFirst(g);
        var relabelledBetweenness = new double[n];
        var done = 0;
        var lastReported = -1;
        var gate = new object();
        var chunk = Math.Max(1, n / (Environment.ProcessorCount * 16));
        var options = new ParallelOptions { CancellationToken = ct };
        Parallel.For(0, (n + chunk - 1) / chunk, options, () => new Buffers(n, neighbors.Length), (c, _, buffers) =>
        {
            var end = Math.Min(n, (c + 1) * chunk);
            for (var s = c * chunk; s < end; s++)
            {
                ct.ThrowIfCancellationRequested();
                closeness[original[s]] = buffers.Run(offsets, neighbors, s);
            }
            if (progress is not null)
            {
                var now = Interlocked.Add(ref done, end - c * chunk) * 100 / n;
                if (now > Volatile.Read(ref lastReported) && Interlocked.Exchange(ref lastReported, now) < now)
                {
                    progress.Report(now);
                }
            }
            return buffers;
        }, buffers =>
        {
            lock (gate)
            {
                for (var v = 0; v < n; v++)
                {
                    relabelledBetweenness[v] += buffers.Betweenness[v];
                }
            }
        });
        // Each unordered pair was counted from both ends; networkx's normalisation 1/((n−1)(n−2)) for an
        // undirected graph assumes exactly that, and leaves n ≤ 2 unscaled.
        var scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        for (var v = 0; v < n; v++)
        {
            betweenness[original[v]] = relabelledBetweenness[v] * scale;
        }
        return (betweenness, closeness);
    }

    /// <summary>The graph with nodes numbered in breadth-first order (component by component); original[new] = old.</summary>
    private static (int[] Offsets, int[] Neighbors, int[] Original) RelabelBreadthFirst(CompactGraph g)
    {
        var n = g.NodeCount;
        var original = new int[n];
        var label = new int[n];
        Array.Fill(label, -1);
        var count = 0;
        for (var root = 0; root < n; root++)
        {
            if (label[root] >= 0)
            {
                continue;
            }
            label[root] = count;
            original[count++] = root;
            for (var head = count - 1; head < count; head++)
            {
                foreach (var w in g.NeighborsOf(original[head]))
                {
                    if (label[w] < 0)
                    {
                        label[w] = count;
                        original[count++] = w;
                    }
                }
            }
        }
        var offsets = new int[n + 1];
        var neighbors = new int[g.Neighbors.Length];
        for (var v = 0; v < n; v++)
        {
            var from = g.NeighborsOf(original[v]);
            offsets[v + 1] = offsets[v] + from.Length;
            var to = neighbors.AsSpan(offsets[v], from.Length);
            for (var i = 0; i < from.Length; i++)
            {
                to[i] = label[from[i]];
            }
        }
        return (offsets, neighbors, original);
    }

    private sealed class Buffers
    {
        private readonly int[] dist;
        private readonly double[] sigma;
        private readonly int[] order;
        private readonly int[] successors;
        private readonly int[] successorsEnd;

        public Buffers(int n, int arcs)
        {
            dist = new int[n];
            Array.Fill(dist, -1);
            sigma = new double[n];
            order = new int[n];
            successors = new int[arcs];
            successorsEnd = new int[n];
            Betweenness = new double[n];
        }

        public double[] Betweenness { get; }

        /// <summary>One pass from <paramref name="s"/>; returns the source's closeness.</summary>
        /// <remarks>
        /// The hot loops index through references instead of array accessors: every index comes from the
        /// graph's own offsets or from the queue, all within bounds by construction, and the bounds checks
        /// were a measurable share of the time.
        /// </remarks>
        public double Run(int[] offsetArray, int[] neighborArray, int s)
        {
            ref var offsets = ref MemoryMarshal.GetArrayDataReference(offsetArray);
            ref var neighbors = ref MemoryMarshal.GetArrayDataReference(neighborArray);
            ref var distance = ref MemoryMarshal.GetArrayDataReference(dist);
            ref var paths = ref MemoryMarshal.GetArrayDataReference(sigma);
            ref var queue = ref MemoryMarshal.GetArrayDataReference(order);
            ref var successor = ref MemoryMarshal.GetArrayDataReference(successors);
            ref var successorEnd = ref MemoryMarshal.GetArrayDataReference(successorsEnd);
            ref var betweenness = ref MemoryMarshal.GetArrayDataReference(Betweenness);

            var head = 0;
            var tail = 0;
            var arcs = 0;
            long totalDistance = 0;
            Unsafe.Add(ref queue, tail++) = s;
            Unsafe.Add(ref distance, s) = 0;
            Unsafe.Add(ref paths, s) = 1;
            while (head < tail)
            {
                var v = Unsafe.Add(ref queue, head++);
                var next = Unsafe.Add(ref distance, v) + 1;
                totalDistance += next - 1;
                var sv = Unsafe.Add(ref paths, v);
                var end = Unsafe.Add(ref offsets, v + 1);
                for (var i = Unsafe.Add(ref offsets, v); i < end; i++)
                {
                    var w = Unsafe.Add(ref neighbors, i);
                    ref var dw = ref Unsafe.Add(ref distance, w);
                    var d = dw;
                    if (d < 0)
                    {
                        dw = next;
                        d = next;
                        Unsafe.Add(ref queue, tail++) = w;
                    }
                    if (d == next)
                    {
                        Unsafe.Add(ref paths, w) += sv;
                        Unsafe.Add(ref successor, arcs++) = w;
                    }
                }
                Unsafe.Add(ref successorEnd, head - 1) = arcs;
            }
            // Backward: once a node's dependency is known its σ is no longer needed, so the same slot holds its
            // coefficient (1 + δ) / σ for the predecessors that read it.
            for (var k = tail - 1; k > 0; k--)
            {
                var v = Unsafe.Add(ref queue, k);
                var sum = 0.0;
                var end = Unsafe.Add(ref successorEnd, k);
                for (var i = Unsafe.Add(ref successorEnd, k - 1); i < end; i++)
                {
                    sum += Unsafe.Add(ref paths, Unsafe.Add(ref successor, i));
                }
                ref var pv = ref Unsafe.Add(ref paths, v);
                var delta = pv * sum;
                pv = (1.0 + delta) / pv;
                Unsafe.Add(ref betweenness, v) += delta;
            }
            for (var k = 0; k < tail; k++)
            {
                var v = Unsafe.Add(ref queue, k);
                Unsafe.Add(ref distance, v) = -1;
                Unsafe.Add(ref paths, v) = 0;
            }
            var reachable = tail - 1;
            var n = dist.Length;
            if (totalDistance == 0 || n <= 1)
            {
                return 0;
            }
            // Wasserman–Faust: scale by the share of the graph the node reaches.
            return reachable / (double)totalDistance * (reachable / (n - 1.0));
        }
    }
}
