namespace Verkostamo.Core.Networks;

/// <summary>A collaboration network using the workspace; every other record belongs to exactly one.</summary>
public class Network
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string EventName { get; set; } = "";
    public string ShortDescription { get; set; } = "";

    /// <summary>The network's working language (fi, sv, en) used for its documents.</summary>
    public string Language { get; set; } = "fi";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when an owner moves the network to the bin; restorable for <see cref="NetworkService.BinRetention"/>.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }

    /// <summary>Optimistic concurrency token; changes on every update.</summary>
    public Guid Version { get; set; }

    public List<Membership> Memberships { get; set; } = [];
    public List<NetworkLogo> Logos { get; set; } = [];
}

public class NetworkLogo
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
