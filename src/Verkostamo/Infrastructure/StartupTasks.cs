using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;
using Verkostamo.Core.Demo;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Runs before the server listens: migrates the database (stopping the start with a clear message when
/// it cannot) and seeds the demo when asked.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration config, IHostEnvironment env, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<VerkostamoDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            logger.LogInformation("Database ready: {Provider} {Target}", db.Database.ProviderName, DatabaseSetup.Describe(db));
        }

        if (config.GetValue<bool>("Verkostamo:SeedDemo"))
        {
            await SeedDemoAsync(cancellationToken);
        }

    }

    private async Task SeedDemoAsync(CancellationToken ct)
    {
        var password = config["Verkostamo:DemoPassword"];
        var generated = false;
        if (string.IsNullOrEmpty(password))
        {
            if (!env.IsDevelopment())
            {
                throw new InvalidOperationException("Verkostamo:SeedDemo is on but Verkostamo:DemoPassword is empty. Set a demo password.");
            }
            password = "verkosto-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            generated = true;
        }
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        var created = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(password, ct);
        logger.LogInformation("Demo seeding took {ElapsedMs} ms; created anything: {Created}", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, created);
        if (created && generated)
        {
            // Printed once, only in Development, only when the accounts were just created with it.
            logger.LogWarning("Demo account {Email} created with the generated password {Password}", DemoSeeder.DemoEmail, password);
        }
        else if (created)
        {
            logger.LogInformation("Demo network {Network} seeded", DemoSeeder.DemoNetworkName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
