using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map.Survey;

/// <summary>One partner a respondent names: whom, how strongly and on what.</summary>
public sealed record SurveyEntry(string Name, LinkStrength Strength, IReadOnlyList<string> Kinds, string? Note);

public sealed record SurveyActorOption(Guid Id, string Name);

/// <summary>What an answer form needs: whose answer it is, the names to suggest and any answer given so far.</summary>
public sealed record SurveyForm(
    Guid NetworkId, string NetworkName, Guid? RespondentActorId, string? RespondentName, IReadOnlyList<SurveyActorOption> Actors,
    IReadOnlyList<SurveyEntry> Entries, MapSurveyStatus? Status, DateTimeOffset? ExpiresAt);

public sealed record CreatedSurveyLink(Guid Id, string Token, DateTimeOffset ExpiresAt);

public sealed record SurveyLinkInfo(Guid Id, Guid ActorId, string ActorName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked, bool Expired, int Responses);

public enum SurveyOutcome
{
    NewActorAndLink,
    NewLink,
    StrongerLink,
    KindsAdded,
    Unchanged,
}

public sealed record SurveyEntryPreview(SurveyEntry Entry, Guid? ActorId, LinkStrength? CurrentStrength, SurveyOutcome Outcome);

public sealed record SurveyResponseReview(
    Guid Id, string RespondentName, bool RespondentIsNew, bool ViaLink, DateTimeOffset SubmittedAt, MapSurveyStatus Status,
    IReadOnlyList<SurveyEntryPreview> Entries);

public sealed record SurveyMergeResult(int ActorsAdded, int LinksAdded, int LinksUpdated);

