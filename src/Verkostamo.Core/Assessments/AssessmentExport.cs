using System.Globalization;
using Verkostamo.Core.Map.Formats;

namespace Verkostamo.Core.Assessments;

/// <summary>
/// A round's results as CSV or XLSX: one row per question with its count, mean and distribution. Built only from
/// <see cref="GroupResults"/>, so the threshold applies to exports exactly as on the page, and no row carries a
/// respondent — an anonymous answer cannot be tied to anyone through an export.
/// </summary>
public static class AssessmentExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static bool IsFormat(string? format) => format is Csv or Xlsx;

    /// <summary>The column headings in the reader's language, given by the caller (Core holds no UI text).</summary>
    public sealed record Headings(string Round, string Instrument, string Question, string Answers, string Mean, string Distribution, string Hidden, string Yes, string Sheet);

    public static byte[] Write(string format, RoundResults results, string language, Headings headings)
    {
        IReadOnlyList<string> header = [headings.Round, headings.Instrument, headings.Question, headings.Answers, headings.Mean, headings.Distribution, headings.Hidden];
        var rows = Rows(results, language, headings).ToList();
        return format == Xlsx ? MapXlsx.WriteSheets([new XlsxSheet(headings.Sheet, header, rows)]) : MapCsv.Write(header, rows);
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(RoundResults results, string language, Headings headings)
    {
        foreach (var instrument in results.Results.Instruments)
        {
            foreach (var item in instrument.Items)
            {
                var question = instrument.Instrument.Find(item.ItemKey)?.TextIn(language) ?? item.ItemKey;
                var shown = item.Kind == AssessmentItemKind.Text
                    ? string.Join(" | ", item.Texts)
                    : string.Join(";", item.Distribution.Select(c => c.ToString(CultureInfo.InvariantCulture)));
                yield return
                [
                    results.Round.Title, instrument.Instrument.TitleIn(language), question, item.Count.ToString(CultureInfo.InvariantCulture),
                    item.Mean?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", item.Hidden ? "" : shown, item.Hidden ? headings.Yes : "",
                ];
            }
        }
    }
}
