using Verkostamo.Core.Accounts;

namespace Verkostamo.Core.Networks;

/// <summary>Access levels inside one network, in increasing order of rights.</summary>
public enum NetworkRole
{
    Viewer = 0,
    Member = 1,
    Facilitator = 2,
    Owner = 3,
}

public class Membership
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Network? Network { get; set; }
    public string UserId { get; set; } = "";
    public User? User { get; set; }
    public NetworkRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
