namespace Verkostamo.Core.Accounts;

/// <summary>
/// One sign-in of a user (one browser cookie). Listed on the user's sign-ins page and revocable,
/// which is how "sign out everywhere" reaches cookies already issued.
/// </summary>
public class UserSession
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string UserAgent { get; set; } = "";
    public string IpAddress { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
}
