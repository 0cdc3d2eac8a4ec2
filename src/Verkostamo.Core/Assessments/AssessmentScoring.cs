namespace Verkostamo.Core.Assessments;

/// <summary>One respondent's answers: numbers for scale and choice items, texts for open ones, keyed "instrument/item".</summary>
public sealed record AnswerSet
{
    public Dictionary<string, int> Values { get; init; } = [];
    public Dictionary<string, string> Texts { get; init; } = [];

    public static string Key(string instrument, string item) => instrument + "/" + item;

    public bool IsEmpty => Values.Count == 0 && Texts.Count == 0;
}

/// <summary>Whose answers the results cover: everyone, or a subgroup by channel and/or by one choice answer.</summary>
public sealed record AssessmentFilter(RespondentChannel? Channel = null, string? ItemKey = null, int? Value = null)
{
    public static AssessmentFilter All { get; } = new();

    public bool IsAll => Channel is null && (ItemKey is null || Value is null);
}

public enum RespondentChannel
{
    Members,
    Link,
}

/// <summary>A scored respondent: the channel they answered through and their answers — never who they are.</summary>
public sealed record ScoredAnswer(RespondentChannel Channel, AnswerSet Answers);

public sealed record ItemResult(string ItemKey, AssessmentItemKind Kind, int Count, double? Mean, IReadOnlyList<int> Distribution, IReadOnlyList<string> Texts, bool Hidden);

/// <summary>One respondent's 2×2 placement, now and wanted, on the 1–5 axes.</summary>
public sealed record Placement(int NowX, int NowY, int WantedX, int WantedY);

public sealed record InstrumentResult(InstrumentDefinition Instrument, IReadOnlyList<ItemResult> Items, IReadOnlyList<Placement> Placements, bool PlacementsHidden);

/// <summary>
/// Results of one group of respondents. <see cref="Hidden"/> when fewer than the threshold answered; then no
/// item carries any number but the count of respondents.
/// </summary>
public sealed record GroupResults(int Respondents, int Threshold, bool Hidden, IReadOnlyList<InstrumentResult> Instruments);

/// <summary>
/// Scoring with the anonymity threshold. Every group — the whole round, a filtered subgroup, an export — goes
/// through <see cref="Score"/>, so no path shows a number from fewer respondents than the threshold.
/// </summary>
public static class AssessmentScoring
{
    public const int MinimumThreshold = 3;
    public const int MaxThreshold = 50;
    public const int ScaleMax = 5;

    /// <summary>The threshold in force: never below <see cref="MinimumThreshold"/>, whatever is stored.</summary>
    public static int Effective(int threshold) => Math.Max(MinimumThreshold, threshold);

    public static IEnumerable<ScoredAnswer> Apply(IEnumerable<ScoredAnswer> answers, AssessmentFilter filter) =>
        answers.Where(a => (filter.Channel is null || a.Channel == filter.Channel)
            && (filter.ItemKey is null || filter.Value is null || (a.Answers.Values.TryGetValue(filter.ItemKey, out var v) && v == filter.Value)));

    public static GroupResults Score(IReadOnlyList<InstrumentDefinition> instruments, IEnumerable<ScoredAnswer> all, AssessmentFilter filter, int threshold)
    {
        threshold = Effective(threshold);
        var group = Apply(all, filter).Where(a => !a.Answers.IsEmpty).Select(a => a.Answers).ToList();
        var hidden = group.Count < threshold;
        var results = instruments.Select(instrument =>
        {
            var items = instrument.Items.Select(item => ScoreItem(instrument, item, group, threshold, hidden)).ToList();
            var placements = instrument.Kind == InstrumentKind.Leadership ? Placements(instrument.Key, group) : [];
            var placementsHidden = hidden || placements.Count < threshold;
            return new InstrumentResult(instrument, items, placementsHidden ? [] : placements, placementsHidden);
        }).ToList();
        return new GroupResults(group.Count, threshold, hidden, results);
    }

    private static ItemResult ScoreItem(InstrumentDefinition instrument, AssessmentItem item, List<AnswerSet> group, int threshold, bool groupHidden)
    {
        var key = AnswerSet.Key(instrument.Key, item.Key);
        if (item.Kind == AssessmentItemKind.Text)
        {
            var texts = group.Select(a => a.Texts.GetValueOrDefault(key)).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
            // Sorted, so the order of answers tells nothing about who answered when.
            var textsHidden = groupHidden || texts.Count < threshold;
            return new(item.Key, item.Kind, texts.Count, null, [], textsHidden ? [] : [.. texts.Order(StringComparer.Ordinal)], textsHidden);
        }
        var values = group.Select(a => a.Values.TryGetValue(key, out var v) ? v : 0).Where(v => v >= 1 && v <= item.MaxValue).ToList();
        // An item fewer answered than the threshold is hidden too: its numbers would speak for those few.
        if (groupHidden || values.Count < threshold)
        {
            return new(item.Key, item.Kind, values.Count, null, [], [], true);
        }
        var distribution = new int[item.MaxValue];
        foreach (var v in values)
        {
            distribution[v - 1]++;
        }
        double? mean = item.Kind == AssessmentItemKind.Scale ? Math.Round(values.Average(), 2) : null;
        return new(item.Key, item.Kind, values.Count, mean, distribution, [], false);
    }

    private static List<Placement> Placements(string instrument, List<AnswerSet> group)
    {
        int? Get(AnswerSet a, string item) => a.Values.TryGetValue(AnswerSet.Key(instrument, item), out var v) && v is >= 1 and <= ScaleMax ? v : null;
        return
        [
            .. group.Select(a => (NowX: Get(a, "now-x"), NowY: Get(a, "now-y"), WantedX: Get(a, "wanted-x"), WantedY: Get(a, "wanted-y")))
                .Where(p => p.NowX is not null && p.NowY is not null && p.WantedX is not null && p.WantedY is not null)
                .Select(p => new Placement(p.NowX!.Value, p.NowY!.Value, p.WantedX!.Value, p.WantedY!.Value))
                // Sorted by value, so the order of arrows says nothing about who answered when.
                .OrderBy(p => p.NowX).ThenBy(p => p.NowY).ThenBy(p => p.WantedX).ThenBy(p => p.WantedY),
        ];
    }
}
