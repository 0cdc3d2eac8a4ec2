using System.Text;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Map;

/// <summary>The map's import and export page in a real browser: a CSV uploaded, previewed and applied, every export format downloaded and read back, and axe scans.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapImportExportBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private static readonly string[] Formats = ["MapFiles.Export.Csv", "MapFiles.Export.Xlsx", "MapFiles.Export.GraphMl", "MapFiles.Export.Gexf"];

    private static ILocator FileInput(IPage page) => page.GetByLabel(UiText.Get("MapFiles.Import.File"), new() { Exact = true });

    private static ILocator PreviewButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapFiles.Import.Preview"), Exact = true });

    private static async Task OpenAsync(IPage page, Guid networkId)
    {
        await page.GotoAsync($"/networks/{networkId}/map/import-export");
        await page.ExpectHeadingAsync(UiText.Get("MapFiles.Title"));
    }

    private static async Task UploadAsync(IPage page, string fileName, string content)
    {
        var directory = Directory.CreateTempSubdirectory("verkostamo-import-");
        try
        {
            var path = Path.Combine(directory.FullName, fileName);
            await File.WriteAllTextAsync(path, content, new UTF8Encoding(false));
            await FileInput(page).SetInputFilesAsync(path);
            await PreviewButton(page).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Format("MapFiles.Preview.Title", fileName), Exact = true })).ToBeVisibleAsync();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_facilitator_previews_and_applies_an_actors_csv_and_downloads_every_format()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Owner);
        await OpenAsync(page, network.Id);
        await Axe.AssertAccessibleAsync(page);

        await UploadAsync(page, "toimijat.csv",
            "id,name,sector,levels\na1,Joensuun kaupunki,Public,Strategy\na2,Työkykyyhdistys ry,ThirdSector,ServicePath\n");
        await Expect(page.Locator("main")).ToContainTextAsync(UiText.Format("MapFiles.Preview.Summary", 2, 0, 0, 0, 0, 0));
        var previewRows = page.GetByRole(AriaRole.Table, new() { Name = UiText.Get("MapFiles.Preview.Actors") }).Locator("tbody tr");
        await Expect(previewRows).ToHaveCountAsync(2);
        await Axe.AssertAccessibleAsync(page);
        Assert.Empty((await Service<ActorService>().ListAsync(network.Id, network.Owner.Id))!);

        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapFiles.Preview.Apply"), Exact = true }).ClickAsync();
        var tables = new MapTablesPage(page);
        await page.ExpectHeadingAsync(UiText.Get("Map.Tables.Title"));
        await Expect(tables.Status).ToContainTextAsync(UiText.Format("MapFiles.Applied", 2, 0, 0, 0));
        await Expect(tables.ActorLink("Joensuun kaupunki")).ToBeVisibleAsync();
        await Expect(tables.ActorLink("Työkykyyhdistys ry")).ToBeVisibleAsync();
        var actors = (await Service<ActorService>().ListAsync(network.Id, network.Owner.Id))!;
        Assert.Equal([("Joensuun kaupunki", Sector.Public), ("Työkykyyhdistys ry", Sector.ThirdSector)], actors.Select(a => (a.Name, a.Sector)).OrderBy(a => a.Name));

        await OpenAsync(page, network.Id);
        foreach (var format in Formats)
        {
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = UiText.Get(format), Exact = true }).ClickAsync());
            Assert.Null(await download.FailureAsync());
            var path = await download.PathAsync();
            await using var stream = File.OpenRead(path);
            var read = MapFileReader.Read(stream, download.SuggestedFilename);
            Assert.True(read.Succeeded, $"{download.SuggestedFilename}: {string.Join("; ", read.Errors)}");
            Assert.Equal(["Joensuun kaupunki", "Työkykyyhdistys ry"], read.Document.Actors.Select(a => a.Name).Order());
            Assert.Equal(Sector.ThirdSector, read.Document.Actors.Single(a => a.Name == "Työkykyyhdistys ry").Sector);
        }
    }

    [Fact]
    public async Task A_bad_file_shows_its_errors_accessibly_and_imports_nothing()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Owner);
        await OpenAsync(page, network.Id);

        await UploadAsync(page, "virheellinen.csv", "sektori,muistiinpanot\nPublic,ei nimeä\n");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = UiText.Get("MapFiles.Preview.Invalid") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("MapFiles.Preview.Errors"), Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapFiles.Preview.Apply"), Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
        Assert.Empty((await Service<ActorService>().ListAsync(network.Id, network.Owner.Id))!);
    }
}
