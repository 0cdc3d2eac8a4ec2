using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

/// <summary>Locators shared by every page of the layout.</summary>
public static class PageParts
{
    public static ILocator Heading(this IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = text, Exact = true });

    /// <summary>
    /// Waits until the page shows <paramref name="title"/> as its main heading. Blazor's enhanced navigation
    /// swaps pages without a load event, so the visible content is the only reliable signal.
    /// </summary>
    public static Task ExpectHeadingAsync(this IPage page, string title) => Expect(page.Heading(title)).ToBeVisibleAsync();

    public static ILocator SkipLink(this IPage page) => page.Locator("a.skip-link");

    public static ILocator MainRegion(this IPage page) => page.Locator("main#main");

    /// <summary>The one-shot status message (success or error) at the top of a page.</summary>
    public static ILocator StatusMessage(this IPage page) => page.Locator("main .alert");

    public static ILocator LanguageButton(this IPage page, string label) =>
        page.Locator("form.language-switch").GetByRole(AriaRole.Button, new() { Name = label, Exact = true });
}
