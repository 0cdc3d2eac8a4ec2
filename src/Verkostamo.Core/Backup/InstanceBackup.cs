using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Backup;

/// <summary>Settings of instance backups (configuration section <c>Backup</c>).</summary>
public sealed class InstanceBackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where scheduled backups go; scheduled backups are off while this is empty.</summary>
    public string? Directory { get; set; }

    /// <summary>Time between scheduled backups.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups are kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The folder of pg_dump and pg_restore when they are not on PATH.</summary>
    public string? PostgresBin { get; set; }
}

/// <summary>An instance backup or restore could not be done; the message says why and what to do.</summary>
public sealed class InstanceBackupException(string message) : Exception(message);

/// <summary>
/// The whole instance's database to one file and back: SQLite through its online backup API (a consistent copy while
/// the app writes), PostgreSQL through pg_dump's custom format and pg_restore in one transaction.
/// </summary>
public static class InstanceBackup
{
    public const string ScheduledPrefix = "verkostamo-";
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    /// <summary>The file extension of a backup of the provider.</summary>
    public static string Extension(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? ".db" : ".dump";

    public static async Task BackupAsync(DatabaseProvider provider, string connectionString, string outPath, string? postgresBin, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(outPath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written beside the target and moved into place, so a failed run never leaves a half file under the final name.
        var partial = full + ".partial";
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                await Task.Run(() => BackupSqlite(connectionString, partial), ct);
            }
            else
            {
                await RunToolAsync(postgresBin, "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], connectionString, ct);
            }
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task RestoreAsync(DatabaseProvider provider, string connectionString, string inPath, bool force, string? postgresBin, CancellationToken ct = default)
    {
        if (!File.Exists(inPath))
        {
            throw new InstanceBackupException($"The file {inPath} does not exist.");
        }
        var kind = await DetectAsync(inPath, ct);
        if (kind != provider)
        {
            throw new InstanceBackupException(kind is null
                ? $"The file {inPath} is not a Verkostamo instance backup (neither an SQLite database nor a pg_dump archive)."
                : $"The file {inPath} is a backup of {Name(kind.Value)}, but the configured database is {Name(provider)}. Restore it into the same kind of database.");
        }
        if (!force && await HasDataAsync(provider, connectionString, ct))
        {
            throw new InstanceBackupException("The target database already holds accounts or networks. Restoring replaces all of it: give --force to do so.");
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            await Task.Run(() => RestoreSqlite(connectionString, inPath), ct);
        }
        else
        {
            await RunToolAsync(postgresBin, "pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", inPath],
                connectionString, ct, database: true);
        }
    }

    /// <summary>One scheduled backup into <paramref name="directory"/>, then the oldest beyond <paramref name="keep"/> are deleted.</summary>
    /// <returns>The new file.</returns>
    public static async Task<string> RunScheduledAsync(DatabaseProvider provider, string connectionString, InstanceBackupOptions options, DateTimeOffset now, CancellationToken ct = default)
    {
        var directory = options.Directory ?? throw new InstanceBackupException("Backup:Directory is not set.");
        var extension = Extension(provider);
        var path = Path.Combine(directory, $"{ScheduledPrefix}{now.UtcDateTime:yyyyMMdd-HHmmss}{extension}");
        await BackupAsync(provider, connectionString, path, options.PostgresBin, ct);
        // The names sort by time, so the newest come first when sorted descending.
        foreach (var old in System.IO.Directory.GetFiles(directory, ScheduledPrefix + "*" + extension)
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal).Skip(Math.Max(1, options.Keep)))
        {
            File.Delete(old);
        }
        return path;
    }

    private static void BackupSqlite(string connectionString, string target)
    {
        using var source = new SqliteConnection(DatabaseSetup.PrepareSqlite(connectionString));
        source.Open();
        using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            destination.Open();
            // One step of the online backup API copies every page under one read transaction: a consistent snapshot,
            // while WAL lets the app keep writing.
            source.BackupDatabase(destination);
            Execute(destination, "PRAGMA journal_mode=DELETE;");
            var check = Scalar(destination, "PRAGMA integrity_check;");
            if (check != "ok")
            {
                throw new InstanceBackupException("The copy failed its integrity check: " + check);
            }
        }
        SqliteConnection.ClearAllPools();
    }

