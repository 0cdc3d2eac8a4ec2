namespace Verkostamo.Infrastructure;

/// <summary>
/// A background pass that runs at start and then at a fixed interval. A failed pass is logged and retried at
/// the next tick: a job must never stop the app.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; returns how many things it changed (logged when more than none).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken ct = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                var changed = await RunOnceAsync(stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("{Job} changed {Count} item(s)", GetType().Name, changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} failed; it runs again at the next interval", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
