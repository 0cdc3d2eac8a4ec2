using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Account;

/// <summary>The log-in page works with the keyboard alone, starting from the skip link.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task First_tab_reaches_the_skip_link_which_moves_focus_to_main()
    {
        var page = await NewPageAsync();
        await LoginPage.OpenAsync(page);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.SkipLink()).ToBeFocusedAsync();
        await Expect(page.SkipLink()).ToBeInViewportAsync();
        await Expect(page.SkipLink()).ToHaveTextAsync(UiText.Get("Layout.SkipToContent"));

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.MainRegion()).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Login_can_be_completed_with_the_keyboard_only()
    {
        var user = await TestUsers.CreateAsync(Fixture.App.Services);
        var page = await NewPageAsync();
        var login = await LoginPage.OpenAsync(page);

        // Skip link, then into the main content: the first field there is the e-mail address.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.MainRegion()).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(login.Email).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(user.Email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(login.Password).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(user.Password);
        await page.Keyboard.PressAsync("Enter");

        await HomePage.ExpectShownAsync(page);
    }

    [Fact]
    public async Task After_an_in_page_navigation_focus_is_on_the_new_heading()
    {
        // Signed in through the log-in form with the mouse (the other tests sign in over the request API).
        var page = await SignedInThroughFormAsync(await TestUsers.CreateAsync(Fixture.App.Services));
        var home = new HomePage(page);

        // Links are enhanced once blazor.web.js has run, which it has by the load event. The marker on window
        // survives only if the next page really comes without a load.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync("() => { window.verkostamoTestMarker = true; }");

        // Blazor swaps the page without a load; moving focus to the h1 is what tells a screen reader it changed.
        await home.CreateNetworkLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await NewNetworkPage.ExpectShownAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => window.verkostamoTestMarker === true"), "The link caused a full page load, not an enhanced navigation.");
        await Expect(page.Heading(UiText.Get("NewNetwork.Title"))).ToBeFocusedAsync();
    }
}
