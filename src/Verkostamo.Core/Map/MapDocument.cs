using System.Text.Json;
using System.Text.Json.Serialization;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map;

/// <summary>
/// The map as plain data, independent of the database: what versions freeze, what the file formats
/// (CSV, XLSX, GraphML, GEXF) read and write, and what the analysis works on. Actors are identified by
/// <see cref="MapDocumentActor.Key"/> (our id, or the id in an imported file); links refer to those keys.
/// </summary>
public sealed record MapDocument(IReadOnlyList<MapDocumentActor> Actors, IReadOnlyList<MapDocumentLink> Links)
{
    public static readonly MapDocument Empty = new([], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MapDocument FromJson(string json) => JsonSerializer.Deserialize<MapDocument>(json, Json) ?? Empty;
}

public sealed record MapDocumentActor(string Key, string Name)
{
    public ActorKind Kind { get; init; } = ActorKind.Organisation;
    public Sector Sector { get; init; } = Sector.Other;
    public Level Levels { get; init; }
    public ParticipationRole? RoleNow { get; init; }
    public ParticipationRole? RoleWanted { get; init; }
    public string? Organisation { get; init; }
    public string? ContactPerson { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Notes { get; init; } = "";
}

public sealed record MapDocumentLink(string SourceKey, string TargetKey)
{
    /// <summary>The link's own id where the source has one; optional.</summary>
    public string? Key { get; init; }
    public LinkStrength Strength { get; init; } = LinkStrength.Weak;
    public LinkMark Marks { get; init; }
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public Level Levels { get; init; }
    public bool Directed { get; init; }
    public string Notes { get; init; } = "";
}