    private static void RestoreSqlite(string connectionString, string inPath)
    {
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = inPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            source.Open();
            var check = Scalar(source, "PRAGMA integrity_check;");
            if (check != "ok")
            {
                throw new InstanceBackupException($"The file {inPath} is damaged: {check}");
            }
            if (Scalar(source, "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory';") != "1")
            {
                throw new InstanceBackupException($"The file {inPath} is an SQLite database but not one of Verkostamo.");
            }
            using var target = new SqliteConnection(DatabaseSetup.PrepareSqlite(connectionString));
            target.Open();
            source.BackupDatabase(target);
            Execute(target, "PRAGMA journal_mode=WAL;");
        }
        SqliteConnection.ClearAllPools();
    }

    private static async Task<DatabaseProvider?> DetectAsync(string path, CancellationToken ct)
    {
        var head = new byte[16];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read >= SqliteMagic.Length && head.AsSpan(0, SqliteMagic.Length).SequenceEqual(SqliteMagic))
        {
            return DatabaseProvider.Sqlite;
        }
        return read >= PgDumpMagic.Length && head.AsSpan(0, PgDumpMagic.Length).SequenceEqual(PgDumpMagic) ? DatabaseProvider.Postgres : null;
    }

    /// <summary>True when the database has Verkostamo's tables with any account or network in them.</summary>
    public static async Task<bool> HasDataAsync(DatabaseProvider provider, string connectionString, CancellationToken ct = default)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var conn = new SqliteConnection(DatabaseSetup.PrepareSqlite(connectionString));
            await conn.OpenAsync(ct);
            if (Scalar(conn, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('AspNetUsers', 'Networks');") != "2")
            {
                return false;
            }
            return Scalar(conn, "SELECT (SELECT count(*) FROM AspNetUsers) + (SELECT count(*) FROM Networks);") != "0";
        }
        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"AspNetUsers\"') IS NOT NULL AND to_regclass('\"Networks\"') IS NOT NULL", pg);
        if (await exists.ExecuteScalarAsync(ct) is not true)
        {
            return false;
        }
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM \"AspNetUsers\") + (SELECT count(*) FROM \"Networks\")", pg);
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The PostgreSQL client tool: from the configured folder, else PATH, else Debian's versioned folders.</summary>
    public static string FindTool(string? configuredBin, string tool)
    {
        if (!string.IsNullOrWhiteSpace(configuredBin))
        {
            var configured = Path.Combine(configuredBin, tool);
            return File.Exists(configured)
                ? configured
                : throw new InstanceBackupException($"{tool} was not found in Backup:PostgresBin ({configuredBin}). Install the PostgreSQL client tools or correct the setting.");
        }
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool));
        if (System.IO.Directory.Exists("/usr/lib/postgresql"))
        {
            candidates = candidates.Concat(System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin", tool)));
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InstanceBackupException($"{tool} was not found on PATH. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set Backup:PostgresBin to their folder.");
    }

    private static async Task RunToolAsync(string? configuredBin, string tool, string[] arguments, string connectionString, CancellationToken ct, bool database = false)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(configuredBin, tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The connection goes through the environment so the password never shows in the process list.
        start.Environment["PGHOST"] = csb.Host ?? "localhost";
        start.Environment["PGPORT"] = csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = csb.Database ?? "";
        start.Environment["PGUSER"] = csb.Username ?? "";
        if (!string.IsNullOrEmpty(csb.Password))
        {
            start.Environment["PGPASSWORD"] = csb.Password;
        }
        if (database)
        {
            start.ArgumentList.Add("--dbname=" + (csb.Database ?? ""));
        }
        using var process = Process.Start(start) ?? throw new InstanceBackupException($"{tool} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new InstanceBackupException($"{tool} failed (exit code {process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    private static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
