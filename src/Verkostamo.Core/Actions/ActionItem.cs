namespace Verkostamo.Core.Actions;

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// A step the network takes: a title, an owner, a due date and a status. It belongs to a workbook
/// section or a theme, so that every step lands in one action plan.
/// </summary>
public class ActionItem : Workbook.IAnswerItem
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Guid? SectionId { get; set; }
    public Guid? ThemeId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The member who owns the step, when the owner has an account.</summary>
    public Guid? OwnerMembershipId { get; set; }

    /// <summary>An owner without an account (an actor, a team) as free text.</summary>
    public string? OwnerName { get; set; }

    public DateOnly? DueDate { get; set; }
    public ActionStatus Status { get; set; }
    public string? Notes { get; set; }

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }

    public bool IsOpen => Status is ActionStatus.Planned or ActionStatus.InProgress;
    public bool IsOverdue(DateOnly today) => IsOpen && DueDate is { } due && due < today;
}
