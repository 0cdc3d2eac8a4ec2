using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>The list of themes (/networks/{id}/themes): active, archived and deleted ones, and the form for a new one.</summary>
public sealed partial class ThemesPage(IPage page)
{
    public ILocator Status => page.Locator("main [role=status]");
    public ILocator ActiveThemes => page.Locator("ol.theme-list > li");
    public ILocator NewTitle => page.GetByLabel(UiText.Get("Themes.TitleField"), new() { Exact = true });
    public ILocator NewGoal => page.GetByLabel(UiText.Get("Themes.GoalField"), new() { Exact = true });
    public ILocator AddButton => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Themes.AddButton"), Exact = true });
    public ILocator ArchivedSection => page.GetByRole(AriaRole.Region, new() { Name = UiText.Get("Themes.Archived"), Exact = true });

    public ILocator ActiveTheme(string title) => ActiveThemes.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public ILocator ArchiveButton(string title) => page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Themes.ArchiveNamed", title), Exact = true });

    public ILocator UnarchiveButton(string title) => page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Themes.UnarchiveNamed", title), Exact = true });

    public static async Task<ThemesPage> OpenAsync(IPage page, Guid networkId)
    {
        await page.GotoAsync($"/networks/{networkId}/themes");
        return await ExpectShownAsync(page);
    }

    public static async Task<ThemesPage> ExpectShownAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(ThemesUrl());
        await page.ExpectHeadingAsync(UiText.Get("Themes.Title"));
        return new ThemesPage(page);
    }

    public async Task<ThemePage> AddThemeAsync(string title, string goal)
    {
        await NewTitle.FillAsync(title);
        await NewGoal.FillAsync(goal);
        await AddButton.ClickAsync();
        var theme = await ThemePage.ExpectShownAsync(page, title);
        await Expect(theme.Blocks.Status).ToHaveTextAsync(UiText.Get("Themes.Created"));
        return theme;
    }

    [GeneratedRegex(@"/networks/[0-9a-f-]{36}/themes(\?.*)?(#.*)?$")]
    private static partial Regex ThemesUrl();
}
