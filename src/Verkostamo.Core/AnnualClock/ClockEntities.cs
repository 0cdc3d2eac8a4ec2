using Verkostamo.Core.Common;

namespace Verkostamo.Core.AnnualClock;

/// <summary>The rings of the annual clock; actions' due dates form a ring of their own from the action plan.</summary>
public enum ClockCategory
{
    DevelopmentPhase,
    LearningPhase,
    Forum,
    Evaluation,
    ThemeMilestone,
    Other,
}

public enum Recurrence
{
    None,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>
/// An event on the network's annual clock: a single day, a range of days, or recurring. Dates are calendar
/// dates and times are wall-clock times in Europe/Helsinki; an event without times lasts whole days.
/// </summary>
public class ClockEvent : INetworkRecord
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public ClockCategory Category { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The last day of a range (inclusive); null for a single day.</summary>
    public DateOnly? EndDate { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public Recurrence Recurrence { get; set; }

    /// <summary>Every n-th week, month, quarter or year.</summary>
    public int Interval { get; set; } = 1;
    public DateOnly? RecursUntil { get; set; }
    public int? RecurrenceCount { get; set; }

    /// <summary>The theme a milestone belongs to.</summary>
    public Guid? ThemeId { get; set; }

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}

/// <summary>Marks that a network's clock was set up with the default events, so deleting them all does not bring them back.</summary>
public class NetworkClock
{
    public Guid NetworkId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A secret calendar feed address: of one network, or personal (a person's actions and their networks' events).</summary>
public class CalendarFeed
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The network of a network feed; null for a personal feed.</summary>
    public Guid? NetworkId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
