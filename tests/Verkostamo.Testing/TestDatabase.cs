using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Verkostamo.Core.Data;

namespace Verkostamo.Testing;

/// <summary>
/// A real, throwaway database for one fixture: an SQLite file in a temporary folder by default, or a
/// fresh PostgreSQL database when VERKOSTAMO_TEST_POSTGRES holds a connection string to a server
/// (test.sh sets it for the second, PostgreSQL run). Each instance has its own database, so test
/// classes never collide.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "VERKOSTAMO_TEST_POSTGRES";

    private readonly string? sqliteFolder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFolder = sqliteFolder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public static bool UsePostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>
    /// Creates a database that is already migrated, copied from a template migrated once: a file copy on
    /// SQLite (once per test process), <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL (once per server and
    /// set of migrations). Running every migration for every test class was most of the data tests' time.
    /// </summary>
    public static TestDatabase CreateMigrated()
    {
        var database = Create();
        database.CopyTemplate();
        return database;
    }

    /// <summary>Creates an empty database (not yet migrated).</summary>
    public static TestDatabase Create()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(admin))
        {
            var name = "vk_test_" + Guid.NewGuid().ToString("N")[..16];
            using (var conn = new NpgsqlConnection(admin))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE \"{name}\"";
                cmd.ExecuteNonQuery();
            }
            var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true };
            return new TestDatabase(DatabaseProvider.Postgres, csb.ConnectionString, null, admin, name);
        }
        var folder = Path.Combine(SqliteRoot.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // Pooled like the app's own connections: opening a fresh connection for every context was a large share
        // of the data tests' time. DisposeAsync clears the pools before the folder is removed.
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "test.db"), Pooling = true }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, cs, folder, null, null);
    }

    public DbContextOptions<VerkostamoDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString);
        return builder.Options;
    }

    public IDbContextFactory<VerkostamoDbContext> Factory() => new Factory(Options());

    /// <summary>Brings this (empty) database to the latest migration, by copying the migrated template.</summary>
    public Task<TestDatabase> MigrateAsync()
    {
        CopyTemplate();
        return Task.FromResult(this);
    }

    private void CopyTemplate()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            File.Copy(SqliteTemplate.Value, new SqliteConnectionStringBuilder(ConnectionString).DataSource, overwrite: true);
            return;
        }
        var template = PostgresTemplate(postgresAdmin!);
        using var conn = new NpgsqlConnection(postgresAdmin);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE \"{postgresName}\"; CREATE DATABASE \"{postgresName}\" TEMPLATE \"{template}\"";
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Where the SQLite files live: in memory-backed /dev/shm where the system has one with room, else the temporary folder.
    /// Every commit in WAL mode waits for the disk to confirm the write, and the tests commit tens of thousands of
    /// times; on a busy disk those waits were a large share of the SQLite runs (PostgreSQL runs with fsync=off for
    /// the same reason). The files, the WAL and every SQLite code path are the same; only the disk is not.
    /// </summary>
    private static readonly Lazy<string> SqliteRoot = new(() =>
    {
        const string memory = "/dev/shm";
        // A container's /dev/shm is often only 64 MB: too small for a run's databases, so it needs a gigabyte free.
        if (Directory.Exists(memory) && new DriveInfo(memory).AvailableFreeSpace >= 1L << 30)
        {
            try
            {
                return Directory.CreateDirectory(Path.Combine(memory, "verkostamo-tests")).FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not writable here: the temporary folder below.
            }
        }
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "verkostamo-tests")).FullName;
    });

    private static readonly Lazy<string> SqliteTemplate = new(() =>
    {
        var folder = Path.Combine(SqliteRoot.Value, "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "template.db"), Pooling = false }.ToString();
        Migrate(DatabaseProvider.Sqlite, cs);
        // The migration leaves its last writes in the write-ahead log until every handle is finalised; the copies
        // take the main file only, so everything is moved into it first.
        using (var conn = new SqliteConnection(cs))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var reader = cmd.ExecuteReader();
            if (!reader.Read() || reader.GetInt32(0) != 0)
            {
                throw new InvalidOperationException("The migrated SQLite template could not be checkpointed.");
            }
        }
        // In memory the template would outlive the run: it goes with the test process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Still held open somewhere: the folder stays until the next restart.
            }
        };
        return Path.Combine(folder, "template.db");
    });

    private static readonly Lock PostgresTemplateGate = new();
    private static string? postgresTemplate;

    /// <summary>
    /// The name of a migrated template database on the server, built once under an advisory lock so that
    /// parallel test processes neither build it twice nor copy a half-built one. The name carries a hash of
    /// the migration ids, so a server kept between runs never hands out an outdated schema.
    /// </summary>
    private static string PostgresTemplate(string admin)
    {
        lock (PostgresTemplateGate)
        {
            if (postgresTemplate is not null)
            {
                return postgresTemplate;
            }
            var name = "vk_template_" + MigrationsHash();
            using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
            conn.Open();
            Execute(conn, "SELECT pg_advisory_lock(7261001)");
            using (var exists = conn.CreateCommand())
            {
                exists.CommandText = "SELECT count(*) FROM pg_database WHERE datname = @name";
                exists.Parameters.AddWithValue("name", name);
                if ((long)exists.ExecuteScalar()! == 0)
                {
                    // Built under another name and renamed when complete: a run stopped halfway leaves no template.
                    var building = name + "_b";
                    Execute(conn, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    Execute(conn, $"CREATE DATABASE \"{building}\"");
                    Migrate(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = building, Pooling = false }.ConnectionString);
                    Execute(conn, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            Execute(conn, "SELECT pg_advisory_unlock(7261001)");
            return postgresTemplate = name;
        }
    }

    private static void Execute(NpgsqlConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Migrate(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, provider, connectionString);
        // Off the caller's synchronization context: the test frameworks' contexts must not be blocked on.
        Task.Run(async () =>
        {
            await using var db = new VerkostamoDbContext(builder.Options);
            await DatabaseSetup.MigrateAsync(db);
        }).GetAwaiter().GetResult();
    }

    private static string MigrationsHash()
    {
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Postgres, "Host=127.0.0.1");
        using var db = new VerkostamoDbContext(builder.Options);
        var ids = string.Join('\n', db.Database.GetMigrations());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ids)))[..16];
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (sqliteFolder is not null)
        {
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing host: the OS temp cleaner takes it.
            }
        }
        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

internal sealed class Factory(DbContextOptions<VerkostamoDbContext> options) : IDbContextFactory<VerkostamoDbContext>
{
    public VerkostamoDbContext CreateDbContext() => new(options);
}
