using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map;

public sealed record LinkInput(Guid SourceActorId, Guid TargetActorId)
{
    public LinkStrength Strength { get; init; } = LinkStrength.Weak;
    public LinkMark Marks { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public Level Levels { get; init; }
    public bool Directed { get; init; }
    public string? Notes { get; init; }
}

public sealed record LinkView(
    Guid Id, Guid SourceActorId, string SourceName, Guid TargetActorId, string TargetName, LinkStrength Strength, LinkMark Marks,
    IReadOnlyList<string> Kinds, Level Levels, bool Directed, string Notes, Guid Version, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    /// <summary>The actor at the other end, seen from <paramref name="actorId"/>.</summary>
    public (Guid Id, string Name) Other(Guid actorId) => actorId == SourceActorId ? (TargetActorId, TargetName) : (SourceActorId, SourceName);
}

/// <summary>Links between the network's actors (section 4): strength, the marks of a quality partnership, kinds and levels.</summary>
public sealed class LinkService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxLinks = 100_000;

    /// <summary>Live links between live actors; only those touching <paramref name="actorId"/> when given. Null without access.</summary>
    public async Task<IReadOnlyList<LinkView>?> ListAsync(Guid networkId, string userId, Guid? actorId = null, bool deleted = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var names = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId && a.DeletedAt == null)
            .Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var links = await db.Links.AsNoTracking()
            .Where(l => l.NetworkId == networkId && (l.DeletedAt != null) == deleted
                && (actorId == null || l.SourceActorId == actorId || l.TargetActorId == actorId))
            .ToListAsync(ct);
        return [.. links.Where(l => names.ContainsKey(l.SourceActorId) && names.ContainsKey(l.TargetActorId))
            .Select(l => ToView(l, names))
            .OrderBy(l => l.SourceName, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.TargetName, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<LinkView?> GetAsync(Guid networkId, string userId, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var link = await db.Links.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId && l.NetworkId == networkId, ct);
        if (link is null)
        {
            return null;
        }
        var names = await db.Actors.AsNoTracking()
            .Where(a => a.NetworkId == networkId && a.DeletedAt == null && (a.Id == link.SourceActorId || a.Id == link.TargetActorId))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return names.Count == (link.SourceActorId == link.TargetActorId ? 1 : 2) ? ToView(link, names) : null;
    }

    /// <summary>Checks a link's own fields (not whether its actors exist); the cleaned input or an error code.</summary>
    public static ServiceResult<LinkInput> Validate(LinkInput input)
    {
        if (input.SourceActorId == input.TargetActorId)
        {
            return ServiceResult<LinkInput>.Fail(ErrorCodes.SelfLink);
        }
        if (!Enum.IsDefined(input.Strength) || (input.Marks & ~(MapVocabulary.WeakMarks | MapVocabulary.StrongMarks)) != 0
            || (input.Levels & ~MapVocabulary.AllLevels) != 0)
        {
            return ServiceResult<LinkInput>.Fail(ErrorCodes.ValueInvalid);
        }
        var notes = (input.Notes ?? "").Trim().ReplaceLineEndings("\n");
        if (notes.Length > TextLimits.Answer)
        {
            return ServiceResult<LinkInput>.Fail(ErrorCodes.TextTooLong);
        }
        var kinds = ActorService.CleanTags(input.Kinds);
        return kinds is null
            ? ServiceResult<LinkInput>.Fail(ErrorCodes.TagInvalid)
            : ServiceResult<LinkInput>.Success(input with { Notes = notes, Kinds = kinds });
    }

    public async Task<ServiceResult<Guid>> CreateAsync(Guid networkId, string userId, LinkInput input, CancellationToken ct = default)
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
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        if (await CheckEndsAsync(db, networkId, clean.Value!, null, ct) is { } error)
        {
            return ServiceResult<Guid>.Fail(error);
        }
        if (await db.Links.CountAsync(l => l.NetworkId == networkId && l.DeletedAt == null, ct) >= MaxLinks)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ActorLimit);
        }
        var now = clock.GetUtcNow();
        var link = new Link { Id = Guid.NewGuid(), NetworkId = networkId, CreatedAt = now, CreatedByUserId = userId };
        Apply(link, clean.Value!);
        NetworkRecords.Touch(link, userId, now);
        db.Links.Add(link);
        db.Audit(now, networkId, userId, nameof(Link), link.Id, "Created", after: Snapshot(link), scope: ActorService.Scope);
        var saved = await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        return saved.Succeeded ? ServiceResult<Guid>.Success(link.Id) : ServiceResult<Guid>.Fail(saved.ErrorCode!);
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, Guid linkId, LinkInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, denied) = await LoadAsync(db, networkId, userId, linkId, false, ct);
        if (link is null)
        {
            return ServiceResult<Guid>.Fail(denied!);
        }
        if (link.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(link.Version);
        }
        if (await CheckEndsAsync(db, networkId, clean.Value!, linkId, ct) is { } error)
        {
            return ServiceResult<Guid>.Fail(error);
        }
        var before = Snapshot(link);
        Apply(link, clean.Value!);
        NetworkRecords.Touch(link, userId, clock.GetUtcNow());
        db.Audit(link.UpdatedAt, networkId, userId, nameof(Link), linkId, "Updated", before, Snapshot(link), ActorService.Scope);
        return await WorkbookStore.SaveBlockAsync(db, link, nameof(Link.Version), ct);
    }

    public Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid linkId, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, linkId, true, ct);

    public Task<ServiceResult> RestoreAsync(Guid networkId, string userId, Guid linkId, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, linkId, false, ct);

    private async Task<ServiceResult> SetDeletedAsync(Guid networkId, string userId, Guid linkId, bool delete, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Restoring would duplicate a link made since, or point at a deleted actor.
        return await NetworkRecords.SetDeletedAsync<Link>(db, networkId, userId, linkId, delete, clock.GetUtcNow(), Snapshot, ActorService.Scope, ct,
            delete ? null : link => CheckEndsAsync(db, networkId, new LinkInput(link.SourceActorId, link.TargetActorId), linkId, ct));
    }

    /// <summary>Both ends must be live actors of the network, and no other live link may join the same two actors.</summary>
    private static async Task<string?> CheckEndsAsync(VerkostamoDbContext db, Guid networkId, LinkInput input, Guid? self, CancellationToken ct)
    {
        var ends = await db.Actors.CountAsync(a => a.NetworkId == networkId && a.DeletedAt == null
            && (a.Id == input.SourceActorId || a.Id == input.TargetActorId), ct);
        if (ends != 2)
        {
            return ErrorCodes.ActorInvalid;
        }
        var (a, b) = (input.SourceActorId, input.TargetActorId);
        var exists = await db.Links.AnyAsync(l => l.NetworkId == networkId && l.DeletedAt == null && l.Id != self
            && ((l.SourceActorId == a && l.TargetActorId == b) || (l.SourceActorId == b && l.TargetActorId == a)), ct);
        return exists ? ErrorCodes.LinkExists : null;
    }

    private static Task<(Link? Link, string? Error)> LoadAsync(VerkostamoDbContext db, Guid networkId, string userId, Guid linkId, bool deleted, CancellationToken ct) =>
        NetworkRecords.LoadWritableAsync<Link>(db, networkId, userId, linkId, deleted, ct);

    internal static void Apply(Link link, LinkInput clean)
    {
        link.SourceActorId = clean.SourceActorId;
        link.TargetActorId = clean.TargetActorId;
        link.Strength = clean.Strength;
        link.Marks = clean.Marks;
        link.Kinds = [.. clean.Kinds ?? []];
        link.Levels = clean.Levels;
        link.Directed = clean.Directed;
        link.Notes = clean.Notes ?? "";
    }

    internal static object Snapshot(Link l) => new
    {
        l.SourceActorId, l.TargetActorId, Strength = l.Strength.ToString(), Marks = l.Marks.ToString(), l.Kinds, Levels = l.Levels.ToString(), l.Directed, l.Notes,
    };

    private static LinkView ToView(Link l, Dictionary<Guid, string> names) =>
        new(l.Id, l.SourceActorId, names[l.SourceActorId], l.TargetActorId, names[l.TargetActorId], l.Strength, l.Marks, [.. l.Kinds], l.Levels,
            l.Directed, l.Notes, l.Version, l.UpdatedAt, l.DeletedAt);

}
