namespace Verkostamo.Core.Map;

/// <summary>What an actor is: the map holds organisations, their units, people and groups alike.</summary>
public enum ActorKind
{
    Organisation,
    Unit,
    Person,
    Group,
}

/// <summary>Section 3: the sector an actor belongs to.</summary>
public enum Sector
{
    Public,
    Private,
    ThirdSector,
    Other,
}

/// <summary>Section 3: the levels of network work, from shared sense-making down to the customer interface.</summary>
[Flags]
public enum Level
{
    None = 0,
    SharedUnderstanding = 1,
    Advocacy = 2,
    Strategy = 4,
    ServicePath = 8,
    CustomerInterface = 16,
}

/// <summary>Section 4: strong links carry progress, weak links renewal.</summary>
public enum LinkStrength
{
    Strong,
    Weak,
}

/// <summary>
/// Section 4: the marks of a quality partnership. The first five describe a quality weak
/// partnership, the last seven a quality strong one.
/// </summary>
[Flags]
public enum LinkMark
{
    None = 0,

    // Quality weak partnership
    FlexibleRoles = 1 << 0,
    AdHocContact = 1 << 1,
    OpenMeetings = 1 << 2,
    VaryingChannels = 1 << 3,
    ContactWhenRemembered = 1 << 4,

    // Quality strong partnership
    AgreedRoles = 1 << 5,
    SharedForum = 1 << 6,
    ImpactMeasurement = 1 << 7,
    EstablishedCommunication = 1 << 8,
    SharedInformationSystems = 1 << 9,
    Contracts = 1 << 10,
    ContactAsAgreed = 1 << 11,
}

public static class MapVocabulary
{
    public const LinkMark WeakMarks = LinkMark.FlexibleRoles | LinkMark.AdHocContact | LinkMark.OpenMeetings
        | LinkMark.VaryingChannels | LinkMark.ContactWhenRemembered;

    public const LinkMark StrongMarks = LinkMark.AgreedRoles | LinkMark.SharedForum | LinkMark.ImpactMeasurement
        | LinkMark.EstablishedCommunication | LinkMark.SharedInformationSystems | LinkMark.Contracts | LinkMark.ContactAsAgreed;

    public const Level AllLevels = Level.SharedUnderstanding | Level.Advocacy | Level.Strategy | Level.ServicePath | Level.CustomerInterface;

    /// <summary>The single levels in the workbook's order.</summary>
    public static readonly IReadOnlyList<Level> Levels =
        [Level.SharedUnderstanding, Level.Advocacy, Level.Strategy, Level.ServicePath, Level.CustomerInterface];

    /// <summary>The single marks in the workbook's order, weak first.</summary>
    public static readonly IReadOnlyList<LinkMark> Marks = [.. Enum.GetValues<LinkMark>().Where(m => m != LinkMark.None)];

    public static IEnumerable<Level> Split(Level levels) => Levels.Where(l => levels.HasFlag(l));

    public static IEnumerable<LinkMark> Split(LinkMark marks) => Marks.Where(m => marks.HasFlag(m));
}
