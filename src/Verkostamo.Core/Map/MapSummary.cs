using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map;

/// <summary>An actor as the summary names it: the most connected, or one without links.</summary>
public sealed record MapSummaryActor(string Key, string Name, int Links, int StrongLinks);

/// <summary>
/// The shape of a map in numbers, for the text summary beside the tables (the accessible twin of the
/// picture): who is there by sector, kind and role, how strong the ties are, whether they cross sector
/// boundaries, how many separate parts the network falls into and who holds it together.
/// </summary>
public sealed record MapSummary
{
    public int Actors { get; init; }
    public int Links { get; init; }
    public int StrongLinks { get; init; }
    public int WeakLinks { get; init; }

    /// <summary>Links whose two actors belong to different sectors: the boundaries of section 3 being crossed.</summary>
    public int CrossSectorLinks { get; init; }

    /// <summary>Counts in the enums' order, every value present (zero where none).</summary>
    public IReadOnlyList<(Sector Sector, int Count)> BySector { get; init; } = [];
    public IReadOnlyList<(ActorKind Kind, int Count)> ByKind { get; init; } = [];
    public IReadOnlyList<(ParticipationRole Role, int Count)> ByRole { get; init; } = [];
    public int WithoutRole { get; init; }

    /// <summary>Connected parts of the network, counting each isolated actor as a part of its own.</summary>
    public int Components { get; init; }

    /// <summary>Actors in the largest connected part.</summary>
    public int LargestComponent { get; init; }
    public IReadOnlyList<MapSummaryActor> Isolated { get; init; } = [];

    /// <summary>The actors with the most links, most first (ties by name); only actors with links.</summary>
    public IReadOnlyList<MapSummaryActor> MostConnected { get; init; } = [];

    /// <summary>Summarises <paramref name="map"/>; links to unknown keys and self-links are left out as the map leaves them out.</summary>
    public static MapSummary Of(MapDocument map, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(map);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var actor in map.Actors)
        {
            index.TryAdd(actor.Key, index.Count);
        }
        var actors = map.Actors.DistinctBy(a => a.Key).ToList();
        var byKey = actors.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var all = new int[index.Count];
        var strong = new int[index.Count];
        var parent = Enumerable.Range(0, index.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
        int links = 0, strongLinks = 0, cross = 0;
        foreach (var link in map.Links)
        {
            if (link.SourceKey == link.TargetKey || !index.TryGetValue(link.SourceKey, out var s) || !index.TryGetValue(link.TargetKey, out var t))
            {
                continue;
            }
            links++;
            var isStrong = link.Strength == LinkStrength.Strong;
            strongLinks += isStrong ? 1 : 0;
            cross += byKey[link.SourceKey].Sector != byKey[link.TargetKey].Sector ? 1 : 0;
            foreach (var i in new[] { s, t })
            {
                all[i]++;
                strong[i] += isStrong ? 1 : 0;
            }
            parent[Find(s)] = Find(t);
        }
        var sizes = actors.GroupBy(a => Find(index[a.Key])).Select(g => g.Count()).ToList();
        MapSummaryActor Of(MapDocumentActor a) => new(a.Key, a.Name, all[index[a.Key]], strong[index[a.Key]]);
        return new MapSummary
        {
            Actors = actors.Count,
            Links = links,
            StrongLinks = strongLinks,
            WeakLinks = links - strongLinks,
            CrossSectorLinks = cross,
            BySector = [.. Enum.GetValues<Sector>().Select(v => (v, actors.Count(a => a.Sector == v)))],
            ByKind = [.. Enum.GetValues<ActorKind>().Select(v => (v, actors.Count(a => a.Kind == v)))],
            ByRole = [.. Enum.GetValues<ParticipationRole>().Select(v => (v, actors.Count(a => a.RoleNow == v)))],
            WithoutRole = actors.Count(a => a.RoleNow is null),
            Components = sizes.Count,
            LargestComponent = sizes.Count == 0 ? 0 : sizes.Max(),
            Isolated = [.. actors.Where(a => all[index[a.Key]] == 0).Select(Of).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)],
            MostConnected = [.. actors.Select(Of).Where(a => a.Links > 0)
                .OrderByDescending(a => a.Links).ThenByDescending(a => a.StrongLinks).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Take(top)],
        };
    }

    /// <summary>The live map as the lists of the actor and link services show it, for pages that already hold them.</summary>
    public static MapDocument DocumentOf(IEnumerable<ActorView> actors, IEnumerable<LinkView> links) => new(
        [.. actors.Select(a => new MapDocumentActor(MapSnapshot.KeyOf(a.Id), a.Name) { Kind = a.Kind, Sector = a.Sector, Levels = a.Levels, RoleNow = a.RoleNow, RoleWanted = a.RoleWanted })],
        [.. links.Select(l => new MapDocumentLink(MapSnapshot.KeyOf(l.SourceActorId), MapSnapshot.KeyOf(l.TargetActorId)) { Strength = l.Strength, Marks = l.Marks, Levels = l.Levels, Directed = l.Directed })]);
}
