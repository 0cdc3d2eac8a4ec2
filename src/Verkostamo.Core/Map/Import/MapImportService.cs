using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Map.Import;

public enum ImportChange
{
    Added,
    Updated,
    Unchanged,
}

/// <summary>What an import does to one actor: <paramref name="Fields"/> are the attributes it changes.</summary>
public sealed record ImportActorChange(string Key, string Name, ImportChange Change, Guid? ExistingId, IReadOnlyList<string> Fields);

public sealed record ImportLinkChange(string SourceName, string TargetName, ImportChange Change, IReadOnlyList<string> Fields);

/// <summary>What an import of a file will change (or changed), with the file's warnings and errors; nothing applies while there are errors.</summary>
public sealed record MapImportPreview(
    MapFileFormat Format, IReadOnlyList<ImportActorChange> Actors, IReadOnlyList<ImportLinkChange> Links,
    IReadOnlyList<MapFileMessage> Warnings, IReadOnlyList<MapFileMessage> Errors)
{
    public bool CanApply => Errors.Count == 0;
    public int ActorsAdded => Actors.Count(a => a.Change == ImportChange.Added);
    public int ActorsUpdated => Actors.Count(a => a.Change == ImportChange.Updated);
    public int ActorsUnchanged => Actors.Count(a => a.Change == ImportChange.Unchanged);
    public int LinksAdded => Links.Count(l => l.Change == ImportChange.Added);
    public int LinksUpdated => Links.Count(l => l.Change == ImportChange.Updated);
    public int LinksUnchanged => Links.Count(l => l.Change == ImportChange.Unchanged);
    public bool HasChanges => ActorsAdded + ActorsUpdated + LinksAdded + LinksUpdated > 0;
}

/// <summary>
/// Imports actors and links from a file into a network. File actors match the network's actors by id when the file kept
/// ours (an export of this network), otherwise by name (<see cref="MapComparer.NameKey"/>); links match by their pair of
/// actors in either direction. Only the attributes the file has are compared and written. Apply runs in one transaction:
/// on any error nothing changes.
/// </summary>
public sealed class MapImportService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock, MapImportLimits limits)
{
    public const string ImportInvalid = "ImportInvalid";

    /// <summary>What importing the file would change; NotFound or Forbidden (facilitators and owners import) without access.</summary>
    public Task<ServiceResult<MapImportPreview>> PreviewAsync(Guid networkId, string userId, Stream file, string fileName, CancellationToken ct = default) =>
        PreviewCoreAsync(networkId, userId, file, fileName, ct);

    public Task<ServiceResult<MapImportPreview>> ApplyAsync(Guid networkId, string userId, Stream file, string fileName, CancellationToken ct = default) =>
        ApplyCoreAsync(networkId, userId, file, fileName, ct);

    /// <summary>
    /// The command line's preview: it runs on the instance's own database as its administrator, so any live network
    /// may be named; the audit trail records no user.
    /// </summary>
    public Task<ServiceResult<MapImportPreview>> PreviewAsAdministratorAsync(Guid networkId, Stream file, string fileName, CancellationToken ct = default) =>
        PreviewCoreAsync(networkId, null, file, fileName, ct);

    /// <summary>The command line's import (see <see cref="PreviewAsAdministratorAsync"/>).</summary>
    public Task<ServiceResult<MapImportPreview>> ApplyAsAdministratorAsync(Guid networkId, Stream file, string fileName, CancellationToken ct = default) =>
        ApplyCoreAsync(networkId, null, file, fileName, ct);

