namespace Verkostamo.Core.Accessibility;

/// <summary>Feedback sent from the accessibility statement page; read by administrators.</summary>
public class AccessibilityFeedback
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Message { get; set; } = "";
    public string Page { get; set; } = "";
    public string Contact { get; set; } = "";
    public string? UserId { get; set; }
    public bool Handled { get; set; }
}
