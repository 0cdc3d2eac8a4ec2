using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Actions;

public sealed record ActionInput(string? Title, Guid? OwnerMembershipId, string? OwnerName, DateOnly? DueDate, ActionStatus Status, string? Notes = null);

public sealed record ActionView(
    Guid Id, int Order, string Title, Guid? OwnerMembershipId, string? OwnerName, string? OwnerDisplay,
    DateOnly? DueDate, ActionStatus Status, string? Notes, Guid Version, bool IsOverdue, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt);

/// <summary>A member a step can be given to.</summary>
public sealed record MemberOption(Guid MembershipId, string Name);

/// <summary>
/// Steps of sections and themes. A step needs a title; its owner is a member of the same network or a
/// free-text name (an actor without an account); due dates are calendar dates.
/// </summary>
public sealed class ActionService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>More steps than this in one place is allowed but the UI gently suggests focusing.</summary>
    public const int EncouragedSteps = 3;
    public const int MaxActionsPerOwner = 100;

    private static readonly DateOnly EarliestDue = new(2000, 1, 1);
    private static readonly DateOnly LatestDue = new(2100, 12, 31);

    public static ServiceResult Validate(ActionInput input)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            return ServiceResult.Fail(ErrorCodes.TitleRequired);
        }
        if (title.Length > TextLimits.Title || (input.OwnerName?.Trim().Length ?? 0) > TextLimits.ShortText
            || (input.Notes?.Trim().Length ?? 0) > TextLimits.Answer)
        {
            return ServiceResult.Fail(ErrorCodes.TextTooLong);
        }
        if (!Enum.IsDefined(input.Status))
        {
            return ServiceResult.Fail(ErrorCodes.StatusInvalid);
        }
        if (input.DueDate is { } due && (due < EarliestDue || due > LatestDue))
        {
            return ServiceResult.Fail(ErrorCodes.DateInvalid);
        }
        return ServiceResult.Ok;
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ServiceResult<Guid>> AddAsync(Guid networkId, string userId, AnswerOwner owner, ActionInput input, CancellationToken ct = default)
    {
        var check = Validate(input);
        if (!check.Succeeded)
        {
            return ServiceResult<Guid>.Fail(check.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var resolved = await WorkbookStore.ResolveAsync(db, networkId, owner, true, ct);
        if (!resolved.Succeeded)
        {
            return ServiceResult<Guid>.Fail(resolved.ErrorCode!);
        }
        if (!await OwnerIsValidAsync(db, networkId, input.OwnerMembershipId, ct))
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.OwnerInvalid);
        }
        var o = resolved.Value!;
        var siblings = await db.Actions.Where(a => a.NetworkId == networkId && a.SectionId == o.SectionId && a.ThemeId == o.ThemeId && a.DeletedAt == null)
            .Select(a => a.Order).ToListAsync(ct);
        if (siblings.Count >= MaxActionsPerOwner)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        var now = clock.GetUtcNow();
        var action = new ActionItem
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            SectionId = o.SectionId,
            ThemeId = o.ThemeId,
            Order = siblings.Count == 0 ? 0 : siblings.Max() + 1,
            Version = Guid.NewGuid(),
            CreatedAt = now,
            CreatedByUserId = userId,
        };
        Apply(action, input, userId, now);
        db.Actions.Add(action);
        db.Audit(now, networkId, userId, nameof(ActionItem), action.Id, "Created", after: Snapshot(action), scope: o.Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(action.Id);
    }

    public async Task<ActionView?> GetAsync(Guid networkId, string userId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var action = (await ListAsync(db, networkId, a => a.Id == id, ct, Today)).SingleOrDefault();
        if (action is null)
        {
            return null;
        }
        // A step of a deleted section or theme went with it: it is found again once its owner is restored.
        var owner = await db.Actions.Where(a => a.Id == id).Select(a => new { a.SectionId, a.ThemeId }).SingleAsync(ct);
        return await WorkbookStore.OwnerIsLiveAsync(db, owner.SectionId, owner.ThemeId, ct) ? action : null;
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, Guid id, ActionInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var check = Validate(input);
        if (!check.Succeeded)
        {
            return ServiceResult<Guid>.Fail(check.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (action, error) = await AnswerItems.LoadWritableAsync<ActionItem>(db, networkId, userId, id, false, ct);
        if (action is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        if (action.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(action.Version);
        }
        if (!await OwnerIsValidAsync(db, networkId, input.OwnerMembershipId, ct))
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.OwnerInvalid);
        }
        var before = Snapshot(action);
        var now = clock.GetUtcNow();
        Apply(action, input, userId, now);
        action.Version = Guid.NewGuid();
        db.Audit(now, networkId, userId, nameof(ActionItem), id, "Updated", before, Snapshot(action),
            await WorkbookStore.ScopeOfAsync(db, action.SectionId, action.ThemeId, ct));
        return await WorkbookStore.SaveBlockAsync(db, action, nameof(ActionItem.Version), ct);
    }

    public async Task<ServiceResult> MoveAsync(Guid networkId, string userId, Guid id, int direction, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AnswerItems.MoveAsync<ActionItem>(db, networkId, userId, id, direction, clock.GetUtcNow(), ct);
    }

    public Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid id, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, id, true, ct);

    public Task<ServiceResult> RestoreAsync(Guid networkId, string userId, Guid id, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, id, false, ct);

    private async Task<ServiceResult> SetDeletedAsync(Guid networkId, string userId, Guid id, bool delete, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AnswerItems.SetDeletedAsync<ActionItem>(db, networkId, userId, id, delete, clock.GetUtcNow(), Snapshot, ct);
    }

    /// <summary>The members a step can be given to, by display name.</summary>
    public async Task<IReadOnlyList<MemberOption>> ListOwnerOptionsAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return [];
        }
        return await OwnerOptionsAsync(db, networkId, ct);
    }

    internal static async Task<IReadOnlyList<MemberOption>> OwnerOptionsAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking().Where(m => m.NetworkId == networkId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MemberOption(r.Id, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? "" : r.DisplayName))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Actions of the network matching <paramref name="filter"/>, ordered, with owner names resolved.</summary>
    internal static async Task<IReadOnlyList<ActionView>> ListAsync(VerkostamoDbContext db, Guid networkId, System.Linq.Expressions.Expression<Func<ActionItem, bool>> filter, CancellationToken ct, DateOnly? today = null)
    {
        var actions = await db.Actions.AsNoTracking().Where(a => a.NetworkId == networkId).Where(filter)
            .OrderBy(a => a.Order).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        var owners = (await OwnerOptionsAsync(db, networkId, ct)).ToDictionary(o => o.MembershipId, o => o.Name);
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        return [.. actions.Select(a => ToView(a, owners, day))];
    }

    internal static ActionView ToView(ActionItem a, IReadOnlyDictionary<Guid, string> owners, DateOnly today)
    {
        var display = a.OwnerMembershipId is { } mid && owners.TryGetValue(mid, out var name) ? name : a.OwnerName;
        return new(a.Id, a.Order, a.Title, a.OwnerMembershipId, a.OwnerName, display, a.DueDate, a.Status, a.Notes, a.Version, a.IsOverdue(today), a.UpdatedAt, a.DeletedAt);
    }

    private static void Apply(ActionItem action, ActionInput input, string userId, DateTimeOffset now)
    {
        action.Title = input.Title!.Trim();
        action.OwnerMembershipId = input.OwnerMembershipId;
        action.OwnerName = string.IsNullOrWhiteSpace(input.OwnerName) ? null : input.OwnerName.Trim();
        action.DueDate = input.DueDate;
        action.Status = input.Status;
        action.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim().ReplaceLineEndings("\n");
        action.UpdatedAt = now;
        action.UpdatedByUserId = userId;
    }

    private static async Task<bool> OwnerIsValidAsync(VerkostamoDbContext db, Guid networkId, Guid? membershipId, CancellationToken ct) =>
        membershipId is not { } id || await db.Memberships.AnyAsync(m => m.Id == id && m.NetworkId == networkId, ct);

    private static object Snapshot(ActionItem a) => new { a.Title, a.OwnerMembershipId, a.OwnerName, DueDate = a.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Status = a.Status.ToString(), a.Notes };
}
