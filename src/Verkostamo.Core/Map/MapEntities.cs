using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Map;

/// <summary>
/// An organisation, unit, person or group in the network's map and contact list (section 12).
/// An actor need not have an account.
/// </summary>
public class Actor : INetworkRecord
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Name { get; set; } = "";
    public ActorKind Kind { get; set; }
    public Sector Sector { get; set; }
    public Level Levels { get; set; }
    public ParticipationRole? RoleNow { get; set; }
    public ParticipationRole? RoleWanted { get; set; }

    /// <summary>The organisation a unit, person or group belongs to, as free text.</summary>
    public string? Organisation { get; set; }
    public string? ContactPerson { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public List<string> Tags { get; set; } = [];
    public string Notes { get; set; } = "";

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}

/// <summary>A tie between two actors (section 4), undirected unless <see cref="Directed"/> says it runs from source to target.</summary>
public class Link : INetworkRecord
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Guid SourceActorId { get; set; }
    public Guid TargetActorId { get; set; }
    public LinkStrength Strength { get; set; }
    public LinkMark Marks { get; set; }

    /// <summary>What flows along the link: information, customer referrals, joint development, funding, …</summary>
    public List<string> Kinds { get; set; } = [];
    public Level Levels { get; set; }
    public bool Directed { get; set; }
    public string Notes { get; set; } = "";

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}

/// <summary>A saved picture of the map: positions, filters and styling as JSON owned by the map editor.</summary>
public class MapView
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Name { get; set; } = "";
    public int Order { get; set; }

    /// <summary>Layout, colouring, shapes, filters and zoom (<see cref="MapViewSettings"/> as JSON).</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Actor positions by actor id as JSON: <c>{"&lt;id&gt;":{"x":0,"y":0}}</c>.</summary>
    public string PositionsJson { get; set; } = "{}";

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
}

public enum MapVersionReason
{
    Manual,
    Yearly,
    Evaluation,
    Import,
}

/// <summary>A dated, immutable snapshot of the map's actors and links (a <see cref="MapDocument"/> as JSON).</summary>
public class MapVersion
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Name { get; set; } = "";
    public MapVersionReason Reason { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public int ActorCount { get; set; }
    public int LinkCount { get; set; }
    public string SnapshotJson { get; set; } = "";
    public string? CreatedByUserId { get; set; }
}
