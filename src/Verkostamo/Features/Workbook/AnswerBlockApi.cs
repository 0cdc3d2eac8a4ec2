using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Workbook;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Workbook;

public sealed record TextRequest(string? Text);

public sealed record VersionedTextRequest(string? Text, Guid Version);

/// <summary>Moves an item one place: a negative direction up, a positive one down.</summary>
public sealed record MoveRequest(int Direction);

public sealed record ResponsibilitiesResponse(string Text, Guid Version);

/// <summary>A step as a client sends it: the due date as ISO yyyy-MM-dd, the status by name. Version only when updating.</summary>
public sealed record StepRequest(string? Title, Guid? OwnerMembershipId, string? OwnerName, string? DueDate, string? Status, string? Notes, Guid? Version = null)
{
    /// <summary>Reads the wire format; the rules on the values themselves stay in <see cref="ActionService.Validate"/>.</summary>
    public ServiceResult<ActionInput> ToInput()
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(DueDate))
        {
            if (!DateOnly.TryParseExact(DueDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return ServiceResult<ActionInput>.Fail(ErrorCodes.DateInvalid);
            }
            due = parsed;
        }
        var status = ActionStatus.Planned;
        if (!string.IsNullOrWhiteSpace(Status) && (int.TryParse(Status, out _) || !Enum.TryParse(Status.Trim(), true, out status)))
        {
            return ServiceResult<ActionInput>.Fail(ErrorCodes.StatusInvalid);
        }
        return ServiceResult<ActionInput>.Success(new ActionInput(Title, OwnerMembershipId, OwnerName, due, status, Notes));
    }
}

/// <summary>The answer blocks of one section or theme, as the API lists them.</summary>
internal sealed record AnswerBlocks(
    IReadOnlyList<KeySolutionView> KeySolutions, IReadOnlyList<KeySolutionView> DeletedKeySolutions,
    IReadOnlyList<ActionView> Steps, IReadOnlyList<ActionView> DeletedSteps, ResponsibilitiesResponse Responsibilities)
{
    public bool Holds(Guid itemId) =>
        KeySolutions.Concat(DeletedKeySolutions).Any(k => k.Id == itemId) || Steps.Concat(DeletedSteps).Any(a => a.Id == itemId);
}

