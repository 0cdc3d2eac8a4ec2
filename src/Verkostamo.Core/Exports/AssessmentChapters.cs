using System.Globalization;
using Verkostamo.Core.Assessments;

namespace Verkostamo.Core.Exports;

/// <summary>
/// The newest self-assessment rounds as a report chapter: a table per round in the report, one sheet for all of them in
/// the spreadsheet. The numbers are <see cref="AssessmentService"/>'s own results, so the anonymity threshold applies
/// exactly as on the results page: a group or a question below it shows no mean and no distribution.
/// </summary>
public sealed class AssessmentChapters(AssessmentService assessments) : IExportChapterSource
{
    /// <summary>The report compares the latest rounds; older ones stay on the comparison page.</summary>
    public const int Rounds = 3;

    public async Task<IReadOnlyList<ExportChapter>> ChaptersAsync(ExportChapterContext context, CancellationToken ct)
    {
        var t = context.Texts;
        var language = context.Language;
        var c = CultureInfo.GetCultureInfo(ExportContent.CultureOf(language));
        var results = await assessments.LatestResultsAsync(context.NetworkId, Rounds, ct);
        IReadOnlyList<string> header = [t["Assess.Export.Instrument"], t["Assess.Item"], t["Assess.Mean"], t["Assess.N"], t["Assess.Distribution"]];
        var tables = new List<ExportTable>();
        var sheetRows = new List<IReadOnlyList<string>>();
        foreach (var result in results)
        {
            var round = result.Round;
            var (opens, closes) = (round.OpensOn.ToString("d", c), round.ClosesOn.ToString("d", c));
            var state = t[round.Closed ? "Assess.Closed" : "Assess.Open"];
            var title = result.Results.Hidden
                ? t.Format("ExportAsx.RoundTitleHidden", round.Title, opens, closes, state, result.Results.Threshold.ToString(c))
                : t.Format("ExportAsx.RoundTitle", round.Title, opens, closes, state, result.Results.Respondents.ToString(c));
            var rows = Rows(result.Results, language, c, t).ToList();
            tables.Add(new ExportTable(title, header, rows));
            sheetRows.AddRange(rows.Select(r => (IReadOnlyList<string>)[round.Title, .. r]));
        }
        var sheet = new ExportTable(t["ExportAsx.Title"], [t["Assess.Export.Round"], .. header], sheetRows) { SheetName = t["ExportAsx.Sheet"] };
        return [new ExportChapter(t["ExportAsx.Title"], [t[results.Count == 0 ? "ExportAsx.None" : "ExportAsx.Lead"]], tables) { Sheets = [sheet] }];
    }

    /// <summary>A row per question: what was asked, then only what the threshold lets be shown.</summary>
    private static IEnumerable<IReadOnlyList<string>> Rows(GroupResults results, string language, CultureInfo c, ExportTexts t)
    {
        var hidden = t.Format("ExportAsx.Hidden", results.Threshold.ToString(c));
        foreach (var instrument in results.Instruments)
        {
            var name = instrument.Instrument.TitleIn(language);
            foreach (var item in instrument.Items)
            {
                var definition = instrument.Instrument.Find(item.ItemKey);
                var question = definition?.TextIn(language) ?? item.ItemKey;
                if (results.Hidden)
                {
                    // Below the threshold the group shows no number at all, not even how many answered a question.
                    yield return [name, question, "", "", hidden];
                }
                else
                {
                    yield return [name, question, item.Mean?.ToString("0.00", c) ?? "", item.Count.ToString(c), item.Hidden ? hidden : Distribution(item, definition, language, c)];
                }
            }
        }
    }

    /// <summary>As on the results page: each value (or option) with its count; the open answers themselves, sorted.</summary>
    private static string Distribution(ItemResult item, AssessmentItem? definition, string language, CultureInfo c) => item.Kind switch
    {
        AssessmentItemKind.Text => string.Join(" | ", item.Texts),
        AssessmentItemKind.Choice when definition is not null => string.Join(" · ", item.Distribution.Select((count, i) =>
            $"{(i < definition.Options.Count ? new AssessmentItem("", AssessmentItemKind.Choice, definition.Options[i]).TextIn(language) : (i + 1).ToString(c))}: {count.ToString(c)}")),
        _ => string.Join(" · ", item.Distribution.Select((count, i) => $"{(i + 1).ToString(c)}: {count.ToString(c)}")),
    };
}
