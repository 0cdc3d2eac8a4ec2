using Microsoft.Extensions.Localization;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Exports;
using Verkostamo.Features.Exports;
using Verkostamo.Resources;

namespace Verkostamo.Cli;

/// <summary><c>export --network ID --format FORMAT --out FILE [--view ID]</c>: a network as a file, as the export page gives it.</summary>
public static class ExportCommand
{
    /// <summary>Formats of the public interface that a later version produces.</summary>
    /// <summary>The full network backup (docs/BACKUP-FORMAT.md): written by the backup service, not by the exports.</summary>
    private const string Json = "json";

    public static string Help => $"""
        export --network ID --format {string.Join('|', ExportService.Formats.Append(Json))} --out FILE [--view VIEW-ID] [--section KEY]...
              Write a network as a file: the workbook as a PowerPoint deck (pptx) or a Word report (docx), its tables
              as an Excel workbook (xlsx), its map as GraphML or GEXF, its annual clock as a calendar (ics), or
              everything of the network as a full backup (json, the format of docs/BACKUP-FORMAT.md).
              --view picks the saved map view that positions the map (the first saved view by default);
              --section, repeated, limits the documents to those workbook sections.
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
        var format = Option(args, "--format");
        var file = Option(args, "--out");
        if (network is null || format is null || file is null)
        {
            await error.WriteLineAsync("export: give --network ID, --format FORMAT and --out FILE.\n\n" + Help);
            return CliRunner.Usage;
        }
        if (!Guid.TryParse(network, out _))
        {
            await error.WriteLineAsync($"export: '{network}' is not a network id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301).");
            return CliRunner.Usage;
        }
        if (!ExportService.IsFormat(format) && !string.Equals(format, Json, StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"export: unknown format '{format}'; use one of {string.Join(", ", ExportService.Formats.Append(Json))}.");
            return CliRunner.Usage;
        }
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"export: the folder '{folder}' does not exist.");
            return CliRunner.Usage;
        }
        return null;
    }

    public static async Task<int> RunAsync(string[] args, ExportService exports, NetworkBackupService backups, IStringLocalizer<SharedResource> l,
        TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var networkId = Guid.Parse(Option(args, "--network")!);
        if (string.Equals(Option(args, "--format"), Json, StringComparison.OrdinalIgnoreCase))
        {
            return await BackupAsync(networkId, Path.GetFullPath(Option(args, "--out")!), backups, output, error, ct);
        }
        var format = Option(args, "--format")!.ToLowerInvariant();
        var path = Option(args, "--out")!;
        var sections = args.Select((a, i) => (a, i)).Where(x => x.a == "--section" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var file = await exports.ExportAsAdministratorAsync(networkId, format, ExportWords.For(l), ExportEndpoints.Options(Option(args, "--view"), sections), ct);
        if (file is null)
        {
            await error.WriteLineAsync($"No network has the id {networkId}.");
            return CliRunner.Failure;
        }
        await File.WriteAllBytesAsync(path, file.Content, ct);
        await output.WriteLineAsync($"Wrote {file.Content.Length} bytes of {format} to {path}.");
        return CliRunner.Ok;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<int> BackupAsync(Guid networkId, string path, NetworkBackupService backups, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var written = false;
        await using (var file = File.Create(path))
        {
            written = await backups.WriteAsync(networkId, file, ct);
        }
        if (!written)
        {
            File.Delete(path);
            await error.WriteLineAsync($"No network has the id {networkId}.");
            return CliRunner.Failure;
        }
        await output.WriteLineAsync($"Wrote {new FileInfo(path).Length} bytes of json to {path}: the full backup of the network.");
        return CliRunner.Ok;
    }
}
