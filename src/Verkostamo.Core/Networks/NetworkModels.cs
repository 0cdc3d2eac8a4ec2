namespace Verkostamo.Core.Networks;

public sealed record NetworkInput(string Name, string? EventName, string? ShortDescription, string? Language);

public sealed record NetworkSummary(Guid Id, string Name, string EventName, NetworkRole Role, int MemberCount);

public sealed record LogoInfo(Guid Id, string ContentType, string FileName, int Order);

public sealed record NetworkDetails(
    Guid Id, string Name, string EventName, string ShortDescription, string Language,
    Guid Version, NetworkRole Role, DateTimeOffset CreatedAt, IReadOnlyList<LogoInfo> Logos);

public sealed record DeletedNetwork(Guid Id, string Name, DateTimeOffset DeletedAt, DateTimeOffset PurgeAt);

public sealed record LogoContent(string ContentType, byte[] Content);