    /// <summary>Facilitators and owners import; without a user (the command line) the network only has to exist.</summary>
    private static async Task<string?> DenialAsync(VerkostamoDbContext db, Guid networkId, string? userId, CancellationToken ct) =>
        userId is not null ? await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct)
        : await db.Networks.AnyAsync(n => n.Id == networkId && n.DeletedAt == null, ct) ? null : ErrorCodes.NotFound;

    private async Task<ServiceResult<MapImportPreview>> PreviewCoreAsync(Guid networkId, string? userId, Stream file, string fileName, CancellationToken ct)
    {
        var content = MapFileReader.Read(file, fileName, limits);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenialAsync(db, networkId, userId, ct) is { } denied)
        {
            return ServiceResult<MapImportPreview>.Fail(denied);
        }
        var plan = await PlanAsync(db, networkId, content, ct);
        return ServiceResult<MapImportPreview>.Success(plan.Preview);
    }

    /// <summary>Imports the file in one transaction with audit entries; with any error in the file the result carries the preview and <see cref="ImportInvalid"/>.</summary>
    private async Task<ServiceResult<MapImportPreview>> ApplyCoreAsync(Guid networkId, string? userId, Stream file, string fileName, CancellationToken ct)
    {
        var content = MapFileReader.Read(file, fileName, limits);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenialAsync(db, networkId, userId, ct) is { } denied)
        {
            return ServiceResult<MapImportPreview>.Fail(denied);
        }
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        var plan = await PlanAsync(db, networkId, content, ct);
        if (!plan.Preview.CanApply)
        {
            return new ServiceResult<MapImportPreview> { ErrorCode = ImportInvalid, Value = plan.Preview };
        }
        var now = clock.GetUtcNow();
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var step in plan.ActorSteps)
        {
            var actor = step.Existing;
            if (actor is null)
            {
                actor = new Actor { Id = Guid.NewGuid(), NetworkId = networkId, CreatedAt = now, CreatedByUserId = userId };
                ActorService.Apply(actor, step.Input);
                NetworkRecords.Touch(actor, userId, now);
                db.Actors.Add(actor);
                db.Audit(now, networkId, userId, nameof(Actor), actor.Id, "Created", after: ActorService.Snapshot(actor), scope: ActorService.Scope);
            }
            else if (step.Change == ImportChange.Updated)
            {
                var before = ActorService.Snapshot(actor);
                ActorService.Apply(actor, step.Input);
                NetworkRecords.Touch(actor, userId, now);
                db.Audit(now, networkId, userId, nameof(Actor), actor.Id, "Updated", before, ActorService.Snapshot(actor), ActorService.Scope);
            }
            ids[step.Key] = actor.Id;
        }
        foreach (var step in plan.LinkSteps)
        {
            var input = step.Input with { SourceActorId = ids[step.SourceKey], TargetActorId = ids[step.TargetKey] };
            var link = step.Existing;
            if (link is null)
            {
                link = new Link { Id = Guid.NewGuid(), NetworkId = networkId, CreatedAt = now, CreatedByUserId = userId };
                LinkService.Apply(link, input);
                NetworkRecords.Touch(link, userId, now);
                db.Links.Add(link);
                db.Audit(now, networkId, userId, nameof(Link), link.Id, "Created", after: LinkService.Snapshot(link), scope: ActorService.Scope);
            }
            else if (step.Change == ImportChange.Updated)
            {
                var before = LinkService.Snapshot(link);
                // An existing link keeps its own direction of source and target.
                LinkService.Apply(link, input with { SourceActorId = link.SourceActorId, TargetActorId = link.TargetActorId });
                NetworkRecords.Touch(link, userId, now);
                db.Audit(now, networkId, userId, nameof(Link), link.Id, "Updated", before, LinkService.Snapshot(link), ActorService.Scope);
            }
        }
        var p = plan.Preview;
        db.Audit(now, networkId, userId, "MapImport", networkId, "Imported", after: new
        {
            Format = p.Format.ToString(), p.ActorsAdded, p.ActorsUpdated, p.LinksAdded, p.LinksUpdated, Warnings = p.Warnings.Count,
        }, scope: ActorService.Scope);
        var saved = await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        return saved.Succeeded ? ServiceResult<MapImportPreview>.Success(p) : ServiceResult<MapImportPreview>.Fail(saved.ErrorCode!);
    }

    private sealed record ActorStep(string Key, ActorInput Input, Actor? Existing, ImportChange Change);

    private sealed record LinkStep(string SourceKey, string TargetKey, LinkInput Input, Link? Existing, ImportChange Change);

    private sealed record Plan(MapImportPreview Preview, IReadOnlyList<ActorStep> ActorSteps, IReadOnlyList<LinkStep> LinkSteps);

    private async Task<Plan> PlanAsync(VerkostamoDbContext db, Guid networkId, MapFileContent content, CancellationToken ct)
    {
        if (!content.Succeeded)
        {
            return new Plan(new MapImportPreview(content.Format, [], [], content.Warnings, content.Errors), [], []);
        }
        var errors = new List<MapFileMessage>();
        var actors = await db.Actors.Where(a => a.NetworkId == networkId && a.DeletedAt == null).ToListAsync(ct);
        var byId = actors.ToDictionary(a => a.Id);
        var byName = actors.GroupBy(a => MapComparer.NameKey(a.Name)).ToDictionary(g => g.Key, g => g.OrderBy(a => a.CreatedAt).First());
        var claimed = new Dictionary<Guid, string>();
        var actorSteps = new List<ActorStep>();
        var changes = new List<ImportActorChange>();
        foreach (var fileActor in content.Document.Actors)
        {
            var byKey = Guid.TryParse(fileActor.Key, out var id) ? byId.GetValueOrDefault(id) : null;
            var existing = byKey ?? byName.GetValueOrDefault(MapComparer.NameKey(fileActor.Name));
            if (existing is not null && !claimed.TryAdd(existing.Id, fileActor.Key))
            {
                // Two rows of the file would both become the same actor.
                errors.Add(new MapFileMessage(MapFileCodes.DuplicateId, new MapFileLocation(null, null, fileActor.Key), existing.Name));
                continue;
            }
            var fields = content.ActorFields.GetValueOrDefault(fileActor.Key);
            var input = ActorInputOf(fileActor, existing, fields, byKey is not null);
            var valid = ActorService.Validate(input);
            if (!valid.Succeeded)
            {
                errors.Add(new MapFileMessage(MapFileCodes.ValueInvalid, new MapFileLocation(null, null, fileActor.Key), valid.ErrorCode));
                continue;
            }
            var changed = existing is null ? [] : ActorDifferences(existing, valid.Value!);
            var change = existing is null ? ImportChange.Added : changed.Count > 0 ? ImportChange.Updated : ImportChange.Unchanged;
            actorSteps.Add(new ActorStep(fileActor.Key, valid.Value!, existing, change));
            changes.Add(new ImportActorChange(fileActor.Key, fileActor.Name, change, existing?.Id, changed));
        }
        var added = actorSteps.Count(s => s.Existing is null);
        var cap = Math.Min(ActorService.MaxActors, limits.MaxActors);
        if (actors.Count + added > cap)
        {
            errors.Add(new MapFileMessage(MapFileCodes.TooManyActors, null, cap.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var stepByKey = actorSteps.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var live = byId.Keys.ToHashSet();
        var links = await db.Links.Where(l => l.NetworkId == networkId && l.DeletedAt == null).ToListAsync(ct);
        var linkByPair = links.Where(l => live.Contains(l.SourceActorId) && live.Contains(l.TargetActorId))
            .GroupBy(l => Pair(l.SourceActorId, l.TargetActorId)).ToDictionary(g => g.Key, g => g.First());
        var linkSteps = new List<LinkStep>();
        var linkChanges = new List<ImportLinkChange>();
        for (var i = 0; i < content.Document.Links.Count; i++)
        {
            var fileLink = content.Document.Links[i];
            if (!stepByKey.TryGetValue(fileLink.SourceKey, out var source) || !stepByKey.TryGetValue(fileLink.TargetKey, out var target))
            {
                continue;
            }
            var existing = source.Existing is { } s && target.Existing is { } t ? linkByPair.GetValueOrDefault(Pair(s.Id, t.Id)) : null;
            if (source.Existing is { } a && target.Existing is { } b && a.Id == b.Id)
            {
                errors.Add(new MapFileMessage(MapFileCodes.SelfLink, new MapFileLocation(null, null, fileLink.Key), a.Name));
                continue;
            }
            var fields = i < content.LinkFields.Count ? content.LinkFields[i] : null;
            var input = LinkInputOf(fileLink, existing, fields);
            var changed = existing is null ? [] : LinkDifferences(existing, input);
            var change = existing is null ? ImportChange.Added : changed.Count > 0 ? ImportChange.Updated : ImportChange.Unchanged;
            linkSteps.Add(new LinkStep(fileLink.SourceKey, fileLink.TargetKey, input, existing, change));
            linkChanges.Add(new ImportLinkChange(source.Input.Name!, target.Input.Name!, change, changed));
        }
        var linkCap = Math.Min(LinkService.MaxLinks, limits.MaxLinks);
        if (linkByPair.Count + linkSteps.Count(s => s.Existing is null) > linkCap)
        {
            errors.Add(new MapFileMessage(MapFileCodes.TooManyLinks, null, linkCap.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var preview = new MapImportPreview(content.Format, changes, linkChanges, content.Warnings, errors);
        return new Plan(preview, actorSteps, linkSteps);
    }

    private static (Guid, Guid) Pair(Guid a, Guid b) => a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    /// <summary>
    /// The file's values for the attributes it has; the existing actor's for the rest. A name changes only when the actor
    /// matched by id: one matched by name keeps the spelling it has.
    /// </summary>
    private static ActorInput ActorInputOf(MapDocumentActor a, Actor? existing, IReadOnlySet<string>? fields, bool matchedById)
    {
        bool Has(string field) => existing is null || fields is null || fields.Contains(field);
        return new ActorInput(existing is null || (matchedById && Has(MapFileFields.Name)) ? a.Name : existing.Name)
        {
            Kind = Has(MapFileFields.Kind) ? a.Kind : existing!.Kind,
            Sector = Has(MapFileFields.Sector) ? a.Sector : existing!.Sector,
            Levels = Has(MapFileFields.Levels) ? a.Levels : existing!.Levels,
            RoleNow = Has(MapFileFields.RoleNow) ? a.RoleNow : existing!.RoleNow,
            RoleWanted = Has(MapFileFields.RoleWanted) ? a.RoleWanted : existing!.RoleWanted,
            Organisation = Has(MapFileFields.Organisation) ? a.Organisation : existing!.Organisation,
            ContactPerson = Has(MapFileFields.ContactPerson) ? a.ContactPerson : existing!.ContactPerson,
            Email = Has(MapFileFields.Email) ? a.Email : existing!.Email,
            Phone = Has(MapFileFields.Phone) ? a.Phone : existing!.Phone,
            Website = Has(MapFileFields.Website) ? a.Website : existing!.Website,
            Tags = Has(MapFileFields.Tags) ? a.Tags : existing!.Tags,
            Notes = Has(MapFileFields.Notes) ? a.Notes : existing!.Notes,
        };
    }

    private static LinkInput LinkInputOf(MapDocumentLink l, Link? existing, IReadOnlySet<string>? fields)
    {
        bool Has(string field) => existing is null || fields is null || fields.Contains(field);
        return new LinkInput(Guid.Empty, Guid.Empty)
        {
            Strength = Has(MapFileFields.Strength) ? l.Strength : existing!.Strength,
            Marks = Has(MapFileFields.Marks) ? l.Marks : existing!.Marks,
            Kinds = ActorService.CleanTags(Has(MapFileFields.Kinds) ? l.Kinds : existing!.Kinds) ?? [],
            Levels = Has(MapFileFields.Levels) ? l.Levels : existing!.Levels,
            Directed = Has(MapFileFields.Directed) ? l.Directed : existing!.Directed,
            Notes = (Has(MapFileFields.Notes) ? l.Notes : existing!.Notes).Trim().ReplaceLineEndings("\n"),
        };
    }

    private static List<string> ActorDifferences(Actor e, ActorInput n)
    {
        var changed = new List<string>();
        void Check(string field, bool differs)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }
        Check(MapFileFields.Name, e.Name != n.Name);
        Check(MapFileFields.Kind, e.Kind != n.Kind);
        Check(MapFileFields.Sector, e.Sector != n.Sector);
        Check(MapFileFields.Levels, e.Levels != n.Levels);
        Check(MapFileFields.RoleNow, e.RoleNow != n.RoleNow);
        Check(MapFileFields.RoleWanted, e.RoleWanted != n.RoleWanted);
        Check(MapFileFields.Organisation, e.Organisation != n.Organisation);
        Check(MapFileFields.ContactPerson, e.ContactPerson != n.ContactPerson);
        Check(MapFileFields.Email, e.Email != n.Email);
        Check(MapFileFields.Phone, e.Phone != n.Phone);
        Check(MapFileFields.Website, e.Website != n.Website);
        Check(MapFileFields.Tags, !e.Tags.SequenceEqual(n.Tags ?? []));
        Check(MapFileFields.Notes, e.Notes != (n.Notes ?? ""));
        return changed;
    }

    private static List<string> LinkDifferences(Link e, LinkInput n)
    {
        var changed = new List<string>();
        void Check(string field, bool differs)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }
        Check(MapFileFields.Strength, e.Strength != n.Strength);
        Check(MapFileFields.Marks, e.Marks != n.Marks);
        Check(MapFileFields.Kinds, !e.Kinds.SequenceEqual(n.Kinds ?? []));
        Check(MapFileFields.Levels, e.Levels != n.Levels);
        Check(MapFileFields.Directed, e.Directed != n.Directed);
        Check(MapFileFields.Notes, e.Notes != (n.Notes ?? ""));
        return changed;
    }
}
