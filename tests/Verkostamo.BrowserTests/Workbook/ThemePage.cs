using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>One theme (/networks/{id}/themes/{themeId}): goal, steps, key solutions, responsibilities, archive.</summary>
public sealed partial class ThemePage(IPage page)
{
    public AnswerBlocks Blocks { get; } = new(page);
    public ILocator ArchiveButton => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Themes.Archive"), Exact = true });
    public ILocator ArchivedNotice => page.Locator("main .alert--warning");
    public ILocator UnarchiveButton => ArchivedNotice.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Themes.Unarchive"), Exact = true });
    public ILocator AllThemesLink => page.Locator("nav.pager").GetByRole(AriaRole.Link, new() { Name = "← " + UiText.Get("Themes.Back"), Exact = true });

    public static async Task<ThemePage> OpenAsync(IPage page, Guid networkId, Guid themeId, string title)
    {
        await page.GotoAsync($"/networks/{networkId}/themes/{themeId}");
        return await ExpectShownAsync(page, title);
    }

    public static async Task<ThemePage> ExpectShownAsync(IPage page, string title)
    {
        await Expect(page).ToHaveURLAsync(ThemeUrl());
        await page.ExpectHeadingAsync(title);
        return new ThemePage(page);
    }

    [GeneratedRegex(@"/networks/[0-9a-f-]{36}/themes/[0-9a-f-]{36}(\?.*)?(#.*)?$")]
    private static partial Regex ThemeUrl();
}
