namespace Verkostamo.Infrastructure;

/// <summary>
/// A secret link created by a post (invitation, survey link, calendar feed) shown once on the page after
/// the redirect: post/redirect/get means a reload must not create a second one, so the link rides in a
/// short-lived cookie limited to that page and is removed as it is read.
/// </summary>
public static class ShownOnce
{
    public static void Remember(HttpContext context, string cookie, string url) =>
        context.Response.Cookies.Append(cookie, url, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = context.Request.Path,
            MaxAge = TimeSpan.FromMinutes(1),
        });

    /// <summary>The remembered link on the GET after the redirect, or null.</summary>
    public static string? Take(HttpContext context, string cookie)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Cookies[cookie] is not { } url)
        {
            return null;
        }
        context.Response.Cookies.Delete(cookie, new CookieOptions { Path = context.Request.Path });
        return url;
    }
}
