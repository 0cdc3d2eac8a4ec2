using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Tests.Data;

/// <summary>A database the app cannot use stops the start with a message that says which one and why.</summary>
public class DatabaseSetupTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData(" SQLite ", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("postgresql", DatabaseProvider.Postgres)]
    [InlineData("Npgsql", DatabaseProvider.Postgres)]
    public void ParseProvider_accepts_the_supported_names(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSetup.ParseProvider(value));

    [Fact]
    public void ParseProvider_names_an_unsupported_provider_and_the_choices()
    {
        var ex = Assert.Throws<DatabaseStartupException>(() => DatabaseSetup.ParseProvider("MySql"));

        Assert.Contains("'MySql'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Postgres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_clearly()
    {
        var ex = Assert.Throws<DatabaseStartupException>(() =>
            DatabaseSetup.Configure(new DbContextOptionsBuilder<VerkostamoDbContext>(), DatabaseProvider.Postgres, " "));

        Assert.Contains("ConnectionStrings:Verkostamo", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_file_inside_a_path_that_is_a_file_fails_with_provider_path_and_reason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "verkostamo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var notAFolder = Path.Combine(folder, "tiedosto.txt");
            await File.WriteAllTextAsync(notAFolder, "not a folder");
            var path = Path.Combine(notAFolder, "data", "verkostamo.db");

            var ex = await Assert.ThrowsAsync<DatabaseStartupException>(() => MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={path}"));

            Assert.Contains("SQLite", ex.Message, StringComparison.Ordinal);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.NotNull(ex.InnerException);
            Assert.Contains(ex.InnerException.GetBaseException().Message, ex.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(notAFolder), "The file in the way must be left alone.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_on_a_port_nobody_listens_on_fails_with_provider_target_and_reason_but_no_password()
    {
        var ex = await Assert.ThrowsAsync<DatabaseStartupException>(() =>
            MigrateAsync(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=verkostamo;Username=verkostamo;Password=salainen-sana;Timeout=5;Pooling=false"));

        Assert.Contains("PostgreSQL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1;Port=1;Database=verkostamo", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
        Assert.Contains(ex.InnerException.GetBaseException().Message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("salainen-sana", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_with_an_invalid_port_fails_with_provider_and_reason()
    {
        var ex = await Assert.ThrowsAsync<DatabaseStartupException>(() =>
            MigrateAsync(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=99999;Database=verkostamo;Username=verkostamo;Timeout=5;Pooling=false"));

        Assert.Contains("PostgreSQL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Port=99999", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.InnerException!.GetBaseException().Message, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>What the host does at start: configure from settings, then migrate.</summary>
    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        await using var db = new VerkostamoDbContext(options.Options);
        await DatabaseSetup.MigrateAsync(db);
    }
}
