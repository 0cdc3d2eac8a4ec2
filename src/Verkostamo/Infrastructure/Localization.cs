using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Verkostamo.Core.Accounts;

namespace Verkostamo.Infrastructure;

public static class Localization
{
    public static readonly CultureInfo[] Cultures = [.. Languages.Supported.Select(c => new CultureInfo(c))];

    /// <summary>
    /// Finnish unless the user chose otherwise (culture cookie, set from the language switch and from the
    /// user's saved preference at sign-in). The browser's Accept-Language is deliberately not used:
    /// the product is Finnish first.
    /// </summary>
    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Languages.Default);
        options.SupportedCultures = Cultures;
        options.SupportedUICultures = Cultures;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
    }

    public static void WriteCultureCookie(HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps });
}
