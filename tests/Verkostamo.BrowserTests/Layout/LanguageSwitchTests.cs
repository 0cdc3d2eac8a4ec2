using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Layout;

/// <summary>The header's language switch: Finnish by default, Swedish one click away.</summary>
public sealed class LanguageSwitchTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Svenska_switches_the_login_page_to_Swedish()
    {
        var page = await NewPageAsync();
        await LoginPage.OpenAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");

        await page.LanguageButton("Svenska").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await page.ExpectHeadingAsync(UiText.Get("Login.Title", "sv"));
        await Expect(page).ToHaveURLAsync(Fixture.BaseUrl + "/account/login");
        await Expect(page.LanguageButton("Svenska")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.LanguageButton("Suomi")).ToHaveAttributeAsync("aria-pressed", "false");
        await Axe.AssertAccessibleAsync(page);
    }
}
