using System.Text.Json;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Workbook;

/// <summary>
/// What a section records besides the common answer blocks; which properties apply depends on the
/// section's <see cref="SectionFieldsKind"/>. Stored as JSON on the section.
/// </summary>
public sealed record SectionFields
{
    public const int PhaseCount = 4;
    public const int CoverAnswerCount = 3;

    // Section 1
    public string? ShortDescription { get; init; }
    public string? ActorsDescription { get; init; }

    // Section 5
    public int? CurrentPhase { get; init; }
    public string? PhaseNote { get; init; }

    // Section 6: the shared reflection on the placements
    public string? LeadershipNote { get; init; }

    // Section 7
    public IReadOnlyList<RoleUse>? Roles { get; init; }

    // Section 10
    public IReadOnlyList<string>? LearningPhases { get; init; }

    // Cover
    public IReadOnlyList<string>? CoverAnswers { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static SectionFields FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new SectionFields() : JsonSerializer.Deserialize<SectionFields>(json, Json) ?? new SectionFields();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>True when nothing has been filled in.</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(ShortDescription) && string.IsNullOrWhiteSpace(ActorsDescription)
        && CurrentPhase is null && string.IsNullOrWhiteSpace(PhaseNote) && string.IsNullOrWhiteSpace(LeadershipNote)
        && (Roles is null || Roles.All(r => !r.InUse && string.IsNullOrWhiteSpace(r.Holders)))
        && (LearningPhases is null || LearningPhases.All(string.IsNullOrWhiteSpace))
        && (CoverAnswers is null || CoverAnswers.All(string.IsNullOrWhiteSpace));

    /// <summary>Trims and keeps only what <paramref name="kind"/> records; null when the input is invalid.</summary>
    internal static ServiceResult<SectionFields> Normalize(SectionFieldsKind kind, SectionFields input)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        static bool TooLong(string? s, int max) => (s?.Trim().Length ?? 0) > max;

        switch (kind)
        {
            case SectionFieldsKind.Definition:
                if (TooLong(input.ShortDescription, TextLimits.Description) || TooLong(input.ActorsDescription, TextLimits.Description))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.TextTooLong);
                }
                return ServiceResult<SectionFields>.Success(new() { ShortDescription = Clean(input.ShortDescription), ActorsDescription = Clean(input.ActorsDescription) });
            case SectionFieldsKind.DevelopmentPhase:
                if (input.CurrentPhase is < 1 or > PhaseCount)
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.PhaseInvalid);
                }
                if (TooLong(input.PhaseNote, TextLimits.Description))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.TextTooLong);
                }
                return ServiceResult<SectionFields>.Success(new() { CurrentPhase = input.CurrentPhase, PhaseNote = Clean(input.PhaseNote) });
            case SectionFieldsKind.Leadership:
                if (TooLong(input.LeadershipNote, TextLimits.Description))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.TextTooLong);
                }
                return ServiceResult<SectionFields>.Success(new() { LeadershipNote = Clean(input.LeadershipNote) });
            case SectionFieldsKind.Roles:
                var roles = input.Roles ?? [];
                if (roles.Any(r => !Enum.IsDefined(r.Role)) || roles.Select(r => r.Role).Distinct().Count() != roles.Count)
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.RoleNotAllowed);
                }
                if (roles.Any(r => TooLong(r.Holders, TextLimits.ShortText * 5)))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.TextTooLong);
                }
                return ServiceResult<SectionFields>.Success(new()
                {
                    Roles = [.. Enum.GetValues<ParticipationRole>().Select(role =>
                        roles.FirstOrDefault(r => r.Role == role) is { } r ? r with { Holders = Clean(r.Holders) } : new RoleUse(role, false, null))],
                });
            case SectionFieldsKind.LearningPhases:
                var phases = input.LearningPhases ?? [];
                if (phases.Count != PhaseCount || phases.Any(string.IsNullOrWhiteSpace))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.PhaseNamesRequired);
                }
                if (phases.Any(p => TooLong(p, TextLimits.ShortText)))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.TextTooLong);
                }
                return ServiceResult<SectionFields>.Success(new() { LearningPhases = [.. phases.Select(p => p.Trim())] });
            case SectionFieldsKind.Cover:
                var answers = input.CoverAnswers ?? [];
                if (answers.Count > CoverAnswerCount || answers.Any(a => TooLong(a, TextLimits.Description)))
                {
                    return ServiceResult<SectionFields>.Fail(ErrorCodes.TextTooLong);
                }
                return ServiceResult<SectionFields>.Success(new()
                {
                    CoverAnswers = [.. Enumerable.Range(0, CoverAnswerCount).Select(i => i < answers.Count ? Clean(answers[i]) ?? "" : "")],
                });
            default:
                return ServiceResult<SectionFields>.Fail(ErrorCodes.NotFound);
        }
    }
}

public sealed record RoleUse(ParticipationRole Role, bool InUse, string? Holders);
