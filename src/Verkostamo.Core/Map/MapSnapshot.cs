using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Map;

/// <summary>Reads a network's live map (not deleted actors, and links whose both ends are live) as plain data.</summary>
public static class MapSnapshot
{
    public static string KeyOf(Guid id) => id.ToString("D");

    public static async Task<MapDocument> LoadAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var actors = await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId && a.DeletedAt == null)
            .OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct);
        var live = actors.Select(a => a.Id).ToHashSet();
        var links = await db.Links.AsNoTracking().Where(l => l.NetworkId == networkId && l.DeletedAt == null)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync(ct);
        return new MapDocument(
            [.. actors.Select(ToDocument)],
            [.. links.Where(l => live.Contains(l.SourceActorId) && live.Contains(l.TargetActorId)).Select(ToDocument)]);
    }

    public static MapDocumentActor ToDocument(Actor a) => new(KeyOf(a.Id), a.Name)
    {
        Kind = a.Kind,
        Sector = a.Sector,
        Levels = a.Levels,
        RoleNow = a.RoleNow,
        RoleWanted = a.RoleWanted,
        Organisation = a.Organisation,
        ContactPerson = a.ContactPerson,
        Email = a.Email,
        Phone = a.Phone,
        Website = a.Website,
        Tags = [.. a.Tags],
        Notes = a.Notes,
    };

    public static MapDocumentLink ToDocument(Link l) => new(KeyOf(l.SourceActorId), KeyOf(l.TargetActorId))
    {
        Key = KeyOf(l.Id),
        Strength = l.Strength,
        Marks = l.Marks,
        Kinds = [.. l.Kinds],
        Levels = l.Levels,
        Directed = l.Directed,
        Notes = l.Notes,
    };
}
