using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Actions;

public enum DueFilter
{
    Any,
    Overdue,
    DueSoon,
    NoDate,
}

/// <summary>Filters of the action plan; every given filter must match.</summary>
public sealed record ActionPlanQuery
{
    public Guid? OwnerMembershipId { get; init; }

    /// <summary>Steps whose owner is free text (no member), matched case-insensitively.</summary>
    public string? OwnerName { get; init; }
    public string? SectionKey { get; init; }
    public Guid? ThemeId { get; init; }
    public ActionStatus? Status { get; init; }

    /// <summary>Only open steps (planned or in progress).</summary>
    public bool OpenOnly { get; init; }
    public DueFilter Due { get; init; }
}

/// <summary>A step in the plan with where it comes from.</summary>
public sealed record PlanItem(Guid NetworkId, string NetworkName, ActionView Action, SectionSummary? Section, ThemeSummary? Theme, bool IsDueSoon, int Comments);

public sealed record ActionPlan(
    IReadOnlyList<PlanItem> Items, int Total, IReadOnlyList<MemberOption> Members, IReadOnlyList<string> FreeTextOwners,
    IReadOnlyList<SectionSummary> Sections, IReadOnlyList<ThemeSummary> Themes, NetworkRole Role, DateOnly Today)
{
    public bool CanEdit => Role >= NetworkRole.Member;
}

public sealed record CommentView(Guid Id, string AuthorName, string Text, DateTimeOffset CreatedAt, bool CanDelete);

public sealed record PlanAction(PlanItem Item, IReadOnlyList<CommentView> Comments, NetworkRole Role)
{
    public bool CanEdit => Role >= NetworkRole.Member;
}

/// <summary>
/// One action plan: every step of every section and theme, filtered and changed in one place, with
/// comments; and "my actions" across all the networks a person belongs to.
/// </summary>
public sealed class ActionPlanService(IDbContextFactory<VerkostamoDbContext> dbFactory, ActionService actions, TimeProvider clock)
{
    /// <summary>Open steps due within this many days count as due soon.</summary>
    public const int DueSoonDays = 14;
    public const int MaxCommentLength = 2000;
    public const int MaxComments = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool IsDueSoon(ActionView a, DateOnly today) =>
        a.Status is ActionStatus.Planned or ActionStatus.InProgress && a.DueDate is { } due && due >= today && due <= today.AddDays(DueSoonDays);

