using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Verkostamo.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Provider choice and options in one place, shared by the host, the CLI, tests and design-time factories.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Verkostamo.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Verkostamo.Migrations.Postgres";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/verkostamo.db";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new DatabaseStartupException(
            $"Database:Provider '{value}' is not supported. Use 'Sqlite' (default) or 'Postgres'."),
    };

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(PrepareSqlite(connectionString ?? DefaultSqliteConnectionString),
                    o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new DatabaseStartupException(
                        "Database:Provider is Postgres but ConnectionStrings:Verkostamo is empty. Give a PostgreSQL connection string.");
                }
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
        }
    }

    /// <summary>Makes sure the folder of the database file exists.</summary>
    public static string PrepareSqlite(string connectionString)
    {
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: that is the busy timeout.
        var csb = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        var dataSource = csb.DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(dir))
            {
                try
                {
                    Directory.CreateDirectory(dir);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Raised while the host configures the context, before MigrateAsync could word it.
                    throw new DatabaseStartupException(
                        $"The SQLite database ({dataSource}) cannot be used: its folder {dir} could not be created: {ex.Message}", ex);
                }
            }
        }
        return csb.ToString();
    }

    /// <summary>
    /// Migrates the database, then switches SQLite to WAL. Throws <see cref="DatabaseStartupException"/>
    /// with a message naming the provider, the target and the reason when it cannot.
    /// </summary>
    public static async Task MigrateAsync(VerkostamoDbContext db, CancellationToken ct = default)
    {
        var provider = db.Database.IsSqlite() ? "SQLite" : "PostgreSQL";
        var target = Describe(db);
        try
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DatabaseStartupException)
        {
            throw new DatabaseStartupException(
                $"The {provider} database ({target}) could not be reached or migrated: {ex.GetBaseException().Message}", ex);
        }
    }

    public static string Describe(VerkostamoDbContext db)
    {
        var cs = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsSqlite())
        {
            return new SqliteConnectionStringBuilder(cs).DataSource;
        }
        var parts = cs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.StartsWith("Host", StringComparison.OrdinalIgnoreCase)
                || p.StartsWith("Port", StringComparison.OrdinalIgnoreCase)
                || p.StartsWith("Database", StringComparison.OrdinalIgnoreCase));
        return string.Join(';', parts);
    }
}

/// <summary>The configured database cannot be used; the message says which one and why.</summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string message)
        : base(message)
    {
    }

    public DatabaseStartupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
