using Verkostamo.Core.Networks;

namespace Verkostamo.Infrastructure;

/// <summary>Permanently removes networks whose time in the bin has ended, at start and every six hours.</summary>
public sealed class BinPurgeService(NetworkService networks, TimeProvider clock, ILogger<BinPurgeService> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    public override Task<int> RunOnceAsync(CancellationToken ct = default) => networks.PurgeExpiredAsync(ct);
}
