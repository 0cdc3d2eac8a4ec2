using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Backup;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Backup;

/// <summary>An owner downloads the network's backup from the settings page; another person imports it through the import page.</summary>
public sealed class BackupBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    [Fact]
    public async Task A_downloaded_backup_is_previewed_and_imported_as_a_new_network_with_accessible_pages()
    {
        var network = await CreateNetworkAsync();
        await AddKeySolutionAsync(network, AnswerOwner.Section("definition"), "Yhteinen palvelupolku");
        var owner = await SignedInPageAsync(network.Owner);
        await owner.GotoAsync($"/networks/{network.Id}/settings");
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Backup.Title"), Exact = true })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(owner);

        var download = await owner.RunAndWaitForDownloadAsync(() =>
            owner.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Backup.Download"), Exact = true }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        await using (var file = File.OpenRead(path))
        {
            var read = await BackupFileReader.ReadAsync(file, new BackupImportLimits());
            Assert.Null(read.ErrorCode);
            Assert.Equal(network.Name, read.Payload!.Network.Name);
        }

        var (page, user) = await SignedInPageAsync();
        await page.GotoAsync("/networks/new");
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Backup.ImportLink"), Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync(UiText.Get("Backup.Import.Title"));
        await Axe.AssertAccessibleAsync(page);

        // Without a file the form says so next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Backup.Import.Preview"), Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(UiText.Get("Backup.Import.NoFile"));
        await Axe.AssertAccessibleAsync(page);

        var copy = Path.Combine(Directory.CreateTempSubdirectory("verkostamo-backup-").FullName, download.SuggestedFilename);
        File.Copy(path, copy);
        await page.GetByLabel(UiText.Get("Backup.Import.File"), new() { Exact = true }).SetInputFilesAsync(copy);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Backup.Import.Preview"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Format("Backup.Import.PreviewTitle", network.Name), Exact = true })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = UiText.Get("Backup.Import.Contents") }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(13);
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Backup.Import.Confirm"), Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(UiText.Format("Backup.Import.Done", network.Name));
        var newId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        Assert.NotEqual(network.Id, newId);
        Assert.Equal(NetworkRole.Owner, await Service<NetworkAccess>().GetRoleAsync(newId, user.Id));
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
    }
}
