using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Workbook;

public sealed record LastChange(DateTimeOffset At, string? UserName, string? Scope);

public sealed record OverdueAction(ActionView Action, string? SectionKey, Guid? ThemeId, string? ThemeTitle);

/// <summary>A step with the section or theme it belongs to.</summary>
public sealed record NetworkAction(ActionView Action, string? SectionKey, Guid? ThemeId);

public sealed record WorkbookOverview(
    IReadOnlyList<SectionSummary> Sections, IReadOnlyList<ThemeSummary> Themes,
    int OpenActions, int OverdueActions, int DoneActions, IReadOnlyList<OverdueAction> Overdue, LastChange? LastChange, NetworkRole Role)
{
    public IEnumerable<SectionSummary> VisiblePart1 => Sections.Where(s => s.Part == 1 && !s.Hidden && s.DeletedAt is null).OrderBy(s => s.Order);
    public int Answered => VisiblePart1.Count(s => s.Answered);
}

public sealed record HistoryEntry(long Id, DateTimeOffset At, string? UserName, string Entity, string EntityId, string Action, string? Before, string? After);

/// <summary>The workbook's progress for the network's landing page, and the change history per section or theme.</summary>
public sealed class WorkbookOverviewService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<WorkbookOverview?> GetAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var sections = await WorkbookService.SummariesAsync(db, networkId, ct);
        var themes = await ThemeService.SummariesAsync(db, networkId, ct);
        var steps = await LiveActionsAsync(db, networkId, sections, themes, ct);
        var counted = steps.Select(s => s.Action).ToList();
        var overdue = steps.Where(s => s.Action.IsOverdue).OrderBy(s => s.Action.DueDate)
            .Select(s => new OverdueAction(s.Action, s.SectionKey, s.ThemeId, themes.FirstOrDefault(t => t.Id == s.ThemeId)?.Title)).ToList();
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.NetworkId == networkId && e.Scope != null)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new { e.At, e.UserId, e.Scope }).FirstOrDefaultAsync(ct);
        LastChange? lastChange = null;
        if (last is not null)
        {
            lastChange = new LastChange(last.At, await UserNameAsync(db, last.UserId, ct), last.Scope);
        }
        return new WorkbookOverview(sections, themes,
            counted.Count(a => a.Status is ActionStatus.Planned or ActionStatus.InProgress), overdue.Count, counted.Count(a => a.Status == ActionStatus.Done),
            overdue, lastChange, role);
    }

    /// <summary>Every step of the network whose section or theme is not deleted (archived themes included), in workbook order.</summary>
    public async Task<IReadOnlyList<NetworkAction>?> ListActionsAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var sections = await WorkbookService.SummariesAsync(db, networkId, ct);
        var themes = await ThemeService.SummariesAsync(db, networkId, ct);
        var steps = await LiveActionsAsync(db, networkId, sections, themes, ct);
        var sectionOrder = sections.Select((s, i) => (s.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var themeOrder = themes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. steps.OrderBy(s => s.SectionKey is null ? 1 : 0)
            .ThenBy(s => s.SectionKey is { } k ? sectionOrder[k] : themeOrder[s.ThemeId!.Value])
            .ThenBy(s => s.Action.Order)];
    }

    private Task<List<NetworkAction>> LiveActionsAsync(VerkostamoDbContext db, Guid networkId,
        IReadOnlyList<SectionSummary> sections, IReadOnlyList<ThemeSummary> themes, CancellationToken ct) =>
        LiveActionsAsync(db, networkId, sections, themes, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>Every step whose section or theme is not deleted, unordered.</summary>
    internal static async Task<List<NetworkAction>> LiveActionsAsync(VerkostamoDbContext db, Guid networkId,
        IReadOnlyList<SectionSummary> sections, IReadOnlyList<ThemeSummary> themes, DateOnly today, CancellationToken ct)
    {
        var live = sections.Where(s => s.DeletedAt is null).ToDictionary(s => s.Id, s => s.Key);
        var liveThemes = themes.Where(t => t.DeletedAt is null).Select(t => t.Id).ToHashSet();
        var actions = await ActionService.ListAsync(db, networkId, a => a.DeletedAt == null, ct, today);
        var owners = await db.Actions.AsNoTracking().Where(a => a.NetworkId == networkId && a.DeletedAt == null)
            .Select(a => new { a.Id, a.SectionId, a.ThemeId }).ToDictionaryAsync(a => a.Id, ct);
        return [.. actions.Select(a => (Action: a, Owner: owners[a.Id]))
            .Where(x => (x.Owner.SectionId is { } s && live.ContainsKey(s)) || (x.Owner.ThemeId is { } t && liveThemes.Contains(t)))
            .Select(x => new NetworkAction(x.Action, x.Owner.SectionId is { } s ? live[s] : null, x.Owner.ThemeId))];
    }

    /// <summary>Changes within one scope (<c>section:{key}</c> or <c>theme:{id}</c>), newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>?> GetHistoryAsync(Guid networkId, string userId, string scope, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.NetworkId == networkId && e.Scope == scope)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);
        var ids = rows.Select(r => r.UserId).Where(u => u is not null).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var lookup = names.ToDictionary(n => n.Id, n => string.IsNullOrWhiteSpace(n.DisplayName) ? n.Email : n.DisplayName);
        return [.. rows.Select(r => new HistoryEntry(r.Id, r.At, r.UserId is null ? null : lookup.GetValueOrDefault(r.UserId), r.Entity, r.EntityId, r.Action, r.Before, r.After))];
    }

    private static async Task<string?> UserNameAsync(VerkostamoDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        return user is null ? null : string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName;
    }
}
