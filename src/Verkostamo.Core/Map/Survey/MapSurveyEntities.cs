namespace Verkostamo.Core.Map.Survey;

/// <summary>A secret link by which an actor without an account tells whom it works with.</summary>
public class MapSurveyLink
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Guid ActorId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public enum MapSurveyStatus
{
    Pending,
    Merged,
    Rejected,
}

/// <summary>
/// One respondent's answer: whom they work with, how strongly and on what. It waits for a facilitator's
/// review and is merged into the map only then. A link or a member has at most one pending answer.
/// </summary>
public class MapSurveyResponse
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Guid? SurveyLinkId { get; set; }
    public string? UserId { get; set; }

    /// <summary>The actor answering, when it is one of the map's actors.</summary>
    public Guid? RespondentActorId { get; set; }

    /// <summary>The respondent's organisation as typed, when it is not (yet) on the map.</summary>
    public string? RespondentName { get; set; }

    /// <summary>The named partners (<see cref="SurveyEntry"/> list) as JSON.</summary>
    public string EntriesJson { get; set; } = "[]";
    public MapSurveyStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public Guid Version { get; set; }
}
