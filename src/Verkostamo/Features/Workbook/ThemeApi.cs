using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Workbook;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Workbook;

public sealed record ThemeUpdateRequest(string? Title, string? Goal, Guid Version);

public sealed record ThemeResponse(Guid Id, string Title, string Goal, Guid Version, DateTimeOffset? ArchivedAt, ResponsibilitiesResponse Responsibilities,
    IReadOnlyList<KeySolutionView> KeySolutions, IReadOnlyList<ActionView> Steps)
{
    public static ThemeResponse From(ThemeView t) =>
        new(t.Id, t.Title, t.Goal, t.Version, t.ArchivedAt, new(t.Responsibilities, t.ResponsibilitiesVersion), t.KeySolutions, t.Actions);
}

/// <summary>Part 2 of the workbook, the themes, under /api/v1/networks/{networkId}/themes; archived themes are read-only.</summary>
public static class ThemeApi
{
    public static void MapThemeApi(this RouteGroupBuilder api)
    {
        var themes = api.MapGroup("/networks/{networkId:guid}/themes").WithTags("Themes");
        // Archived themes only when asked for (?archived=true); deleted ones, restorable, with ?deleted=true.
        themes.MapGet("/", async (Guid networkId, bool? archived, bool? deleted, ClaimsPrincipal user, ThemeService service, CancellationToken ct) =>
            ApiResults.OkOrNotFound((await service.ListAsync(networkId, user.UserId(), ct))?
                .Where(t => deleted == true ? t.DeletedAt is not null : t.DeletedAt is null && (archived == true || t.ArchivedAt is null)).ToList()))
            .RequireAuthorization(NetworkPolicies.Viewer);
        themes.MapPost("/", async (Guid networkId, ThemeInput body, HttpContext http, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await service.CreateAsync(networkId, user.UserId(), body, ct), l,
                id => $"{http.Request.Path.Value?.TrimEnd('/')}/{id}", async id => await ThemeAsync(service, networkId, user, id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);

        var theme = themes.MapGroup("/{themeId:guid}");
        theme.MapGet("/", async (Guid networkId, Guid themeId, ClaimsPrincipal user, ThemeService service, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await ThemeAsync(service, networkId, user, themeId, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        theme.MapPut("/", async (Guid networkId, Guid themeId, ThemeUpdateRequest body, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await service.UpdateAsync(networkId, user.UserId(), themeId, new(body.Title, body.Goal), body.Version, ct), l,
                async () => await ThemeAsync(service, networkId, user, themeId, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        theme.MapDelete("/", async (Guid networkId, Guid themeId, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.DeleteAsync(networkId, user.UserId(), themeId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        theme.MapPost("/restore", async (Guid networkId, Guid themeId, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.RestoreAsync(networkId, user.UserId(), themeId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        theme.MapPost("/archive", async (Guid networkId, Guid themeId, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.ArchiveAsync(networkId, user.UserId(), themeId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        theme.MapPost("/unarchive", async (Guid networkId, Guid themeId, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.UnarchiveAsync(networkId, user.UserId(), themeId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        theme.MapPost("/move", async (Guid networkId, Guid themeId, MoveRequest body, ClaimsPrincipal user, ThemeService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await service.MoveAsync(networkId, user.UserId(), themeId, body.Direction, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        theme.MapAnswerBlocks(http => AnswerOwner.Theme(Guid.Parse(http.GetRouteValue("themeId")!.ToString()!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<ThemeResponse?> ThemeAsync(ThemeService service, Guid networkId, ClaimsPrincipal user, Guid themeId, CancellationToken ct) =>
        await service.GetAsync(networkId, user.UserId(), themeId, ct) is { } t ? ThemeResponse.From(t) : null;
}
