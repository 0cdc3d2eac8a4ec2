using Verkostamo.Core.Common;
using Verkostamo.Core.Map.Import;

namespace Verkostamo.Cli;

/// <summary><c>import --network ID --in FILE [--dry-run]</c>: actors and links from CSV, XLSX, GraphML or GEXF into a network.</summary>
public static class ImportCommand
{
    public const string Help = """
        import --network ID --in FILE [--dry-run]
              Import actors and links into a network from a CSV file (actors or links; or a zip of actors.csv
              and links.csv), an Excel workbook (sheets Toimijat and Yhteydet), GraphML or GEXF. Actors match the
              network's own by id or by name. Prints what changes, then applies it in one transaction unless
              --dry-run is given. A file with errors changes nothing and exits with 2.
        """;

    /// <summary>Checks the arguments before anything starts: null when they are fine, else the exit code after a message.</summary>
    public static async Task<int?> CheckArgumentsAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(Help);
            return CliRunner.Ok;
        }
        var network = Option(args, "--network");
        var file = Option(args, "--in");
        if (network is null && file is not null)
        {
            await error.WriteLineAsync("import --in BACKUP.json (a full network backup restored as a new network) is not part of this version yet. "
                + "To import actors and links into an existing network, give --network ID.");
            return CliRunner.Usage;
        }
        if (network is null || file is null)
        {
            await error.WriteLineAsync("import: give --network ID and --in FILE.\n\n" + Help);
            return CliRunner.Usage;
        }
        if (!Guid.TryParse(network, out _))
        {
            await error.WriteLineAsync($"import: '{network}' is not a network id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301).");
            return CliRunner.Usage;
        }
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"import: the file '{file}' does not exist.");
            return CliRunner.Usage;
        }
        return null;
    }

    public static async Task<int> RunAsync(string[] args, MapImportService import, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var networkId = Guid.Parse(Option(args, "--network")!);
        var path = Option(args, "--in")!;
        var dryRun = args.Contains("--dry-run");
        await using var stream = File.OpenRead(path);
        var result = dryRun
            ? await import.PreviewAsAdministratorAsync(networkId, stream, Path.GetFileName(path), ct)
            : await import.ApplyAsAdministratorAsync(networkId, stream, Path.GetFileName(path), ct);
        if (result.Value is not { } preview)
        {
            await error.WriteLineAsync(result.ErrorCode == ErrorCodes.NotFound
                ? $"No network has the id {networkId}."
                : $"The import failed ({result.ErrorCode}); nothing was changed.");
            return CliRunner.Failure;
        }
        foreach (var warning in preview.Warnings)
        {
            await output.WriteLineAsync("warning: " + warning);
        }
        if (!preview.CanApply)
        {
            foreach (var problem in preview.Errors)
            {
                await error.WriteLineAsync("error: " + problem);
            }
            await error.WriteLineAsync($"The file {path} was not imported: it has {preview.Errors.Count} error(s). Nothing was changed.");
            return CliRunner.Usage;
        }
        await output.WriteLineAsync($"Actors: {preview.ActorsAdded} added, {preview.ActorsUpdated} updated, {preview.ActorsUnchanged} unchanged.");
        await output.WriteLineAsync($"Links: {preview.LinksAdded} added, {preview.LinksUpdated} updated, {preview.LinksUnchanged} unchanged.");
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"The import failed ({result.ErrorCode}); nothing was changed.");
            return CliRunner.Failure;
        }
        await output.WriteLineAsync(dryRun ? "Dry run: nothing was changed." : "Imported.");
        return CliRunner.Ok;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
