using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Exports;

/// <summary>The "Vie / Export" page in a real browser: reached from the network's menu, every format downloaded and read back, the print page, axe scans.</summary>
public sealed class ExportBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    [Fact]
    public async Task A_member_downloads_every_format_from_the_export_page_and_opens_the_printable_report()
    {
        var network = await CreateNetworkAsync();
        var sample = await ExportSamples.SeedAsync(Service<IDbContextFactory<VerkostamoDbContext>>(), Service<TimeProvider>(), network.Id, network.Owner.Id);
        var page = await SignedInPageAsync(network.Member);
        await page.GotoAsync($"/networks/{network.Id}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Get("Network.Navigation") })
            .GetByRole(AriaRole.Link, new() { Name = UiText.Get("Export.Nav"), Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync(UiText.Get("Export.Title"));
        await Axe.AssertAccessibleAsync(page);

        foreach (var format in new[] { "pptx", "docx", "xlsx" })
        {
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Export.Format." + format), Exact = true }).ClickAsync());
            Assert.Null(await download.FailureAsync());
            Assert.EndsWith("." + format, download.SuggestedFilename, StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            using OpenXmlPackage package = format switch
            {
                "pptx" => PresentationDocument.Open(new MemoryStream(bytes), false),
                "docx" => WordprocessingDocument.Open(new MemoryStream(bytes), false),
                _ => SpreadsheetDocument.Open(new MemoryStream(bytes), false),
            };
            Assert.Empty(new OpenXmlValidator().Validate(package));
        }

        foreach (var format in new[] { "graphml", "gexf", "ics" })
        {
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Export.Format." + format), Exact = true }).ClickAsync());
            Assert.Null(await download.FailureAsync());
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            if (format == "ics")
            {
                Assert.Contains(sample.EventTitle, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(sample.Actors, MapFileReader.Read(new MemoryStream(bytes), download.SuggestedFilename).Document.Actors.Count);
            }
        }

        // Only the definition section: the report leaves the others out.
        var sections = page.Locator("input[name=sections]");
        for (var i = 0; i < await sections.CountAsync(); i++)
        {
            if (await sections.Nth(i).GetAttributeAsync("value") != "definition")
            {
                await sections.Nth(i).UncheckAsync();
            }
        }
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Export.Print"), Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync(network.Name);
        await Expect(page.Locator("main")).ToContainTextAsync(sample.KeySolution);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Format("Export.ThemeTitle", sample.ThemeTitle) })).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Export.BackToExport") })).ToBeHiddenAsync();
    }
}
