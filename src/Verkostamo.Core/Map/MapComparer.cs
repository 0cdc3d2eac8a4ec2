using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map;

public sealed record ActorChange<T>(string Key, string Name, T Before, T After);

public sealed record LinkChange(string SourceKey, string TargetKey, string SourceName, string TargetName, LinkStrength Before, LinkStrength After);

public sealed record LinkRef(string SourceKey, string TargetKey, string SourceName, string TargetName, LinkStrength Strength);

/// <summary>What changed from one map to another; actor keys are those of the newer map where an actor is in both.</summary>
public sealed record MapComparison(
    IReadOnlyList<MapDocumentActor> AddedActors,
    IReadOnlyList<MapDocumentActor> RemovedActors,
    IReadOnlyList<LinkRef> AddedLinks,
    IReadOnlyList<LinkRef> RemovedLinks,
    IReadOnlyList<LinkChange> StrengthChanges,
    IReadOnlyList<ActorChange<ParticipationRole?>> RoleChanges,
    IReadOnlyList<ActorChange<Sector>> SectorChanges,
    int ActorsBefore, int ActorsAfter, int LinksBefore, int LinksAfter)
{
    public bool HasChanges => AddedActors.Count + RemovedActors.Count + AddedLinks.Count + RemovedLinks.Count
        + StrengthChanges.Count + RoleChanges.Count + SectorChanges.Count > 0;
}

/// <summary>
/// Compares two maps. Actors match by key, or by name (case- and space-insensitive) when the keys differ, so
/// that a map rebuilt from a file still compares with its earlier self. Links match by their unordered pair of actors.
/// </summary>
public static class MapComparer
{
    public static MapComparison Compare(MapDocument before, MapDocument after)
    {
        var afterByKey = after.Actors.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First());
        var afterByName = after.Actors.GroupBy(a => NameKey(a.Name)).ToDictionary(g => g.Key, g => g.First());

        // Map every actor of the earlier map to its counterpart's key in the later map.
        var matched = new Dictionary<string, MapDocumentActor>();
        var removed = new List<MapDocumentActor>();
        foreach (var a in before.Actors)
        {
            var counterpart = afterByKey.GetValueOrDefault(a.Key) ?? afterByName.GetValueOrDefault(NameKey(a.Name));
            if (counterpart is null)
            {
                removed.Add(a);
            }
            else
            {
                matched[a.Key] = counterpart;
            }
        }
        var matchedAfter = matched.Values.Select(a => a.Key).ToHashSet();
        var added = after.Actors.Where(a => !matchedAfter.Contains(a.Key)).ToList();

        var roleChanges = new List<ActorChange<ParticipationRole?>>();
        var sectorChanges = new List<ActorChange<Sector>>();
        foreach (var a in before.Actors)
        {
            if (!matched.TryGetValue(a.Key, out var b))
            {
                continue;
            }
            if (a.RoleNow != b.RoleNow)
            {
                roleChanges.Add(new(b.Key, b.Name, a.RoleNow, b.RoleNow));
            }
            if (a.Sector != b.Sector)
            {
                sectorChanges.Add(new(b.Key, b.Name, a.Sector, b.Sector));
            }
        }

        var beforeNames = before.Actors.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Name);
        var afterNames = after.Actors.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Name);
        // Earlier links translated into the later map's keys; a link to a removed actor keeps its own keys.
        string Translate(string key) => matched.TryGetValue(key, out var b) ? b.Key : "\u0001" + key;
        var beforeLinks = Distinct(before.Links, l => Pair(Translate(l.SourceKey), Translate(l.TargetKey)));
        var afterLinks = Distinct(after.Links, l => Pair(l.SourceKey, l.TargetKey));

        LinkRef Ref(MapDocumentLink l, Dictionary<string, string> names) =>
            new(l.SourceKey, l.TargetKey, names.GetValueOrDefault(l.SourceKey, l.SourceKey), names.GetValueOrDefault(l.TargetKey, l.TargetKey), l.Strength);

        var addedLinks = afterLinks.Where(kv => !beforeLinks.ContainsKey(kv.Key)).Select(kv => Ref(kv.Value, afterNames)).ToList();
        var removedLinks = beforeLinks.Where(kv => !afterLinks.ContainsKey(kv.Key)).Select(kv => Ref(kv.Value, beforeNames)).ToList();
        var strengthChanges = afterLinks.Where(kv => beforeLinks.TryGetValue(kv.Key, out var old) && old.Strength != kv.Value.Strength)
            .Select(kv => new LinkChange(kv.Value.SourceKey, kv.Value.TargetKey, afterNames.GetValueOrDefault(kv.Value.SourceKey, kv.Value.SourceKey),
                afterNames.GetValueOrDefault(kv.Value.TargetKey, kv.Value.TargetKey), beforeLinks[kv.Key].Strength, kv.Value.Strength))
            .ToList();

        return new MapComparison(
            [.. added.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. removed.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. addedLinks.OrderBy(l => l.SourceName, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.TargetName, StringComparer.CurrentCultureIgnoreCase)],
            [.. removedLinks.OrderBy(l => l.SourceName, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.TargetName, StringComparer.CurrentCultureIgnoreCase)],
            [.. strengthChanges.OrderBy(l => l.SourceName, StringComparer.CurrentCultureIgnoreCase)],
            [.. roleChanges.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. sectorChanges.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)],
            before.Actors.Count, after.Actors.Count, before.Links.Count, after.Links.Count);
    }

    /// <summary>A name as compared across versions: trimmed, inner spaces collapsed, case-insensitive.</summary>
    public static string NameKey(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static Dictionary<(string, string), MapDocumentLink> Distinct(IEnumerable<MapDocumentLink> links, Func<MapDocumentLink, (string, string)> key)
    {
        var result = new Dictionary<(string, string), MapDocumentLink>();
        foreach (var link in links)
        {
            result.TryAdd(key(link), link);
        }
        return result;
    }
}
