namespace Verkostamo.Core.Actions;

/// <summary>A member's comment on a step of the action plan.</summary>
public class ActionComment
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Guid ActionId { get; set; }
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}
