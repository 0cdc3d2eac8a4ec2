using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Backup;

/// <summary>Who imports and whom the new network gets as members.</summary>
/// <param name="ImporterUserId">Becomes the new network's owner; null only for an administrator's import.</param>
/// <param name="RestoreMembers">
/// Also make the backup's members whose e-mail has an account here members again, in their roles. Only for an
/// administrator: a signed-in user's upload must not put other people into a network without their consent.
/// </param>
public sealed record BackupImportOptions(string? ImporterUserId, bool RestoreMembers);

/// <summary>How many records of each kind a backup holds, shown before the import is confirmed.</summary>
public sealed record BackupSummary(string NetworkName, int Members, int Sections, int Themes, int KeySolutions, int Actions,
    int ClockEvents, int Actors, int Links, int MapViews, int MapVersions, int SurveyResponses, int AuditEntries, int Logos)
{
    public static BackupSummary Of(NetworkBackupPayload p) => new(p.Network.Name, p.Members.Count, p.Sections.Count, p.Themes.Count,
        p.KeySolutions.Count, p.Actions.Count, p.ClockEvents.Count, p.Actors.Count, p.Links.Count, p.MapViews.Count, p.MapVersions.Count,
        p.SurveyResponses.Count, p.AuditTrail.Count, p.Logos.Count);
}

/// <param name="IdMap">Every identifier of the backup and the one it got in the new network.</param>
public sealed record BackupImportResult(Guid NetworkId, IReadOnlyDictionary<Guid, Guid> IdMap);

