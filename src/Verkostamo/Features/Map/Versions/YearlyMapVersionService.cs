using System.Globalization;
using Microsoft.Extensions.Localization;
using Verkostamo.Components.Shared;
using Verkostamo.Core.Map;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Map.Versions;

/// <summary>
/// Takes the yearly version of every map that is due one, at start and then once a day, so that a network
/// can always compare its map with a year ago even if nobody remembered to take a version.
/// </summary>
public sealed class YearlyMapVersionService(MapVersionService versions, IStringLocalizer<SharedResource> l, TimeProvider clock,
    ILogger<YearlyMapVersionService> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    /// <summary>One pass over every network with a map; returns how many yearly versions were taken.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var year = Clock.GetUtcNow().InFinland().Year;
        var taken = 0;
        foreach (var (networkId, language) in await versions.NetworksWithMapsAsync(ct))
        {
            try
            {
                if (await versions.EnsureYearlyAsync(networkId, YearlyName(year, language), ct) is not null)
                {
                    taken++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One network's failure must not keep the others from their versions.
                logger.LogError(ex, "Taking the yearly map version of network {NetworkId} failed", networkId);
            }
        }
        return taken;
    }

    /// <summary>The versions' names are stored text, written in the network's language whatever the server's culture.</summary>
    private string YearlyName(int year, string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language is "sv" or "en" ? language : "fi");
            return l["MapCore.Yearly.Name", year.ToString(CultureInfo.InvariantCulture)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