/// <summary>
/// Key solutions, steps, responsibilities and history: the same endpoints under a section
/// (<c>…/sections/{key}</c>) and under a theme (<c>…/themes/{themeId}</c>). The Core services check
/// the network, the role and archived themes.
/// </summary>
internal static class AnswerBlockApi
{
    public static void MapAnswerBlocks(this RouteGroupBuilder owner, Func<HttpContext, AnswerOwner> ownerOf)
    {
        owner.MapGet("/solutions", async (Guid networkId, bool? deleted, HttpContext http, ClaimsPrincipal user, WorkbookService workbook, ThemeService themes, CancellationToken ct) =>
            ApiResults.OkOrNotFound((await LoadAsync(ownerOf(http), networkId, user.UserId(), workbook, themes, ct)) is { } b ? deleted == true ? b.DeletedKeySolutions : b.KeySolutions : null))
            .RequireAuthorization(NetworkPolicies.Viewer);
        owner.MapGet("/solutions/{itemId:guid}", async (Guid networkId, Guid itemId, ClaimsPrincipal user, AnswerService answers, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await answers.GetKeySolutionAsync(networkId, user.UserId(), itemId, ct)))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Viewer);
        owner.MapPost("/solutions", async (Guid networkId, TextRequest body, HttpContext http, ClaimsPrincipal user, AnswerService answers, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await answers.AddKeySolutionAsync(networkId, user.UserId(), ownerOf(http), body.Text, ct), l,
                id => $"{http.Request.Path}/{id}", async id => await answers.GetKeySolutionAsync(networkId, user.UserId(), id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        owner.MapPut("/solutions/{itemId:guid}", async (Guid networkId, Guid itemId, VersionedTextRequest body, ClaimsPrincipal user, AnswerService answers, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await answers.UpdateKeySolutionAsync(networkId, user.UserId(), itemId, body.Text, body.Version, ct), l,
                async () => await answers.GetKeySolutionAsync(networkId, user.UserId(), itemId, ct)))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);
        owner.MapDelete("/solutions/{itemId:guid}", async (Guid networkId, Guid itemId, ClaimsPrincipal user, AnswerService answers, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await answers.DeleteKeySolutionAsync(networkId, user.UserId(), itemId, ct), l, TypedResults.NoContent))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);
        owner.MapPost("/solutions/{itemId:guid}/restore", async (Guid networkId, Guid itemId, ClaimsPrincipal user, AnswerService answers, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await answers.RestoreKeySolutionAsync(networkId, user.UserId(), itemId, ct), l, TypedResults.NoContent))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);
        owner.MapPost("/solutions/{itemId:guid}/move", async (Guid networkId, Guid itemId, MoveRequest body, ClaimsPrincipal user, AnswerService answers, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await answers.MoveKeySolutionAsync(networkId, user.UserId(), itemId, body.Direction, ct), l, TypedResults.NoContent))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);

        owner.MapGet("/steps", async (Guid networkId, bool? deleted, HttpContext http, ClaimsPrincipal user, WorkbookService workbook, ThemeService themes, CancellationToken ct) =>
            ApiResults.OkOrNotFound((await LoadAsync(ownerOf(http), networkId, user.UserId(), workbook, themes, ct)) is { } b ? deleted == true ? b.DeletedSteps : b.Steps : null))
            .RequireAuthorization(NetworkPolicies.Viewer);
        owner.MapGet("/steps/{itemId:guid}", async (Guid networkId, Guid itemId, ClaimsPrincipal user, ActionService steps, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await steps.GetAsync(networkId, user.UserId(), itemId, ct)))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Viewer);
        owner.MapPost("/steps", async (Guid networkId, StepRequest body, HttpContext http, ClaimsPrincipal user, ActionService steps, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            body.ToInput() is { Succeeded: false } bad ? ApiResults.Problem(bad.ErrorCode!, l)
                : await ApiResults.CreatedAsync(await steps.AddAsync(networkId, user.UserId(), ownerOf(http), body.ToInput().Value!, ct), l,
                    id => $"{http.Request.Path}/{id}", async id => await steps.GetAsync(networkId, user.UserId(), id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        owner.MapPut("/steps/{itemId:guid}", async (Guid networkId, Guid itemId, StepRequest body, ClaimsPrincipal user, ActionService steps, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            body.ToInput() is { Succeeded: false } bad ? ApiResults.Problem(bad.ErrorCode!, l)
                : await ApiResults.SavedAsync(await steps.UpdateAsync(networkId, user.UserId(), itemId, body.ToInput().Value!, body.Version ?? Guid.Empty, ct), l,
                    async () => await steps.GetAsync(networkId, user.UserId(), itemId, ct)))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);
        owner.MapDelete("/steps/{itemId:guid}", async (Guid networkId, Guid itemId, ClaimsPrincipal user, ActionService steps, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await steps.DeleteAsync(networkId, user.UserId(), itemId, ct), l, TypedResults.NoContent))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);
        owner.MapPost("/steps/{itemId:guid}/restore", async (Guid networkId, Guid itemId, ClaimsPrincipal user, ActionService steps, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await steps.RestoreAsync(networkId, user.UserId(), itemId, ct), l, TypedResults.NoContent))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);
        owner.MapPost("/steps/{itemId:guid}/move", async (Guid networkId, Guid itemId, MoveRequest body, ClaimsPrincipal user, ActionService steps, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await steps.MoveAsync(networkId, user.UserId(), itemId, body.Direction, ct), l, TypedResults.NoContent))
            .InOwner(ownerOf).RequireAuthorization(NetworkPolicies.Member);

        owner.MapPut("/responsibilities", async (Guid networkId, VersionedTextRequest body, HttpContext http, ClaimsPrincipal user, AnswerService answers,
                WorkbookService workbook, ThemeService themes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await answers.UpdateResponsibilitiesAsync(networkId, user.UserId(), ownerOf(http), body.Text, body.Version, ct), l,
                async () => (await LoadAsync(ownerOf(http), networkId, user.UserId(), workbook, themes, ct))?.Responsibilities))
            .RequireAuthorization(NetworkPolicies.Member);
        owner.MapGet("/history", async (Guid networkId, HttpContext http, ClaimsPrincipal user, WorkbookService workbook, ThemeService themes, WorkbookOverviewService overview, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await LoadAsync(ownerOf(http), networkId, user.UserId(), workbook, themes, ct, answerBlocks: false) is null ? null
                : await overview.GetHistoryAsync(networkId, user.UserId(), ScopeOf(ownerOf(http)), ct: ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
    }

    /// <summary>
    /// An item is addressed under its own section or theme only: the services scope items to the network, and
    /// this keeps a key solution of one section from being read or changed through another's path.
    /// </summary>
    private static RouteHandlerBuilder InOwner(this RouteHandlerBuilder endpoint, Func<HttpContext, AnswerOwner> ownerOf) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var blocks = Guid.TryParse(http.GetRouteValue("networkId")?.ToString(), out var networkId)
                ? await LoadAsync(ownerOf(http), networkId, http.User.UserId(), services.GetRequiredService<WorkbookService>(), services.GetRequiredService<ThemeService>(), http.RequestAborted)
                : null;
            return blocks is not null && Guid.TryParse(http.GetRouteValue("itemId")?.ToString(), out var itemId) && blocks.Holds(itemId)
                ? await next(context)
                : TypedResults.NotFound();
        });

    /// <summary>The audit scope the services record changes under (see WorkbookStore).</summary>
    private static string ScopeOf(AnswerOwner owner) => owner.SectionKey is { } key ? "section:" + key : "theme:" + owner.ThemeId;

    internal static async Task<AnswerBlocks?> LoadAsync(AnswerOwner owner, Guid networkId, string userId, WorkbookService workbook, ThemeService themes,
        CancellationToken ct, bool answerBlocks = true)
    {
        if (owner.SectionKey is { } key)
        {
            return await workbook.GetSectionAsync(networkId, userId, key, ct) is { } s && (s.HasAnswerBlocks || !answerBlocks) ? From(s) : null;
        }
        return await themes.GetAsync(networkId, userId, owner.ThemeId!.Value, ct) is { } t ? From(t) : null;
    }

    internal static AnswerBlocks From(SectionView s) =>
        new(s.KeySolutions, s.DeletedKeySolutions, s.Actions, s.DeletedActions, new(s.Responsibilities, s.ResponsibilitiesVersion));

    internal static AnswerBlocks From(ThemeView t) =>
        new(t.KeySolutions, t.DeletedKeySolutions, t.Actions, t.DeletedActions, new(t.Responsibilities, t.ResponsibilitiesVersion));
}
