using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Verkostamo.Core.Networks;

namespace Verkostamo.Infrastructure;

/// <summary>Policy names for network-scoped pages and endpoints; the route must carry {networkId:guid}.</summary>
public static class NetworkPolicies
{
    public const string Viewer = "network:viewer";
    public const string Member = "network:member";
    public const string Facilitator = "network:facilitator";
    public const string Owner = "network:owner";
    public const string Administrator = "administrator";
    public const string RouteKey = "networkId";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, role) in new[]
        {
            (Viewer, NetworkRole.Viewer), (Member, NetworkRole.Member),
            (Facilitator, NetworkRole.Facilitator), (Owner, NetworkRole.Owner),
        })
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new NetworkRoleRequirement(role)));
        }
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireClaim(AdminClaim.Type, AdminClaim.Value));
    }
}

public static class AdminClaim
{
    public const string Type = "verkostamo:admin";
    public const string Value = "true";
}

public sealed record NetworkRoleRequirement(NetworkRole MinimumRole) : IAuthorizationRequirement;

/// <summary>Marks a failure that must look like "no such network" (404), never like "forbidden".</summary>
public sealed class NetworkNotFoundReason(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, "network-not-found");

public sealed class NetworkRoleHandler(NetworkAccess access, IHttpContextAccessor http) : AuthorizationHandler<NetworkRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, NetworkRoleRequirement requirement)
    {
        var httpContext = context.Resource as HttpContext ?? http.HttpContext;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || httpContext is null)
        {
            return;
        }
        if (!Guid.TryParse(httpContext.GetRouteValue(NetworkPolicies.RouteKey)?.ToString(), out var networkId))
        {
            context.Fail(new NetworkNotFoundReason(this));
            return;
        }
        var role = await access.GetRoleAsync(networkId, userId, ct: httpContext.RequestAborted);
        if (role is null)
        {
            context.Fail(new NetworkNotFoundReason(this));
        }
        else if (NetworkAccess.Allows(role, requirement.MinimumRole))
        {
            httpContext.Items[typeof(NetworkRole)] = role;
            context.Succeed(requirement);
        }
    }
}

/// <summary>Turns "not a member of this network" into the same 404 as "no such network".</summary>
public sealed class NetworkAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<NetworkNotFoundReason>().Any() == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
