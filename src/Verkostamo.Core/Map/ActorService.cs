using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map;

public sealed record ActorInput(string? Name)
{
    public ActorKind Kind { get; init; } = ActorKind.Organisation;
    public Sector Sector { get; init; } = Sector.Public;
    public Level Levels { get; init; }
    public ParticipationRole? RoleNow { get; init; }
    public ParticipationRole? RoleWanted { get; init; }
    public string? Organisation { get; init; }
    public string? ContactPerson { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Notes { get; init; }
}

public sealed record ActorView(
    Guid Id, string Name, ActorKind Kind, Sector Sector, Level Levels, ParticipationRole? RoleNow, ParticipationRole? RoleWanted,
    string? Organisation, string? ContactPerson, string? Email, string? Phone, string? Website, IReadOnlyList<string> Tags, string Notes,
    Guid Version, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt, int Links, int StrongLinks);

/// <summary>Filters for the actor list; every given filter must match.</summary>
public sealed record ActorQuery
{
    /// <summary>Matched case-insensitively against the name, organisation, contact person, e-mail, tags and notes.</summary>
    public string? Search { get; init; }
    public Sector? Sector { get; init; }
    public ActorKind? Kind { get; init; }
    public ParticipationRole? Role { get; init; }
    public Level? Level { get; init; }
    public string? Tag { get; init; }
    public bool Deleted { get; init; }
}

/// <summary>The network's actors (section 12's contact list and the map's nodes).</summary>
public sealed class ActorService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxActors = 20_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const string Scope = "map";

