using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Accessibility;

/// <summary>
/// Every page not on the main flow, scanned with axe (WCAG 2.1 A/AA) as a signed-in user, plus the log-in
/// page with its error summary and the two first pages at phone width.
/// </summary>
public sealed class PageScanTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("/account/manage", "Manage.Profile")]
    [InlineData("/account/manage/password", "Manage.Password")]
    [InlineData("/account/manage/two-factor", "Manage.TwoFactor")]
    [InlineData("/account/manage/authenticator", "Authenticator.Title")]
    [InlineData("/account/manage/sessions", "Manage.Sessions")]
    [InlineData("/account/manage/personal-data", "Manage.PersonalData")]
    [InlineData("/about", "About.Title")]
    [InlineData("/accessibility", "A11y.Title")]
    public async Task Page_has_no_accessibility_violations(string path, string titleKey)
    {
        var (page, _) = await SignedInPageAsync();
        await page.GotoAsync(path);
        await page.ExpectHeadingAsync(UiText.Get(titleKey));
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Network_settings_page_has_no_accessibility_violations()
    {
        var (page, user) = await SignedInPageAsync();
        var name = "Asetusverkosto " + Guid.NewGuid().ToString("N")[..6];
        var networkId = await CreateNetworkAsync(user.Id, name);
        await page.GotoAsync($"/networks/{networkId}/settings");
        await page.ExpectHeadingAsync(UiText.Format("Settings.Title", name));
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Bin_with_a_deleted_network_has_no_accessibility_violations()
    {
        var (page, user) = await SignedInPageAsync();
        var name = "Poistettu verkosto " + Guid.NewGuid().ToString("N")[..6];
        var networkId = await CreateNetworkAsync(user.Id, name);
        var deleted = await Fixture.App.Services.GetRequiredService<NetworkService>().DeleteAsync(networkId, user.Id);
        Assert.True(deleted.Succeeded, deleted.ErrorCode);

        await page.GotoAsync("/networks/bin");
        await page.ExpectHeadingAsync(UiText.Get("Bin.Title"));
        await Expect(page.GetByText(name)).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Not_found_page_has_no_accessibility_violations()
    {
        var (page, _) = await SignedInPageAsync();
        var response = await page.GotoAsync("/this-page-does-not-exist");
        Assert.Equal(404, response!.Status);
        await page.ExpectHeadingAsync(UiText.Get("NotFound.Title"));
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Login_page_with_validation_errors_has_no_accessibility_violations()
    {
        var page = await NewPageAsync();
        var login = await LoginPage.OpenAsync(page);
        await login.Submit.ClickAsync();

        await Expect(login.ErrorSummary).ToContainTextAsync(UiText.Get("Validation.EmailRequired"));
        await Expect(login.ErrorSummary).ToContainTextAsync(UiText.Get("Validation.PasswordRequired"));
        await Expect(login.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Login_page_at_phone_width_has_no_accessibility_violations()
    {
        var page = await NewPageAsync(Phone);
        await LoginPage.OpenAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Home_page_at_phone_width_has_no_accessibility_violations()
    {
        var (page, user) = await SignedInPageAsync(Phone);
        // A network card and a pending invitation from someone else's network make the page as full as it gets.
        await CreateNetworkAsync(user.Id, "Puhelinverkosto " + Guid.NewGuid().ToString("N")[..6]);
        var inviter = await TestUsers.CreateAsync(Fixture.App.Services);
        var otherNetwork = "Naapuriverkosto " + Guid.NewGuid().ToString("N")[..6];
        var otherNetworkId = await CreateNetworkAsync(inviter.Id, otherNetwork);
        var invited = await Fixture.App.Services.GetRequiredService<InvitationService>()
            .CreateAsync(otherNetworkId, inviter.Id, new InvitationInput(NetworkRole.Member, 7, user.Email));
        Assert.True(invited.Succeeded, invited.ErrorCode);

        await page.GotoAsync("/");
        await HomePage.ExpectShownAsync(page);
        await Expect(page.Locator("ul.cards > li")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Home.AcceptFor", otherNetwork), Exact = true })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
        await Axe.AssertAccessibleAsync(page);
    }

    private async Task<Guid> CreateNetworkAsync(string userId, string name)
    {
        var networks = Fixture.App.Services.GetRequiredService<NetworkService>();
        var created = await networks.CreateAsync(userId, new NetworkInput(name, "Työpaja", "Kuvaus verkostosta.", "fi"));
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    /// <summary>WCAG 1.4.10 (reflow): at 360 px nothing may need sideways scrolling.</summary>
    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at {page.ViewportSize?.Width} px width.");
    }
}
