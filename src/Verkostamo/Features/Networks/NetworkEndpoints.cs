using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Networks;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Networks;

public sealed record NetworkUpdateRequest(string Name, string? EventName, string? ShortDescription, string? Language, Guid Version);

public sealed record NetworkResponse(Guid Id, string Name, string EventName, string ShortDescription, string Language, Guid Version, string Role, IReadOnlyList<LogoInfo> Logos)
{
    public static NetworkResponse From(NetworkDetails d) => new(d.Id, d.Name, d.EventName, d.ShortDescription, d.Language, d.Version, d.Role.ToString(), d.Logos);
}

public static class NetworkEndpoints
{
    public static void MapNetworkApi(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Networks").RequireAuthorization();
        networks.MapGet("/", async (ClaimsPrincipal user, NetworkService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListMineAsync(user.UserId(), ct)));
        networks.MapPost("/", async (NetworkInput input, ClaimsPrincipal user, NetworkService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var result = await service.CreateAsync(user.UserId(), input, ct);
            return result.Succeeded
                ? Results.Created($"/api/v1/networks/{result.Value}", NetworkResponse.From((await service.GetAsync(result.Value, user.UserId(), ct))!))
                : ApiResults.Problem(result.ErrorCode!, l);
        });
        networks.MapGet("/bin", async (ClaimsPrincipal user, NetworkService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListBinAsync(user.UserId(), ct)));
        // Restoring works on a network in the bin, which the role policies deliberately do not see.
        networks.MapPost("/{networkId:guid}/restore", async (Guid networkId, ClaimsPrincipal user, NetworkService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.RestoreAsync(networkId, user.UserId(), ct), l, TypedResults.NoContent));

        var one = networks.MapGroup("/{networkId:guid}");
        one.MapGet("/", async Task<Results<Ok<NetworkResponse>, NotFound>> (Guid networkId, ClaimsPrincipal user, NetworkService service, CancellationToken ct) =>
            await service.GetAsync(networkId, user.UserId(), ct) is { } d ? TypedResults.Ok(NetworkResponse.From(d)) : TypedResults.NotFound())
            .RequireAuthorization(NetworkPolicies.Viewer);
        one.MapPut("/", async (Guid networkId, NetworkUpdateRequest body, ClaimsPrincipal user, NetworkService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var result = await service.UpdateAsync(networkId, user.UserId(), new NetworkInput(body.Name, body.EventName, body.ShortDescription, body.Language), body.Version, ct);
            return result.Succeeded
                ? Results.Ok(NetworkResponse.From((await service.GetAsync(networkId, user.UserId(), ct))!))
                : ApiResults.Problem(result.ErrorCode!, l);
        }).RequireAuthorization(NetworkPolicies.Facilitator);
        one.MapDelete("/", async (Guid networkId, ClaimsPrincipal user, NetworkService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.DeleteAsync(networkId, user.UserId(), ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Owner);
        one.MapGet("/logos/{logoId:guid}", async (Guid networkId, Guid logoId, ClaimsPrincipal user, NetworkService service, CancellationToken ct) =>
            await service.GetLogoAsync(networkId, user.UserId(), logoId, ct) is { } logo
                ? Results.File(logo.Content, logo.ContentType)
                : Results.NotFound())
            .RequireAuthorization(NetworkPolicies.Viewer);
    }
}
