using Verkostamo.Core.Networks;

namespace Verkostamo.Infrastructure;

/// <summary>Permanently removes networks whose time in the bin has ended, at start and every six hours.</summary>
public sealed class BinPurgeService(NetworkService networks, ILogger<BinPurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var purged = await networks.PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} network(s) whose time in the bin ended", purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed purge is retried at the next tick; it must never stop the app.
                logger.LogError(ex, "Purging the bin failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
