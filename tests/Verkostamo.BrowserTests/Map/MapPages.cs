using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Map;

/// <summary>The map as tables (/networks/{id}/map/tables): the summary, the actors and links tables, and the deleted items.</summary>
public sealed class MapTablesPage(IPage page)
{
    public ILocator Summary => page.Locator("ul.map-summary");
    public ILocator ActorRows => page.Locator("table").First.Locator("tbody tr");
    public ILocator AddActor => page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Map.Actors.Add"), Exact = true });
    public ILocator Deleted => page.Locator("details.deleted-items");
    public ILocator Status => page.StatusMessage();

    public ILocator ActorLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First;

    public ILocator RestoreButton(string name) => page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Map.Deleted.RestoreNamed", name), Exact = true });

    public static async Task<MapTablesPage> OpenAsync(IPage page, Guid networkId, string language = "fi")
    {
        await page.GotoAsync($"/networks/{networkId}/map/tables");
        await page.ExpectHeadingAsync(UiText.Get("Map.Tables.Title", language));
        return new MapTablesPage(page);
    }
}

/// <summary>An actor's page (/networks/{id}/actors/…): its form, neighbours, the form for a new link and deletion.</summary>
public sealed class ActorPage(IPage page)
{
    public ILocator Name => page.GetByLabel(UiText.Get("Map.Actor.Name"), new() { Exact = true });
    public ILocator Sector => page.GetByLabel(UiText.Get("Map.Actor.Sector"), new() { Exact = true });
    public ILocator CreateButton => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Map.Actor.Create"), Exact = true });
    public ILocator LinkTarget => page.GetByLabel(UiText.Get("Map.Link.Other"), new() { Exact = true });
    public ILocator AddLinkButton => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Map.Link.Create"), Exact = true });
    public ILocator Neighbours => page.Locator("#neighbours-caption").Locator("xpath=..").Locator("tbody tr");
    public ILocator DeleteLink => page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Map.Actor.Delete"), Exact = true });
    public ILocator ConfirmDelete => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Map.Actor.DeleteConfirmButton"), Exact = true });
    public ILocator Status => page.StatusMessage();

    public ILocator Strength(string strength) => page.GetByLabel(UiText.Get("Map.Strength." + strength), new() { Exact = true });

    public ILocator Mark(string mark) => page.GetByLabel(UiText.Get("Map.Mark." + mark), new() { Exact = true });

    public static async Task<ActorPage> ExpectShownAsync(IPage page, string title)
    {
        await page.ExpectHeadingAsync(title);
        return new ActorPage(page);
    }
}

/// <summary>A link's page (/networks/{id}/links/…): its form with the marks as two checklists, and deletion.</summary>
public sealed class LinkPage(IPage page)
{
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Save"), Exact = true });
    public ILocator WeakMarks => page.GetByRole(AriaRole.Group, new() { Name = UiText.Get("Map.MarkGroup.Weak"), Exact = true });
    public ILocator StrongMarks => page.GetByRole(AriaRole.Group, new() { Name = UiText.Get("Map.MarkGroup.Strong"), Exact = true });
    public ILocator Status => page.StatusMessage();

    public ILocator Mark(string mark) => page.GetByLabel(UiText.Get("Map.Mark." + mark), new() { Exact = true });

    public static async Task<LinkPage> OpenAsync(IPage page, Guid networkId, Guid linkId, string source, string target)
    {
        await page.GotoAsync($"/networks/{networkId}/links/{linkId}");
        await page.ExpectHeadingAsync(UiText.Format("Map.Link.Title", source, target));
        return new LinkPage(page);
    }
}
