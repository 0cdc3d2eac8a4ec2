using Microsoft.AspNetCore.Identity;
using Verkostamo.Core.Accounts;
using Verkostamo.Infrastructure;

namespace Verkostamo.Features.Account;

internal static class AccountPages
{
    /// <summary>After sign-in the UI switches to the language the user chose last time.</summary>
    public static async Task ApplyPreferredLanguageAsync(UserManager<User> users, string email, HttpContext http)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null && Languages.IsSupported(user.PreferredLanguage))
        {
            Localization.WriteCultureCookie(http.Response, user.PreferredLanguage);
        }
    }

    public static void ApplyPreferredLanguage(User user, HttpContext http)
    {
        if (Languages.IsSupported(user.PreferredLanguage))
        {
            Localization.WriteCultureCookie(http.Response, user.PreferredLanguage);
        }
    }
}