    public async Task<ActionPlan?> GetAsync(Guid networkId, string userId, ActionPlanQuery? query = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        var today = Today;
        var items = await ItemsAsync(db, networkId, today, ct);
        var all = items.Items;
        var filtered = all.Where(i => Matches(i.Action, query ?? new(), i.Section?.Key, i.Theme?.Id, today)).ToList();
        return new ActionPlan(Sort(filtered), all.Count, await ActionService.OwnerOptionsAsync(db, networkId, ct),
            [.. all.Where(i => i.Action.OwnerMembershipId is null && !string.IsNullOrWhiteSpace(i.Action.OwnerName))
                .Select(i => i.Action.OwnerName!.Trim()).Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase)],
            items.Sections, items.Themes, role, today);
    }

    /// <summary>The steps owned by <paramref name="userId"/> in every network they belong to, open ones unless <paramref name="includeClosed"/>.</summary>
    public async Task<IReadOnlyList<PlanItem>> MyActionsAsync(string userId, bool includeClosed = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Networks.Where(n => n.DeletedAt == null), m => m.NetworkId, n => n.Id, (m, n) => new { m.Id, m.NetworkId })
            .ToListAsync(ct);
        var today = Today;
        var mine = new List<PlanItem>();
        foreach (var m in memberships)
        {
            var items = await ItemsAsync(db, m.NetworkId, today, ct);
            mine.AddRange(items.Items.Where(i => i.Action.OwnerMembershipId == m.Id && (includeClosed || IsOpen(i.Action))));
        }
        return Sort(mine);
    }

    /// <summary>In-app reminders: my open steps that are overdue or due soon, across my networks.</summary>
    public async Task<IReadOnlyList<PlanItem>> RemindersAsync(string userId, CancellationToken ct = default) =>
        [.. (await MyActionsAsync(userId, false, ct)).Where(i => i.Action.IsOverdue || i.IsDueSoon)];

    /// <summary>One step with its comments; null when unknown or not allowed.</summary>
    public async Task<PlanAction?> GetActionAsync(Guid networkId, string userId, Guid actionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        var item = (await ItemsAsync(db, networkId, Today, ct)).Items.SingleOrDefault(i => i.Action.Id == actionId);
        if (item is null)
        {
            return null;
        }
        var comments = await db.ActionComments.AsNoTracking().Where(c => c.NetworkId == networkId && c.ActionId == actionId && c.DeletedAt == null)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .GroupJoin(db.Users, c => c.UserId, u => u.Id, (c, users) => new { c, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.c, DisplayName = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email })
            .ToListAsync(ct);
        return new PlanAction(item,
            [.. comments.Select(x => new CommentView(x.c.Id, string.IsNullOrWhiteSpace(x.DisplayName) ? x.Email ?? "" : x.DisplayName, x.c.Text, x.c.CreatedAt, x.c.UserId == userId || role >= NetworkRole.Facilitator))],
            role);
    }

    /// <summary>Changes only a step's status, keeping everything else as it is.</summary>
    public async Task<ServiceResult<Guid>> SetStatusAsync(Guid networkId, string userId, Guid actionId, ActionStatus status, Guid expectedVersion, CancellationToken ct = default)
    {
        var action = await actions.GetAsync(networkId, userId, actionId, ct);
        if (action is null)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.NotFound);
        }
        if (action.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(action.Version);
        }
        if (!Enum.IsDefined(status))
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.StatusInvalid);
        }
        return await actions.UpdateAsync(networkId, userId, actionId,
            new ActionInput(action.Title, action.OwnerMembershipId, action.OwnerName, action.DueDate, status, action.Notes), expectedVersion, ct);
    }

    public async Task<ServiceResult<Guid>> AddCommentAsync(Guid networkId, string userId, Guid actionId, string? text, CancellationToken ct = default)
    {
        var clean = WorkbookStore.CleanText(text, MaxCommentLength);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        // A step of a deleted section or theme takes no comments, as it is not in the plan.
        if (await actions.GetAsync(networkId, userId, actionId, ct) is null)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.NotFound);
        }
        if (await db.ActionComments.CountAsync(c => c.ActionId == actionId && c.DeletedAt == null, ct) >= MaxComments)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        var now = clock.GetUtcNow();
        var comment = new ActionComment { Id = Guid.NewGuid(), NetworkId = networkId, ActionId = actionId, UserId = userId, Text = clean.Value!, CreatedAt = now };
        db.ActionComments.Add(comment);
        db.Audit(now, networkId, userId, nameof(ActionComment), comment.Id, "Created", after: new { ActionId = actionId, comment.Text }, scope: PlanScope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(comment.Id);
    }

    /// <summary>Deletes a comment: its author, or a facilitator or owner.</summary>
    public async Task<ServiceResult> DeleteCommentAsync(Guid networkId, string userId, Guid commentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var comment = await db.ActionComments.SingleOrDefaultAsync(c => c.Id == commentId && c.NetworkId == networkId && c.DeletedAt == null, ct);
        if (role is null || comment is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        if (comment.UserId != userId && role < NetworkRole.Facilitator)
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        comment.DeletedAt = clock.GetUtcNow();
        comment.DeletedByUserId = userId;
        db.Audit(comment.DeletedAt.Value, networkId, userId, nameof(ActionComment), comment.Id, "Deleted", before: new { comment.ActionId, comment.Text }, scope: PlanScope);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public const string PlanScope = "plan";

    public static bool Matches(ActionView a, ActionPlanQuery q, string? sectionKey, Guid? themeId, DateOnly today)
    {
        if (q.OwnerMembershipId is { } owner && a.OwnerMembershipId != owner) return false;
        if (!string.IsNullOrWhiteSpace(q.OwnerName)
            && (a.OwnerMembershipId is not null || !string.Equals(a.OwnerName?.Trim(), q.OwnerName.Trim(), StringComparison.CurrentCultureIgnoreCase))) return false;
        if (!string.IsNullOrEmpty(q.SectionKey) && sectionKey != q.SectionKey) return false;
        if (q.ThemeId is { } theme && themeId != theme) return false;
        if (q.Status is { } status && a.Status != status) return false;
        if (q.OpenOnly && !IsOpen(a)) return false;
        return q.Due switch
        {
            DueFilter.Overdue => a.IsOverdue,
            DueFilter.DueSoon => IsDueSoon(a, today),
            DueFilter.NoDate => a.DueDate is null,
            _ => true,
        };
    }

    private static bool IsOpen(ActionView a) => a.Status is ActionStatus.Planned or ActionStatus.InProgress;

    /// <summary>Open steps first by due date (undated last), then closed ones.</summary>
    private static List<PlanItem> Sort(IEnumerable<PlanItem> items) =>
        [.. items.OrderBy(i => IsOpen(i.Action) ? 0 : 1).ThenBy(i => i.Action.DueDate ?? DateOnly.MaxValue)
            .ThenBy(i => i.Action.Title, StringComparer.CurrentCultureIgnoreCase)];

    private sealed record NetworkItems(List<PlanItem> Items, IReadOnlyList<SectionSummary> Sections, IReadOnlyList<ThemeSummary> Themes);

    private async Task<NetworkItems> ItemsAsync(VerkostamoDbContext db, Guid networkId, DateOnly today, CancellationToken ct)
    {
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var networkName = await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(ct);
        var sections = await WorkbookService.SummariesAsync(db, networkId, ct);
        var themes = await ThemeService.SummariesAsync(db, networkId, ct);
        var steps = await WorkbookOverviewService.LiveActionsAsync(db, networkId, sections, themes, today, ct);
        var comments = await db.ActionComments.Where(c => c.NetworkId == networkId && c.DeletedAt == null)
            .GroupBy(c => c.ActionId).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var sectionsByKey = sections.ToDictionary(s => s.Key);
        var themesById = themes.ToDictionary(t => t.Id);
        var items = steps.Select(s => new PlanItem(networkId, networkName, s.Action,
            s.SectionKey is { } k ? sectionsByKey.GetValueOrDefault(k) : null,
            s.ThemeId is { } t ? themesById.GetValueOrDefault(t) : null,
            IsDueSoon(s.Action, today), comments.GetValueOrDefault(s.Action.Id))).ToList();
        return new(items, [.. sections.Where(s => s.DeletedAt is null)], [.. themes.Where(t => t.DeletedAt is null)]);
    }
}
