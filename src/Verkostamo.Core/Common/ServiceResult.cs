namespace Verkostamo.Core.Common;

/// <summary>
/// Outcome of a Core operation. Errors carry a stable code that the host turns into a localised
/// message (resource key <c>Error.{Code}</c>), so Core never holds UI text.
/// </summary>
public record ServiceResult
{
    public string? ErrorCode { get; init; }
    public bool Succeeded => ErrorCode is null;

    public static ServiceResult Ok { get; } = new();
    public static ServiceResult Fail(string code) => new() { ErrorCode = code };
}

public sealed record ServiceResult<T> : ServiceResult
{
    public T? Value { get; init; }

    public static ServiceResult<T> Success(T value) => new() { Value = value };
    public static new ServiceResult<T> Fail(string code) => new() { ErrorCode = code };
}

/// <summary>Stable error codes shared by services, API problem responses and UI resources.</summary>
public static class ErrorCodes
{
    public const string NameRequired = "NameRequired";
    public const string NameTooLong = "NameTooLong";
    public const string TextTooLong = "TextTooLong";
    public const string LanguageUnsupported = "LanguageUnsupported";
    public const string NotFound = "NotFound";
    public const string Forbidden = "Forbidden";
    public const string ConcurrencyConflict = "ConcurrencyConflict";
    public const string LastOwner = "LastOwner";
    public const string InvitationInvalid = "InvitationInvalid";
    public const string InvitationExpired = "InvitationExpired";
    public const string InvitationUsed = "InvitationUsed";
    public const string AlreadyMember = "AlreadyMember";
    public const string RoleNotAllowed = "RoleNotAllowed";
    public const string ExpiryOutOfRange = "ExpiryOutOfRange";
    public const string EmailInvalid = "EmailInvalid";
    public const string LogoEmpty = "LogoEmpty";
    public const string LogoTooLarge = "LogoTooLarge";
    public const string LogoWrongType = "LogoWrongType";
    public const string LogoLimit = "LogoLimit";
    public const string RestoreExpired = "RestoreExpired";
    public const string MessageRequired = "MessageRequired";
    public const string OwnsNetworks = "OwnsNetworks";
    public const string TextRequired = "TextRequired";
    public const string TitleRequired = "TitleRequired";
    public const string DateInvalid = "DateInvalid";
    public const string StatusInvalid = "StatusInvalid";
    public const string OwnerInvalid = "OwnerInvalid";
    public const string PhaseInvalid = "PhaseInvalid";
    public const string PhaseNamesRequired = "PhaseNamesRequired";
    public const string PlacementInvalid = "PlacementInvalid";
    public const string SectionNotCustom = "SectionNotCustom";
    public const string SectionLimit = "SectionLimit";
    public const string ThemeArchived = "ThemeArchived";
    public const string EndBeforeStart = "EndBeforeStart";
    public const string RangeTooLong = "RangeTooLong";
    public const string TimeInvalid = "TimeInvalid";
    public const string IntervalInvalid = "IntervalInvalid";
    public const string RecurrenceEndless = "RecurrenceEndless";
    public const string RecurrenceCountInvalid = "RecurrenceCountInvalid";
    public const string RecurrenceUntilInvalid = "RecurrenceUntilInvalid";
    public const string RecurrenceDayInvalid = "RecurrenceDayInvalid";
    public const string ValueInvalid = "ValueInvalid";
    public const string TagInvalid = "TagInvalid";
    public const string ActorInvalid = "ActorInvalid";
    public const string SelfLink = "SelfLink";
    public const string LinkExists = "LinkExists";
    public const string ActorLimit = "ActorLimit";
    public const string SurveyEmpty = "SurveyEmpty";
    public const string SurveyDuplicate = "SurveyDuplicate";
    public const string SurveyTooLarge = "SurveyTooLarge";
    public const string MergeInvalid = "MergeInvalid";
    public const string RoundClosed = "RoundClosed";
}
