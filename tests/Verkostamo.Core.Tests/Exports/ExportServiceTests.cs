using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Exports;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Testing;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Verkostamo.Core.Tests.Exports;

public class ExportServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();

    private static readonly Dictionary<string, string> Words = new()
    {
        ["Export.Continued"] = "{0} (jatkuu)",
        ["Export.MapTitleView"] = "Verkostokartta: {0}",
        ["Export.ThemeTitle"] = "Teema: {0}",
        ["Export.ClockTitle"] = "Vuosikello {0}",
        ["Export.LinkName"] = "{0} – {1} ({2})",
        ["Export.CoverDate"] = "Päivitetty {0}",
        ["Export.LogoOf"] = "{0}: logo",
        ["Export.MapSummary"] = "{0} toimijaa, {1} yhteyttä",
        ["Export.CurrentPhase"] = "Nyt: {0}",
        ["Analysis.Figure.BalanceValue"] = "{0} / {1}",
    };

    /// <summary>Words are the resource keys themselves (with the real placeholders), so the tests see which text went where.</summary>
    internal static ExportTexts Texts(string language) =>
        new(k => Words.GetValueOrDefault(k, k), i => "Finding " + i.Code, new FeedTexts("Toimenpide: ", "Verkosto {0}"));

    private ExportService Service() => new(fixture.Factory, clock, new CalendarFeedService(fixture.Factory, clock),
        [new AnalysisChapters(new AnalysisService(new MapVersionService(fixture.Factory, clock), new AnalysisLimits())),
            new AssessmentChapters(new Core.Assessments.AssessmentService(fixture.Factory, clock))]);

    private const string NetworkName = "Pohjois-Karjalan kasvuverkosto";

    private async Task<(TestNetwork Network, ExportSample Sample)> SeededAsync(int actors = 6)
    {
        var network = await fixture.NetworkAsync(clock, NetworkName);
        var sample = await ExportSamples.SeedAsync(fixture.Factory, clock, network.Id, network.Owner.Id, actors);
        return (network, sample);
    }

    private static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public async Task The_deck_is_valid_and_holds_the_workbook_and_the_map_as_shapes_and_connectors()
    {
        var (network, sample) = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, "pptx", Texts);
        Assert.NotNull(file);
        Assert.Equal(PptxExport.ContentType, file.ContentType);
        Assert.EndsWith(".pptx", file.FileName, StringComparison.Ordinal);

        using var deck = PresentationDocument.Open(new MemoryStream(file.Content), false);
        AssertValid(deck);
        var slides = deck.PresentationPart!.Presentation.SlideIdList!.Elements<P.SlideId>()
            .Select(id => (SlidePart)deck.PresentationPart.GetPartById(id.RelationshipId!)).ToList();
        var texts = slides.Select(s => string.Join("\n", s.Slide.Descendants<A.Text>().Select(t => t.Text))).ToList();
        Assert.Contains(NetworkName, texts[0]);
        Assert.Single(slides[0].ImageParts);
        Assert.Contains(texts, t => t.Contains(sample.KeySolution, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Teema: " + sample.ThemeTitle, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(sample.ActionTitle, StringComparison.Ordinal) && t.Contains("Export.ActionPlan", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(sample.EventTitle, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Timo Järvensivu", StringComparison.Ordinal) && t.Contains("KasvuPOK", StringComparison.Ordinal));

        // The long answer flows onto a continuation slide, and every word of it is there.
        var definition = texts.FindIndex(t => t.Contains(sample.KeySolution, StringComparison.Ordinal));
        Assert.Contains("(jatkuu)", texts[definition + 1]);
        var flowed = string.Join(" ", texts.Skip(definition).Take(4));
        Assert.All(Enumerable.Range(1, 38), i => Assert.Contains($"Vastuulause {i}:", flowed));

        // The map: one ellipse with text per actor, one connector per link glued to two actor shapes.
        var mapSlide = slides.Single(s => s.Slide.Descendants<A.Text>().Any(t => t.Text == "Verkostokartta: Työpajanäkymä"));
        var actorShapes = mapSlide.Slide.Descendants<P.Shape>()
            .Where(s => s.ShapeProperties?.GetFirstChild<A.PresetGeometry>()?.Preset?.Value == A.ShapeTypeValues.Ellipse && s.TextBody is not null).ToList();
        var connectors = mapSlide.Slide.Descendants<P.ConnectionShape>().ToList();
        Assert.Equal(sample.Actors, actorShapes.Count);
        Assert.Equal(sample.Links, connectors.Count);
        var actorIds = actorShapes.Select(s => s.NonVisualShapeProperties!.NonVisualDrawingProperties!.Id!.Value).ToHashSet();
        Assert.All(connectors, c =>
        {
            var glue = c.NonVisualConnectionShapeProperties!.NonVisualConnectorShapeDrawingProperties!;
            Assert.Contains(glue.StartConnection!.Id!.Value, actorIds);
            Assert.Contains(glue.EndConnection!.Id!.Value, actorIds);
        });
        // Strong links solid, weak dashed.
        var dashed = connectors.Count(c => c.ShapeProperties!.GetFirstChild<A.Outline>()!.GetFirstChild<A.PresetDash>() is not null);
        await using var db = fixture.Db();
        Assert.Equal(db.Links.Count(l => l.NetworkId == network.Id && l.Strength == LinkStrength.Weak), dashed);
        Assert.Contains(actorShapes, s => s.InnerText == "+Kunta & <Kaupunki>");
    }

    [Fact]
    public async Task Without_a_saved_view_the_map_is_laid_on_a_circle_inside_the_slide()
    {
        var map = new MapDocument([.. Enumerable.Range(0, 8).Select(i => new MapDocumentActor($"a{i}", $"A{i}"))], [new MapDocumentLink("a0", "a4")]);
        var placed = ExportContentLoader.Place(map, null);
        Assert.Null(placed.ViewName);
        Assert.All(placed.Actors, a => Assert.InRange(Math.Sqrt(Math.Pow(a.X - 0.5, 2) + Math.Pow(a.Y - 0.5, 2)), 0.4999, 0.5001));
    }

    [Theory]
    [InlineData(0.0, 6)]
    [InlineData(Math.PI, 2)]
    [InlineData(Math.PI / 2, 4)]
    [InlineData(-Math.PI / 2, 0)]
    [InlineData(Math.PI / 4, 5)]
    public void A_connector_leaves_from_the_ellipse_site_facing_the_other_actor(double angle, int site) => Assert.Equal(site, PptxExport.Site(angle));

    [Fact]
    public async Task The_report_is_valid_and_holds_the_workbook_the_map_and_the_analysis()
    {
        var (network, sample) = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Member.Id, "docx", Texts);
        Assert.NotNull(file);
        using var report = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        AssertValid(report);
        var body = report.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        Assert.Contains(NetworkName, text);
        Assert.Contains(sample.KeySolution, text);
        Assert.Contains(sample.LongAnswer.Split(' ')[^1], text);
        Assert.Contains(sample.ThemeTitle, text);
        Assert.Contains("Export.Insights", text);
        Assert.Contains("ExportAsx.None", text);
        Assert.Contains("Finding ", text);
        Assert.Contains("Timo Järvensivu", text);
        var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>().Count(s => s.Val == "Heading1");
        Assert.True(headings > 10);
        // Actors and links as tables: one row each plus the header.
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Contains(tables, t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count() == sample.Actors + 1);
        Assert.Contains(tables, t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count() == sample.Links + 1);
        Assert.Single(report.MainDocumentPart.ImageParts);
    }

    [Fact]
    public async Task The_spreadsheet_has_a_sheet_each_escapes_formulas_and_imports_back_as_the_same_map()
    {
        var (network, sample) = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, "xlsx", Texts);
        Assert.NotNull(file);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(file.Content), false))
        {
            AssertValid(book);
            var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().ToList();
            Assert.Equal([MapXlsx.ActorsSheet, MapXlsx.LinksSheet, "Export.Sheet.Actions", "Export.Sheet.Events", "ExportAsx.Sheet"], sheets.Select(s => s.Name!.Value));
            string[] Cells(string sheet) => [.. ((WorksheetPart)book.WorkbookPart.GetPartById(sheets.Single(s => s.Name == sheet).Id!)).Worksheet
                .Descendants<S.Cell>().Select(c => c.InnerText)];
            Assert.Contains("'+Kunta & <Kaupunki>", Cells(MapXlsx.ActorsSheet));
            Assert.Contains("'" + sample.ActionTitle, Cells("Export.Sheet.Actions"));
            Assert.Contains("'" + sample.EventTitle, Cells("Export.Sheet.Events"));
            Assert.DoesNotContain(Cells("Export.Sheet.Events"), c => c.StartsWith('=') || c.StartsWith('@'));
            Assert.Equal(sample.Actors + 1, ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet.Descendants<S.Row>().Count());
        }
        var back = MapFileReader.Read(new MemoryStream(file.Content), "back.xlsx");
        Assert.True(back.Succeeded, string.Join(", ", back.Errors));
        Assert.Equal(sample.Actors, back.Document.Actors.Count);
        Assert.Equal(sample.Links, back.Document.Links.Count);
        Assert.Contains(back.Document.Actors, a => a.Name == "+Kunta & <Kaupunki>");
    }

    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task Map_formats_read_back_as_the_same_map(string format)
    {
        var (network, sample) = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, format, Texts);
        Assert.NotNull(file);
        var back = MapFileReader.Read(new MemoryStream(file.Content), file.FileName);
        Assert.True(back.Succeeded);
        Assert.Equal(sample.Actors, back.Document.Actors.Count);
        Assert.Equal(sample.Links, back.Document.Links.Count);
    }

    [Fact]
    public async Task The_calendar_holds_the_clock_events()
    {
        var (network, sample) = await SeededAsync();
        var file = await Service().ExportAsync(network.Id, network.Viewer.Id, "ics", Texts);
        Assert.NotNull(file);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(file.Content))!;
        Assert.Contains(calendar.Events, e => e.Summary == sample.EventTitle);
    }

    [Fact]
    public async Task Outsiders_unknown_networks_and_unknown_formats_get_nothing()
    {
        var (network, _) = await SeededAsync(3);
        var outsider = await fixture.UserAsync();
        Assert.Null(await Service().ExportAsync(network.Id, outsider.Id, "pptx", Texts));
        Assert.Null(await Service().ExportAsync(Guid.NewGuid(), network.Owner.Id, "pptx", Texts));
        Assert.Null(await Service().ExportAsync(network.Id, network.Owner.Id, "exe", Texts));
        Assert.Null(await Service().ContentAsync(network.Id, outsider.Id, Texts));
        Assert.NotNull(await Service().ExportAsAdministratorAsync(network.Id, "docx", Texts));
    }

    [Fact]
    public async Task Chosen_sections_only_and_an_empty_network_still_make_valid_files()
    {
        var network = await fixture.NetworkAsync(clock);
        foreach (var format in new[] { "pptx", "docx", "xlsx" })
        {
            var file = await Service().ExportAsync(network.Id, network.Owner.Id, format, Texts, new ExportOptions(null, ["definition"]));
            Assert.NotNull(file);
            using OpenXmlPackage package = format switch
            {
                "pptx" => PresentationDocument.Open(new MemoryStream(file.Content), false),
                "docx" => WordprocessingDocument.Open(new MemoryStream(file.Content), false),
                _ => SpreadsheetDocument.Open(new MemoryStream(file.Content), false),
            };
            AssertValid(package);
        }
        var content = await Service().ContentAsync(network.Id, network.Owner.Id, Texts, new ExportOptions(null, ["definition"]));
        Assert.Equal(["definition"], content!.Sections.Select(s => s.Key));
        Assert.Empty(content.Themes);
    }
}
