using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Map;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Analysis;

/// <summary>The network analysis page and the findings on a workbook section page, in a real browser, used by keyboard and scanned with axe.</summary>
public sealed partial class AnalysisBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private async Task<Guid> ActorAsync(WorkbookNetwork network, string name, Sector sector)
    {
        var created = await Service<ActorService>().CreateAsync(network.Id, network.Member.Id, new ActorInput(name) { Sector = sector, Levels = Level.Strategy });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task LinkAsync(WorkbookNetwork network, Guid a, Guid b, LinkStrength strength)
    {
        var created = await Service<LinkService>().CreateAsync(network.Id, network.Member.Id, new LinkInput(a, b) { Strength = strength, Levels = Level.Strategy });
        Assert.True(created.Succeeded, created.ErrorCode);
    }

    /// <summary>Two sectors joined by one weak link, strong links inside each, and one actor with no links at all.</summary>
    private async Task SeedMapAsync(WorkbookNetwork network)
    {
        var kunta = await ActorAsync(network, "Joensuun kaupunki", Sector.Public);
        var sote = await ActorAsync(network, "Hyvinvointialue", Sector.Public);
        var koulu = await ActorAsync(network, "Ammattiopisto", Sector.Public);
        var yhdistys = await ActorAsync(network, "Työkykyyhdistys ry", Sector.ThirdSector);
        var seura = await ActorAsync(network, "Urheiluseura ry", Sector.ThirdSector);
        await ActorAsync(network, "Yksin oleva säätiö", Sector.ThirdSector);
        await LinkAsync(network, kunta, sote, LinkStrength.Strong);
        await LinkAsync(network, sote, koulu, LinkStrength.Strong);
        await LinkAsync(network, kunta, koulu, LinkStrength.Strong);
        await LinkAsync(network, yhdistys, seura, LinkStrength.Strong);
        await LinkAsync(network, koulu, yhdistys, LinkStrength.Weak);
    }

    [GeneratedRegex("sort=degree")]
    private static partial Regex SortedByDegree();

    [GeneratedRegex("strength=strong")]
    private static partial Regex StrongOnly();

    [Fact]
    public async Task The_analysis_shows_findings_and_metrics_sorts_by_keyboard_and_filters_strong_links()
    {
        var network = await CreateNetworkAsync();
        await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member);

        await page.GotoAsync($"/networks/{network.Id}/map/analysis");
        await page.ExpectHeadingAsync(UiText.Get("Analysis.Title"));
        var findings = page.Locator("ul.insight-list > li");
        await Expect(findings.First).ToBeVisibleAsync();
        var rows = page.Locator("table.table tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Yksin oleva säätiö", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        var degree = page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Analysis.Col.Degree"), Exact = true });
        await page.TabToAsync(degree, maxPresses: 160);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(SortedByDegree());
        var degreeHeader = page.Locator("th[scope=col]").Filter(new() { Has = degree });
        await Expect(degreeHeader).ToHaveAttributeAsync("aria-sort", new Regex("^(ascending|descending)$"));
        var degrees = await rows.Locator($"td:nth-child({await DegreeColumnAsync(page)})").AllInnerTextsAsync();
        var values = degrees.Select(int.Parse).ToList();
        Assert.True(values.SequenceEqual(values.Order()) || values.SequenceEqual(values.OrderDescending()), string.Join(",", values));

        await page.GetByLabel(UiText.Get("Analysis.Choose.Strength"), new() { Exact = true }).SelectOptionAsync("strong");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Analysis.Choose.Apply"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StrongOnly());
        await page.ExpectHeadingAsync(UiText.Get("Analysis.Title"));
        await Expect(page.GetByLabel(UiText.Get("Analysis.Choose.Strength"), new() { Exact = true })).ToHaveValueAsync("strong");
        await Expect(page.Locator("dl.figures dd").Nth(1)).ToHaveTextAsync("4");
        await Axe.AssertAccessibleAsync(page);
    }

    private static async Task<int> DegreeColumnAsync(IPage page)
    {
        var headers = await page.Locator("table.table thead th").AllInnerTextsAsync();
        return headers.ToList().FindIndex(h => h.Trim() == UiText.Get("Analysis.Col.Degree")) + 1;
    }

    [Theory]
    [InlineData("boundaries-levels")]
    [InlineData("strong-weak-links")]
    [InlineData("roles")]
    public async Task A_workbook_section_shows_the_maps_findings(string sectionKey)
    {
        var network = await CreateNetworkAsync();
        await SeedMapAsync(network);
        var page = await SignedInPageAsync(network.Member);

        await page.GotoAsync($"/networks/{network.Id}/workbook/{sectionKey}");
        var insights = page.GetByRole(AriaRole.Region, new() { Name = UiText.Get("Analysis.SectionInsights.Title"), Exact = true });
        await Expect(insights).ToBeVisibleAsync();
        await Expect(insights.Locator("li").First).ToBeVisibleAsync();
        if (sectionKey == "roles")
        {
            // The school is the one actor bridging the two sectors, so it must be named as a broker.
            await Expect(insights).ToContainTextAsync("Ammattiopisto");
        }
        await Expect(insights.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Analysis.SectionInsights.More"), Exact = true }))
            .ToHaveAttributeAsync("href", $"/networks/{network.Id}/map/analysis");
        await Axe.AssertAccessibleAsync(page);
    }
}
