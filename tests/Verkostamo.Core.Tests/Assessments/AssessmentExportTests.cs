using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Verkostamo.Core.Assessments;

namespace Verkostamo.Core.Tests.Assessments;

/// <summary>Exports read back with real parsers: the threshold holds, formulas are defused, no respondent appears.</summary>
public class AssessmentExportTests
{
    private static readonly AssessmentExport.Headings Headings = new("Kierros", "Sarja", "Kysymys", "Vastauksia", "Keskiarvo", "Jakauma", "Piilotettu", "kyllä", "Tulokset");

    private static RoundResults Results(params (int Trust, string? Text)[] answers)
    {
        IReadOnlyList<InstrumentDefinition> instruments = [AssessmentTemplate.Find("knowing-trust-commitment")!, AssessmentTemplate.Find("open")!];
        var scored = answers.Select(a =>
        {
            var set = new AnswerSet();
            set.Values["knowing-trust-commitment/c2r1"] = a.Trust;
            if (a.Text is not null)
            {
                set.Texts["open/works"] = a.Text;
            }
            return new ScoredAnswer(RespondentChannel.Link, set);
        }).ToList();
        var round = new RoundSummary(Guid.NewGuid(), "=HYPERLINK(\"x\")", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 14), true, false, true, 3, scored.Count, scored.Count, instruments);
        return new(round, AssessmentFilter.All, AssessmentScoring.Score(instruments, scored, AssessmentFilter.All, 3));
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.GetPreamble().Length));
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        rows.Add([.. csv.Headers!]);
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "")]);
        }
        return rows;
    }

    private static List<string[]> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray())];
    }

    [Theory]
    [InlineData(AssessmentExport.Csv)]
    [InlineData(AssessmentExport.Xlsx)]
    public void Shown_results_export_with_counts_means_and_distributions(string format)
    {
        var bytes = AssessmentExport.Write(format, Results((4, "-kahvi"), (5, "@kaikki"), (3, "+hyvä")), "fi", Headings);
        var rows = format == AssessmentExport.Csv ? ReadCsv(bytes) : ReadXlsx(bytes);

        Assert.Equal(["Kierros", "Sarja", "Kysymys", "Vastauksia", "Keskiarvo", "Jakauma", "Piilotettu"], rows[0]);
        Assert.Equal(15, rows.Count);
        var trust = rows.Single(r => r[2] == "Luottamus: Hyväntahtoisuus");
        Assert.Equal(["'=HYPERLINK(\"x\")", "Tunteminen, luottamus ja sitoutuminen", "Luottamus: Hyväntahtoisuus", "3", "4.00", "0;0;1;1;1", ""], trust);
        // Open texts are sorted and every cell that could start a formula is defused.
        Assert.Equal("'+hyvä | -kahvi | @kaikki", rows.Single(r => r[2] == "Mikä verkostossamme toimii hyvin?")[5]);
    }

    [Theory]
    [InlineData(AssessmentExport.Csv)]
    [InlineData(AssessmentExport.Xlsx)]
    public void Below_the_threshold_an_export_carries_counts_only(string format)
    {
        var bytes = AssessmentExport.Write(format, Results((1, "Minä täällä"), (5, null)), "fi", Headings);
        var rows = format == AssessmentExport.Csv ? ReadCsv(bytes) : ReadXlsx(bytes);

        Assert.All(rows.Skip(1), r => Assert.Equal(("", "", "kyllä"), (r[4], r[5], r[6])));
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains("Minä", StringComparison.Ordinal)));
    }
}
