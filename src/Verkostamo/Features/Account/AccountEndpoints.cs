using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Verkostamo.Core.Accounts;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;

namespace Verkostamo.Features.Account;

/// <summary>The few account actions that are plain form posts rather than pages.</summary>
public static class AccountEndpoints
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapPost("/logout", async (ClaimsPrincipal user, SignInManager<User> signIn, UserSessionService sessions, IAntiforgery antiforgery, HttpContext http) =>
        {
            // A post with no form fields gets no automatic antiforgery check, yet another site's hidden form must
            // not be able to sign the user out. Someone already signed out has nothing to protect.
            if (user.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            if (Guid.TryParse(user.FindFirstValue(SignInTracking.SessionClaim), out var sid) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await sessions.RevokeAsync(userId, sid, http.RequestAborted);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).AllowAnonymous();

        // Anyone may switch language; signed-in users have it remembered on their account too.
        account.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, ClaimsPrincipal user,
            UserManager<User> users, HttpContext http) =>
        {
            if (!Languages.IsSupported(culture))
            {
                return Results.BadRequest();
            }
            Localization.WriteCultureCookie(http.Response, culture);
            if (user.Identity?.IsAuthenticated == true && await users.GetUserAsync(user) is { } account)
            {
                account.PreferredLanguage = culture;
                await users.UpdateAsync(account);
            }
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

        account.MapGet("/personal-data", async (ClaimsPrincipal user, PersonalDataService data, HttpContext http) =>
        {
            var export = await data.ExportAsync(user.UserId(), http.RequestAborted);
            if (export is null)
            {
                return Results.NotFound();
            }
            var bytes = JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
            return Results.File(bytes, "application/json", "verkostamo-personal-data.json");
        }).RequireAuthorization();
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
