using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>The workbook's progress on the network overview: answered sections, step counts, themes.</summary>
public sealed class WorkbookOverview(IPage page)
{
    public ILocator Progress => page.GetByRole(AriaRole.Region, new() { Name = UiText.Get("Overview.ProgressTitle"), Exact = true });
    public ILocator ProgressBar => Progress.Locator("progress");
    public ILocator Sections => page.GetByRole(AriaRole.Region, new() { Name = UiText.Get("Overview.SectionsTitle"), Exact = true });
    public ILocator Themes => page.GetByRole(AriaRole.Region, new() { Name = UiText.Get("Themes.Title"), Exact = true });

    /// <summary>The number shown beside a stat's label, e.g. "Overview.OpenSteps".</summary>
    public ILocator StatValue(string labelKey) =>
        Progress.Locator("li.stat").Filter(new() { Has = page.Locator(".stat__label", new() { HasTextString = UiText.Get(labelKey) }) }).Locator(".stat__value");

    public ILocator Section(string key) =>
        Sections.Locator("li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = SectionPage.HeadingOf(key), Exact = true }) });

    public static async Task<WorkbookOverview> OpenAsync(IPage page, WorkbookNetwork network)
    {
        await page.GotoAsync($"/networks/{network.Id}");
        await NetworkPage.ExpectShownAsync(page, network.Name);
        return new WorkbookOverview(page);
    }
}