/// <summary>
/// A whole network as one JSON document (docs/BACKUP-FORMAT.md), and such a document made into a new network.
/// The export streams: the payload is serialized straight into the output while its checksum is computed.
/// </summary>
public sealed partial class NetworkBackupService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Every entity with a NetworkId, and whether the backup carries it. A test compares this with the DbContext, so a
    /// new network-owned table cannot be forgotten: it must be added to the payload or excluded here with a reason.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string?> NetworkEntities = new Dictionary<Type, string?>
    {
        [typeof(Network)] = null,
        [typeof(NetworkLogo)] = null,
        [typeof(Membership)] = null,
        [typeof(Workbook.NetworkWorkbook)] = null,
        [typeof(Workbook.WorkbookSection)] = null,
        [typeof(Workbook.Theme)] = null,
        [typeof(Workbook.KeySolution)] = null,
        [typeof(Workbook.LeadershipPlacement)] = null,
        [typeof(ActionItem)] = null,
        [typeof(ActionComment)] = null,
        [typeof(AnnualClock.NetworkClock)] = null,
        [typeof(AnnualClock.ClockEvent)] = null,
        [typeof(Map.Actor)] = null,
        [typeof(Map.Link)] = null,
        [typeof(Map.MapView)] = null,
        [typeof(Map.MapVersion)] = null,
        [typeof(MapSurveyLink)] = null,
        [typeof(MapSurveyResponse)] = null,
        [typeof(Assessments.AssessmentInstrument)] = null,
        [typeof(Assessments.AssessmentRound)] = null,
        [typeof(Assessments.AssessmentResponse)] = null,
        [typeof(Audit.AuditEntry)] = null,
        [typeof(Invitation)] = "Pending invitations are secret links of the old network for named people; owners invite again.",
        [typeof(AnnualClock.CalendarFeed)] = "A personal secret feed address of one account; its owner creates a new one.",
    };

    /// <summary>Null when the user may download the network's backup (owners only); else the error code.</summary>
    public async Task<string?> DenialAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return NetworkAccess.Denial(await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct), NetworkRole.Owner);
    }

    /// <summary>A file name for the download: the network's name made safe, and the date.</summary>
    public async Task<string> FileNameAsync(Guid networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleOrDefaultAsync(ct) ?? "network";
        var safe = new string(name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        return $"verkostamo-{(safe.Length == 0 ? "network" : safe.ToLowerInvariant())}-{clock.GetUtcNow():yyyy-MM-dd}.json";
    }

    /// <summary>Writes the network's backup document to <paramref name="output"/>; the caller has checked access.</summary>
    /// <returns>False when the network does not exist.</returns>
    public async Task<bool> WriteAsync(Guid networkId, Stream output, CancellationToken ct = default)
    {
        var payload = await LoadAsync(networkId, ct);
        if (payload is null)
        {
            return false;
        }
        await WriteDocumentAsync(payload, output, clock.GetUtcNow(), ct);
        return true;
    }

    /// <summary>The envelope is written around the payload by hand so the payload's bytes can be hashed as they stream out.</summary>
    public static async Task WriteDocumentAsync(NetworkBackupPayload payload, Stream output, DateTimeOffset exportedAt, CancellationToken ct = default)
    {
        var head = $$"""{"format":"{{NetworkBackupDocument.FormatName}}","schemaVersion":{{NetworkBackupDocument.CurrentSchemaVersion}},"exportedAt":{{JsonSerializer.Serialize(exportedAt)}},"application":{{JsonSerializer.Serialize("Verkostamo " + typeof(NetworkBackupService).Assembly.GetName().Version)}},"payload":""";
        await output.WriteAsync(Encoding.UTF8.GetBytes(head), ct);
        string digest;
        await using (var hashing = new HashingStream(output))
        {
            await JsonSerializer.SerializeAsync(hashing, payload, BackupJson.Options, ct);
            digest = hashing.HexDigest();
        }
        await output.WriteAsync(Encoding.UTF8.GetBytes($$""","sha256":"{{digest}}"}"""), ct);
        await output.FlushAsync(ct);
    }

    /// <summary>The network's records with account ids turned into e-mail addresses and secrets left out.</summary>
    public async Task<NetworkBackupPayload?> LoadAsync(Guid networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId && n.DeletedAt == null, ct);
        if (network is null)
        {
            return null;
        }
        var members = await db.Memberships.AsNoTracking().Where(m => m.NetworkId == networkId)
            .Select(m => new { m.Id, m.UserId, m.Role, m.JoinedAt, m.User!.Email, m.User.DisplayName }).ToListAsync(ct);
        var payload = new NetworkBackupPayload
        {
            Network = new BackupNetwork
            {
                Id = network.Id, Name = network.Name, EventName = network.EventName, ShortDescription = network.ShortDescription,
                Language = network.Language, CreatedAt = network.CreatedAt, UpdatedAt = network.UpdatedAt,
            },
            Members = members.OrderBy(m => m.Email, StringComparer.Ordinal)
                .Select(m => new BackupMember { Id = m.Id, Email = m.Email ?? "", DisplayName = m.DisplayName, Role = m.Role, JoinedAt = m.JoinedAt }).ToList(),
            Logos = await db.NetworkLogos.AsNoTracking().Where(l => l.NetworkId == networkId).OrderBy(l => l.Order).ToListAsync(ct),
            Workbook = await db.Workbooks.AsNoTracking().SingleOrDefaultAsync(w => w.NetworkId == networkId, ct),
            Sections = await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Order).ThenBy(s => s.Key).ToListAsync(ct),
            Themes = await db.Themes.AsNoTracking().Where(t => t.NetworkId == networkId).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(ct),
            KeySolutions = await db.KeySolutions.AsNoTracking().Where(k => k.NetworkId == networkId).OrderBy(k => k.Order).ThenBy(k => k.Id).ToListAsync(ct),
            Actions = await db.Actions.AsNoTracking().Where(a => a.NetworkId == networkId).OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct),
            ActionComments = await db.ActionComments.AsNoTracking().Where(c => c.NetworkId == networkId).OrderBy(c => c.Id).ToListAsync(ct),
            LeadershipPlacements = await db.LeadershipPlacements.AsNoTracking().Where(p => p.NetworkId == networkId).OrderBy(p => p.Id).ToListAsync(ct),
            Clock = await db.NetworkClocks.AsNoTracking().SingleOrDefaultAsync(c => c.NetworkId == networkId, ct),
            ClockEvents = await db.ClockEvents.AsNoTracking().Where(e => e.NetworkId == networkId).OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToListAsync(ct),
            Actors = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId).OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct),
            Links = await db.Links.AsNoTracking().Where(l => l.NetworkId == networkId).OrderBy(l => l.Id).ToListAsync(ct),
            MapViews = await db.MapViews.AsNoTracking().Where(v => v.NetworkId == networkId).OrderBy(v => v.Order).ThenBy(v => v.Id).ToListAsync(ct),
            MapVersions = await db.MapVersions.AsNoTracking().Where(v => v.NetworkId == networkId).OrderBy(v => v.Id).ToListAsync(ct),
            SurveyLinks = await db.MapSurveyLinks.AsNoTracking().Where(l => l.NetworkId == networkId).OrderBy(l => l.Id).ToListAsync(ct),
            SurveyResponses = await db.MapSurveyResponses.AsNoTracking().Where(r => r.NetworkId == networkId).OrderBy(r => r.Id).ToListAsync(ct),
            AssessmentInstruments = await db.AssessmentInstruments.AsNoTracking().Where(i => i.NetworkId == networkId).OrderBy(i => i.Key).ToListAsync(ct),
            AssessmentRounds = await db.AssessmentRounds.AsNoTracking().Where(r => r.NetworkId == networkId).OrderBy(r => r.OpensOn).ThenBy(r => r.Id).ToListAsync(ct),
            AssessmentResponses = await db.AssessmentResponses.AsNoTracking().Where(r => r.NetworkId == networkId).OrderBy(r => r.Id).ToListAsync(ct),
            AuditTrail = await db.AuditEntries.AsNoTracking().Where(e => e.NetworkId == networkId).OrderBy(e => e.Id).ToListAsync(ct),
        };

        var userIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in Records(payload))
        {
            foreach (var p in Shape(record.GetType()).UserIds)
            {
                if (p.GetValue(record) is string id && id.Length > 0)
                {
                    userIds.Add(id);
                }
            }
        }
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(500))
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            {
                emails[u.Id] = u.Email ?? "";
            }
        }
        foreach (var record in Records(payload))
        {
            foreach (var p in Shape(record.GetType()).UserIds)
            {
                if (p.GetValue(record) is string id && id.Length > 0)
                {
                    p.SetValue(record, emails.GetValueOrDefault(id));
                }
            }
        }
        foreach (var comment in payload.ActionComments)
        {
            comment.UserId ??= "";
        }
        foreach (var link in payload.SurveyLinks)
        {
            // Only a hash is stored and it opens the link: it stays behind; the import makes a new one nobody knows.
            link.TokenHash = "";
        }
        foreach (var round in payload.AssessmentRounds)
        {
            // Like a survey link, a round's answer link stays behind; the import makes a new one nobody knows.
            round.LinkTokenHash = null;
        }
        foreach (var entry in payload.AuditTrail)
        {
            // The trail keeps its order; the numbers are the database's own.
            entry.Id = 0;
        }
        return payload;
    }

    /// <summary>Makes a new network of a checked backup in one transaction: new ids everywhere, references remapped.</summary>
    public async Task<ServiceResult<BackupImportResult>> ImportAsync(NetworkBackupPayload payload, BackupImportOptions options, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ids = new Dictionary<Guid, Guid> { [payload.Network.Id] = Guid.NewGuid() };
        foreach (var record in Records(payload))
        {
            if (Shape(record.GetType()).Id is { } idProperty && idProperty.GetValue(record) is Guid old && old != Guid.Empty && !ids.ContainsKey(old))
            {
                ids[old] = Guid.NewGuid();
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emails = payload.Members.Select(m => m.Email)
            .Concat(Records(payload).SelectMany(r => Shape(r.GetType()).UserIds.Select(p => p.GetValue(r) as string)))
            .Where(e => !string.IsNullOrEmpty(e)).Select(e => e!.ToUpperInvariant()).Distinct().ToList();
        var users = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in emails.Chunk(500))
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            {
                users[u.Email!] = u.Id;
            }
        }

        var networkId = ids[payload.Network.Id];
        var memberships = new List<Membership>();
        var ownerNames = new Dictionary<Guid, string>();
        foreach (var member in payload.Members)
        {
            ownerNames[member.Id] = member.DisplayName.Length > 0 ? member.DisplayName : member.Email;
            if (users.TryGetValue(member.Email, out var userId) && (options.RestoreMembers || userId == options.ImporterUserId))
            {
                memberships.Add(new Membership
                {
                    Id = ids[member.Id] = Guid.NewGuid(), NetworkId = networkId, UserId = userId,
                    Role = userId == options.ImporterUserId ? NetworkRole.Owner : member.Role, JoinedAt = member.JoinedAt.ToUniversalTime(),
                });
            }
        }
        if (options.ImporterUserId is { } importer && memberships.All(m => m.UserId != importer))
        {
            memberships.Add(new Membership { Id = Guid.NewGuid(), NetworkId = networkId, UserId = importer, Role = NetworkRole.Owner, JoinedAt = now });
        }
        if (memberships.All(m => m.Role != NetworkRole.Owner))
        {
            return ServiceResult<BackupImportResult>.Fail(BackupErrors.NoOwner);
        }

        foreach (var action in payload.Actions)
        {
            // A step owned by a member who did not come along keeps the owner's name as free text.
            if (action.OwnerMembershipId is { } owner && !ids.ContainsKey(owner))
            {
                action.OwnerName ??= ownerNames.GetValueOrDefault(owner);
                action.OwnerMembershipId = null;
            }
        }
                foreach (var record in Records(payload))
        {
            if (!Remap(record, ids, users))
            {
                return ServiceResult<BackupImportResult>.Fail(BackupErrors.Invalid);
            }
        }
        foreach (var comment in payload.ActionComments)
        {
            comment.UserId ??= "";
        }
        foreach (var link in payload.SurveyLinks)
        {
            link.TokenHash = SecretTokens.Hash(SecretTokens.New());
        }
        foreach (var round in payload.AssessmentRounds)
        {
            round.LinkTokenHash = round.ByLink ? SecretTokens.Hash(SecretTokens.New()) : null;
        }
        foreach (var entry in payload.AuditTrail)
        {
            entry.Id = 0;
        }

        db.Networks.Add(new Network
        {
            Id = networkId, Name = payload.Network.Name, EventName = payload.Network.EventName, ShortDescription = payload.Network.ShortDescription,
            Language = payload.Network.Language, CreatedAt = payload.Network.CreatedAt.ToUniversalTime(), UpdatedAt = payload.Network.UpdatedAt.ToUniversalTime(),
            Version = Guid.NewGuid(),
        });
        db.Memberships.AddRange(memberships);
        db.NetworkLogos.AddRange(payload.Logos);
        if (payload.Workbook is not null)
        {
            db.Workbooks.Add(payload.Workbook);
        }
        db.WorkbookSections.AddRange(payload.Sections);
        db.Themes.AddRange(payload.Themes);
        db.KeySolutions.AddRange(payload.KeySolutions);
        db.Actions.AddRange(payload.Actions);
        db.ActionComments.AddRange(payload.ActionComments);
        // A placement is one account's own view; without the account it cannot be kept.
        db.LeadershipPlacements.AddRange(payload.LeadershipPlacements.Where(p => !string.IsNullOrEmpty(p.UserId)));
        if (payload.Clock is not null)
        {
            db.NetworkClocks.Add(payload.Clock);
        }
        db.ClockEvents.AddRange(payload.ClockEvents);
        db.Actors.AddRange(payload.Actors);
        db.Links.AddRange(payload.Links);
        db.MapViews.AddRange(payload.MapViews);
        db.MapVersions.AddRange(payload.MapVersions);
        db.MapSurveyLinks.AddRange(payload.SurveyLinks);
        db.MapSurveyResponses.AddRange(payload.SurveyResponses);
        db.AssessmentInstruments.AddRange(payload.AssessmentInstruments);
        db.AssessmentRounds.AddRange(payload.AssessmentRounds);
        db.AssessmentResponses.AddRange(payload.AssessmentResponses);
        db.AuditEntries.AddRange(payload.AuditTrail);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A hand-made file that passes the checksum can still break a limit of the database; nothing is kept.
            return ServiceResult<BackupImportResult>.Fail(BackupErrors.Invalid);
        }
        return ServiceResult<BackupImportResult>.Success(new BackupImportResult(networkId, ids));
    }

    /// <summary>Every record of the payload that carries ids and account references, in one sequence.</summary>
    private static IEnumerable<object> Records(NetworkBackupPayload p)
    {
        IEnumerable<object?> all =
        [
            .. p.Logos, p.Workbook, .. p.Sections, .. p.Themes, .. p.KeySolutions, .. p.Actions, .. p.ActionComments,
            .. p.LeadershipPlacements, p.Clock, .. p.ClockEvents, .. p.Actors, .. p.Links, .. p.MapViews, .. p.MapVersions,
            .. p.SurveyLinks, .. p.SurveyResponses, .. p.AssessmentInstruments, .. p.AssessmentRounds, .. p.AssessmentResponses, .. p.AuditTrail,
        ];
        return all.OfType<object>();
    }

    /// <summary>New ids for the record and its references; e-mails back to account ids; ids inside JSON texts too.</summary>
    private static bool Remap(object record, Dictionary<Guid, Guid> ids, Dictionary<string, string> users)
    {
        var shape = Shape(record.GetType());
        foreach (var p in shape.Guids)
        {
            switch (p.GetValue(record))
            {
                case Guid old when ids.TryGetValue(old, out var replacement):
                    p.SetValue(record, replacement);
                    break;
                case Guid when p.PropertyType == typeof(Guid?):
                    // A reference to something outside the backup (a deleted record) cannot be kept.
                    p.SetValue(record, null);
                    break;
                case Guid:
                    return false;
            }
        }
        foreach (var p in shape.UserIds)
        {
            if (p.GetValue(record) is string email && email.Length > 0)
            {
                p.SetValue(record, users.GetValueOrDefault(email));
            }
        }
        foreach (var p in shape.Texts)
        {
            if (p.GetValue(record) is string text && text.Length >= 36)
            {
                p.SetValue(record, GuidPattern().Replace(text, m =>
                    Guid.TryParse(m.Value, out var g) && ids.TryGetValue(g, out var n) ? n.ToString() : m.Value));
            }
        }
        foreach (var p in shape.Times)
        {
            if (p.GetValue(record) is DateTimeOffset t)
            {
                p.SetValue(record, t.ToUniversalTime());
            }
        }
        return true;
    }

    private sealed record RecordShape(PropertyInfo? Id, PropertyInfo[] Guids, PropertyInfo[] UserIds, PropertyInfo[] Texts, PropertyInfo[] Times);

    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();

    /// <summary>
    /// What to rewrite in a record, by naming convention: <c>Id</c> and every <c>…Id</c> Guid is an identifier, every
    /// <c>…UserId</c> string an account, other strings may hold ids inside JSON (positions, snapshots, the trail).
    /// </summary>
    private static RecordShape Shape(Type type) => Shapes.GetOrAdd(type, t =>
    {
        var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite).ToArray();
        return new RecordShape(
            properties.SingleOrDefault(p => p.Name == "Id" && p.PropertyType == typeof(Guid)),
            properties.Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?))).ToArray(),
            properties.Where(p => p.Name.EndsWith("UserId", StringComparison.Ordinal) && p.PropertyType == typeof(string)).ToArray(),
            properties.Where(p => !p.Name.EndsWith("UserId", StringComparison.Ordinal) && p.PropertyType == typeof(string)).ToArray(),
            properties.Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)).ToArray());
    });

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
