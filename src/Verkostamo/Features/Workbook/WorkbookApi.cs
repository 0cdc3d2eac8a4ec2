using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Workbook;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Workbook;

/// <summary>A section in the workbook's contents; its <c>id</c> is the key that addresses it (<c>…/sections/{id}</c>).</summary>
public sealed record SectionItemResponse(string Id, int Number, int Part, string Title, bool Hidden, bool Custom,
    int KeySolutions, int OpenActions, int Actions, bool Answered, DateTimeOffset? DeletedAt)
{
    public static SectionItemResponse From(SectionSummary s, string language) =>
        new(s.Key, s.Number, s.Part, s.TitleFor(language), s.Hidden, s.IsCustom, s.KeySolutions, s.OpenActions, s.Actions, s.Answered, s.DeletedAt);
}

/// <summary>The workbook: its sections in order (deleted custom sections apart, restorable) and its progress.</summary>
public sealed record WorkbookResponse(Guid NetworkId, int TemplateVersion, string Role, int Answered, int AnswerableSections,
    int Themes, int OpenActions, int OverdueActions, int DoneActions, IReadOnlyList<SectionItemResponse> Sections, IReadOnlyList<SectionItemResponse> DeletedSections)
{
    public static WorkbookResponse From(WorkbookView view, WorkbookOverview overview, string language) =>
        new(view.NetworkId, view.TemplateVersion, view.Role.ToString(), overview.Answered, overview.VisiblePart1.Count(),
            overview.Themes.Count(t => t.DeletedAt is null && t.ArchivedAt is null), overview.OpenActions, overview.OverdueActions, overview.DoneActions,
            [.. view.Sections.Where(s => s.DeletedAt is null).Select(s => SectionItemResponse.From(s, language))],
            [.. view.Sections.Where(s => s.DeletedAt is not null).OrderByDescending(s => s.DeletedAt).Select(s => SectionItemResponse.From(s, language))]);
}

/// <summary>A section's texts as shown (the network's own or the template's); <c>overridden</c> when the network has its own.</summary>
public sealed record SectionTextsResponse(string Title, string Question, string Intro, bool Overridden, Guid Version)
{
    public static SectionTextsResponse From(SectionView s, string language) =>
        new(s.TitleFor(language), s.QuestionFor(language), s.IntroFor(language), s.HasOverrides, s.TextsVersion);
}

/// <summary>The section-specific fields; <c>kind</c> says which of them apply (none for most sections).</summary>
public sealed record SectionFieldsResponse(string Kind, SectionFields Values, Guid Version)
{
    public static SectionFieldsResponse From(SectionView s) => new(s.FieldsKind.ToString(), s.Fields, s.FieldsVersion);
}

/// <summary>Where one member places the network in section 6 (each axis 1..5); its <c>id</c> is the member's user id.</summary>
public sealed record PlacementResponse(string Id, string Name, int NowGoal, int NowShared, int WantedGoal, int WantedShared, DateTimeOffset UpdatedAt)
{
    public static PlacementResponse From(PlacementView p) => new(p.UserId, p.Name, p.NowGoal, p.NowShared, p.WantedGoal, p.WantedShared, p.UpdatedAt);
}

public sealed record SectionResponse(string Id, int Number, int Part, bool Hidden, bool Custom, bool HasAnswerBlocks,
    SectionTextsResponse Texts, SectionFieldsResponse Fields, ResponsibilitiesResponse Responsibilities,
    IReadOnlyList<KeySolutionView> KeySolutions, IReadOnlyList<ActionView> Steps, IReadOnlyList<PlacementResponse> Placements, string? PreviousId, string? NextId)
{
    public static SectionResponse From(SectionView s, string language) =>
        new(s.Key, s.Template?.Number ?? 0, s.Template?.Part ?? 1, s.Hidden, s.IsCustom, s.HasAnswerBlocks,
            SectionTextsResponse.From(s, language), SectionFieldsResponse.From(s), new(s.Responsibilities, s.ResponsibilitiesVersion),
            s.KeySolutions, s.Actions, [.. s.Placements.Select(PlacementResponse.From)], s.PreviousKey, s.NextKey);
}

public sealed record SectionTextsRequest(string? Title, string? Question, string? Intro, Guid Version);

public sealed record SectionFieldsRequest(SectionFields? Values, Guid Version);

