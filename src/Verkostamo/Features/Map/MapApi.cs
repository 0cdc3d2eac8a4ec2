using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Components.Shared;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Map;

/// <summary>An actor as the API takes it; enums travel as names, levels as a comma-separated list of names.</summary>
public sealed record ActorRequest(
    string? Name, ActorKind? Kind, Sector? Sector, Level? Levels, ParticipationRole? RoleNow, ParticipationRole? RoleWanted,
    string? Organisation, string? ContactPerson, string? Email, string? Phone, string? Website, IReadOnlyList<string>? Tags, string? Notes, Guid Version)
{
    public ActorInput ToInput() => new(Name)
    {
        Kind = Kind ?? ActorKind.Organisation, Sector = Sector ?? Core.Map.Sector.Public, Levels = Levels ?? Level.None, RoleNow = RoleNow,
        RoleWanted = RoleWanted, Organisation = Organisation, ContactPerson = ContactPerson, Email = Email, Phone = Phone, Website = Website,
        Tags = Tags, Notes = Notes,
    };
}

public sealed record LinkRequest(
    Guid SourceActorId, Guid TargetActorId, LinkStrength? Strength, LinkMark? Marks, IReadOnlyList<string>? Kinds, Level? Levels, bool? Directed,
    string? Notes, Guid Version)
{
    public LinkInput ToInput() => new(SourceActorId, TargetActorId)
    {
        Strength = Strength ?? LinkStrength.Weak, Marks = Marks ?? LinkMark.None, Kinds = Kinds, Levels = Levels ?? Level.None,
        Directed = Directed ?? false, Notes = Notes,
    };
}

public sealed record MapViewRequest(string? Name, MapViewSettings? Settings, IReadOnlyDictionary<Guid, MapPosition>? Positions, Guid Version)
{
    public MapViewInput ToInput() => new(Name, Settings ?? new MapViewSettings(), Positions);
}

public sealed record MapVersionRequest(string? Name);

public sealed record MergeRequest(Guid IntoActorId);

/// <summary>A version with its frozen map.</summary>
public sealed record MapVersionResponse(Guid Id, string Name, MapVersionReason Reason, DateTimeOffset TakenAt, int ActorCount, int LinkCount, MapDocument Document)
{
    public static MapVersionResponse From(MapVersionDetails d) =>
        new(d.Summary.Id, d.Summary.Name, d.Summary.Reason, d.Summary.TakenAt, d.Summary.ActorCount, d.Summary.LinkCount, d.Document);
}

/// <summary>The network map under /api/v1/networks/{networkId}: actors, links, saved views and versions.</summary>
public static class MapApi
{
    public static void MapNetworkMapApi(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/networks/{networkId:guid}").WithTags("Map");
        MapActors(network);
        MapLinks(network);
        MapViews(network);
        MapVersions(network);
    }

