namespace Verkostamo.Features.AnnualClock;

/// <summary>Feed addresses.</summary>
public static class FeedLinks
{
    public static string Path(string token) => "/feeds/" + Uri.EscapeDataString(token) + ".ics";

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path(token)}";
}

/// <summary>Query values of the clock's pages: anything unreadable or out of range falls back to the current year.</summary>
public static class ClockQuery
{
    public static int Year(string? text, DateOnly today) =>
        int.TryParse(text, out var y) && y >= Core.AnnualClock.ClockService.Earliest.Year && y <= Core.AnnualClock.ClockService.Latest.Year ? y : today.Year;
}
