using Microsoft.Extensions.Localization;
using Verkostamo.Core.Networks;
using Verkostamo.Resources;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Refuses an over-sized form post before its body is read, and sends the browser back to the page
/// with a clear message, instead of letting the server's body limit end the request with a bare error.
/// </summary>
public static class UploadLimit
{
    /// <summary>A logo of the largest allowed size plus room for the form's other fields.</summary>
    public const long MaxFormBytes = LogoValidator.MaxBytes + (256 * 1024);

    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && !request.Path.StartsWithSegments("/api")
            && request.ContentLength > MaxFormBytes)
        {
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Response.Cookies.Append(IdentityRedirectManager.StatusCookieName, "!" + l["Error.LogoTooLarge"],
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromSeconds(10), Secure = request.IsHttps });
            context.Response.Redirect(request.PathBase + request.Path + request.QueryString);
            return;
        }
        await next();
    });
}
