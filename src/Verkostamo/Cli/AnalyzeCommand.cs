using Verkostamo.Core.Analysis;
using Verkostamo.Core.Map.Formats;

namespace Verkostamo.Cli;

/// <summary>
/// <c>analyze FILE</c>: the metrics of a GraphML, GEXF or CSV graph as JSON on standard output. Needs no database; the size
/// limits come from configuration (Verkostamo:Import for the file, Verkostamo:Analysis for the graph).
/// </summary>
public static class AnalyzeCommand
{
    public const string Help = """
        analyze FILE [--strength all|strong|weak] [--indent]
              Print the network metrics of a graph file as JSON: nodes, edges, density, components and per actor
              (by the file's own id) degree, degreeCentrality, betweenness, closeness, eigenvector, clustering and
              community, with networkx's definitions; Gould-Fernandez brokerage roles too when the actors carry a
              sector attribute. FILE is GraphML, GEXF, a CSV edge list (source,target[,strength]) or one of
              Verkostamo's map exports (CSV zip, XLSX). --strength limits the metrics to strong or weak links.
              A file that cannot be read, or a graph over the configured limits, exits with 2 and a message.
        """;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(Help);
            return CliRunner.Ok;
        }
        var positional = Positional(args);
        if (positional.Count != 1)
        {
            await error.WriteLineAsync("analyze: give exactly one FILE.\n\n" + Help);
            return CliRunner.Usage;
        }
        var strength = StrengthFilter.All;
        if (Option(args, "--strength") is { } s && !Enum.TryParse(s, ignoreCase: true, out strength))
        {
            await error.WriteLineAsync($"analyze: --strength takes all, strong or weak, not '{s}'.");
            return CliRunner.Usage;
        }
        var path = positional[0];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"analyze: the file '{path}' does not exist.");
            return CliRunner.Usage;
        }

        var importLimits = configuration.GetSection(MapImportLimits.Section).Get<MapImportLimits>() ?? MapImportLimits.Default;
        var analysisLimits = configuration.GetSection("Verkostamo:Analysis").Get<AnalysisLimits>() ?? new AnalysisLimits();
        MapFileContent content;
        await using (var stream = File.OpenRead(path))
        {
            content = MapFileReader.Read(stream, Path.GetFileName(path), importLimits);
        }
        if (!content.Succeeded)
        {
            foreach (var problem in content.Errors)
            {
                await error.WriteLineAsync("error: " + problem);
            }
            await error.WriteLineAsync($"analyze: the file {path} could not be read as a graph.");
            return CliRunner.Usage;
        }
        foreach (var warning in content.Warnings)
        {
            await error.WriteLineAsync("warning: " + warning);
        }

        // A sector the file did not give is unknown, not the reader's default: brokerage is reported only for sectors the file carries.
        var nodes = NetworkAnalyzer.NodesOf(content.Document)
            .Select(n => content.ActorFields.TryGetValue(n.Id, out var fields) && !fields.Contains(MapFileFields.Sector) ? n with { Sector = null } : n)
            .ToList();
        try
        {
            var analysis = NetworkAnalyzer.Analyze(nodes, NetworkAnalyzer.EdgesOf(content.Document),
                new AnalysisOptions { Strength = strength, Limits = analysisLimits }, ct: ct);
            await output.WriteLineAsync(AnalysisJson.ToJson(analysis, args.Contains("--indent")));
            return CliRunner.Ok;
        }
        catch (AnalysisInputException ex)
        {
            await error.WriteLineAsync("analyze: " + ex.Message);
            return CliRunner.Usage;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static List<string> Positional(string[] args)
    {
        var list = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--strength")
            {
                i++;
            }
            else if (args[i] != "--indent")
            {
                list.Add(args[i]);
            }
        }
        return list;
    }
}
