using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Verkostamo.Core.Accounts;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Gives every cookie sign-in a row in UserSessions (claim <see cref="SessionClaim"/>) and rejects
/// cookies whose session was revoked, so "sign out everywhere" reaches other browsers at their next request.
/// </summary>
public static class SignInTracking
{
    public const string SessionClaim = "verkostamo:sid";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Events.OnSigningIn = async context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == SessionClaim))
            {
                return;
            }
            var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            if (userId is null)
            {
                return;
            }
            // A refresh of the same browser's sign-in (password change, profile update) keeps its session.
            var current = context.HttpContext.User;
            if (current.FindFirstValue(ClaimTypes.NameIdentifier) == userId && current.FindFirst(SessionClaim) is { } existing)
            {
                identity.AddClaim(new Claim(SessionClaim, existing.Value));
                return;
            }
            var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessionService>();
            var id = await sessions.StartAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(),
                context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
            identity.AddClaim(new Claim(SessionClaim, id.ToString()));
        };

        var securityStamp = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var principal = context.Principal;
            var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            var sid = principal?.FindFirstValue(SessionClaim);
            if (userId is not null)
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessionService>();
                if (!Guid.TryParse(sid, out var sessionId) || !await sessions.ValidateAsync(sessionId, userId, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
            }
            await securityStamp(context);
        };

        // The API answers with a status code; pages redirect to log-in or access-denied.
        options.Events.OnRedirectToLogin = ApiStatusOrRedirect(StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = ApiStatusOrRedirect(StatusCodes.Status403Forbidden);
    }

    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> ApiStatusOrRedirect(int apiStatus) => context =>
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    };

    /// <summary>Keeps the session claim when Identity refreshes the cookie after a security stamp check.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        var sid = context.CurrentPrincipal?.FindFirst(SessionClaim);
        if (sid is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaim))
        {
            identity.AddClaim(new Claim(SessionClaim, sid.Value));
        }
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
