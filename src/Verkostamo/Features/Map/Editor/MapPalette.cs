using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;

namespace Verkostamo.Features.Map.Editor;

/// <summary>One category an actor falls into for colour or shape, with the resource key of its name.</summary>
public sealed record MapCategory(string Key, string LabelKey, int Index);

/// <summary>
/// The map's colours and shapes, decided here once so that the canvas and the HTML legend cannot disagree.
/// Colours are told apart by shape as well, never by colour alone.
/// </summary>
public static class MapPalette
{
    private static readonly string[] Colours = ["#1f6fb5", "#c2571a", "#2a8a4a", "#7a5ea8", "#9a6b00", "#b8322a"];
    public const string NoneColour = "#8a8a8a";
    private static readonly string[] Shapes = ["ellipse", "round-rectangle", "diamond", "triangle", "hexagon", "star"];

    public static IReadOnlyList<MapCategory> Categories(MapStyleBy by) => by switch
    {
        MapStyleBy.Sector => [.. Enum.GetValues<Sector>().Select((s, i) => new MapCategory(s.ToString(), "Map.Sector." + s, i))],
        MapStyleBy.Role => [.. Enum.GetValues<ParticipationRole>().Select((r, i) => new MapCategory(r.ToString(), "Participation." + r, i)),
            new MapCategory("None", "Map.Role.None", -1)],
        MapStyleBy.Level => [.. MapVocabulary.Levels.Select((l, i) => new MapCategory(l.ToString(), "Map.Level." + l, i)),
            new MapCategory("None", "MapEditor.Level.None", -1)],
        _ => [.. Enum.GetValues<ActorKind>().Select((k, i) => new MapCategory(k.ToString(), "Map.Kind." + k, i))],
    };

    public static MapCategory CategoryOf(MapStyleBy by, ActorKind kind, Sector sector, ParticipationRole? role, Level levels)
    {
        var key = by switch
        {
            MapStyleBy.Sector => sector.ToString(),
            MapStyleBy.Role => role?.ToString() ?? "None",
            MapStyleBy.Level => FirstLevel(levels)?.ToString() ?? "None",
            _ => kind.ToString(),
        };
        return Categories(by).First(c => c.Key == key);
    }

    public static Level? FirstLevel(Level levels) => MapVocabulary.Levels.Cast<Level?>().FirstOrDefault(l => (levels & l!.Value) != 0);

    /// <summary>Communities are numbered, not named; the colours repeat after six and the legend numbers them.</summary>
    public static string CommunityColour(int community) => Colours[community % Colours.Length];

    /// <summary>Node size in pixels for a metric value: 18 for zero up to 60 for the largest value on the map.</summary>
    public static double Size(double value, double max) =>
        max <= 0 || double.IsNaN(value) ? 18 : Math.Round(18 + 42 * Math.Clamp(value / max, 0, 1), 1);

    public static string Colour(MapCategory c) => c.Index < 0 ? NoneColour : Colours[c.Index % Colours.Length];

    public static string Shape(MapCategory c) => c.Index < 0 ? Shapes[^1] : Shapes[c.Index % (Shapes.Length - 1)];

    /// <summary>Locomotives in the centre of the concentric layout, actors without a role outermost.</summary>
    public static int RoleRank(ParticipationRole? role) => role is { } r ? 4 - (int)r : 0;
}
