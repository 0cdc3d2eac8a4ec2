using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Map;

/// <summary>The versions page, the comparison and the duplicates page in a real browser, each scanned with axe.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapVersionsBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private async Task<Guid> ActorAsync(WorkbookNetwork network, string name, Sector sector, ParticipationRole? role = null)
    {
        var created = await Service<ActorService>().CreateAsync(network.Id, network.Member.Id, new ActorInput(name) { Sector = sector, RoleNow = role });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    [Fact]
    public async Task Versions_are_taken_compared_and_deleted_and_the_pages_pass_axe()
    {
        var network = await CreateNetworkAsync();
        var kunta = await ActorAsync(network, "Joensuun kaupunki", Sector.Public, ParticipationRole.StrongParticipant);
        var yhdistys = await ActorAsync(network, "Joensuun Setlementti ry", Sector.ThirdSector);
        var links = Service<LinkService>();
        var link = (await links.CreateAsync(network.Id, network.Member.Id, new LinkInput(kunta, yhdistys) { Strength = LinkStrength.Weak })).Value;
        var versions = Service<MapVersionService>();
        var first = (await versions.TakeAsync(network.Id, network.Member.Id, "Viime vuosi")).Value;
        await ActorAsync(network, "Kontio IT Oy", Sector.Private);
        var current = (await links.GetAsync(network.Id, network.Member.Id, link))!;
        Assert.True((await links.UpdateAsync(network.Id, network.Member.Id, link, new LinkInput(kunta, yhdistys) { Strength = LinkStrength.Strong }, current.Version)).Succeeded);
        var page = await SignedInPageAsync(network.Owner);

        await page.GotoAsync($"/networks/{network.Id}/map/versions");
        await page.ExpectHeadingAsync(UiText.Get("MapCore.Versions.Title"));
        await page.GetByLabel(UiText.Get("MapCore.Versions.Name"), new() { Exact = true }).FillAsync("Syksyn arviointi");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapCore.Versions.TakeButton"), Exact = true }).ClickAsync();
        await Expect(page.StatusMessage()).ToContainTextAsync(UiText.Format("MapCore.Versions.Taken", "Syksyn arviointi"));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await Axe.AssertAccessibleAsync(page);

        // The comparison form picks the older version and the newer one by default.
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapCore.Versions.CompareButton"), Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync(UiText.Get("MapCore.Compare.Title"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Format("MapCore.Compare.AddedActors", 1), Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Kontio IT Oy").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Format("MapCore.Compare.StrengthChanges", 1), Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("MapCore.Compare.ShowOnMap"), Exact = true }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/networks/{network.Id}/map\\?compare={first},"));
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/map/versions/compare?from={first}&to={first}");
        await Expect(page.GetByText(UiText.Get("MapCore.Compare.NoChanges"))).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/map/versions");
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.Format("MapCore.Versions.DeleteNamed", "Viime vuosi"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Format("MapCore.Versions.ConfirmDelete", "Viime vuosi"));
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapCore.Versions.DeleteConfirmButton"), Exact = true }).ClickAsync();
        await Expect(page.StatusMessage()).ToContainTextAsync(UiText.Get("MapCore.Versions.Deleted"));
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Duplicates_are_merged_after_a_confirmation_and_the_page_passes_axe()
    {
        var network = await CreateNetworkAsync();
        await ActorAsync(network, "Siun sote", Sector.Public);
        await ActorAsync(network, "SIUN SOTE", Sector.Public);
        var page = await SignedInPageAsync(network.Member);

        await page.GotoAsync($"/networks/{network.Id}/map/tables");
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("MapCore.Tables.DuplicatesLink"), Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync(UiText.Get("MapCore.Duplicates.Title"));
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = UiText.Format("MapCore.Duplicates.MergeInto", "SIUN SOTE", "Siun sote"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Format("MapCore.Duplicates.ConfirmTitle", "SIUN SOTE", "Siun sote"), Exact = true })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("MapCore.Duplicates.MergeButton"), Exact = true }).ClickAsync();

        await Expect(page.StatusMessage()).ToContainTextAsync(UiText.Format("MapCore.Duplicates.Merged", "SIUN SOTE", "Siun sote"));
        await Expect(page.GetByText(UiText.Get("MapCore.Duplicates.Empty"))).ToBeVisibleAsync();
        Assert.Single((await Service<ActorService>().ListAsync(network.Id, network.Member.Id))!);
    }
}