/// <summary>
/// The survey-built map (issue item 7): members, and actors invited by a secret link without an account,
/// name whom they work with; the answers wait for a facilitator's review and are then merged into the map
/// in one transaction.
/// </summary>
public sealed class MapSurveyService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxEntries = 50;
    public const int MaxNoteLength = 1000;
    public const int DefaultExpiryDays = 30;
    public const int MaxExpiryDays = 90;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // ---- Links for actors without an account --------------------------------------------------------

    public async Task<ServiceResult<CreatedSurveyLink>> CreateLinkAsync(Guid networkId, string userId, Guid actorId, int expiresInDays = DefaultExpiryDays,
        CancellationToken ct = default)
    {
        if (expiresInDays is < 1 or > MaxExpiryDays)
        {
            return ServiceResult<CreatedSurveyLink>.Fail(ErrorCodes.ExpiryOutOfRange);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult<CreatedSurveyLink>.Fail(denied);
        }
        if (!await db.Actors.AnyAsync(a => a.Id == actorId && a.NetworkId == networkId && a.DeletedAt == null, ct))
        {
            return ServiceResult<CreatedSurveyLink>.Fail(ErrorCodes.ActorInvalid);
        }
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var link = new MapSurveyLink
        {
            Id = Guid.NewGuid(), NetworkId = networkId, ActorId = actorId, TokenHash = SecretTokens.Hash(token),
            CreatedAt = now, CreatedByUserId = userId, ExpiresAt = now.AddDays(expiresInDays),
        };
        db.MapSurveyLinks.Add(link);
        db.Audit(now, networkId, userId, nameof(MapSurveyLink), link.Id, "Created", after: new { link.ActorId, link.ExpiresAt }, scope: ActorService.Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<CreatedSurveyLink>.Success(new(link.Id, token, link.ExpiresAt));
    }

    public async Task<IReadOnlyList<SurveyLinkInfo>?> ListLinksAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is not null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var links = await db.MapSurveyLinks.AsNoTracking().Where(l => l.NetworkId == networkId).OrderByDescending(l => l.CreatedAt).ToListAsync(ct);
        var names = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var counts = await db.MapSurveyResponses.Where(r => r.NetworkId == networkId && r.SurveyLinkId != null)
            .GroupBy(r => r.SurveyLinkId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        return [.. links.Select(l => new SurveyLinkInfo(l.Id, l.ActorId, names.GetValueOrDefault(l.ActorId, ""), l.CreatedAt, l.ExpiresAt,
            l.RevokedAt is not null, l.ExpiresAt <= now, counts.GetValueOrDefault(l.Id)))];
    }

    public async Task<ServiceResult> RevokeLinkAsync(Guid networkId, string userId, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, error) = await NetworkRecords.LoadForRoleAsync(db, networkId, userId, NetworkRole.Facilitator,
            db.MapSurveyLinks.Where(l => l.Id == linkId && l.NetworkId == networkId), ct);
        if (link is null)
        {
            return ServiceResult.Fail(error!);
        }
        if (link.RevokedAt is null)
        {
            link.RevokedAt = clock.GetUtcNow();
            db.Audit(link.RevokedAt.Value, networkId, userId, nameof(MapSurveyLink), linkId, "Revoked", scope: ActorService.Scope);
            await db.SaveChangesAsync(ct);
        }
        return ServiceResult.Ok;
    }

    // ---- Answering -----------------------------------------------------------------------------------

    /// <summary>The form behind a secret link; fails with InvitationInvalid or InvitationExpired.</summary>
    public async Task<ServiceResult<SurveyForm>> OpenByTokenAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, error) = await FindLinkAsync(db, token, ct);
        if (link is null)
        {
            return ServiceResult<SurveyForm>.Fail(error!);
        }
        var response = await db.MapSurveyResponses.AsNoTracking().Where(r => r.SurveyLinkId == link.Id)
            .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(ct);
        return ServiceResult<SurveyForm>.Success(await FormAsync(db, link.NetworkId, link.ActorId, null, response, link.ExpiresAt, includePeople: false, ct));
    }

    public async Task<ServiceResult> SubmitByTokenAsync(string? token, IReadOnlyList<SurveyEntry> entries, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, error) = await FindLinkAsync(db, token, ct);
        if (link is null)
        {
            return ServiceResult.Fail(error!);
        }
        var respondent = await db.Actors.AsNoTracking().Where(a => a.Id == link.ActorId && a.DeletedAt == null).Select(a => a.Name).SingleOrDefaultAsync(ct);
        if (respondent is null)
        {
            return ServiceResult.Fail(ErrorCodes.InvitationInvalid);
        }
        var clean = Validate(entries, respondent);
        if (!clean.Succeeded)
        {
            return ServiceResult.Fail(clean.ErrorCode!);
        }
        var pending = await db.MapSurveyResponses.SingleOrDefaultAsync(r => r.SurveyLinkId == link.Id && r.Status == MapSurveyStatus.Pending, ct);
        Store(db, pending, link.NetworkId, r => { r.SurveyLinkId = link.Id; r.RespondentActorId = link.ActorId; }, clean.Value!);
        return await WorkbookStore.SaveAsync(db, ct);
    }

    /// <summary>The form for a member answering for an actor of their choice; null without access.</summary>
    public async Task<SurveyForm?> OpenForMemberAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is not null)
        {
            return null;
        }
        var response = await db.MapSurveyResponses.AsNoTracking().Where(r => r.NetworkId == networkId && r.UserId == userId)
            .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(ct);
        return await FormAsync(db, networkId, response?.RespondentActorId, response?.RespondentName, response, null, includePeople: true, ct);
    }

    public async Task<ServiceResult> SubmitForMemberAsync(Guid networkId, string userId, Guid? respondentActorId, string? respondentName,
        IReadOnlyList<SurveyEntry> entries, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult.Fail(denied);
        }
        string respondent;
        if (respondentActorId is { } actorId)
        {
            var name = await db.Actors.AsNoTracking().Where(a => a.Id == actorId && a.NetworkId == networkId && a.DeletedAt == null)
                .Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return ServiceResult.Fail(ErrorCodes.ActorInvalid);
            }
            respondent = name;
            respondentName = null;
        }
        else
        {
            respondent = respondentName?.Trim() ?? "";
            if (respondent.Length == 0)
            {
                return ServiceResult.Fail(ErrorCodes.NameRequired);
            }
            if (respondent.Length > TextLimits.Title)
            {
                return ServiceResult.Fail(ErrorCodes.NameTooLong);
            }
            respondentName = respondent;
        }
        var clean = Validate(entries, respondent);
        if (!clean.Succeeded)
        {
            return ServiceResult.Fail(clean.ErrorCode!);
        }
        var pending = await db.MapSurveyResponses.SingleOrDefaultAsync(
            r => r.NetworkId == networkId && r.UserId == userId && r.Status == MapSurveyStatus.Pending, ct);
        Store(db, pending, networkId, r => { r.UserId = userId; r.RespondentActorId = respondentActorId; r.RespondentName = respondentName; }, clean.Value!);
        return await WorkbookStore.SaveAsync(db, ct);
    }

    /// <summary>Drops empty rows, trims, and checks the named partners; an error code for bad input.</summary>
    public static ServiceResult<IReadOnlyList<SurveyEntry>> Validate(IReadOnlyList<SurveyEntry> entries, string respondentName)
    {
        var clean = new List<SurveyEntry>();
        var seen = new HashSet<string>();
        foreach (var e in entries.Where(e => !string.IsNullOrWhiteSpace(e.Name)))
        {
            var name = e.Name.Trim();
            var note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim().ReplaceLineEndings("\n");
            if (name.Length > TextLimits.Title || note?.Length > MaxNoteLength)
            {
                return ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.TextTooLong);
            }
            if (!Enum.IsDefined(e.Strength))
            {
                return ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.ValueInvalid);
            }
            var kinds = ActorService.CleanTags(e.Kinds);
            if (kinds is null)
            {
                return ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.TagInvalid);
            }
            var key = MapComparer.NameKey(name);
            if (key == MapComparer.NameKey(respondentName))
            {
                return ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.SelfLink);
            }
            if (!seen.Add(key))
            {
                return ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.SurveyDuplicate);
            }
            clean.Add(new SurveyEntry(name, e.Strength, kinds, note));
        }
        if (clean.Count == 0)
        {
            return ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.SurveyEmpty);
        }
        return clean.Count > MaxEntries
            ? ServiceResult<IReadOnlyList<SurveyEntry>>.Fail(ErrorCodes.SurveyTooLarge)
            : ServiceResult<IReadOnlyList<SurveyEntry>>.Success(clean);
    }

    // ---- Review --------------------------------------------------------------------------------------

    /// <summary>Answers with what merging each would change in the map now; null unless facilitator or above.</summary>
    public async Task<IReadOnlyList<SurveyResponseReview>?> ListResponsesAsync(Guid networkId, string userId, bool pendingOnly = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is not null)
        {
            return null;
        }
        var responses = await db.MapSurveyResponses.AsNoTracking()
            .Where(r => r.NetworkId == networkId && (!pendingOnly || r.Status == MapSurveyStatus.Pending))
            .OrderByDescending(r => r.SubmittedAt).Take(200).ToListAsync(ct);
        var map = await LiveMapAsync(db, networkId, ct);
        return [.. responses.Select(r => Review(r, map))];
    }

    public async Task<ServiceResult<SurveyMergeResult>> ApproveAsync(Guid networkId, string userId, Guid responseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult<SurveyMergeResult>.Fail(denied);
        }
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        var response = await db.MapSurveyResponses.SingleOrDefaultAsync(r => r.Id == responseId && r.NetworkId == networkId && r.Status == MapSurveyStatus.Pending, ct);
        if (response is null)
        {
            return ServiceResult<SurveyMergeResult>.Fail(ErrorCodes.NotFound);
        }
        var now = clock.GetUtcNow();
        var actors = await db.Actors.Where(a => a.NetworkId == networkId && a.DeletedAt == null).ToListAsync(ct);
        var byName = actors.GroupBy(a => MapComparer.NameKey(a.Name)).ToDictionary(g => g.Key, g => g.OrderBy(a => a.CreatedAt).First());
        var (actorsAdded, linksAdded, linksUpdated) = (0, 0, 0);

        Actor Resolve(Guid? id, string name)
        {
            if (id is { } known && actors.FirstOrDefault(a => a.Id == known) is { } byId)
            {
                return byId;
            }
            if (byName.TryGetValue(MapComparer.NameKey(name), out var existing))
            {
                return existing;
            }
            var actor = new Actor
            {
                Id = Guid.NewGuid(), NetworkId = networkId, Name = name, Kind = ActorKind.Organisation, Sector = Sector.Other,
                Version = Guid.NewGuid(), CreatedAt = now, CreatedByUserId = userId, UpdatedAt = now, UpdatedByUserId = userId,
            };
            db.Actors.Add(actor);
            actors.Add(actor);
            byName[MapComparer.NameKey(name)] = actor;
            actorsAdded++;
            db.Audit(now, networkId, userId, nameof(Actor), actor.Id, "Created", after: ActorService.Snapshot(actor), scope: ActorService.Scope);
            return actor;
        }

        var respondentName = response.RespondentName ?? actors.FirstOrDefault(a => a.Id == response.RespondentActorId)?.Name;
        if (respondentName is null)
        {
            // The respondent's actor was deleted after answering.
            return ServiceResult<SurveyMergeResult>.Fail(ErrorCodes.ActorInvalid);
        }
        var respondent = Resolve(response.RespondentActorId, respondentName);
        var links = await db.Links.Where(l => l.NetworkId == networkId && l.DeletedAt == null
            && (l.SourceActorId == respondent.Id || l.TargetActorId == respondent.Id)).ToListAsync(ct);
        foreach (var entry in Entries(response))
        {
            var partner = Resolve(null, entry.Name);
            if (partner.Id == respondent.Id)
            {
                continue;
            }
            var link = links.FirstOrDefault(l => l.SourceActorId == partner.Id || l.TargetActorId == partner.Id);
            if (link is null)
            {
                link = new Link
                {
                    Id = Guid.NewGuid(), NetworkId = networkId, SourceActorId = respondent.Id, TargetActorId = partner.Id, Strength = entry.Strength,
                    Kinds = [.. entry.Kinds], Notes = entry.Note ?? "", Version = Guid.NewGuid(),
                    CreatedAt = now, CreatedByUserId = userId, UpdatedAt = now, UpdatedByUserId = userId,
                };
                db.Links.Add(link);
                links.Add(link);
                linksAdded++;
                db.Audit(now, networkId, userId, nameof(Link), link.Id, "Created", after: LinkService.Snapshot(link), scope: ActorService.Scope);
                continue;
            }
            var before = LinkService.Snapshot(link);
            var stronger = entry.Strength == LinkStrength.Strong && link.Strength == LinkStrength.Weak;
            var newKinds = entry.Kinds.Where(k => !link.Kinds.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (!stronger && newKinds.Count == 0)
            {
                continue;
            }
            if (stronger)
            {
                link.Strength = LinkStrength.Strong;
            }
            link.Kinds = [.. link.Kinds, .. newKinds];
            link.Version = Guid.NewGuid();
            link.UpdatedAt = now;
            link.UpdatedByUserId = userId;
            linksUpdated++;
            db.Audit(now, networkId, userId, nameof(Link), link.Id, "Updated", before, LinkService.Snapshot(link), ActorService.Scope);
        }
        response.Status = MapSurveyStatus.Merged;
        response.ReviewedAt = now;
        response.ReviewedByUserId = userId;
        response.Version = Guid.NewGuid();
        db.Audit(now, networkId, userId, nameof(MapSurveyResponse), response.Id, "Merged",
            after: new { ActorsAdded = actorsAdded, LinksAdded = linksAdded, LinksUpdated = linksUpdated }, scope: ActorService.Scope);
        var saved = await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        return saved.Succeeded
            ? ServiceResult<SurveyMergeResult>.Success(new(actorsAdded, linksAdded, linksUpdated))
            : ServiceResult<SurveyMergeResult>.Fail(saved.ErrorCode!);
    }

    public async Task<ServiceResult> RejectAsync(Guid networkId, string userId, Guid responseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult.Fail(denied);
        }
        var response = await db.MapSurveyResponses.SingleOrDefaultAsync(r => r.Id == responseId && r.NetworkId == networkId && r.Status == MapSurveyStatus.Pending, ct);
        if (response is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        response.Status = MapSurveyStatus.Rejected;
        response.ReviewedAt = clock.GetUtcNow();
        response.ReviewedByUserId = userId;
        response.Version = Guid.NewGuid();
        db.Audit(response.ReviewedAt.Value, networkId, userId, nameof(MapSurveyResponse), response.Id, "Rejected", scope: ActorService.Scope);
        return await WorkbookStore.SaveAsync(db, ct);
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private async Task<(MapSurveyLink? Link, string? Error)> FindLinkAsync(VerkostamoDbContext db, string? token, CancellationToken ct)
    {
        if (!SecretTokens.IsPlausible(token))
        {
            return (null, ErrorCodes.InvitationInvalid);
        }
        var hash = SecretTokens.Hash(token!);
        var link = await db.MapSurveyLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.RevokedAt is not null
            || !await db.Networks.AnyAsync(n => n.Id == link.NetworkId && n.DeletedAt == null, ct))
        {
            return (null, ErrorCodes.InvitationInvalid);
        }
        return link.ExpiresAt <= clock.GetUtcNow() ? (null, ErrorCodes.InvitationExpired) : (link, null);
    }

    private static async Task<SurveyForm> FormAsync(VerkostamoDbContext db, Guid networkId, Guid? respondentActorId, string? respondentName,
        MapSurveyResponse? response, DateTimeOffset? expiresAt, bool includePeople, CancellationToken ct)
    {
        var networkName = await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(ct);
        // Through a link without an account only organisations, units and groups are suggested, never people.
        var actors = await db.Actors.AsNoTracking()
            .Where(a => a.NetworkId == networkId && a.DeletedAt == null && (includePeople || a.Kind != ActorKind.Person))
            .OrderBy(a => a.Name).Select(a => new SurveyActorOption(a.Id, a.Name)).ToListAsync(ct);
        if (respondentActorId is { } id && respondentName is null)
        {
            respondentName = await db.Actors.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(ct);
        }
        return new SurveyForm(networkId, networkName, respondentActorId, respondentName, actors,
            response is null ? [] : Entries(response), response?.Status, expiresAt);
    }

    private void Store(VerkostamoDbContext db, MapSurveyResponse? pending, Guid networkId, Action<MapSurveyResponse> who, IReadOnlyList<SurveyEntry> entries)
    {
        var now = clock.GetUtcNow();
        if (pending is null)
        {
            pending = new MapSurveyResponse { Id = Guid.NewGuid(), NetworkId = networkId, Status = MapSurveyStatus.Pending };
            db.MapSurveyResponses.Add(pending);
        }
        who(pending);
        pending.EntriesJson = JsonSerializer.Serialize(entries, Json);
        pending.SubmittedAt = now;
        pending.Version = Guid.NewGuid();
    }

    private static List<SurveyEntry> Entries(MapSurveyResponse r) =>
        JsonSerializer.Deserialize<List<SurveyEntry>>(r.EntriesJson, Json) ?? [];

    private sealed record LiveMap(Dictionary<Guid, Actor> Actors, Dictionary<string, Actor> ByName, List<Link> Links);

    private static async Task<LiveMap> LiveMapAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var actors = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId && a.DeletedAt == null).ToListAsync(ct);
        var links = await db.Links.AsNoTracking().Where(l => l.NetworkId == networkId && l.DeletedAt == null).ToListAsync(ct);
        return new(actors.ToDictionary(a => a.Id),
            actors.GroupBy(a => MapComparer.NameKey(a.Name)).ToDictionary(g => g.Key, g => g.OrderBy(a => a.CreatedAt).First()), links);
    }

    private static SurveyResponseReview Review(MapSurveyResponse r, LiveMap map)
    {
        var respondent = r.RespondentActorId is { } id && map.Actors.TryGetValue(id, out var a) ? a
            : r.RespondentName is { } n ? map.ByName.GetValueOrDefault(MapComparer.NameKey(n)) : null;
        var name = respondent?.Name ?? r.RespondentName ?? "";
        var previews = Entries(r).Select(e =>
        {
            var partner = map.ByName.GetValueOrDefault(MapComparer.NameKey(e.Name));
            if (partner is null)
            {
                return new SurveyEntryPreview(e, null, null, SurveyOutcome.NewActorAndLink);
            }
            var link = respondent is null ? null : map.Links.FirstOrDefault(l =>
                (l.SourceActorId == respondent.Id && l.TargetActorId == partner.Id) || (l.SourceActorId == partner.Id && l.TargetActorId == respondent.Id));
            var outcome = link is null ? SurveyOutcome.NewLink
                : e.Strength == LinkStrength.Strong && link.Strength == LinkStrength.Weak ? SurveyOutcome.StrongerLink
                : e.Kinds.Any(k => !link.Kinds.Contains(k, StringComparer.OrdinalIgnoreCase)) ? SurveyOutcome.KindsAdded
                : SurveyOutcome.Unchanged;
            return new SurveyEntryPreview(e, partner.Id, link?.Strength, outcome);
        }).ToList();
        return new SurveyResponseReview(r.Id, name, respondent is null, r.SurveyLinkId is not null, r.SubmittedAt, r.Status, previews);
    }
}
