using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map.Import;

/// <summary>The network's live map as a file for anyone who may read the network.</summary>
public sealed class MapExportService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The file, named after the day it was taken (Helsinki time isn't needed: the date is only a hint); null without access.</summary>
    public async Task<MapFile?> ExportAsync(Guid networkId, string userId, MapFileFormat format, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var map = await MapSnapshot.LoadAsync(db, networkId, ct);
        return MapFileWriter.Write(Ordered(map), format, $"verkostokartta-{clock.GetUtcNow():yyyy-MM-dd}");
    }

    /// <summary>
    /// Links in the order of their actors' names, not of when they were made: links imported together share a time, and
    /// the same map must give the same file.
    /// </summary>
    public static MapDocument Ordered(MapDocument map)
    {
        var names = map.Actors.ToDictionary(a => a.Key, a => a.Name);
        return map with
        {
            Links = [.. map.Links.OrderBy(l => names[l.SourceKey], StringComparer.Ordinal).ThenBy(l => names[l.TargetKey], StringComparer.Ordinal)
                .ThenBy(l => l.Key, StringComparer.Ordinal)],
        };
    }
}
