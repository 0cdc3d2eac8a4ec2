using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>The change history of a section or a theme, newest first.</summary>
public sealed class HistoryPage(IPage page)
{
    public ILocator Rows => page.Locator("table.history tbody tr");
    public ILocator BackLink(string subject) => page.GetByRole(AriaRole.Link, new() { Name = "← " + UiText.Format("History.Back", subject), Exact = true });

    /// <summary>The rows whose "what" cell names the change by its resource key, e.g. "History.KeySolution.Deleted".</summary>
    public ILocator RowsOf(string changeKey) => Rows.Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = UiText.Get(changeKey), Exact = true }) });

    public static async Task<HistoryPage> ExpectShownAsync(IPage page, string subject)
    {
        await page.ExpectHeadingAsync(UiText.Format("History.Title", subject));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/history$"));
        return new HistoryPage(page);
    }
}
