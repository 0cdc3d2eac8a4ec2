using Verkostamo.Core.Accounts;

namespace Verkostamo.Core.Assessments;

public enum AssessmentItemKind
{
    /// <summary>A statement answered from 1 (not at all) to 5 (fully).</summary>
    Scale,

    /// <summary>One option of a list.</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,
}

public enum InstrumentKind
{
    /// <summary>A list of items, each charted on its own.</summary>
    Items,

    /// <summary>The leadership 2×2: four scale items (now x/y, wanted x/y) charted as placements with arrows.</summary>
    Leadership,
}

/// <summary>One question of an instrument. Texts are by language code (fi, sv, en).</summary>
public sealed record AssessmentItem(string Key, AssessmentItemKind Kind, IReadOnlyDictionary<string, string> Text)
{
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Options { get; init; } = [];

    /// <summary>The highest value an answer may take: 5 on a scale, the number of options on a choice.</summary>
    public int MaxValue => Kind == AssessmentItemKind.Scale ? AssessmentScoring.ScaleMax : Options.Count;

    public string TextIn(string language) => Localized.Pick(Text, language);
}

/// <summary>An instrument: a titled set of items tied to a workbook section.</summary>
public sealed record InstrumentDefinition(string Key, InstrumentKind Kind, string? SectionKey, IReadOnlyDictionary<string, string> Title, IReadOnlyList<AssessmentItem> Items)
{
    public string TitleIn(string language) => Localized.Pick(Title, language);

    public AssessmentItem? Find(string itemKey) => Items.FirstOrDefault(i => i.Key == itemKey);
}

internal static class Localized
{
    public static string Pick(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && text.Length > 0 ? text
        : texts.TryGetValue(Languages.Default, out var fi) && fi.Length > 0 ? fi
        : texts.Values.FirstOrDefault(t => t.Length > 0) ?? "";
}
