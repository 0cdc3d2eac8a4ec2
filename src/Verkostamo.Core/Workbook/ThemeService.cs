using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Workbook;

public sealed record ThemeInput(string? Title, string? Goal);

public sealed record ThemeSummary(Guid Id, int Order, string Title, string Goal, int KeySolutions, int OpenActions, int Actions, DateTimeOffset? ArchivedAt, DateTimeOffset? DeletedAt);

public sealed record ThemeView(
    Guid Id, string Title, string Goal, Guid Version, string Responsibilities, Guid ResponsibilitiesVersion, DateTimeOffset? ArchivedAt,
    IReadOnlyList<KeySolutionView> KeySolutions, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<KeySolutionView> DeletedKeySolutions, IReadOnlyList<ActionView> DeletedActions,
    IReadOnlyList<MemberOption> Members, NetworkRole Role)
{
    public bool CanEdit => Role >= NetworkRole.Member && ArchivedAt is null;
}

/// <summary>Part 2 of the workbook: any number of themes, each with a goal, key solutions, steps and responsibilities.</summary>
public sealed class ThemeService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxThemes = 100;

    public async Task<IReadOnlyList<ThemeSummary>?> ListAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        return await SummariesAsync(db, networkId, ct);
    }

    internal static async Task<IReadOnlyList<ThemeSummary>> SummariesAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.NetworkId == networkId).OrderBy(t => t.Order).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        var solutions = await db.KeySolutions.Where(k => k.NetworkId == networkId && k.ThemeId != null && k.DeletedAt == null)
            .GroupBy(k => k.ThemeId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var actions = await db.Actions.Where(a => a.NetworkId == networkId && a.ThemeId != null && a.DeletedAt == null)
            .GroupBy(a => a.ThemeId)
            .Select(g => new { Id = g.Key!.Value, All = g.Count(), Open = g.Count(a => a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) })
            .ToDictionaryAsync(x => x.Id, ct);
        return [.. themes.Select(t => new ThemeSummary(t.Id, t.Order, t.Title, t.Goal, solutions.GetValueOrDefault(t.Id),
            actions.GetValueOrDefault(t.Id)?.Open ?? 0, actions.GetValueOrDefault(t.Id)?.All ?? 0, t.ArchivedAt, t.DeletedAt))];
    }

    public async Task<ThemeView?> GetAsync(Guid networkId, string userId, Guid themeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId && t.NetworkId == networkId && t.DeletedAt == null, ct);
        if (theme is null)
        {
            return null;
        }
        var solutions = await db.KeySolutions.AsNoTracking().Where(k => k.NetworkId == networkId && k.ThemeId == themeId)
            .OrderBy(k => k.Order).ThenBy(k => k.CreatedAt)
            .Select(k => new KeySolutionView(k.Id, k.Order, k.Text, k.Version, k.UpdatedAt, k.DeletedAt)).ToListAsync(ct);
        var actions = await ActionService.ListAsync(db, networkId, a => a.ThemeId == themeId, ct, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new ThemeView(theme.Id, theme.Title, theme.Goal, theme.Version, theme.Responsibilities, theme.ResponsibilitiesVersion, theme.ArchivedAt,
            [.. solutions.Where(s => s.DeletedAt is null)], [.. actions.Where(a => a.DeletedAt is null)],
            [.. solutions.Where(s => s.DeletedAt is not null).OrderByDescending(s => s.DeletedAt)], [.. actions.Where(a => a.DeletedAt is not null).OrderByDescending(a => a.DeletedAt)],
            await ActionService.OwnerOptionsAsync(db, networkId, ct), role);
    }

    public static ServiceResult<ThemeInput> Validate(ThemeInput input)
    {
        var title = input.Title?.Trim() ?? "";
        var goal = (input.Goal ?? "").Trim().ReplaceLineEndings("\n");
        if (title.Length == 0)
        {
            return ServiceResult<ThemeInput>.Fail(ErrorCodes.TitleRequired);
        }
        if (title.Length > TextLimits.Title || goal.Length > TextLimits.Answer)
        {
            return ServiceResult<ThemeInput>.Fail(ErrorCodes.TextTooLong);
        }
        return ServiceResult<ThemeInput>.Success(new(title, goal));
    }

    public async Task<ServiceResult<Guid>> CreateAsync(Guid networkId, string userId, ThemeInput input, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var orders = await db.Themes.Where(t => t.NetworkId == networkId && t.DeletedAt == null).Select(t => t.Order).ToListAsync(ct);
        if (orders.Count >= MaxThemes)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        var now = clock.GetUtcNow();
        var theme = new Theme
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            Order = orders.Count == 0 ? 0 : orders.Max() + 1,
            Title = clean.Value!.Title!,
            Goal = clean.Value.Goal!,
            Version = Guid.NewGuid(),
            ResponsibilitiesVersion = Guid.NewGuid(),
            CreatedAt = now,
            CreatedByUserId = userId,
            UpdatedAt = now,
            UpdatedByUserId = userId,
        };
        db.Themes.Add(theme);
        db.Audit(now, networkId, userId, nameof(Theme), theme.Id, "Created", after: new { theme.Title, theme.Goal }, scope: WorkbookStore.ThemeScope(theme.Id));
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(theme.Id);
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, Guid themeId, ThemeInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (theme, error) = await LoadAsync(db, networkId, userId, themeId, false, ct);
        if (theme is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        if (theme.ArchivedAt is not null)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ThemeArchived);
        }
        if (theme.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(theme.Version);
        }
        var before = new { theme.Title, theme.Goal };
        theme.Title = clean.Value!.Title!;
        theme.Goal = clean.Value.Goal!;
        theme.Version = Guid.NewGuid();
        Touch(theme, userId);
        db.Audit(theme.UpdatedAt, networkId, userId, nameof(Theme), themeId, "Updated", before, new { theme.Title, theme.Goal }, WorkbookStore.ThemeScope(themeId));
        return await WorkbookStore.SaveBlockAsync(db, theme, nameof(Theme.Version), ct);
    }

    public async Task<ServiceResult> MoveAsync(Guid networkId, string userId, Guid themeId, int direction, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        var (theme, error) = await LoadAsync(db, networkId, userId, themeId, false, ct);
        if (theme is null)
        {
            return ServiceResult.Fail(error!);
        }
        var siblings = await db.Themes.Where(t => t.NetworkId == networkId && t.DeletedAt == null && (t.ArchivedAt == null) == (theme.ArchivedAt == null))
            .OrderBy(t => t.Order).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        var self = siblings.Single(t => t.Id == themeId);
        if (WorkbookStore.Swap(siblings, self, direction, t => t.Order, (t, o) => t.Order = o))
        {
            Touch(self, userId);
            db.Audit(self.UpdatedAt, networkId, userId, nameof(Theme), themeId, "Moved", after: new { Position = self.Order + 1 }, scope: WorkbookStore.ThemeScope(themeId));
            return await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        }
        return ServiceResult.Ok;
    }

    public Task<ServiceResult> ArchiveAsync(Guid networkId, string userId, Guid themeId, CancellationToken ct = default) =>
        ChangeAsync(networkId, userId, themeId, false, "Archived", t => t.ArchivedAt = clock.GetUtcNow(), ct);

    public Task<ServiceResult> UnarchiveAsync(Guid networkId, string userId, Guid themeId, CancellationToken ct = default) =>
        ChangeAsync(networkId, userId, themeId, false, "Unarchived", t => t.ArchivedAt = null, ct);

    public Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid themeId, CancellationToken ct = default) =>
        ChangeAsync(networkId, userId, themeId, false, "Deleted", t => { t.DeletedAt = clock.GetUtcNow(); t.DeletedByUserId = userId; }, ct);

    public Task<ServiceResult> RestoreAsync(Guid networkId, string userId, Guid themeId, CancellationToken ct = default) =>
        ChangeAsync(networkId, userId, themeId, true, "Restored", t => { t.DeletedAt = null; t.DeletedByUserId = null; }, ct);

    private async Task<ServiceResult> ChangeAsync(Guid networkId, string userId, Guid themeId, bool deleted, string action, Action<Theme> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (theme, error) = await LoadAsync(db, networkId, userId, themeId, deleted, ct);
        if (theme is null)
        {
            return ServiceResult.Fail(error!);
        }
        change(theme);
        theme.Version = Guid.NewGuid();
        Touch(theme, userId);
        db.Audit(theme.UpdatedAt, networkId, userId, nameof(Theme), themeId, action, scope: WorkbookStore.ThemeScope(themeId));
        return await WorkbookStore.SaveAsync(db, ct);
    }

    private static async Task<(Theme? Theme, string? Error)> LoadAsync(VerkostamoDbContext db, Guid networkId, string userId, Guid themeId, bool deleted, CancellationToken ct)
    {
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId && t.NetworkId == networkId && (t.DeletedAt != null) == deleted, ct);
        if (role is null || theme is null)
        {
            return (null, ErrorCodes.NotFound);
        }
        return role < NetworkRole.Member ? (null, ErrorCodes.Forbidden) : (theme, null);
    }

    private void Touch(Theme theme, string userId)
    {
        theme.UpdatedAt = clock.GetUtcNow();
        theme.UpdatedByUserId = userId;
    }
}
