using Verkostamo.Core.Backup;
using Verkostamo.Core.Data;

namespace Verkostamo.Cli;

/// <summary><c>backup --out FILE</c> and <c>restore --in FILE</c>: the whole instance's database.</summary>
public static class BackupCommand
{
    public const string BackupHelp = """
        backup --out FILE [--force]
              Back up the whole instance's database to FILE: SQLite through its online backup (consistent while the app
              runs), PostgreSQL through pg_dump (custom format; pg_dump from PATH or Backup:PostgresBin). An existing
              FILE is replaced only with --force.
        """;

    public const string RestoreHelp = """
        restore --in FILE [--force]
              Restore an instance backup made by 'backup' into the configured database of the same kind. A database
              that already holds accounts or networks is replaced only with --force. Stop the app first.
        """;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var verb = args[0];
        var restore = verb == "restore";
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(restore ? RestoreHelp : BackupHelp);
            return CliRunner.Ok;
        }
        var file = Option(args, restore ? "--in" : "--out");
        if (file is null)
        {
            await error.WriteLineAsync($"{verb}: give {(restore ? "--in" : "--out")} FILE.\n\n{(restore ? RestoreHelp : BackupHelp)}");
            return CliRunner.Usage;
        }
        var force = args.Contains("--force");
        var options = configuration.GetSection(InstanceBackupOptions.Section).Get<InstanceBackupOptions>() ?? new InstanceBackupOptions();
        try
        {
            var provider = DatabaseSetup.ParseProvider(configuration["Database:Provider"]);
            var connectionString = provider == DatabaseProvider.Sqlite
                ? configuration.GetConnectionString("Verkostamo") ?? DatabaseSetup.DefaultSqliteConnectionString
                : configuration.GetConnectionString("Verkostamo") ?? throw new DatabaseStartupException("ConnectionStrings:Verkostamo is empty.");
            if (restore)
            {
                await InstanceBackup.RestoreAsync(provider, connectionString, file, force, options.PostgresBin, ct);
                await output.WriteLineAsync($"Restored {file} into the {provider} database. Start the app to use it.");
                return CliRunner.Ok;
            }
            if (File.Exists(file) && !force)
            {
                await error.WriteLineAsync($"backup: {file} exists; give --force to replace it.");
                return CliRunner.Usage;
            }
            await InstanceBackup.BackupAsync(provider, connectionString, file, options.PostgresBin, ct);
            await output.WriteLineAsync($"Backed up the {provider} database to {file} ({new FileInfo(file).Length} bytes).");
            return CliRunner.Ok;
        }
        catch (Exception ex) when (ex is InstanceBackupException or DatabaseStartupException or IOException or UnauthorizedAccessException
            or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            await error.WriteLineAsync($"{verb} failed: {ex.Message}");
            return CliRunner.Failure;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