    public async Task<IReadOnlyList<ActorView>?> ListAsync(Guid networkId, string userId, ActorQuery? query = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        query ??= new ActorQuery();
        var actors = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId && (a.DeletedAt != null) == query.Deleted)
            .OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct);
        // Only links between live actors count, so a deleted actor's count is always zero: skip the scan of every link.
        var counts = query.Deleted ? [] : await LinkCountsAsync(db, networkId, ct);
        return [.. actors.Where(a => Matches(a, query)).Select(a => ToView(a, counts))];
    }

    public async Task<ActorView?> GetAsync(Guid networkId, string userId, Guid actorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var actor = await db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actorId && a.NetworkId == networkId, ct);
        return actor is null ? null : ToView(actor, await LinkCountsAsync(db, networkId, ct));
    }

    public static bool Matches(Actor a, ActorQuery q)
    {
        if (q.Sector is { } sector && a.Sector != sector) return false;
        if (q.Kind is { } kind && a.Kind != kind) return false;
        if (q.Role is { } role && a.RoleNow != role) return false;
        if (q.Level is { } level && level != Level.None && (a.Levels & level) == 0) return false;
        if (!string.IsNullOrWhiteSpace(q.Tag) && !a.Tags.Contains(q.Tag.Trim(), StringComparer.OrdinalIgnoreCase)) return false;
        if (string.IsNullOrWhiteSpace(q.Search)) return true;
        var s = q.Search.Trim();
        bool Has(string? text) => text?.Contains(s, StringComparison.CurrentCultureIgnoreCase) == true;
        return Has(a.Name) || Has(a.Organisation) || Has(a.ContactPerson) || Has(a.Email) || Has(a.Notes) || a.Tags.Any(Has);
    }

    /// <summary>Trims and checks an actor's fields; the cleaned input or an error code.</summary>
    public static ServiceResult<ActorInput> Validate(ActorInput input)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var name = Clean(input.Name);
        if (name is null)
        {
            return ServiceResult<ActorInput>.Fail(ErrorCodes.NameRequired);
        }
        if (name.Length > TextLimits.Title)
        {
            return ServiceResult<ActorInput>.Fail(ErrorCodes.NameTooLong);
        }
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Sector) || (input.Levels & ~MapVocabulary.AllLevels) != 0
            || (input.RoleNow is { } now && !Enum.IsDefined(now)) || (input.RoleWanted is { } wanted && !Enum.IsDefined(wanted)))
        {
            return ServiceResult<ActorInput>.Fail(ErrorCodes.ValueInvalid);
        }
        var email = Clean(input.Email);
        if (email is not null && !EmailAddresses.IsValid(email))
        {
            return ServiceResult<ActorInput>.Fail(ErrorCodes.EmailInvalid);
        }
        var notes = (input.Notes ?? "").Trim().ReplaceLineEndings("\n");
        var organisation = Clean(input.Organisation);
        var contact = Clean(input.ContactPerson);
        var phone = Clean(input.Phone);
        var website = Clean(input.Website);
        if (notes.Length > TextLimits.Answer || organisation?.Length > TextLimits.Title || contact?.Length > TextLimits.Name
            || phone?.Length > 40 || website?.Length > TextLimits.ShortText)
        {
            return ServiceResult<ActorInput>.Fail(ErrorCodes.TextTooLong);
        }
        var tags = CleanTags(input.Tags);
        if (tags is null)
        {
            return ServiceResult<ActorInput>.Fail(ErrorCodes.TagInvalid);
        }
        return ServiceResult<ActorInput>.Success(input with
        {
            Name = name, Email = email, Notes = notes, Organisation = organisation, ContactPerson = contact, Phone = phone, Website = website, Tags = tags,
        });
    }

    /// <summary>Trimmed, distinct (case-insensitively) tags in their given order; null when there are too many or one is too long.</summary>
    public static IReadOnlyList<string>? CleanTags(IEnumerable<string>? tags)
    {
        var clean = (tags ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return clean.Count > MaxTags || clean.Any(t => t.Length > MaxTagLength) ? null : clean;
    }

    /// <summary>Splits a comma-separated list of tags as typed in a form.</summary>
    public static IReadOnlyList<string> ParseTags(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public async Task<ServiceResult<Guid>> CreateAsync(Guid networkId, string userId, ActorInput input, CancellationToken ct = default)
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
        if (await db.Actors.CountAsync(a => a.NetworkId == networkId && a.DeletedAt == null, ct) >= MaxActors)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ActorLimit);
        }
        var now = clock.GetUtcNow();
        var actor = new Actor { Id = Guid.NewGuid(), NetworkId = networkId, CreatedAt = now, CreatedByUserId = userId };
        Apply(actor, clean.Value!);
        NetworkRecords.Touch(actor, userId, now);
        db.Actors.Add(actor);
        db.Audit(now, networkId, userId, nameof(Actor), actor.Id, "Created", after: Snapshot(actor), scope: Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(actor.Id);
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, Guid actorId, ActorInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (actor, error) = await LoadAsync(db, networkId, userId, actorId, false, ct);
        if (actor is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        if (actor.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(actor.Version);
        }
        var before = Snapshot(actor);
        Apply(actor, clean.Value!);
        NetworkRecords.Touch(actor, userId, clock.GetUtcNow());
        db.Audit(actor.UpdatedAt, networkId, userId, nameof(Actor), actorId, "Updated", before, Snapshot(actor), Scope);
        return await WorkbookStore.SaveBlockAsync(db, actor, nameof(Actor.Version), ct);
    }

    /// <summary>Soft-deletes an actor; its links disappear from the map with it and come back on restore.</summary>
    public Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid actorId, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, actorId, true, ct);

    public Task<ServiceResult> RestoreAsync(Guid networkId, string userId, Guid actorId, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, actorId, false, ct);

    private async Task<ServiceResult> SetDeletedAsync(Guid networkId, string userId, Guid actorId, bool delete, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NetworkRecords.SetDeletedAsync<Actor>(db, networkId, userId, actorId, delete, clock.GetUtcNow(), a => new { a.Name }, Scope, ct);
    }

    internal static Task<(Actor? Actor, string? Error)> LoadAsync(VerkostamoDbContext db, Guid networkId, string userId, Guid actorId, bool deleted, CancellationToken ct) =>
        NetworkRecords.LoadWritableAsync<Actor>(db, networkId, userId, actorId, deleted, ct);

    internal static void Apply(Actor actor, ActorInput clean)
    {
        actor.Name = clean.Name!;
        actor.Kind = clean.Kind;
        actor.Sector = clean.Sector;
        actor.Levels = clean.Levels;
        actor.RoleNow = clean.RoleNow;
        actor.RoleWanted = clean.RoleWanted;
        actor.Organisation = clean.Organisation;
        actor.ContactPerson = clean.ContactPerson;
        actor.Email = clean.Email;
        actor.Phone = clean.Phone;
        actor.Website = clean.Website;
        actor.Tags = [.. clean.Tags ?? []];
        actor.Notes = clean.Notes ?? "";
    }

    internal static object Snapshot(Actor a) => new
    {
        a.Name, Kind = a.Kind.ToString(), Sector = a.Sector.ToString(), Levels = a.Levels.ToString(), RoleNow = a.RoleNow?.ToString(),
        RoleWanted = a.RoleWanted?.ToString(), a.Organisation, a.ContactPerson, a.Email, a.Phone, a.Website, a.Tags, a.Notes,
    };

    /// <summary>Live links per live actor: all and strong.</summary>
    internal static async Task<Dictionary<Guid, (int All, int Strong)>> LinkCountsAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var live = (await db.Actors.Where(a => a.NetworkId == networkId && a.DeletedAt == null).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var links = await db.Links.Where(l => l.NetworkId == networkId && l.DeletedAt == null)
            .Select(l => new { l.SourceActorId, l.TargetActorId, l.Strength }).ToListAsync(ct);
        var counts = new Dictionary<Guid, (int All, int Strong)>();
        foreach (var link in links.Where(l => live.Contains(l.SourceActorId) && live.Contains(l.TargetActorId)))
        {
            foreach (var id in new[] { link.SourceActorId, link.TargetActorId })
            {
                var (all, strong) = counts.GetValueOrDefault(id);
                counts[id] = (all + 1, strong + (link.Strength == LinkStrength.Strong ? 1 : 0));
            }
        }
        return counts;
    }

    internal static ActorView ToView(Actor a, Dictionary<Guid, (int All, int Strong)> counts)
    {
        var (all, strong) = counts.GetValueOrDefault(a.Id);
        return new ActorView(a.Id, a.Name, a.Kind, a.Sector, a.Levels, a.RoleNow, a.RoleWanted, a.Organisation, a.ContactPerson, a.Email,
            a.Phone, a.Website, [.. a.Tags], a.Notes, a.Version, a.UpdatedAt, a.DeletedAt, all, strong);
    }

}
