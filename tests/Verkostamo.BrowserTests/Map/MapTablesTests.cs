using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Map;

/// <summary>The map's accessible twin in a real browser: built by keyboard alone, edited, deleted and restored, and scanned with axe.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapTablesTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private async Task<Guid> ActorAsync(WorkbookNetwork network, string name, Sector sector, ParticipationRole? role = null)
    {
        var created = await Service<ActorService>().CreateAsync(network.Id, network.Member.Id,
            new ActorInput(name) { Sector = sector, RoleNow = role, Levels = Level.Strategy | Level.ServicePath, Tags = ["kumppani"], Email = "info@example.fi" });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task<Guid> LinkAsync(WorkbookNetwork network, Guid a, Guid b, LinkStrength strength, LinkMark marks = LinkMark.None)
    {
        var created = await Service<LinkService>().CreateAsync(network.Id, network.Member.Id,
            new LinkInput(a, b) { Strength = strength, Marks = marks, Kinds = ["tiedonvaihto"], Levels = Level.Strategy });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    /// <summary>A small map with every part of the tables page on it: links, an isolated actor, a deleted actor and a deleted link.</summary>
    private async Task<(Guid Kunta, Guid Yhdistys, Guid Link)> SeedMapAsync(WorkbookNetwork network)
    {
        var kunta = await ActorAsync(network, "Joensuun kaupunki", Sector.Public, ParticipationRole.Locomotive);
        var yhdistys = await ActorAsync(network, "Työkykyyhdistys ry", Sector.ThirdSector, ParticipationRole.StrongParticipant);
        var yritys = await ActorAsync(network, "Rakennus Oy", Sector.Private);
        await ActorAsync(network, "Yksin oleva säätiö", Sector.Other);
        var link = await LinkAsync(network, kunta, yhdistys, LinkStrength.Strong, LinkMark.AgreedRoles | LinkMark.SharedForum);
        var removed = await LinkAsync(network, yhdistys, yritys, LinkStrength.Weak);
        Assert.True((await Service<LinkService>().DeleteAsync(network.Id, network.Member.Id, removed)).Succeeded);
        var gone = await ActorAsync(network, "Poistunut toimija", Sector.Private);
        Assert.True((await Service<ActorService>().DeleteAsync(network.Id, network.Member.Id, gone)).Succeeded);
        return (kunta, yhdistys, link);
    }

    [Fact]
    public async Task A_three_actor_map_with_two_links_is_built_with_the_keyboard_alone()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);
        var tables = await MapTablesPage.OpenAsync(page, network.Id);

        await page.TabToAsync(tables.AddActor, maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await AddActorByKeyboardAsync(page, "Kunta", sectorSteps: 0);
        await page.GotoAsync($"/networks/{network.Id}/actors/new");
        await AddActorByKeyboardAsync(page, "Yhdistys ry", sectorSteps: 2);
        await page.GotoAsync($"/networks/{network.Id}/actors/new");
        var yritys = await AddActorByKeyboardAsync(page, "Yritys Oy", sectorSteps: 1);

        // From Yritys Oy: a weak link to Kunta (first in the list), then a strong one to Yhdistys ry (second).
        await AddLinkByKeyboardAsync(page, yritys, optionSteps: 1, strong: false, mark: "FlexibleRoles");
        await AddLinkByKeyboardAsync(page, yritys, optionSteps: 2, strong: true, mark: "AgreedRoles");
        await Expect(yritys.Neighbours).ToHaveCountAsync(2);

        var actors = (await Service<ActorService>().ListAsync(network.Id, network.Member.Id))!;
        Assert.Equal([("Kunta", Sector.Public), ("Yhdistys ry", Sector.ThirdSector), ("Yritys Oy", Sector.Private)], actors.Select(a => (a.Name, a.Sector)));
        var links = (await Service<LinkService>().ListAsync(network.Id, network.Member.Id))!
            .Select(l => (l.Other(actors[2].Id).Name, l.Strength, l.Marks)).OrderBy(l => l.Name).ToList();
        Assert.Equal([("Kunta", LinkStrength.Weak, LinkMark.FlexibleRoles), ("Yhdistys ry", LinkStrength.Strong, LinkMark.AgreedRoles)], links);

        await MapTablesPage.OpenAsync(page, network.Id);
        await Expect(tables.Summary).ToContainTextAsync(UiText.Format("Map.Summary.Counts", 3, 2, 1, 1));
        await Expect(tables.ActorRows).ToHaveCountAsync(3);
    }

    private static async Task<ActorPage> AddActorByKeyboardAsync(IPage page, string name, int sectorSteps)
    {
        await page.ExpectHeadingAsync(UiText.Get("Map.Actor.NewTitle"));
        var form = new ActorPage(page);
        await page.TabToAsync(form.Name, maxPresses: 120);
        await page.Keyboard.TypeAsync(name);
        await page.TabToAsync(form.Sector);
        for (var i = 0; i < sectorSteps; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await page.TabToAsync(page.GetByLabel(UiText.Get("Map.Level.Strategy"), new() { Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync(form.CreateButton, maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        var shown = await ActorPage.ExpectShownAsync(page, name);
        await Expect(shown.Status).ToContainTextAsync(UiText.Format("Map.Actor.Created", name));
        return shown;
    }

    private static async Task AddLinkByKeyboardAsync(IPage page, ActorPage actor, int optionSteps, bool strong, string mark)
    {
        await page.TabToAsync(actor.LinkTarget, maxPresses: 160);
        for (var i = 0; i < optionSteps; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        // Tab lands on the checked radio button (weak); the arrow keys move the choice within the group.
        await page.TabToAsync(actor.Strength("Weak"));
        if (strong)
        {
            await page.Keyboard.PressAsync("ArrowUp");
            await Expect(actor.Strength("Strong")).ToBeCheckedAsync();
        }
        await page.TabToAsync(actor.Mark(mark));
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync(actor.AddLinkButton, maxPresses: 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(actor.Status).ToContainTextAsync(UiText.Get("Map.Link.Created"));
    }

    [Fact]
    public async Task A_links_marks_are_edited_as_two_checklists()
    {
        var network = await CreateNetworkAsync();
        var (kunta, yhdistys, linkId) = await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member);

        var link = await LinkPage.OpenAsync(page, network.Id, linkId, "Joensuun kaupunki", "Työkykyyhdistys ry");
        await Expect(link.WeakMarks.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(5);
        await Expect(link.StrongMarks.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(7);
        await Expect(link.Mark("AgreedRoles")).ToBeCheckedAsync();
        await link.Mark("AgreedRoles").UncheckAsync();
        await link.Mark("Contracts").CheckAsync();
        await link.Mark("OpenMeetings").CheckAsync();
        await link.SaveButton.ClickAsync();

        await Expect(link.Status).ToContainTextAsync(UiText.Get("Map.Link.Saved"));
        await Expect(link.Mark("Contracts")).ToBeCheckedAsync();
        var saved = (await Service<LinkService>().GetAsync(network.Id, network.Member.Id, linkId))!;
        Assert.Equal(LinkMark.SharedForum | LinkMark.Contracts | LinkMark.OpenMeetings, saved.Marks);
        Assert.Equal((kunta, yhdistys), (saved.SourceActorId, saved.TargetActorId));
    }

    [Fact]
    public async Task An_actor_is_deleted_after_confirmation_and_restored_with_its_links()
    {
        var network = await CreateNetworkAsync();
        var (_, yhdistys, _) = await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member);

        await page.GotoAsync($"/networks/{network.Id}/actors/{yhdistys}");
        var actor = await ActorPage.ExpectShownAsync(page, "Työkykyyhdistys ry");
        await actor.DeleteLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Format("Map.Actor.ConfirmDelete", "Työkykyyhdistys ry"));
        await actor.ConfirmDelete.ClickAsync();

        await page.ExpectHeadingAsync(UiText.Get("Map.Tables.Title"));
        var tables = new MapTablesPage(page);
        await Expect(tables.Status).ToContainTextAsync(UiText.Format("Map.Actor.Deleted", "Työkykyyhdistys ry"));
        await Expect(tables.Summary).ToContainTextAsync(UiText.Format("Map.Summary.Counts", 3, 0, 0, 0));
        await tables.Deleted.Locator("summary").ClickAsync();
        await tables.RestoreButton("Työkykyyhdistys ry").ClickAsync();

        await Expect(tables.Status).ToContainTextAsync(UiText.Get("Map.Actor.Restored"));
        await Expect(tables.Summary).ToContainTextAsync(UiText.Format("Map.Summary.Counts", 4, 1, 1, 0));
    }

    [Fact]
    public async Task The_tables_actor_and_link_pages_have_no_accessibility_violations()
    {
        var network = await CreateNetworkAsync();
        var (kunta, _, linkId) = await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member);

        var tables = await MapTablesPage.OpenAsync(page, network.Id);
        await Expect(tables.ActorRows).ToHaveCountAsync(4);
        await tables.Deleted.Locator("summary").ClickAsync();
        await Expect(tables.RestoreButton("Poistunut toimija")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/actors/{kunta}?confirm=delete");
        var actor = await ActorPage.ExpectShownAsync(page, "Joensuun kaupunki");
        await Expect(actor.Neighbours).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);

        // A refused save: the error summary and the invalid field are part of the scan.
        await page.GotoAsync($"/networks/{network.Id}/actors/{kunta}");
        await actor.Name.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Save"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync(UiText.Get("Error.NameRequired"));
        await Axe.AssertAccessibleAsync(page);

        await LinkPage.OpenAsync(page, network.Id, linkId, "Joensuun kaupunki", "Työkykyyhdistys ry");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/networks/{network.Id}/links/new");
        await page.ExpectHeadingAsync(UiText.Get("Map.Link.NewTitle"));
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/networks/{network.Id}/actors/new");
        await page.ExpectHeadingAsync(UiText.Get("Map.Actor.NewTitle"));
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_tables_page_in_Swedish_and_English_has_no_accessibility_violations()
    {
        var network = await CreateNetworkAsync();
        await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member);
        await MapTablesPage.OpenAsync(page, network.Id);

        foreach (var (language, switchLabel) in new[] { ("sv", "Svenska"), ("en", "English") })
        {
            await page.LanguageButton(switchLabel).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await page.ExpectHeadingAsync(UiText.Get("Map.Tables.Title", language));
            await Expect(page.Locator("ul.map-summary")).ToContainTextAsync(UiText.Get("Map.Sector.ThirdSector", language));
            await Axe.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task At_phone_width_the_tables_scroll_inside_their_containers_not_the_page()
    {
        var network = await CreateNetworkAsync();
        await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member, Phone);
        await MapTablesPage.OpenAsync(page, network.Id);

        var pageOverflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(pageOverflow <= 0, $"The page scrolls sideways by {pageOverflow} px at 360 px width.");
        var wraps = page.Locator(".table-wrap");
        await Expect(wraps).ToHaveCountAsync(2);
        foreach (var wrap in await wraps.AllAsync())
        {
            var inner = await wrap.EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
            Assert.True(inner > 0, "A table at 360 px should scroll inside its own container.");
        }
        await Axe.AssertAccessibleAsync(page);
    }
}
