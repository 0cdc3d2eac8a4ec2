using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Testing;

namespace Verkostamo.Core.Tests.Backup;

/// <summary>Instance backups: SQLite's online backup while the app writes, pg_dump/pg_restore, refusals and retention.</summary>
public sealed class InstanceBackupTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "verkostamo-instance-backup-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_live_sqlite_database_is_backed_up_consistently_while_rows_are_written_and_restores_whole()
    {
        var live = SqliteAt("live.db");
        var networkId = await MigrateWithNetworkAsync(live);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = Context(live);
                db.Actors.AddRange(Enumerable.Range(0, 5).Select(_ => Actor(networkId)));
                await db.SaveChangesAsync();
                if (Interlocked.Add(ref written, 5) >= 200)
                {
                    writing.TrySetResult();
                }
            }
        });
        // The backup starts once the writer is well under way; a failing writer ends the wait with its error.
        await Task.WhenAny(writing.Task, writer).Unwrap();

        var atStart = await CountActorsAsync(live);
        var backup = Path.Combine(folder, "instance.db");
        await InstanceBackup.BackupAsync(DatabaseProvider.Sqlite, live, backup, null);
        var afterBackup = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        Assert.True(afterBackup > 200, "the writer kept writing during the backup");
        var copy = new SqliteConnectionStringBuilder { DataSource = backup, Pooling = false }.ToString();
        Assert.Equal("ok", Scalar(copy, "PRAGMA integrity_check;"));
        var inBackup = await CountActorsAsync(copy);
        Assert.True(inBackup >= atStart, $"{inBackup} actors in the backup, {atStart} when it started");
        Assert.Equal(0, inBackup % 5); // every writing transaction whole or not at all

        var restored = SqliteAt("restored.db");
        await InstanceBackup.RestoreAsync(DatabaseProvider.Sqlite, restored, backup, force: false, null);
        Assert.Equal("ok", Scalar(restored, "PRAGMA integrity_check;"));
        Assert.Equal(inBackup, await CountActorsAsync(restored));
        await using var check = Context(restored);
        Assert.Equal(networkId, (await check.Networks.SingleAsync()).Id);
    }

    [Fact]
    public async Task Restore_refuses_a_database_with_data_unless_forced()
    {
        var source = SqliteAt("source.db");
        await MigrateWithNetworkAsync(source);
        var backup = Path.Combine(folder, "source-backup.db");
        await InstanceBackup.BackupAsync(DatabaseProvider.Sqlite, source, backup, null);
        var target = SqliteAt("target.db");
        var targetNetwork = await MigrateWithNetworkAsync(target);

        var refused = await Assert.ThrowsAsync<InstanceBackupException>(() => InstanceBackup.RestoreAsync(DatabaseProvider.Sqlite, target, backup, force: false, null));
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        await using (var db = Context(target))
        {
            Assert.Equal(targetNetwork, (await db.Networks.SingleAsync()).Id);
        }

        await InstanceBackup.RestoreAsync(DatabaseProvider.Sqlite, target, backup, force: true, null);
        await using var after = Context(target);
        Assert.NotEqual(targetNetwork, (await after.Networks.SingleAsync()).Id);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_no_instance_backup_or_of_the_other_database()
    {
        var notBackup = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(notBackup, "hello");
        var pgLike = Path.Combine(folder, "pg.dump");
        await File.WriteAllBytesAsync(pgLike, [.. "PGDMP"u8, 1, 14, 0]);
        var target = SqliteAt("empty.db");

        var wrong = await Assert.ThrowsAsync<InstanceBackupException>(() => InstanceBackup.RestoreAsync(DatabaseProvider.Sqlite, target, notBackup, false, null));
        Assert.Contains("not a Verkostamo instance backup", wrong.Message, StringComparison.Ordinal);
        var other = await Assert.ThrowsAsync<InstanceBackupException>(() => InstanceBackup.RestoreAsync(DatabaseProvider.Sqlite, target, pgLike, false, null));
        Assert.Contains("PostgreSQL", other.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<InstanceBackupException>(() => InstanceBackup.RestoreAsync(DatabaseProvider.Sqlite, target, Path.Combine(folder, "nope.db"), false, null));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_database_round_trips_through_backup_and_restore()
    {
        // SQLite by default; PostgreSQL through pg_dump and pg_restore in the PostgreSQL run of the suite.
        await using var source = await TestDatabase.Create().MigrateAsync();
        var networkId = await AddNetworkAsync(source.Factory().CreateDbContext());
        var file = Path.Combine(folder, "configured" + InstanceBackup.Extension(source.Provider));
        await InstanceBackup.BackupAsync(source.Provider, source.ConnectionString, file, null);
        Assert.True(new FileInfo(file).Length > 0);

        await using var target = TestDatabase.Create();
        Assert.False(await InstanceBackup.HasDataAsync(target.Provider, target.ConnectionString));
        await InstanceBackup.RestoreAsync(target.Provider, target.ConnectionString, file, force: false, null);

        Assert.True(await InstanceBackup.HasDataAsync(target.Provider, target.ConnectionString));
        await using var db = target.Factory().CreateDbContext();
        Assert.Equal(networkId, (await db.Networks.SingleAsync()).Id);
        Assert.Equal(10, await db.Actors.CountAsync());
        // The restored database is one the app can migrate and use as it is.
        await DatabaseSetup.MigrateAsync(db);
    }

    [Fact]
    public void A_missing_pg_dump_is_named_with_what_to_do()
    {
        var error = Assert.Throws<InstanceBackupException>(() => InstanceBackup.FindTool(Path.Combine(folder, "no-bin"), "pg_dump"));

        Assert.Contains("pg_dump", error.Message, StringComparison.Ordinal);
        Assert.Contains("Backup:PostgresBin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduled_backups_keep_the_newest_ones()
    {
        var live = SqliteAt("scheduled.db");
        await MigrateWithNetworkAsync(live);
        var options = new InstanceBackupOptions { Directory = Path.Combine(folder, "scheduled"), Keep = 2 };
        var start = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

        var made = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            made.Add(await InstanceBackup.RunScheduledAsync(DatabaseProvider.Sqlite, live, options, start.AddDays(i)));
        }

        Assert.Equal(made[2..].Select(Path.GetFileName), Directory.GetFiles(options.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("verkostamo-20261104-030000.db", Path.GetFileName(made[3]));
    }

    private string SqliteAt(string name) => new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, name), Pooling = false }.ToString();

    private static VerkostamoDbContext Context(string sqlite)
    {
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, sqlite);
        return new VerkostamoDbContext(builder.Options);
    }

    private static async Task<Guid> MigrateWithNetworkAsync(string sqlite)
    {
        var db = Context(sqlite);
        await DatabaseSetup.MigrateAsync(db);
        return await AddNetworkAsync(db);
    }

    private static async Task<Guid> AddNetworkAsync(VerkostamoDbContext db)
    {
        await using (db)
        {
            var network = new Network { Id = Guid.NewGuid(), Name = "Varmuuskopioverkosto", CreatedAt = TestTime.Start, UpdatedAt = TestTime.Start, Version = Guid.NewGuid() };
            db.Networks.Add(network);
            db.Actors.AddRange(Enumerable.Range(0, 10).Select(_ => Actor(network.Id)));
            await db.SaveChangesAsync();
            return network.Id;
        }
    }

    private static Actor Actor(Guid networkId) => new()
    {
        Id = Guid.NewGuid(), NetworkId = networkId, Name = "Toimija " + Guid.NewGuid().ToString("N")[..8], Version = Guid.NewGuid(),
        CreatedAt = TestTime.Start, UpdatedAt = TestTime.Start,
    };

    private static async Task<int> CountActorsAsync(string sqlite)
    {
        await using var db = Context(sqlite);
        return await db.Actors.CountAsync();
    }

    private static string? Scalar(string sqlite, string sql)
    {
        using var connection = new SqliteConnection(sqlite);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
