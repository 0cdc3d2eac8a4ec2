using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.Core.Workbook.Template;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>
/// axe (WCAG 2.1 A/AA) over every workbook page of a network whose answer blocks are all filled in (with
/// deleted items, an overdue step and an archived theme), so every part of each page is on it.
/// </summary>
[Collection(WorkbookBrowserCollection.Name)]
public sealed class WorkbookAccessibilityTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    /// <summary>Every template section with a page of its own: the cover and part 1 (the themes have their own pages).</summary>
    public static readonly IReadOnlyList<string> SectionKeys =
        [.. WorkbookTemplate.Current.Sections.Where(s => s.Key != "themes").Select(s => s.Key)];

    /// <summary>
    /// The filled-in network both tests read (neither changes it), seeded once per app: filling every section is
    /// a hundred service calls.
    /// </summary>
    private static readonly ConditionalWeakTable<BrowserFixture, Task<(WorkbookNetwork Network, Guid ThemeId)>> Seeded = [];

    /// <summary>The part-1 section each other language scans besides the cover: both have fields and a framework of their own.</summary>
    private static readonly Dictionary<string, string> ScannedSection = new() { ["sv"] = "roles", ["en"] = "learning-phases-clock" };

    private Task<(WorkbookNetwork Network, Guid ThemeId)> FilledNetworkAsync() =>
        Seeded.GetValue(Fixture, _ => SeedAsync());

    private async Task<(WorkbookNetwork Network, Guid ThemeId)> SeedAsync()
    {
        var network = await CreateNetworkAsync();
        return (network, await FillWorkbookAsync(network));
    }

    [Fact]
    public async Task Every_workbook_page_in_Finnish_has_no_accessibility_violations()
    {
        var (network, themeId) = await FilledNetworkAsync();
        var page = await SignedInPageAsync(network.Member);

        var overview = await WorkbookOverview.OpenAsync(page, network);
        await Expect(overview.StatValue("Overview.OverdueSteps")).Not.ToHaveTextAsync("0");
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/workbook");
        await page.ExpectHeadingAsync(UiText.Get("Workbook.Title"));
        await Axe.AssertAccessibleAsync(page);

        await ScanSectionsAsync(page, network, "fi");

        await ThemesPage.OpenAsync(page, network.Id);
        await Expect(new ThemesPage(page).ArchivedSection).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        var theme = await ThemePage.OpenAsync(page, network.Id, themeId, "Nuorten työllisyys");
        await Expect(theme.Blocks.StepItems).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/themes/{themeId}/history");
        var themeHistory = await HistoryPage.ExpectShownAsync(page, "Nuorten työllisyys");
        await Expect(themeHistory.Rows).Not.ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/workbook/definition/history");
        var sectionHistory = await HistoryPage.ExpectShownAsync(page, WorkbookTemplate.Current.Find("definition")!.For("fi").Title);
        await Expect(sectionHistory.RowsOf("History.KeySolution.Deleted")).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Every_section_page_shows_in_Swedish_and_English_and_passes_axe_in_both()
    {
        var (network, _) = await FilledNetworkAsync();
        // The owner, not the member the Finnish test signs in as: the switch also saves the account's language.
        var page = await SignedInPageAsync(network.Owner);
        await SectionPage.OpenAsync(page, network.Id, SectionKeys[^1]);

        // The header's language switch keeps the choice for the following pages. Every section is shown in both
        // languages with its seeded answers. The Finnish test scans every section; a section page in another
        // language is the same markup with other texts, so axe scans here, in each language, the cover and one
        // part-1 section with fields (a scan costs seconds, the largest part of the suite's time).
        foreach (var (language, switchLabel) in new[] { ("sv", "Svenska"), ("en", "English") })
        {
            await page.LanguageButton(switchLabel).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await ScanSectionsAsync(page, network, language, key => key == "cover" || key == ScannedSection[language]);
        }
    }

    private static async Task ScanSectionsAsync(IPage page, WorkbookNetwork network, string language, Func<string, bool>? scan = null)
    {
        foreach (var key in SectionKeys)
        {
            await page.GotoAsync($"/networks/{network.Id}/workbook/{key}");
            var section = await SectionPage.ExpectShownAsync(page, key, language);
            if (key != "cover")
            {
                // The seeded answers are on the page: the scan covers the filled blocks, not just empty ones.
                await Expect(section.Blocks.KeySolutionItems).ToHaveCountAsync(1);
                await Expect(section.Blocks.StepItems).ToHaveCountAsync(2);
            }
            if (scan is null || scan(key))
            {
                await Axe.AssertAccessibleAsync(page);
            }
        }
    }
}