    private static void MapActors(RouteGroupBuilder network)
    {
        // Filters take names (sector=ThirdSector); an unknown value is a 400, not a silently empty list.
        network.MapGet("/actors", async (Guid networkId, string? search, string? sector, string? kind, string? role, string? level, string? tag, bool? deleted,
                ClaimsPrincipal user, ActorService actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ParseQuery(search, sector, kind, role, level, tag, deleted) is { } query
                ? ApiResults.OkOrNotFound(await actors.ListAsync(networkId, user.UserId(), query, ct))
                : ApiResults.Problem(ErrorCodes.ValueInvalid, l))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/actors/duplicates", async (Guid networkId, ClaimsPrincipal user, ActorMergeService merge, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await merge.CandidatesAsync(networkId, user.UserId(), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/actors/{actorId:guid}", async (Guid networkId, Guid actorId, ClaimsPrincipal user, ActorService actors, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await actors.GetAsync(networkId, user.UserId(), actorId, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPost("/actors", async (Guid networkId, ActorRequest body, HttpContext http, ClaimsPrincipal user, ActorService actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await actors.CreateAsync(networkId, user.UserId(), body.ToInput(), ct), l,
                id => $"{http.Request.Path.Value?.TrimEnd('/')}/{id}", async id => await actors.GetAsync(networkId, user.UserId(), id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPut("/actors/{actorId:guid}", async (Guid networkId, Guid actorId, ActorRequest body, ClaimsPrincipal user, ActorService actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await actors.UpdateAsync(networkId, user.UserId(), actorId, body.ToInput(), body.Version, ct), l,
                async () => await actors.GetAsync(networkId, user.UserId(), actorId, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapDelete("/actors/{actorId:guid}", async (Guid networkId, Guid actorId, ClaimsPrincipal user, ActorService actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await actors.DeleteAsync(networkId, user.UserId(), actorId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPost("/actors/{actorId:guid}/restore", async (Guid networkId, Guid actorId, ClaimsPrincipal user, ActorService actors, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await actors.RestoreAsync(networkId, user.UserId(), actorId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPost("/actors/{actorId:guid}/merge", async (Guid networkId, Guid actorId, MergeRequest body, ClaimsPrincipal user, ActorMergeService merge, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var merged = await merge.MergeAsync(networkId, user.UserId(), actorId, body.IntoActorId, ct);
            return merged.Succeeded ? TypedResults.Ok(merged.Value) : ApiResults.Problem(merged.ErrorCode!, l);
        })
            .RequireAuthorization(NetworkPolicies.Member);
    }

    private static void MapLinks(RouteGroupBuilder network)
    {
        network.MapGet("/links", async (Guid networkId, Guid? actorId, string? strength, string? kind, bool? deleted, ClaimsPrincipal user, LinkService links,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            LinkStrength? wanted = null;
            if (!string.IsNullOrEmpty(strength))
            {
                if (!MapFormValues.TryEnum<LinkStrength>(strength, out var s))
                {
                    return ApiResults.Problem(ErrorCodes.ValueInvalid, l);
                }
                wanted = s;
            }
            var list = await links.ListAsync(networkId, user.UserId(), actorId, deleted == true, ct);
            return ApiResults.OkOrNotFound(list?.Where(x => (wanted is null || x.Strength == wanted)
                && (string.IsNullOrWhiteSpace(kind) || x.Kinds.Contains(kind.Trim(), StringComparer.OrdinalIgnoreCase))).ToList());
        })
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/links/{linkId:guid}", async (Guid networkId, Guid linkId, ClaimsPrincipal user, LinkService links, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await links.GetAsync(networkId, user.UserId(), linkId, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPost("/links", async (Guid networkId, LinkRequest body, HttpContext http, ClaimsPrincipal user, LinkService links, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await links.CreateAsync(networkId, user.UserId(), body.ToInput(), ct), l,
                id => $"{http.Request.Path.Value?.TrimEnd('/')}/{id}", async id => await links.GetAsync(networkId, user.UserId(), id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPut("/links/{linkId:guid}", async (Guid networkId, Guid linkId, LinkRequest body, ClaimsPrincipal user, LinkService links, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await links.UpdateAsync(networkId, user.UserId(), linkId, body.ToInput(), body.Version, ct), l,
                async () => await links.GetAsync(networkId, user.UserId(), linkId, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapDelete("/links/{linkId:guid}", async (Guid networkId, Guid linkId, ClaimsPrincipal user, LinkService links, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await links.DeleteAsync(networkId, user.UserId(), linkId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPost("/links/{linkId:guid}/restore", async (Guid networkId, Guid linkId, ClaimsPrincipal user, LinkService links, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await links.RestoreAsync(networkId, user.UserId(), linkId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
    }

    private static void MapViews(RouteGroupBuilder network)
    {
        network.MapGet("/map/views", async (Guid networkId, ClaimsPrincipal user, MapViewService views, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await views.ListAsync(networkId, user.UserId(), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/map/views/{viewId:guid}", async (Guid networkId, Guid viewId, ClaimsPrincipal user, MapViewService views, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await views.GetAsync(networkId, user.UserId(), viewId, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPost("/map/views", async (Guid networkId, MapViewRequest body, HttpContext http, ClaimsPrincipal user, MapViewService views, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await views.CreateAsync(networkId, user.UserId(), body.ToInput(), ct), l,
                id => $"{http.Request.Path.Value?.TrimEnd('/')}/{id}", async id => await views.GetAsync(networkId, user.UserId(), id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPut("/map/views/{viewId:guid}", async (Guid networkId, Guid viewId, MapViewRequest body, ClaimsPrincipal user, MapViewService views, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await views.UpdateAsync(networkId, user.UserId(), viewId, body.ToInput(), body.Version, ct), l,
                async () => await views.GetAsync(networkId, user.UserId(), viewId, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapDelete("/map/views/{viewId:guid}", async (Guid networkId, Guid viewId, ClaimsPrincipal user, MapViewService views, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await views.DeleteAsync(networkId, user.UserId(), viewId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
    }

    private static void MapVersions(RouteGroupBuilder network)
    {
        network.MapGet("/map/versions", async (Guid networkId, ClaimsPrincipal user, MapVersionService versions, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await versions.ListAsync(networkId, user.UserId(), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        // from and to are a version id or "current" (the live map), so they are strings, not Guids.
        network.MapGet("/map/versions/compare", async (Guid networkId, string? from, string? to, ClaimsPrincipal user, MapVersionService versions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(from)
                ? ApiResults.Problem(ErrorCodes.ValueInvalid, l)
                : ApiResults.OkOrNotFound(await versions.CompareAsync(networkId, user.UserId(), from.Trim(), string.IsNullOrWhiteSpace(to) ? MapVersionService.Current : to.Trim(), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/map/versions/{versionId:guid}", async (Guid networkId, Guid versionId, ClaimsPrincipal user, MapVersionService versions, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await versions.GetAsync(networkId, user.UserId(), versionId, ct) is { } v ? MapVersionResponse.From(v) : null))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPost("/map/versions", async (Guid networkId, MapVersionRequest? body, HttpContext http, ClaimsPrincipal user, MapVersionService versions, TimeProvider clock,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // Without a name the version is named after the day it was taken.
            var name = string.IsNullOrWhiteSpace(body?.Name)
                ? l["MapCore.Version.DefaultName", clock.GetUtcNow().InFinland().ToString("d.M.yyyy", CultureInfo.InvariantCulture)].Value
                : body.Name;
            return await ApiResults.CreatedAsync(await versions.TakeAsync(networkId, user.UserId(), name, ct), l,
                id => $"{http.Request.Path.Value?.TrimEnd('/')}/{id}",
                async id => await versions.GetAsync(networkId, user.UserId(), id, ct) is { } v ? MapVersionResponse.From(v) : null);
        })
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapDelete("/map/versions/{versionId:guid}", async (Guid networkId, Guid versionId, ClaimsPrincipal user, MapVersionService versions, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await versions.DeleteAsync(networkId, user.UserId(), versionId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
    }

    private static ActorQuery? ParseQuery(string? search, string? sector, string? kind, string? role, string? level, string? tag, bool? deleted)
    {
        static bool Parse<T>(string? text, out T? value) where T : struct, Enum
        {
            value = null;
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }
            if (MapFormValues.TryEnum<T>(text, out var parsed))
            {
                value = parsed;
                return true;
            }
            return false;
        }
        return Parse<Sector>(sector, out var s) && Parse<ActorKind>(kind, out var k) && Parse<ParticipationRole>(role, out var r) && Parse<Level>(level, out var lv)
            ? new ActorQuery { Search = search, Sector = s, Kind = k, Role = r, Level = lv, Tag = tag, Deleted = deleted == true }
            : null;
    }
}
