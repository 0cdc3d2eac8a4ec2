namespace Verkostamo.Core.Networks;

/// <summary>
/// A single-use, expiring link to join a network. Only the SHA-256 of the token is stored, so a
/// database leak does not leak working links.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Network? Network { get; set; }
    public string TokenHash { get; set; } = "";
    public NetworkRole Role { get; set; }

    /// <summary>Optional: the invitee's e-mail, which makes the invitation show on their home page.</summary>
    public string? Email { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
