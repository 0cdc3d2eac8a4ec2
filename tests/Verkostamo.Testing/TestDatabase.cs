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
            var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
            return new TestDatabase(DatabaseProvider.Postgres, csb.ConnectionString, null, admin, name);
        }
        var folder = Path.Combine(Path.GetTempPath(), "verkostamo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "test.db"), Pooling = false }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, cs, folder, null, null);
    }

    public DbContextOptions<VerkostamoDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString);
        return builder.Options;
    }

    public IDbContextFactory<VerkostamoDbContext> Factory() => new Factory(Options());

    public async Task<TestDatabase> MigrateAsync()
    {
        await using var db = new VerkostamoDbContext(Options());
        await DatabaseSetup.MigrateAsync(db);
        return this;
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
