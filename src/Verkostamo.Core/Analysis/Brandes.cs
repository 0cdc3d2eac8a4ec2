using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verkostamo.Core.Analysis;

/// <summary>
/// Brandes' betweenness with closeness on the side, tuned because it is the one metric whose cost grows
/// with n·m (docs/BENCHMARKS.md measures it against igraph):
/// <list type="bullet">
/// <item>the graph is relabelled in breadth-first order first, so neighbours sit close together in memory
/// and the searches hit the cache far more often;</item>
/// <item>the forward search switches direction level by level (Beamer's direction-optimising search): while
/// the frontier has fewer arcs than the nodes not yet reached, the frontier pushes to its neighbours; once it
/// has more, each unreached node looks for its parents in the frontier instead. In a small-world network the
/// middle levels hold most nodes, and the switch skips most of their arcs to nodes already reached;</item>
/// <item>the forward search records each shortest-path arc as it finds it (a successor list where the frontier
/// pushed, a parent list where nodes looked up), so the backward pass walks only those arcs, reading one
/// precomputed coefficient per arc instead of testing every neighbour's distance;</item>
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

    /// <summary>One worker's arrays, reused from source to source; all are reset by the pass that dirtied them.</summary>
    private sealed class Buffers
    {
        private readonly int[] dist;
        private readonly double[] sigma;
        private readonly double[] pending;
        private readonly int[] order;
        private readonly int[] arcList;
        private readonly int[] successorsEnd;
        private readonly int[] predecessorsEnd;
        private readonly int[] levelStart;
        private readonly int[] blockStart;
        private readonly bool[] bottomUp;
        private readonly int[] unvisited;

        public Buffers(int n, int arcs)
        {
            dist = new int[n];
            Array.Fill(dist, -1);
            sigma = new double[n];
            pending = new double[n];
            order = new int[n];
            arcList = new int[arcs];
            successorsEnd = new int[n];
            predecessorsEnd = new int[n];
            levelStart = new int[n + 2];
            blockStart = new int[n + 1];
            bottomUp = new bool[n + 1];
            unvisited = new int[n];
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
            ref var acc = ref MemoryMarshal.GetArrayDataReference(pending);
            ref var queue = ref MemoryMarshal.GetArrayDataReference(order);
            ref var arcsRef = ref MemoryMarshal.GetArrayDataReference(arcList);
            ref var successorEnd = ref MemoryMarshal.GetArrayDataReference(successorsEnd);
            ref var predecessorEnd = ref MemoryMarshal.GetArrayDataReference(predecessorsEnd);
            ref var betweenness = ref MemoryMarshal.GetArrayDataReference(Betweenness);
            var n = dist.Length;
            long totalArcs = neighborArray.Length;

            var tail = 1;
            var arcs = 0;
            long totalDistance = 0;
            queue = s;
            Unsafe.Add(ref distance, s) = 0;
            Unsafe.Add(ref paths, s) = 1;
            levelStart[0] = 0;
            levelStart[1] = 1;
            long frontierArcs = Unsafe.Add(ref offsets, s + 1) - Unsafe.Add(ref offsets, s);
            var visitedArcs = frontierArcs;
            var unvisitedCount = -1;
            var level = 0;
            while (levelStart[level + 1] > levelStart[level])
            {
                var next = level + 1;
                var first = levelStart[level];
                var last = levelStart[level + 1];
                totalDistance += (long)level * (last - first);
                blockStart[level] = arcs;
                long newArcs = 0;
                if (frontierArcs > totalArcs - visitedArcs)
                {
                    // Bottom-up: few arcs lead to unvisited nodes, so each unvisited node looks for its parents.
                    bottomUp[level] = true;
                    if (unvisitedCount < 0)
                    {
                        unvisitedCount = 0;
                        for (var x = 0; x < n; x++)
                        {
                            if (Unsafe.Add(ref distance, x) < 0)
                            {
                                unvisited[unvisitedCount++] = x;
                            }
                        }
                    }
                    var kept = 0;
                    for (var j = 0; j < unvisitedCount; j++)
                    {
                        var w = unvisited[j];
                        if (Unsafe.Add(ref distance, w) >= 0)
                        {
                            continue;
                        }
                        var from = arcs;
                        var sum = 0.0;
                        var end = Unsafe.Add(ref offsets, w + 1);
                        for (var i = Unsafe.Add(ref offsets, w); i < end; i++)
                        {
                            var u = Unsafe.Add(ref neighbors, i);
                            if (Unsafe.Add(ref distance, u) == level)
                            {
                                sum += Unsafe.Add(ref paths, u);
                                Unsafe.Add(ref arcsRef, arcs++) = u;
                            }
                        }
                        if (arcs > from)
                        {
                            Unsafe.Add(ref distance, w) = next;
                            Unsafe.Add(ref paths, w) = sum;
                            Unsafe.Add(ref predecessorEnd, tail) = arcs;
                            Unsafe.Add(ref queue, tail++) = w;
                            newArcs += end - Unsafe.Add(ref offsets, w);
                        }
                        else
                        {
                            unvisited[kept++] = w;
                        }
                    }
                    unvisitedCount = kept;
                }
                else
                {
                    bottomUp[level] = false;
                    for (var k = first; k < last; k++)
                    {
                        var v = Unsafe.Add(ref queue, k);
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
                                newArcs += Unsafe.Add(ref offsets, w + 1) - Unsafe.Add(ref offsets, w);
                            }
                            if (d == next)
                            {
                                Unsafe.Add(ref paths, w) += sv;
                                Unsafe.Add(ref arcsRef, arcs++) = w;
                            }
                        }
                        Unsafe.Add(ref successorEnd, k) = arcs;
                    }
                }
                visitedArcs += newArcs;
                frontierArcs = newArcs;
                levelStart[level + 2] = tail;
                level++;
            }
            // level is now one past the deepest level. Backward, deepest first: once a node's dependency is known
            // its σ is no longer needed, so the same slot holds its coefficient (1 + δ) / σ for its parents.
            for (var l = level - 1; l >= 1; l--)
            {
                var first = levelStart[l];
                var last = levelStart[l + 1];
                if (bottomUp[l])
                {
                    // Level l + 1 was found bottom-up: its nodes push their coefficients to their parents.
                    var lastChild = levelStart[l + 2];
                    var i = blockStart[l];
                    for (var k = last; k < lastChild; k++)
                    {
                        var coefficient = Unsafe.Add(ref paths, Unsafe.Add(ref queue, k));
                        var end = Unsafe.Add(ref predecessorEnd, k);
                        for (; i < end; i++)
                        {
                            Unsafe.Add(ref acc, Unsafe.Add(ref arcsRef, i)) += coefficient;
                        }
                    }
                    for (var k = first; k < last; k++)
                    {
                        var v = Unsafe.Add(ref queue, k);
                        ref var av = ref Unsafe.Add(ref acc, v);
                        ref var pv = ref Unsafe.Add(ref paths, v);
                        var delta = pv * av;
                        av = 0;
                        pv = (1.0 + delta) / pv;
                        Unsafe.Add(ref betweenness, v) += delta;
                    }
                }
                else
                {
                    var i = blockStart[l];
                    for (var k = first; k < last; k++)
                    {
                        var v = Unsafe.Add(ref queue, k);
                        var sum = 0.0;
                        var end = Unsafe.Add(ref successorEnd, k);
                        for (; i < end; i++)
                        {
                            sum += Unsafe.Add(ref paths, Unsafe.Add(ref arcsRef, i));
                        }
                        ref var pv = ref Unsafe.Add(ref paths, v);
                        var delta = pv * sum;
                        pv = (1.0 + delta) / pv;
                        Unsafe.Add(ref betweenness, v) += delta;
                    }
                }
            }
            for (var k = 0; k < tail; k++)
            {
                var v = Unsafe.Add(ref queue, k);
                Unsafe.Add(ref distance, v) = -1;
                Unsafe.Add(ref paths, v) = 0;
            }
            var reachable = tail - 1;
            if (totalDistance == 0 || n <= 1)
            {
                return 0;
            }
            // Wasserman–Faust: scale by the share of the graph the node reaches.
            return reachable / (double)totalDistance * (reachable / (n - 1.0));
        }
    }
}
