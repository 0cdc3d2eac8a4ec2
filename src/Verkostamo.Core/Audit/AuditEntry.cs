namespace Verkostamo.Core.Audit;

/// <summary>Who changed what and when, with the values before and after (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public Guid? NetworkId { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";

    /// <summary>Where in the network the change happened, e.g. <c>section:roles</c> or <c>theme:{id}</c>; read per section.</summary>
    public string? Scope { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
