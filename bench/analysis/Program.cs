using System.Diagnostics;
using System.Globalization;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.Map;

namespace Verkostamo.Bench.Analysis;

/// <summary>
/// Betweenness on a random graph (10,000 actors, 50,000 links) timed against igraph on the same edge list
/// in the same run, and all metrics together for 2,000 actors / 10,000 links. Arguments: the python that
/// has igraph (default /usr/bin/python3) and the folder of this project (for igraph_betweenness.py).
/// </summary>
public static class Program
{
    private const int Repeats = 5;

    public static int Main(string[] args)
    {
        var python = args.Length > 0 ? args[0] : "/usr/bin/python3";
        var here = args.Length > 1 ? args[1] : AppContext.BaseDirectory;
        var (nodes10k, edges10k) = RandomGraph(10_000, 50_000, seed: 1);
        var (nodes2k, edges2k) = RandomGraph(2_000, 10_000, seed: 2);
        var edgeFile = Path.Combine(Path.GetTempPath(), "verkostamo-bench-10k.txt");
        File.WriteAllLines(edgeFile, edges10k.Select(e => $"{e.Source[1..]} {e.Target[1..]}"));

        var index = nodes10k.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var graph = CompactGraph.Build(nodes10k.Count, [.. edges10k.Select(e => (index[e.Source], index[e.Target], e.Strength))]);
        GraphMetrics.ShortestPathCentralities(graph); // warm-up: JIT and tiering
        var ours = Median(() => GraphMetrics.ShortestPathCentralities(graph));

        var igraph = RunIgraph(python, Path.Combine(here, "igraph_betweenness.py"), edgeFile);
        NetworkAnalyzer.Analyze(nodes2k, edges2k);
        var all2k = Median(() => NetworkAnalyzer.Analyze(nodes2k, edges2k));
        var all10k = Median(() => NetworkAnalyzer.Analyze(nodes10k, edges10k));

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; processors: {Environment.ProcessorCount}; .NET {Environment.Version}"));
        Console.WriteLine(string.Create(inv, $"betweenness 10,000/50,000 (with closeness), median of {Repeats}: Verkostamo {ours:F3} s"));
        Console.WriteLine(igraph is { } t
            ? string.Create(inv, $"betweenness 10,000/50,000, igraph {t.Version}, median of {Repeats}: {t.Seconds:F3} s; ratio Verkostamo/igraph = {ours / t.Seconds:F3}")
            : "igraph: not available (install python3-igraph)");
        Console.WriteLine(string.Create(inv, $"all metrics 2,000/10,000, median of {Repeats}: {all2k:F3} s"));
        Console.WriteLine(string.Create(inv, $"all metrics 10,000/50,000, median of {Repeats}: {all10k:F3} s"));
        return 0;
    }

    private static double Median(Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[Repeats / 2];
    }

    /// <summary>G(n, m): m distinct links drawn uniformly, with a fixed seed; one actor in four strong-linked, sectors at random.</summary>
    private static (List<AnalysisNode> Nodes, List<AnalysisEdge> Edges) RandomGraph(int n, int m, int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, n).Select(i => new AnalysisNode($"a{i}") { Sector = (Sector)random.Next(4) }).ToList();
        var seen = new HashSet<(int, int)>();
        var edges = new List<AnalysisEdge>(m);
        while (edges.Count < m)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a == b || !seen.Add(a < b ? (a, b) : (b, a)))
            {
                continue;
            }
            edges.Add(new AnalysisEdge($"a{a}", $"a{b}", random.Next(4) == 0 ? LinkStrength.Strong : LinkStrength.Weak));
        }
        return (nodes, edges);
    }

    private static (double Seconds, string Version)? RunIgraph(string python, string script, string edgeFile)
    {
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(edgeFile);
            start.ArgumentList.Add(Repeats.ToString(CultureInfo.InvariantCulture));
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(process.StandardError.ReadToEnd());
                return null;
            }
            var parts = output.Trim().Split(' ');
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
