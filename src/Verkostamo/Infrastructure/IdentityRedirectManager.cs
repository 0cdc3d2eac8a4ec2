using Microsoft.AspNetCore.Components;

namespace Verkostamo.Infrastructure;

/// <summary>Redirects from statically rendered forms, with an optional one-shot status message.</summary>
public sealed class IdentityRedirectManager(NavigationManager navigation)
{
    public const string StatusCookieName = "verkostamo.status";

    private static readonly CookieBuilder StatusCookie = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(10),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "/";
        // Only local paths: never an open redirect.
        if (!uri.StartsWith('/') || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = "/";
        }
        navigation.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> query) =>
        RedirectTo("/" + navigation.ToBaseRelativePath(navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path), query)));

    /// <summary>Redirects and shows <paramref name="message"/> once on the next page; errors are marked for styling.</summary>
    public void RedirectToWithStatus(string uri, string message, HttpContext context, bool error = false)
    {
        context.Response.Cookies.Append(StatusCookieName, (error ? "!" : "") + message, StatusCookie.Build(context));
        RedirectTo(uri);
    }

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context, bool error = false) =>
        RedirectToWithStatus("/" + navigation.ToBaseRelativePath(navigation.Uri).Split('?')[0], message, context, error);
}
