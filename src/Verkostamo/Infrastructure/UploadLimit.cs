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
        // The map import page takes files up to the configured import size; every other form a logo at most.
        var import = request.Path.Value?.EndsWith("/map/import-export", StringComparison.Ordinal) == true;
        // A network backup may be far larger than a map file; its page checks the configured backup limit itself.
        var backup = request.Path.Equals("/networks/import", StringComparison.Ordinal);
        var max = backup ? context.RequestServices.GetRequiredService<Verkostamo.Core.Backup.BackupImportLimits>().MaxBytes + (256 * 1024)
            : import ? context.RequestServices.GetRequiredService<Verkostamo.Core.Map.Formats.MapImportLimits>().MaxBytes + (256 * 1024) : MaxFormBytes;
        if ((backup || request.Path.Equals("/api/v1/networks/import", StringComparison.Ordinal))
            && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // The server's default body limit (30 MB) is below the backup limit; the reader enforces the real one.
            bodySize.MaxRequestBodySize = context.RequestServices.GetRequiredService<Verkostamo.Core.Backup.BackupImportLimits>().MaxBytes + (256 * 1024);
        }
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && !request.Path.StartsWithSegments("/api")
            && request.ContentLength > max)
        {
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var message = backup ? l["Backup.Error.TooLarge", (max - (256 * 1024)) / (1024 * 1024)]
                : import ? l["MapFiles.Code.FileTooLarge", max - (256 * 1024)] : l["Error.LogoTooLarge"];
            context.Response.Cookies.Append(IdentityRedirectManager.StatusCookieName, "!" + message,
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromSeconds(10), Secure = request.IsHttps });
            context.Response.Redirect(request.PathBase + request.Path + request.QueryString);
            return;
        }
        await next();
    });
}
