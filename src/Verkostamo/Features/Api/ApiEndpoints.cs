using Verkostamo.Core.Accounts;
using Verkostamo.Features.Members;
using Verkostamo.Features.Networks;
using Verkostamo.Infrastructure;

namespace Verkostamo.Features.Api;

public static class ApiEndpoints
{
    /// <summary>The JSON API under /api/v1: Identity's account endpoints and the feature groups.</summary>
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGroup("/account").WithTags("Account").MapIdentityApi<User>().RequireRateLimiting(RateLimits.Auth);
        api.MapNetworkApi();
        api.MapMemberApi();
    }
}
