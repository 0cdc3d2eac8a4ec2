using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map;

public sealed record MapVersionSummary(Guid Id, string Name, MapVersionReason Reason, DateTimeOffset TakenAt, int ActorCount, int LinkCount);

public sealed record MapVersionDetails(MapVersionSummary Summary, MapDocument Document);

/// <summary>
/// Dated, immutable snapshots of the map: taken by hand, once a year automatically and whenever an
/// evaluation is recorded. Any two (or one and the live map) can be compared.
/// </summary>
public sealed class MapVersionService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxVersions = 500;

    /// <summary>How old the newest version may get before a yearly one is taken.</summary>
    public static readonly TimeSpan YearlyInterval = TimeSpan.FromDays(365);

    /// <summary>The id that stands for the live map where a version id is expected.</summary>
    public const string Current = "current";

    public async Task<IReadOnlyList<MapVersionSummary>?> ListAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        return await db.MapVersions.AsNoTracking().Where(v => v.NetworkId == networkId)
            .OrderByDescending(v => v.TakenAt)
            .Select(v => new MapVersionSummary(v.Id, v.Name, v.Reason, v.TakenAt, v.ActorCount, v.LinkCount))
            .ToListAsync(ct);
    }

    public async Task<MapVersionDetails?> GetAsync(Guid networkId, string userId, Guid versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var v = await db.MapVersions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == versionId && x.NetworkId == networkId, ct);
        return v is null ? null : new(Summarise(v), MapDocument.FromJson(v.SnapshotJson));
    }

    /// <summary>The map of a version, or the live map for <see cref="Current"/>; null when unknown or not allowed.</summary>
    public async Task<MapDocument?> DocumentAsync(Guid networkId, string userId, string versionIdOrCurrent, CancellationToken ct = default)
    {
        if (string.Equals(versionIdOrCurrent, Current, StringComparison.OrdinalIgnoreCase))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null ? null : await MapSnapshot.LoadAsync(db, networkId, ct);
        }
        return Guid.TryParse(versionIdOrCurrent, out var id) ? (await GetAsync(networkId, userId, id, ct))?.Document : null;
    }

    /// <summary>Compares two versions (or a version and <see cref="Current"/>); null when either is unknown.</summary>
    public async Task<MapComparison?> CompareAsync(Guid networkId, string userId, string from, string to, CancellationToken ct = default)
    {
        var before = await DocumentAsync(networkId, userId, from, ct);
        var after = before is null ? null : await DocumentAsync(networkId, userId, to, ct);
        return before is null || after is null ? null : MapComparer.Compare(before, after);
    }

    /// <summary>Takes a version of the live map by hand (member and above).</summary>
    public Task<ServiceResult<Guid>> TakeAsync(Guid networkId, string userId, string? name, CancellationToken ct = default) =>
        TakeAsync(networkId, userId, name, MapVersionReason.Manual, ct);

    public async Task<ServiceResult<Guid>> TakeAsync(Guid networkId, string userId, string? name, MapVersionReason reason, CancellationToken ct = default)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.NameRequired);
        }
        if (clean.Length > TextLimits.Title)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.NameTooLong);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        if (await db.MapVersions.CountAsync(v => v.NetworkId == networkId, ct) >= MaxVersions)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        var version = await AddAsync(db, networkId, userId, clean, reason, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(version.Id);
    }

    /// <summary>Deletes a version (facilitator and above); versions are otherwise immutable.</summary>
    public async Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (version, error) = await NetworkRecords.LoadForRoleAsync(db, networkId, userId, NetworkRole.Facilitator,
            db.MapVersions.Where(v => v.Id == versionId && v.NetworkId == networkId), ct);
        if (version is null)
        {
            return ServiceResult.Fail(error!);
        }
        db.MapVersions.Remove(version);
        db.Audit(clock.GetUtcNow(), networkId, userId, nameof(MapVersion), versionId, "Deleted",
            before: new { version.Name, version.TakenAt, version.ActorCount, version.LinkCount }, scope: ActorService.Scope);
        return await WorkbookStore.SaveAsync(db, ct);
    }

    /// <summary>
    /// Takes a yearly version when the map has actors and the newest version (or, without versions, the
    /// oldest actor) is more than a year old. Returns the new version's id, or null when none was due.
    /// </summary>
    public async Task<Guid?> EnsureYearlyAsync(Guid networkId, string yearlyName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var newest = await db.MapVersions.Where(v => v.NetworkId == networkId).OrderByDescending(v => v.TakenAt).Select(v => (DateTimeOffset?)v.TakenAt).FirstOrDefaultAsync(ct);
        var since = newest ?? await db.Actors.Where(a => a.NetworkId == networkId && a.DeletedAt == null)
            .OrderBy(a => a.CreatedAt).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(ct);
        if (since is null || now - since.Value < YearlyInterval)
        {
            return null;
        }
        var version = await AddAsync(db, networkId, null, yearlyName, MapVersionReason.Yearly, now, ct);
        if (version.ActorCount == 0)
        {
            return null;
        }
        await db.SaveChangesAsync(ct);
        return version.Id;
    }

    /// <summary>The networks (not deleted) whose map may be due a yearly version.</summary>
    /// <summary>Every live network with at least one actor, with its language (the yearly version is named in it).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Language)>> NetworksWithMapsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var withActors = db.Actors.Where(a => a.DeletedAt == null).Select(a => a.NetworkId);
        var networks = await db.Networks.Where(n => n.DeletedAt == null && withActors.Contains(n.Id))
            .Select(n => new { n.Id, n.Language }).ToListAsync(ct);
        return [.. networks.Select(n => (n.Id, n.Language))];
    }

    internal static async Task<MapVersion> AddAsync(VerkostamoDbContext db, Guid networkId, string? userId, string name, MapVersionReason reason,
        DateTimeOffset at, CancellationToken ct)
    {
        var document = await MapSnapshot.LoadAsync(db, networkId, ct);
        var version = new MapVersion
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            Name = name,
            Reason = reason,
            TakenAt = at,
            ActorCount = document.Actors.Count,
            LinkCount = document.Links.Count,
            SnapshotJson = document.ToJson(),
            CreatedByUserId = userId,
        };
        db.MapVersions.Add(version);
        db.Audit(at, networkId, userId, nameof(MapVersion), version.Id, "Created",
            after: new { version.Name, Reason = reason.ToString(), version.ActorCount, version.LinkCount }, scope: ActorService.Scope);
        return version;
    }

    private static MapVersionSummary Summarise(MapVersion v) => new(v.Id, v.Name, v.Reason, v.TakenAt, v.ActorCount, v.LinkCount);
}
