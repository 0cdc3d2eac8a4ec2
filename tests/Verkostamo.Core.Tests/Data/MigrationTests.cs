using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Data;

/// <summary>The migration projects must describe exactly the model the code has, for each provider.</summary>
public class MigrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_database_in_use_is_fully_migrated_and_the_model_has_no_pending_changes()
    {
        await using var db = fixture.Db();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {fixture.Database.Provider} migrations: add a migration to the {fixture.Database.Provider} migrations project.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=model_check")]
    public void Both_migration_projects_match_the_model(DatabaseProvider provider, string connectionString)
    {
        // Comparing the model with a migrations snapshot needs no server, so both providers are checked in every run.
        var options = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        using var db = new VerkostamoDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model differs from the {provider} migrations: add a migration to that project.");
    }

    [Fact]
    public async Task Migrating_again_is_harmless_and_sqlite_runs_in_wal_mode()
    {
        await using var db = fixture.Db();

        await DatabaseSetup.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        if (db.Database.IsSqlite())
        {
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            Assert.Equal("wal", Assert.Single(mode));
        }
    }
}
