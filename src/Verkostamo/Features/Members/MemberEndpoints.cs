using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Networks;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Members;

public sealed record RoleChangeRequest(NetworkRole Role);

public sealed record InvitationResponse(Guid Id, string Url, string Role, DateTimeOffset ExpiresAt);

public static class MemberEndpoints
{
    public static void MapMemberApi(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/networks/{networkId:guid}").WithTags("Members");
        network.MapGet("/members", async (Guid networkId, ClaimsPrincipal user, MembershipService service, CancellationToken ct) =>
            await service.ListAsync(networkId, user.UserId(), ct) is { } members ? Results.Ok(members) : Results.NotFound())
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPut("/members/{membershipId:guid}/role", async (Guid networkId, Guid membershipId, RoleChangeRequest body, ClaimsPrincipal user,
                MembershipService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.ChangeRoleAsync(networkId, user.UserId(), membershipId, body.Role, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Owner);
        network.MapDelete("/members/{membershipId:guid}", async (Guid networkId, Guid membershipId, ClaimsPrincipal user,
                MembershipService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.RemoveAsync(networkId, user.UserId(), membershipId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Owner);
        network.MapPost("/leave", async (Guid networkId, ClaimsPrincipal user, MembershipService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.LeaveAsync(networkId, user.UserId(), ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Viewer);

        network.MapGet("/invitations", async (Guid networkId, ClaimsPrincipal user, InvitationService service, CancellationToken ct) =>
            await service.ListAsync(networkId, user.UserId(), ct) is { } list ? Results.Ok(list) : Results.NotFound())
            .RequireAuthorization(NetworkPolicies.Facilitator);
        network.MapPost("/invitations", async (Guid networkId, InvitationInput body, ClaimsPrincipal user, InvitationService service,
                HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await service.CreateAsync(networkId, user.UserId(), body, ct);
                return result.Succeeded
                    ? Results.Ok(new InvitationResponse(result.Value!.Id, InvitationLinks.Url(http.Request, result.Value.Token), body.Role.ToString(), result.Value.ExpiresAt))
                    : ApiResults.Problem(result.ErrorCode!, l);
            })
            .RequireAuthorization(NetworkPolicies.Facilitator);
        network.MapDelete("/invitations/{invitationId:guid}", async (Guid networkId, Guid invitationId, ClaimsPrincipal user, InvitationService service,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.RevokeAsync(networkId, user.UserId(), invitationId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);

        api.MapPost("/invitations/{token}/accept", async (string token, ClaimsPrincipal user, InvitationService service,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var result = await service.AcceptAsync(token, user.UserId(), ct);
                return result.Succeeded ? Results.Ok(new { networkId = result.Value }) : ApiResults.Problem(result.ErrorCode!, l);
            })
            .WithTags("Members")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.Invitations);
    }
}

public static class InvitationLinks
{
    public static string Path(string token) => "/invitations/" + Uri.EscapeDataString(token);

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path(token)}";
}
