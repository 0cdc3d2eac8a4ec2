using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map;

/// <summary>Why two actors look like the same one.</summary>
public enum DuplicateReason
{
    SameName,
    SameEmail,
    SimilarName,
}

public sealed record DuplicateCandidate(ActorView First, ActorView Second, DuplicateReason Reason);

/// <summary>What merging <see cref="Merged"/> into <see cref="Kept"/> does, told before it is done.</summary>
public sealed record MergePlan(
    ActorView Kept, ActorView Merged, int LinksMoved, int LinksCombined, int LinksRemoved,
    IReadOnlyList<string> TagsAdded, IReadOnlyList<string> FieldsFilled);

/// <summary>
/// Finds actors entered twice (by hand, a survey and an import often name the same partner) and merges one
/// into another: its links, tags and missing details move over, and the merged actor goes to the deleted
/// list, all in one transaction so the map is never left half-merged.
/// </summary>
public sealed class ActorMergeService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How alike two names must be (1 − edit distance / longer length) to be offered as duplicates.</summary>
    public const double SimilarNameThreshold = 0.85;

    /// <summary>Each name is compared with this many following names in sorted order: typos rarely move a name far.</summary>
    private const int SimilarWindow = 8;

    public async Task<IReadOnlyList<DuplicateCandidate>?> CandidatesAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var actors = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId && a.DeletedAt == null).ToListAsync(ct);
        var counts = await ActorService.LinkCountsAsync(db, networkId, ct);
        var views = actors.ToDictionary(a => a.Id, a => ActorService.ToView(a, counts));
        return [.. Candidates(actors).Select(c => new DuplicateCandidate(views[c.First], views[c.Second], c.Reason))];
    }

    /// <summary>Pairs of actors that look alike, each pair once with its strongest reason; the better-linked actor first.</summary>
    public static IReadOnlyList<(Guid First, Guid Second, DuplicateReason Reason)> Candidates(IReadOnlyList<Actor> actors)
    {
        var pairs = new Dictionary<(Guid, Guid), DuplicateReason>();
        void Add(Actor a, Actor b, DuplicateReason reason)
        {
            var key = a.Id.CompareTo(b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id);
            if (!pairs.TryGetValue(key, out var known) || reason < known)
            {
                pairs[key] = reason;
            }
        }
        foreach (var group in actors.GroupBy(a => MapComparer.NameKey(a.Name)))
        {
            EachPair(group.ToList(), (a, b) => Add(a, b, DuplicateReason.SameName));
        }
        foreach (var group in actors.Where(a => !string.IsNullOrWhiteSpace(a.Email)).GroupBy(a => a.Email!.Trim().ToUpperInvariant()))
        {
            EachPair(group.ToList(), (a, b) => Add(a, b, DuplicateReason.SameEmail));
        }
        var sorted = actors.Select(a => (Actor: a, Key: MapComparer.NameKey(a.Name))).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(sorted.Count, i + 1 + SimilarWindow); j++)
            {
                if (sorted[i].Key != sorted[j].Key && Similar(sorted[i].Key, sorted[j].Key))
                {
                    Add(sorted[i].Actor, sorted[j].Actor, DuplicateReason.SimilarName);
                }
            }
        }
        var byId = actors.ToDictionary(a => a.Id);
        return [.. pairs.Select(p => (A: byId[p.Key.Item1], B: byId[p.Key.Item2], Reason: p.Value))
            .OrderBy(p => p.Reason).ThenBy(p => p.A.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => (p.A.CreatedAt <= p.B.CreatedAt ? p.A.Id : p.B.Id, p.A.CreatedAt <= p.B.CreatedAt ? p.B.Id : p.A.Id, p.Reason))];
    }

    private static void EachPair(List<Actor> group, Action<Actor, Actor> add)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                add(group[i], group[j]);
            }
        }
    }

    /// <summary>Names of five or more letters within <see cref="SimilarNameThreshold"/> of each other.</summary>
    public static bool Similar(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        if (Math.Min(a.Length, b.Length) < 5)
        {
            return false;
        }
        var allowed = (int)Math.Floor(longer * (1 - SimilarNameThreshold));
        return Math.Abs(a.Length - b.Length) <= allowed && EditDistance(a, b) <= allowed;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>What merging <paramref name="mergedActorId"/> into <paramref name="intoActorId"/> would do; nothing is saved.</summary>
    public async Task<ServiceResult<MergePlan>> PreviewAsync(Guid networkId, string userId, Guid mergedActorId, Guid intoActorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadAsync(db, networkId, userId, mergedActorId, intoActorId, ct);
        if (loaded.Error is { } error)
        {
            return ServiceResult<MergePlan>.Fail(error);
        }
        var (merged, into) = (loaded.Merged!, loaded.Into!);
        var links = await LinksOfAsync(db, networkId, merged.Id, into.Id, ct);
        var counts = await ActorService.LinkCountsAsync(db, networkId, ct);
        var outcome = MergeLinks(merged, into, links, null, null);
        var (tags, fields) = MergeFields(merged, Clone(into));
        return ServiceResult<MergePlan>.Success(new MergePlan(ActorService.ToView(into, counts), ActorService.ToView(merged, counts),
            outcome.Moved, outcome.Combined, outcome.Removed, tags, fields));
    }

    /// <summary>
    /// Merges <paramref name="mergedActorId"/> into <paramref name="intoActorId"/> in one transaction: links repointed
    /// (a link that would duplicate one of the kept actor's is combined into it, one that would join the actor to
    /// itself is deleted), tags unioned, empty fields filled, view positions dropped and the merged actor deleted.
    /// </summary>
    public async Task<ServiceResult<MergePlan>> MergeAsync(Guid networkId, string userId, Guid mergedActorId, Guid intoActorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        var loaded = await LoadAsync(db, networkId, userId, mergedActorId, intoActorId, ct);
        if (loaded.Error is { } error)
        {
            return ServiceResult<MergePlan>.Fail(error);
        }
        var (merged, into) = (loaded.Merged!, loaded.Into!);
        var counts = await ActorService.LinkCountsAsync(db, networkId, ct);
        var mergedView = ActorService.ToView(merged, counts);
        var now = clock.GetUtcNow();

        var links = await LinksOfAsync(db, networkId, merged.Id, into.Id, ct);
        var outcome = MergeLinks(merged, into, links, userId, now);
        foreach (var (link, action, before) in outcome.Changes)
        {
            db.Audit(now, networkId, userId, nameof(Link), link.Id, action, before, LinkService.Snapshot(link), ActorService.Scope);
        }

        var beforeInto = ActorService.Snapshot(into);
        var (tags, fields) = MergeFields(merged, into);
        NetworkRecords.Touch(into, userId, now);
        db.Audit(now, networkId, userId, nameof(Actor), into.Id, "Merged", beforeInto,
            new { Actor = ActorService.Snapshot(into), MergedActorId = merged.Id, MergedName = merged.Name }, ActorService.Scope);

        merged.DeletedAt = now;
        merged.DeletedByUserId = userId;
        NetworkRecords.Touch(merged, userId, now);
        db.Audit(now, networkId, userId, nameof(Actor), merged.Id, "MergedInto", after: new { merged.Name, IntoActorId = into.Id, IntoName = into.Name },
            scope: ActorService.Scope);

        await DropPositionsAsync(db, networkId, merged.Id, userId, now, ct);

        var saved = await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        if (!saved.Succeeded)
        {
            return ServiceResult<MergePlan>.Fail(saved.ErrorCode!);
        }
        var after = await ActorService.LinkCountsAsync(db, networkId, ct);
        return ServiceResult<MergePlan>.Success(new MergePlan(ActorService.ToView(into, after), mergedView with { DeletedAt = now },
            outcome.Moved, outcome.Combined, outcome.Removed, tags, fields));
    }

    private sealed record Loaded(Actor? Merged, Actor? Into, string? Error);

    private static async Task<Loaded> LoadAsync(VerkostamoDbContext db, Guid networkId, string userId, Guid mergedActorId, Guid intoActorId, CancellationToken ct)
    {
        var (merged, error) = await ActorService.LoadAsync(db, networkId, userId, mergedActorId, false, ct);
        if (merged is null)
        {
            return new(null, null, error);
        }
        // Into itself, into a deleted actor or into one of another network: all the same refusal, no hint which.
        var into = mergedActorId == intoActorId ? null
            : await db.Actors.SingleOrDefaultAsync(a => a.Id == intoActorId && a.NetworkId == networkId && a.DeletedAt == null, ct);
        return into is null ? new(null, null, ErrorCodes.MergeInvalid) : new(merged, into, null);
    }

    private static Task<List<Link>> LinksOfAsync(VerkostamoDbContext db, Guid networkId, Guid mergedId, Guid intoId, CancellationToken ct) =>
        db.Links.Where(l => l.NetworkId == networkId && l.DeletedAt == null
                && (l.SourceActorId == mergedId || l.TargetActorId == mergedId || l.SourceActorId == intoId || l.TargetActorId == intoId))
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync(ct);

    private sealed record LinkOutcome(int Moved, int Combined, int Removed, IReadOnlyList<(Link Link, string Action, object Before)> Changes);

    /// <summary>
    /// Repoints the merged actor's links at the kept actor. Changes the links only when <paramref name="userId"/> is
    /// given (a merge); a preview passes null and only counts.
    /// </summary>
    private static LinkOutcome MergeLinks(Actor merged, Actor into, List<Link> links, string? userId, DateTimeOffset? now)
    {
        var apply = now is not null;
        var changes = new List<(Link, string, object)>();
        // The kept actor's links by the actor at their other end.
        var kept = links.Where(l => l.SourceActorId != merged.Id && l.TargetActorId != merged.Id)
            .GroupBy(l => l.SourceActorId == into.Id ? l.TargetActorId : l.SourceActorId).ToDictionary(g => g.Key, g => g.First());
        int moved = 0, combined = 0, removed = 0;
        foreach (var link in links.Where(l => l.SourceActorId == merged.Id || l.TargetActorId == merged.Id))
        {
            var other = link.SourceActorId == merged.Id ? link.TargetActorId : link.SourceActorId;
            var before = LinkService.Snapshot(link);
            if (other == into.Id || other == merged.Id)
            {
                removed++;
                if (apply)
                {
                    Delete(link, userId, now!.Value);
                    changes.Add((link, "Deleted", before));
                }
            }
            else if (kept.TryGetValue(other, out var existing))
            {
                combined++;
                if (apply)
                {
                    var existingBefore = LinkService.Snapshot(existing);
                    Combine(existing, link, merged.Id, into.Id);
                    NetworkRecords.Touch(existing, userId, now!.Value);
                    changes.Add((existing, "Combined", existingBefore));
                    Delete(link, userId, now.Value);
                    changes.Add((link, "Deleted", before));
                }
            }
            else
            {
                moved++;
                if (apply)
                {
                    if (link.SourceActorId == merged.Id)
                    {
                        link.SourceActorId = into.Id;
                    }
                    else
                    {
                        link.TargetActorId = into.Id;
                    }
                    NetworkRecords.Touch(link, userId, now!.Value);
                    changes.Add((link, "Updated", before));
                }
                // A second link of the merged actor to the same partner (possible in old data) then combines into this one.
                kept[other] = link;
            }
        }
        return new(moved, combined, removed, changes);
    }

    private static void Delete(Link link, string? userId, DateTimeOffset now)
    {
        link.DeletedAt = now;
        link.DeletedByUserId = userId;
        NetworkRecords.Touch(link, userId, now);
    }

    /// <summary>Folds <paramref name="from"/> into <paramref name="into"/>: the stronger strength, marks, kinds and levels unioned, notes joined.</summary>
    internal static void Combine(Link into, Link from, Guid mergedId, Guid intoActorId)
    {
        // Strong sorts before weak: the smaller value is the stronger link.
        into.Strength = (LinkStrength)Math.Min((int)into.Strength, (int)from.Strength);
        into.Marks |= from.Marks;
        into.Levels |= from.Levels;
        into.Kinds = [.. into.Kinds.Concat(from.Kinds).Distinct(StringComparer.OrdinalIgnoreCase).Take(ActorService.MaxTags)];
        into.Notes = JoinNotes(into.Notes, from.Notes);
        // A direction survives only when both links ran the same way once the merged actor is replaced.
        var fromSource = from.SourceActorId == mergedId ? intoActorId : from.SourceActorId;
        into.Directed = into.Directed && from.Directed && fromSource == into.SourceActorId;
    }

    private static string JoinNotes(string a, string b)
    {
        if (string.IsNullOrWhiteSpace(b) || a.Contains(b.Trim(), StringComparison.Ordinal))
        {
            return a;
        }
        var joined = string.IsNullOrWhiteSpace(a) ? b.Trim() : a.TrimEnd() + "\n\n" + b.Trim();
        return joined.Length <= TextLimits.Answer ? joined : joined[..TextLimits.Answer];
    }

    /// <summary>Unions tags and levels and fills the kept actor's empty fields; returns the tags added and the names of the fields filled.</summary>
    private static (IReadOnlyList<string> Tags, IReadOnlyList<string> Fields) MergeFields(Actor merged, Actor into)
    {
        var fields = new List<string>();
        string? Fill(string? keep, string? from, string name)
        {
            if (string.IsNullOrWhiteSpace(keep) && !string.IsNullOrWhiteSpace(from))
            {
                fields.Add(name);
                return from;
            }
            return keep;
        }
        into.Organisation = Fill(into.Organisation, merged.Organisation, nameof(Actor.Organisation));
        into.ContactPerson = Fill(into.ContactPerson, merged.ContactPerson, nameof(Actor.ContactPerson));
        into.Email = Fill(into.Email, merged.Email, nameof(Actor.Email));
        into.Phone = Fill(into.Phone, merged.Phone, nameof(Actor.Phone));
        into.Website = Fill(into.Website, merged.Website, nameof(Actor.Website));
        into.Notes = Fill(into.Notes, merged.Notes, nameof(Actor.Notes)) ?? "";
        if (into.RoleNow is null && merged.RoleNow is not null)
        {
            into.RoleNow = merged.RoleNow;
            fields.Add(nameof(Actor.RoleNow));
        }
        if (into.RoleWanted is null && merged.RoleWanted is not null)
        {
            into.RoleWanted = merged.RoleWanted;
            fields.Add(nameof(Actor.RoleWanted));
        }
        if ((merged.Levels & ~into.Levels) != 0)
        {
            into.Levels |= merged.Levels;
            fields.Add(nameof(Actor.Levels));
        }
        var added = merged.Tags.Where(t => !into.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)).Take(Math.Max(0, ActorService.MaxTags - into.Tags.Count)).ToList();
        into.Tags = [.. into.Tags, .. added];
        return (added, fields);
    }

    /// <summary>The merged actor has no place on the map any more: its saved positions go from every view.</summary>
    private static async Task DropPositionsAsync(VerkostamoDbContext db, Guid networkId, Guid actorId, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var key = MapSnapshot.KeyOf(actorId);
        var views = await db.MapViews.Where(v => v.NetworkId == networkId && v.PositionsJson.Contains(key)).ToListAsync(ct);
        foreach (var view in views)
        {
            Dictionary<string, JsonElement>? positions;
            try
            {
                positions = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(view.PositionsJson);
            }
            catch (JsonException)
            {
                continue;
            }
            if (positions is null || positions.Keys.Where(k => Guid.TryParse(k, out var id) && id == actorId).ToList() is not { Count: > 0 } gone)
            {
                continue;
            }
            gone.ForEach(k => positions.Remove(k));
            view.PositionsJson = JsonSerializer.Serialize(positions);
            view.Version = Guid.NewGuid();
            view.UpdatedAt = now;
            view.UpdatedByUserId = userId;
        }
    }

    private static Actor Clone(Actor a) => new()
    {
        Id = a.Id, NetworkId = a.NetworkId, Name = a.Name, Kind = a.Kind, Sector = a.Sector, Levels = a.Levels, RoleNow = a.RoleNow, RoleWanted = a.RoleWanted,
        Organisation = a.Organisation, ContactPerson = a.ContactPerson, Email = a.Email, Phone = a.Phone, Website = a.Website, Tags = [.. a.Tags], Notes = a.Notes,
    };
}
