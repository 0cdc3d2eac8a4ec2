using Microsoft.AspNetCore.Identity;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map.Import;

namespace Verkostamo.Cli;

/// <summary>
/// <c>import --network ID --in FILE [--dry-run]</c>: actors and links from CSV, XLSX, GraphML or GEXF into a network;
/// <c>import --in BACKUP.json</c>: a full network backup as a new network.
/// </summary>
public static class ImportCommand
{
    public const string Help = """
        import --network ID --in FILE [--dry-run]
              Import actors and links into a network from a CSV file (actors or links; or a zip of actors.csv
              and links.csv), an Excel workbook (sheets Toimijat and Yhteydet), GraphML or GEXF. Actors match the
              network's own by id or by name. Prints what changes, then applies it in one transaction unless
              --dry-run is given. A file with errors changes nothing and exits with 2.
        import --in BACKUP.json [--owner EMAIL]
              Make a full network backup (.json, or a .zip holding it) a new network with new ids. The backup's members
              whose e-mail has an account here become members again in their roles; --owner makes that account an
              owner too. A damaged, changed or too new file changes nothing. Prints the new network's id last.
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
            if (Option(args, "--owner") is { } owner && !EmailAddresses.IsValid(owner))
            {
                await error.WriteLineAsync($"import: '{owner}' is not an e-mail address.");
                return CliRunner.Usage;
            }
            return File.Exists(file) ? null : await MissingAsync(file, error);
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
        return File.Exists(file) ? null : await MissingAsync(file, error);
    }

    private static async Task<int?> MissingAsync(string file, TextWriter error)
    {
        await error.WriteLineAsync($"import: the file '{file}' does not exist.");
        return CliRunner.Usage;
    }

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (Option(args, "--network") is null)
        {
            return await ImportBackupAsync(args, services, output, error, ct);
        }
        var import = services.GetRequiredService<MapImportService>();
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

    private static async Task<int> ImportBackupAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var path = Option(args, "--in")!;
        string? ownerId = null;
        if (Option(args, "--owner") is { } email)
        {
            var owner = await services.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
            if (owner is null)
            {
                await error.WriteLineAsync($"No account has the e-mail {email}. Create it first with: users create {email}");
                return CliRunner.Failure;
            }
            ownerId = owner.Id;
        }
        BackupReadResult read;
        await using (var stream = File.OpenRead(path))
        {
            read = await BackupFileReader.ReadAsync(stream, services.GetRequiredService<BackupImportLimits>(), ct);
        }
        if (read.Payload is not { } payload)
        {
            await error.WriteLineAsync($"The file {path} was not imported: {read.Detail} Nothing was changed.");
            if (read.ErrorCode == BackupErrors.NotBackup)
            {
                await error.WriteLineAsync("To import actors and links into an existing network, give --network ID.");
            }
            return CliRunner.Usage;
        }
        var summary = BackupSummary.Of(payload);
        var result = await services.GetRequiredService<NetworkBackupService>().ImportAsync(payload, new BackupImportOptions(ownerId, RestoreMembers: true), ct);
        if (result.Value is not { } imported)
        {
            await error.WriteLineAsync(result.ErrorCode == BackupErrors.NoOwner
                ? "None of the backup's owners has an account here: give --owner EMAIL of the account that is to own the network. Nothing was changed."
                : $"The backup could not be imported ({result.ErrorCode}): its content breaks a rule of the database. Nothing was changed.");
            return CliRunner.Failure;
        }
        await output.WriteLineAsync($"Network '{summary.NetworkName}': {summary.Members} members in the backup, {summary.Sections} sections, {summary.Themes} themes, "
            + $"{summary.Actions} steps, {summary.ClockEvents} clock events, {summary.Actors} actors, {summary.Links} links, {summary.MapVersions} map versions, "
            + $"{summary.AuditEntries} audit entries.");
        await output.WriteLineAsync("Imported as a new network:");
        await output.WriteLineAsync(imported.NetworkId.ToString());
        return CliRunner.Ok;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
