using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Exports;
using Verkostamo.Core.Tests.Support;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Verkostamo.Core.Tests.Exports;

/// <summary>The self-assessment chapter of the Word report and its sheet in the workbook, read back with the Open XML SDK.</summary>
public class AssessmentChaptersTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();

    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    private static readonly Dictionary<string, string> Words = new()
    {
        ["ExportAsx.Title"] = "Itsearvioinnit",
        ["ExportAsx.Sheet"] = "Arvioinnit",
        ["ExportAsx.RoundTitle"] = "{0} ({1}–{2}, {3}, vastaajia {4})",
        ["ExportAsx.RoundTitleHidden"] = "{0} ({1}–{2}, {3}, alle {4} vastaajaa)",
        ["ExportAsx.Hidden"] = "alle {0} vastausta",
    };

    private static ExportTexts Texts(string language) =>
        new(k => Words.GetValueOrDefault(k, k), i => "Finding " + i.Code, new FeedTexts("Toimenpide: ", "Verkosto {0}"));

    private AssessmentService Assessments() => new(fixture.Factory, clock);

    private ExportService Service() => new(fixture.Factory, clock, new CalendarFeedService(fixture.Factory, clock), [new AssessmentChapters(Assessments())]);

    private const string SmallRound = "Pieni pilottikierros";

    /// <summary>The demo's two rounds of twelve respondents, and a newer round only two members answered (threshold five).</summary>
    private async Task<TestNetwork> SeededAsync()
    {
        var network = await fixture.NetworkAsync(clock);
        await using (var db = fixture.Db())
        {
            Assert.True(await DemoAssessments.SeedAsync(db, network.Id, network.Facilitator.Id,
                [network.Owner.Id, network.Facilitator.Id, network.Member.Id, network.Viewer.Id], clock.GetUtcNow()));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var opened = await Assessments().OpenRoundAsync(network.Id, network.Facilitator.Id,
            new RoundInput(SmallRound, ["knowing-trust-commitment"], today, today.AddDays(7), ForMembers: true, ByLink: false, Threshold: 5));
        Assert.True(opened.Succeeded, opened.ErrorCode);
        foreach (var user in new[] { network.Owner, network.Member })
        {
            var saved = await Assessments().SaveForMemberAsync(network.Id, user.Id, opened.Value!.Id,
                new AnswerSet { Values = { ["knowing-trust-commitment/c1r1"] = 4, ["knowing-trust-commitment/c2r1"] = 2 } }, complete: true);
            Assert.True(saved.Succeeded, saved.ErrorCode);
        }
        return network;
    }

    /// <summary>The mean of one question in a round, straight from the stored answers, as the report writes it.</summary>
    private async Task<(string Question, string Mean, int Count)> StoredMeanAsync(Guid networkId, string roundTitle, string instrument, string item)
    {
        await using var db = fixture.Db();
        var roundId = await db.AssessmentRounds.Where(r => r.NetworkId == networkId && r.Title == roundTitle).Select(r => r.Id).SingleAsync();
        var values = (await db.AssessmentResponses.Where(r => r.RoundId == roundId).Select(r => r.AnswersJson).ToListAsync())
            .Select(json => JsonSerializer.Deserialize<AnswerSet>(json, AssessmentService.Json)!)
            .Where(a => a.Values.ContainsKey(AnswerSet.Key(instrument, item))).Select(a => a.Values[AnswerSet.Key(instrument, item)]).ToList();
        var question = AssessmentTemplate.Find(instrument)!.Find(item)!.TextIn("fi");
        return (question, values.Average().ToString("0.00", Finnish), values.Count);
    }

    private static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    /// <summary>The chapter as read back: its paragraphs, and each table under the Heading 2 that titles it.</summary>
    private static (List<string> Paragraphs, List<(string Title, List<string[]> Rows)> Tables) Chapter(WordprocessingDocument report)
    {
        var paragraphs = new List<string>();
        var tables = new List<(string, List<string[]>)>();
        var inChapter = false;
        var title = "";
        foreach (var element in report.MainDocumentPart!.Document.Body!.ChildElements)
        {
            var style = (element as W.Paragraph)?.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            if (style == "Heading1")
            {
                inChapter = element.InnerText == "Itsearvioinnit";
                continue;
            }
            if (!inChapter)
            {
                continue;
            }
            if (element is W.Table table)
            {
                tables.Add((title, [.. table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray())]));
            }
            else if (style == "Heading2")
            {
                title = element.InnerText;
            }
            else if (element is W.Paragraph && element.InnerText.Length > 0)
            {
                paragraphs.Add(element.InnerText);
            }
        }
        return (paragraphs, tables);
    }

    private static List<string[]> SheetRows(SpreadsheetDocument book, string sheet)
    {
        var id = book.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return [.. ((WorksheetPart)book.WorkbookPart.GetPartById(id)).Worksheet.Descendants<S.Row>()
            .Select(r => r.Elements<S.Cell>().Select(c => c.InnerText).ToArray())];
    }

    [Fact]
    public async Task The_report_has_a_table_per_round_with_the_stored_means_and_none_below_the_threshold()
    {
        var network = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, "docx", Texts);
        Assert.NotNull(file);
        using var report = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        AssertValid(report);

        var (paragraphs, tables) = Chapter(report);
        Assert.Equal(["ExportAsx.Lead"], paragraphs);
        // Newest first: the small round, then the demo's second and first year.
        Assert.Equal(3, tables.Count);
        Assert.StartsWith(SmallRound + " (", tables[0].Title, StringComparison.Ordinal);
        Assert.EndsWith("alle 5 vastaajaa)", tables[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Itsearviointi – toinen vuosi (", tables[1].Title, StringComparison.Ordinal);
        Assert.EndsWith("vastaajia 12)", tables[1].Title, StringComparison.Ordinal);
        Assert.StartsWith("Itsearviointi – ensimmäinen vuosi (", tables[2].Title, StringComparison.Ordinal);
        Assert.All(tables, t => Assert.Equal(["Assess.Export.Instrument", "Assess.Item", "Assess.Mean", "Assess.N", "Assess.Distribution"], t.Rows[0]));

        // The second year's trust, as the stored answers give it.
        var (question, mean, count) = await StoredMeanAsync(network.Id, "Itsearviointi – toinen vuosi", "knowing-trust-commitment", "c2r1");
        Assert.Equal(12, count);
        var row = Assert.Single(tables[1].Rows, r => r[1] == question);
        Assert.Equal(mean, row[2]);
        Assert.Equal("12", row[3]);
        Assert.Equal(count, row[4].Split(" · ").Sum(part => int.Parse(part.Split(": ")[1], CultureInfo.InvariantCulture)));
        // The first year's differs, and is its own.
        var first = await StoredMeanAsync(network.Id, "Itsearviointi – ensimmäinen vuosi", "knowing-trust-commitment", "c2r1");
        Assert.Equal(first.Mean, Assert.Single(tables[2].Rows, r => r[1] == question)[2]);
        Assert.NotEqual(first.Mean, mean);

        // Two answers under a threshold of five: each question is listed, with no number at all.
        var hidden = tables[0].Rows.Skip(1).ToList();
        Assert.Equal(AssessmentTemplate.Find("knowing-trust-commitment")!.Items.Count, hidden.Count);
        Assert.All(hidden, r => Assert.Equal(["", "", "alle 5 vastausta"], r[2..]));
    }

    [Fact]
    public async Task The_workbook_has_one_sheet_of_every_round_with_escaped_cells_and_the_threshold_kept()
    {
        var network = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, "xlsx", Texts);
        Assert.NotNull(file);
        using var book = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        AssertValid(book);
        Assert.Equal("Arvioinnit", book.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Last().Name!.Value);

        var rows = SheetRows(book, "Arvioinnit");
        Assert.Equal(["Assess.Export.Round", "Assess.Export.Instrument", "Assess.Item", "Assess.Mean", "Assess.N", "Assess.Distribution"], rows[0]);
        // A row per question of each round: the demo rounds ask the same instruments, the small round one.
        var demoItems = (await Assessments().ListRoundsAsync(network.Id, network.Viewer.Id))!
            .Where(r => r.Title != SmallRound).Sum(r => r.Instruments.Sum(i => i.Items.Count));
        var smallItems = AssessmentTemplate.Find("knowing-trust-commitment")!.Items.Count;
        Assert.Equal(1 + demoItems + smallItems, rows.Count);

        var (question, mean, count) = await StoredMeanAsync(network.Id, "Itsearviointi – toinen vuosi", "knowing-trust-commitment", "c2r1");
        var row = Assert.Single(rows, r => r[0] == "Itsearviointi – toinen vuosi" && r[2] == question);
        Assert.Equal([mean, count.ToString(CultureInfo.InvariantCulture)], row[3..5]);
        Assert.All(rows.Where(r => r[0] == SmallRound), r => Assert.Equal(["", "", "alle 5 vastausta"], r[3..]));
        // Every cell is text, and none could run as a formula.
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
    }

    [Fact]
    public async Task A_round_title_that_looks_like_a_formula_stays_text()
    {
        var network = await fixture.NetworkAsync(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var opened = await Assessments().OpenRoundAsync(network.Id, network.Facilitator.Id,
            new RoundInput("=HYPERLINK(\"x\")", ["knowing-trust-commitment"], today, today.AddDays(7), ForMembers: true, ByLink: false));
        Assert.True(opened.Succeeded, opened.ErrorCode);
        var saved = await Assessments().SaveForMemberAsync(network.Id, network.Member.Id, opened.Value!.Id,
            new AnswerSet { Values = { ["knowing-trust-commitment/c1r1"] = 3 } }, complete: true);
        Assert.True(saved.Succeeded, saved.ErrorCode);

        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, "xlsx", Texts);
        using var book = SpreadsheetDocument.Open(new MemoryStream(file!.Content), false);
        AssertValid(book);
        Assert.All(SheetRows(book, "Arvioinnit").Skip(1), r => Assert.Equal("'=HYPERLINK(\"x\")", r[0]));
    }

    [Fact]
    public async Task Without_answered_rounds_the_chapter_says_so_and_the_sheet_has_only_its_header()
    {
        var network = await fixture.NetworkAsync(clock);
        // A round nobody has answered has no results to show.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Assert.True((await Assessments().OpenRoundAsync(network.Id, network.Facilitator.Id,
            new RoundInput("Tuleva kierros", ["knowing-trust-commitment"], today, today.AddDays(7), ForMembers: true, ByLink: false))).Succeeded);

        var docx = await Service().ExportAsync(network.Id, network.Viewer.Id, "docx", Texts);
        using (var report = WordprocessingDocument.Open(new MemoryStream(docx!.Content), false))
        {
            AssertValid(report);
            var (paragraphs, tables) = Chapter(report);
            Assert.Equal(["ExportAsx.None"], paragraphs);
            Assert.Empty(tables);
        }
        var xlsx = await Service().ExportAsync(network.Id, network.Viewer.Id, "xlsx", Texts);
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx!.Content), false);
        AssertValid(book);
        Assert.Single(SheetRows(book, "Arvioinnit"));
    }

    [Fact]
    public async Task The_report_keeps_to_the_three_newest_answered_rounds_in_the_network_language()
    {
        var network = await SeededAsync();
        await using (var db = fixture.Db())
        {
            await db.Networks.Where(n => n.Id == network.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Language, "sv"));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newest = await Assessments().OpenRoundAsync(network.Id, network.Facilitator.Id,
            new RoundInput("Uusin kierros", [AssessmentTemplate.Open], today.AddDays(1), today.AddDays(9), ForMembers: true, ByLink: false));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await Assessments().SaveForMemberAsync(network.Id, network.Member.Id, newest.Value!.Id,
            new AnswerSet { Texts = { ["open/works"] = "Yhteinen kieli" } }, complete: true)).Succeeded);

        var content = await Service().ContentAsync(network.Id, network.Viewer.Id, Texts);
        var chapter = Assert.Single(content!.Chapters);
        Assert.Equal(["Uusin kierros", SmallRound, "Itsearviointi – toinen vuosi"], chapter.Tables.Select(t => t.Title.Split(" (")[0]));
        // Words of the round's own questions come in the network's language.
        var question = AssessmentTemplate.Find("knowing-trust-commitment")!.Find("c2r1")!.TextIn("sv");
        Assert.NotEqual(AssessmentTemplate.Find("knowing-trust-commitment")!.Find("c2r1")!.TextIn("fi"), question);
        Assert.Contains(chapter.Tables[2].Rows, r => r[1] == question);
        // The one open answer is below the threshold: the text itself never shows.
        Assert.DoesNotContain(chapter.Tables.Concat(chapter.Sheets).SelectMany(t => t.Rows).SelectMany(r => r), c => c.Contains("Yhteinen kieli", StringComparison.Ordinal));
    }
}
