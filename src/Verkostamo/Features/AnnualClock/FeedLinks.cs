namespace Verkostamo.Features.AnnualClock;

public sealed class FeedCommandForm
{
    public string? Command { get; set; }
}

/// <summary>Feed addresses, and showing a new one once after the redirect that created it.</summary>
public static class FeedLinks
{
    public static string Path(string token) => "/feeds/" + Uri.EscapeDataString(token) + ".ics";

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path(token)}";

    public static void RememberCreated(HttpContext context, string cookie, string token) =>
        context.Response.Cookies.Append(cookie, Url(context.Request, token), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = context.Request.Path,
            MaxAge = TimeSpan.FromMinutes(1),
        });

    public static string? TakeCreated(HttpContext context, string cookie)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Cookies[cookie] is not { } url)
        {
            return null;
        }
        context.Response.Cookies.Delete(cookie, new CookieOptions { Path = context.Request.Path });
        return url;
    }
}

/// <summary>Query values of the clock's pages: anything unreadable or out of range falls back to the current year.</summary>
public static class ClockQuery
{
    public static int Year(string? text, DateOnly today) =>
        int.TryParse(text, out var y) && y >= Core.AnnualClock.ClockService.Earliest.Year && y <= Core.AnnualClock.ClockService.Latest.Year ? y : today.Year;
}
