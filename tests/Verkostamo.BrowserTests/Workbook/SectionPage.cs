using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.Core.Workbook.Template;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>A workbook section (/networks/{id}/workbook/{key}): texts, framework and the answer blocks.</summary>
public sealed partial class SectionPage(IPage page)
{
    public AnswerBlocks Blocks { get; } = new(page);

    public ILocator HistoryLink => page.Locator("nav.pager").GetByRole(AriaRole.Link, new() { Name = Infrastructure.UiText.Get("History.Link"), Exact = true });

    /// <summary>The page's main heading as the template gives it: "5. Title" in part 1, the bare title otherwise.</summary>
    public static string HeadingOf(string key, string language = "fi")
    {
        var section = WorkbookTemplate.Current.Find(key) ?? throw new KeyNotFoundException(key);
        var title = section.For(language).Title;
        return section is { Part: 1, Number: > 0 } ? $"{section.Number}. {title}" : title;
    }

    public static async Task<SectionPage> OpenAsync(IPage page, Guid networkId, string key, string language = "fi")
    {
        await page.GotoAsync($"/networks/{networkId}/workbook/{key}" + (language == "fi" ? "" : "?culture=" + language));
        return await ExpectShownAsync(page, key, language);
    }

    public static async Task<SectionPage> ExpectShownAsync(IPage page, string key, string language = "fi")
    {
        await Expect(page).ToHaveURLAsync(SectionUrl());
        await page.ExpectHeadingAsync(HeadingOf(key, language));
        return new SectionPage(page);
    }

    [GeneratedRegex(@"/networks/[0-9a-f-]{36}/workbook/[a-z0-9-]+(\?.*)?(#.*)?$")]
    private static partial Regex SectionUrl();
}
