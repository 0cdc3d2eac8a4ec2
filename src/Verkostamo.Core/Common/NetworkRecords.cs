using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Common;

/// <summary>A network's own row that members edit with a version token and delete softly (actors, links, clock events).</summary>
public interface INetworkRecord
{
    Guid Id { get; }
    Guid NetworkId { get; }
    Guid Version { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    string? UpdatedByUserId { get; set; }
    DateTimeOffset? DeletedAt { get; set; }
    string? DeletedByUserId { get; set; }
}

/// <summary>Loading a record for writing, and deleting and restoring it, the same way for every kind of record.</summary>
internal static class NetworkRecords
{
    /// <summary>The record (live, or deleted when <paramref name="deleted"/>) for a member or above; NotFound for anyone outside the network.</summary>
    public static Task<(T? Record, string? Error)> LoadWritableAsync<T>(VerkostamoDbContext db, Guid networkId, string userId, Guid id, bool deleted, CancellationToken ct)
        where T : class, INetworkRecord
        => LoadForRoleAsync(db, networkId, userId, NetworkRole.Member,
            db.Set<T>().Where(r => r.Id == id && r.NetworkId == networkId && (r.DeletedAt != null) == deleted), ct);

    /// <summary>
    /// The one record <paramref name="query"/> finds (the query names the network itself) for
    /// <paramref name="minimum"/> or above: NotFound for anyone outside the network and for an unknown record
    /// alike, so no answer hints that a record exists elsewhere; the role's denial below the minimum.
    /// </summary>
    public static async Task<(T? Record, string? Error)> LoadForRoleAsync<T>(VerkostamoDbContext db, Guid networkId, string userId, NetworkRole minimum,
        IQueryable<T> query, CancellationToken ct)
        where T : class
    {
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var record = role is null ? null : await query.SingleOrDefaultAsync(ct);
        if (role is null || record is null)
        {
            return (null, ErrorCodes.NotFound);
        }
        return NetworkAccess.Denial(role, minimum) is { } denied ? (null, denied) : (record, null);
    }

    /// <summary>Marks a record changed by <paramref name="userId"/> at <paramref name="now"/> with a new version.</summary>
    public static void Touch(INetworkRecord record, string? userId, DateTimeOffset now)
    {
        record.Version = Guid.NewGuid();
        record.UpdatedAt = now;
        record.UpdatedByUserId = userId;
    }

    /// <summary>
    /// Deletes (<paramref name="delete"/>) or restores a record and audits it with <paramref name="snapshot"/>;
    /// <paramref name="check"/> may refuse with an error code before anything changes.
    /// </summary>
    public static async Task<ServiceResult> SetDeletedAsync<T>(VerkostamoDbContext db, Guid networkId, string userId, Guid id, bool delete, DateTimeOffset now,
        Func<T, object> snapshot, string scope, CancellationToken ct, Func<T, Task<string?>>? check = null)
        where T : class, INetworkRecord
    {
        var (record, error) = await LoadWritableAsync<T>(db, networkId, userId, id, !delete, ct);
        if (record is null)
        {
            return ServiceResult.Fail(error!);
        }
        if (check is not null && await check(record) is { } refused)
        {
            return ServiceResult.Fail(refused);
        }
        record.DeletedAt = delete ? now : null;
        record.DeletedByUserId = delete ? userId : null;
        Touch(record, userId, now);
        db.Audit(now, networkId, userId, typeof(T).Name, id, delete ? "Deleted" : "Restored", after: snapshot(record), scope: scope);
        return await WorkbookStore.SaveAsync(db, ct);
    }
}
