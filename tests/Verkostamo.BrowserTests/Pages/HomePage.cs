using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

/// <summary>"Omat verkostot": the signed-in user's networks and pending invitations.</summary>
public sealed partial class HomePage(IPage page)
{
    public ILocator CreateNetworkLink => page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Home.CreateNetwork"), Exact = true });

    public static async Task<HomePage> ExpectShownAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(HomeUrl());
        await page.ExpectHeadingAsync(UiText.Get("Home.Title"));
        return new HomePage(page);
    }

    public async Task<NewNetworkPage> GoToCreateNetworkAsync()
    {
        await CreateNetworkLink.ClickAsync();
        return await NewNetworkPage.ExpectShownAsync(page);
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrl();
}
