using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Workbook;

/// <summary>A section's own texts; null or empty means "as in the template".</summary>
public sealed record SectionTextsInput(string? Title, string? Question, string? Intro);

public sealed record PlacementInput(int NowGoal, int NowShared, int WantedGoal, int WantedShared);

public sealed record PlacementView(string UserId, string Name, int NowGoal, int NowShared, int WantedGoal, int WantedShared, DateTimeOffset UpdatedAt);

/// <summary>A section as listed in the workbook's table of contents.</summary>
public sealed record SectionSummary(
    Guid Id, string Key, int Order, bool Hidden, bool IsCustom, SectionTemplate? Template,
    string? TitleOverride, int KeySolutions, int OpenActions, int Actions, bool Answered, DateTimeOffset? DeletedAt)
{
    public int Number => Template?.Number ?? 0;
    public int Part => Template?.Part ?? 1;
    public string TitleFor(string language) => TitleOverride ?? Template?.For(language).Title ?? Key;
}

public sealed record WorkbookView(Guid NetworkId, int TemplateVersion, NetworkRole Role, IReadOnlyList<SectionSummary> Sections)
{
    /// <summary>The sections of part 1 (template and custom) in the network's order, hidden ones included.</summary>
    public IEnumerable<SectionSummary> Part1 => Sections.Where(s => s.Part == 1 && s.DeletedAt is null).OrderBy(s => s.Order);
}

/// <summary>Everything a section page shows.</summary>
public sealed record SectionView(
    Guid Id, string Key, bool Hidden, bool IsCustom, SectionTemplate? Template,
    string? TitleOverride, string? QuestionOverride, string? IntroOverride, Guid TextsVersion,
    SectionFields Fields, Guid FieldsVersion, string Responsibilities, Guid ResponsibilitiesVersion,
    IReadOnlyList<KeySolutionView> KeySolutions, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<KeySolutionView> DeletedKeySolutions, IReadOnlyList<ActionView> DeletedActions,
    IReadOnlyList<PlacementView> Placements, IReadOnlyList<MemberOption> Members, NetworkRole Role,
    string? PreviousKey, string? NextKey)
{
    public string TitleFor(string language) => TitleOverride ?? Template?.For(language).Title ?? Key;
    public string QuestionFor(string language) => QuestionOverride ?? Template?.For(language).Question ?? "";
    public string IntroFor(string language) => IntroOverride ?? Template?.For(language).Intro ?? "";
    public SectionFieldsKind FieldsKind => Template?.Fields ?? SectionFieldsKind.None;
    public bool HasAnswerBlocks => IsCustom || Template?.HasAnswerBlocks == true;
    public bool CanEdit => Role >= NetworkRole.Member;
    public bool CanManage => Role >= NetworkRole.Facilitator;
    public bool HasOverrides => TitleOverride is not null || QuestionOverride is not null || IntroOverride is not null;

    /// <summary>The four learning phase names of section 10: the network's own, else the development phases of section 5.</summary>
    public IReadOnlyList<string> LearningPhasesFor(string language) =>
        Fields.LearningPhases is { Count: SectionFields.PhaseCount } own ? own : DefaultLearningPhases(language);

    public static IReadOnlyList<string> DefaultLearningPhases(string language) =>
        [.. WorkbookTemplate.Current.Find("development-cycle")!.For(language).Framework!.Rows.Select(r => r.Title)];
}
