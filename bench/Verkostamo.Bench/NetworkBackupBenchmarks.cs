using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Data;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Bench;

/// <summary>
/// The full JSON backup of the demo network (<see cref="DemoSeeder"/>: the workbook answered, themes, steps, a year on
/// the clock, the demo map and the audit trail of all of it) from a real, migrated SQLite file, written to memory; and
/// reading it back with every check an import makes (size, header, parse, checksum). The target is under 0.2 s.
/// The job comes from the command line (docs/BENCHMARKS.md: <c>--job short --inProcess</c>), as a busy machine can
/// time out building the separate benchmark process.
/// </summary>
[MemoryDiagnoser]
public class NetworkBackupBenchmarks
{
    private string folder = "";
    private NetworkBackupService backup = null!;
    private Guid networkId;
    private byte[] document = [];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "verkostamo-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = DatabaseSetup.PrepareSqlite("Data Source=" + Path.Combine(folder, "bench.db"));
        var builder = new DbContextOptionsBuilder<VerkostamoDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, connectionString);
        IDbContextFactory<VerkostamoDbContext> factory = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<VerkostamoDbContext>(builder.Options);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(factory);
        services.AddDbContext<VerkostamoDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, connectionString));
        services.AddIdentityCore<User>().AddEntityFrameworkStores<VerkostamoDbContext>();
        services.AddSingleton<WorkbookService>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<ThemeService>();
        services.AddSingleton<Verkostamo.Core.Actions.ActionService>();
        services.AddSingleton<ClockService>();
        services.AddScoped<DemoSeeder>();
        await using (var provider = services.BuildServiceProvider())
        {
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("Benchmark-salasana-2026");
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            networkId = await db.Networks.Where(n => n.Name == DemoSeeder.DemoNetworkName).Select(n => n.Id).SingleAsync();
        }
        backup = new NetworkBackupService(factory, TimeProvider.System);
        using var output = new MemoryStream();
        await backup.WriteAsync(networkId, output);
        document = output.ToArray();
        Console.WriteLine($"// Demo network backup: {document.Length:N0} bytes");
    }

    [Benchmark(Description = "Write the demo network's JSON backup")]
    public async Task<long> Write()
    {
        using var output = new MemoryStream();
        await backup.WriteAsync(networkId, output);
        return output.Length;
    }

    [Benchmark(Description = "Read and verify the backup (import checks)")]
    public async Task<int> Read()
    {
        var read = await BackupFileReader.ReadAsync(new MemoryStream(document), new BackupImportLimits());
        return read.Payload!.Actors.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