/// <summary>A step of the network with the section (<c>sectionId</c>, a key) or theme it belongs to.</summary>
public sealed record NetworkStepResponse(Guid Id, string Title, Guid? OwnerMembershipId, string? OwnerName, string? OwnerDisplay,
    DateOnly? DueDate, ActionStatus Status, string? Notes, Guid Version, bool IsOverdue, DateTimeOffset UpdatedAt, string? SectionId, Guid? ThemeId)
{
    public static NetworkStepResponse From(NetworkAction n) => new(n.Action.Id, n.Action.Title, n.Action.OwnerMembershipId, n.Action.OwnerName,
        n.Action.OwnerDisplay, n.Action.DueDate, n.Action.Status, n.Action.Notes, n.Action.Version, n.Action.IsOverdue, n.Action.UpdatedAt, n.SectionKey, n.ThemeId);
}

/// <summary>The workbook and its sections under /api/v1/networks/{networkId}: the same services and rules as the pages.</summary>
public static class WorkbookApi
{
    public static void MapWorkbookApi(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/networks/{networkId:guid}").WithTags("Workbook");
        network.MapGet("/workbook", async (Guid networkId, ClaimsPrincipal user, WorkbookService workbook, WorkbookOverviewService overview, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await workbook.GetAsync(networkId, user.UserId(), ct) is { } view && await overview.GetAsync(networkId, user.UserId(), ct) is { } progress
                ? WorkbookResponse.From(view, progress, WorkbookLanguage.Current) : null))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/actions", async (Guid networkId, ClaimsPrincipal user, WorkbookOverviewService overview, CancellationToken ct) =>
            ApiResults.OkOrNotFound((await overview.ListActionsAsync(networkId, user.UserId(), ct))?.Select(NetworkStepResponse.From).ToList()))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPost("/sections", async (Guid networkId, SectionTextsRequest body, HttpContext http, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await workbook.AddCustomAsync(networkId, user.UserId(), new(body.Title, body.Question, body.Intro), ct), l,
                key => $"{http.Request.Path}/{key}", async key => await SectionAsync(workbook, networkId, user, key, ct)))
            .RequireAuthorization(NetworkPolicies.Facilitator);

        var section = network.MapGroup("/sections/{key}");
        section.MapGet("/", async (Guid networkId, string key, ClaimsPrincipal user, WorkbookService workbook, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await SectionAsync(workbook, networkId, user, key, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        section.MapPut("/", async (Guid networkId, string key, SectionTextsRequest body, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await workbook.UpdateTextsAsync(networkId, user.UserId(), key, new(body.Title, body.Question, body.Intro), body.Version, ct), l,
                async () => (await SectionAsync(workbook, networkId, user, key, ct))?.Texts))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        section.MapPut("/fields", async (Guid networkId, string key, SectionFieldsRequest body, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await workbook.UpdateFieldsAsync(networkId, user.UserId(), key, body.Values ?? new(), body.Version, ct), l,
                async () => (await SectionAsync(workbook, networkId, user, key, ct))?.Fields))
            .RequireAuthorization(NetworkPolicies.Member);
        section.MapPost("/hide", async (Guid networkId, string key, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.SetHiddenAsync(networkId, user.UserId(), key, true, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        section.MapPost("/show", async (Guid networkId, string key, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.SetHiddenAsync(networkId, user.UserId(), key, false, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        section.MapPost("/move", async (Guid networkId, string key, MoveRequest body, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.MoveAsync(networkId, user.UserId(), key, body.Direction, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        section.MapPost("/reset", async (Guid networkId, string key, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.ResetTextsAsync(networkId, user.UserId(), key, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        section.MapDelete("/", async (Guid networkId, string key, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.DeleteCustomAsync(networkId, user.UserId(), key, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        section.MapPost("/restore", async (Guid networkId, string key, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.RestoreCustomAsync(networkId, user.UserId(), key, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        // Section 6 only: the calling member's own placement of the network, now and wanted.
        network.MapPut("/sections/leadership/placement", async (Guid networkId, PlacementInput body, ClaimsPrincipal user, WorkbookService workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await workbook.SetPlacementAsync(networkId, user.UserId(), body, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
        section.MapAnswerBlocks(http => AnswerOwner.Section(http.GetRouteValue("key")?.ToString() ?? ""));
    }

    private static async Task<SectionResponse?> SectionAsync(WorkbookService workbook, Guid networkId, ClaimsPrincipal user, string key, CancellationToken ct) =>
        await workbook.GetSectionAsync(networkId, user.UserId(), key, ct) is { } s ? SectionResponse.From(s, WorkbookLanguage.Current) : null;
}
