using Verkostamo.Core.Backup;
using Verkostamo.Core.Data;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Backs up the instance's database into <c>Backup:Directory</c> every <c>Backup:Interval</c>, keeping the newest
/// <c>Backup:Keep</c>. The time of the newest backup on disk decides when the next is due, so restarts neither skip
/// nor repeat one. Off while the directory is not configured.
/// </summary>
public sealed class ScheduledBackupService(IConfiguration configuration, TimeProvider clock, ILogger<ScheduledBackupService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = configuration.GetSection(InstanceBackupOptions.Section).Get<InstanceBackupOptions>() ?? new InstanceBackupOptions();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return;
        }
        if (options.Interval <= TimeSpan.Zero)
        {
            logger.LogError("Backup:Interval must be positive; scheduled backups are off");
            return;
        }
        var provider = DatabaseSetup.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Verkostamo") ?? DatabaseSetup.DefaultSqliteConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = NextDue(options, provider) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            try
            {
                var file = await InstanceBackup.RunScheduledAsync(provider, connectionString, options, clock.GetUtcNow(), stoppingToken);
                logger.LogInformation("Scheduled backup written to {File}", file);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed backup must never stop the app; it is tried again soon and the log says why.
                logger.LogError(ex, "The scheduled backup failed");
                await Task.Delay(RetryAfterFailure, clock, stoppingToken);
            }
        }
    }

    private DateTimeOffset NextDue(InstanceBackupOptions options, DatabaseProvider provider)
    {
        if (!Directory.Exists(options.Directory))
        {
            return clock.GetUtcNow();
        }
        var newest = Directory.GetFiles(options.Directory, InstanceBackup.ScheduledPrefix + "*" + InstanceBackup.Extension(provider))
            .Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
        return newest == DateTime.MinValue ? clock.GetUtcNow() : new DateTimeOffset(newest, TimeSpan.Zero) + options.Interval;
    }
}
