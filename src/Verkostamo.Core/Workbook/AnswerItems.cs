using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Workbook;

/// <summary>An ordered, soft-deletable item of a section's or a theme's answer block (a key solution, a step).</summary>
public interface IAnswerItem
{
    Guid Id { get; }
    Guid NetworkId { get; }
    Guid? SectionId { get; }
    Guid? ThemeId { get; }
    int Order { get; set; }
    DateTimeOffset CreatedAt { get; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedByUserId { get; set; }
    DateTimeOffset? DeletedAt { get; set; }
    string? DeletedByUserId { get; set; }
    Guid Version { get; set; }
}

/// <summary>The rules key solutions and steps share: who may write, moving within the list, deleting and restoring.</summary>
internal static class AnswerItems
{
    /// <summary>
    /// Loads an item a member may change: NotFound outside the network or when its section or theme is deleted,
    /// Forbidden for viewers, ThemeArchived for archived themes.
    /// </summary>
    public static async Task<(T? Item, string? Error)> LoadWritableAsync<T>(VerkostamoDbContext db, Guid networkId, string userId, Guid id, bool includeDeleted, CancellationToken ct)
        where T : class, IAnswerItem
    {
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var item = await db.Set<T>().SingleOrDefaultAsync(k => k.Id == id && k.NetworkId == networkId && (includeDeleted || k.DeletedAt == null), ct);
        if (role is null || item is null || !await WorkbookStore.OwnerIsLiveAsync(db, item.SectionId, item.ThemeId, ct))
        {
            return (null, ErrorCodes.NotFound);
        }
        if (role < NetworkRole.Member)
        {
            return (null, ErrorCodes.Forbidden);
        }
        if (item.ThemeId is { } themeId && await db.Themes.AnyAsync(t => t.Id == themeId && t.ArchivedAt != null, ct))
        {
            return (null, ErrorCodes.ThemeArchived);
        }
        return (item, null);
    }

    public static IQueryable<T> Siblings<T>(VerkostamoDbContext db, T item) where T : class, IAnswerItem =>
        db.Set<T>().Where(k => k.NetworkId == item.NetworkId && k.SectionId == item.SectionId && k.ThemeId == item.ThemeId && k.DeletedAt == null);

    public static async Task<ServiceResult> MoveAsync<T>(VerkostamoDbContext db, Guid networkId, string userId, Guid id, int direction, DateTimeOffset now, CancellationToken ct)
        where T : class, IAnswerItem
    {
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        var (item, error) = await LoadWritableAsync<T>(db, networkId, userId, id, false, ct);
        if (item is null)
        {
            return ServiceResult.Fail(error!);
        }
        var siblings = await Siblings(db, item).OrderBy(k => k.Order).ThenBy(k => k.CreatedAt).ToListAsync(ct);
        if (WorkbookStore.Swap(siblings, item, direction, k => k.Order, (k, o) => k.Order = o))
        {
            db.Audit(now, networkId, userId, typeof(T).Name, id, "Moved", after: new { Position = item.Order + 1 },
                scope: await WorkbookStore.ScopeOfAsync(db, item.SectionId, item.ThemeId, ct));
            return await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        }
        return ServiceResult.Ok;
    }

    /// <summary>Soft-deletes or restores an item; a restored item goes back to the end of its list.</summary>
    public static async Task<ServiceResult> SetDeletedAsync<T>(VerkostamoDbContext db, Guid networkId, string userId, Guid id, bool delete, DateTimeOffset now,
        Func<T, object> snapshot, CancellationToken ct)
        where T : class, IAnswerItem
    {
        var (item, error) = await LoadWritableAsync<T>(db, networkId, userId, id, true, ct);
        if (item is null)
        {
            return ServiceResult.Fail(error!);
        }
        if ((item.DeletedAt is not null) == delete)
        {
            return ServiceResult.Ok;
        }
        if (!delete)
        {
            var max = await Siblings(db, item).MaxAsync(k => (int?)k.Order, ct);
            item.Order = (max ?? -1) + 1;
        }
        item.DeletedAt = delete ? now : null;
        item.DeletedByUserId = delete ? userId : null;
        item.UpdatedAt = now;
        item.UpdatedByUserId = userId;
        item.Version = Guid.NewGuid();
        db.Audit(now, networkId, userId, typeof(T).Name, id, delete ? "Deleted" : "Restored",
            delete ? snapshot(item) : null, delete ? null : snapshot(item), await WorkbookStore.ScopeOfAsync(db, item.SectionId, item.ThemeId, ct));
        return await WorkbookStore.SaveAsync(db, ct);
    }
}
