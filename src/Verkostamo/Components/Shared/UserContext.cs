using System.Security.Claims;

namespace Verkostamo.Components.Shared;

public static class UserContext
{
    public static string? UserId(this HttpContext? context) => context?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string RequireUserId(this HttpContext? context) =>
        context.UserId() ?? throw new InvalidOperationException("This page requires a signed-in user.");
}
