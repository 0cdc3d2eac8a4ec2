using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

public sealed partial class NewNetworkPage(IPage page)
{
    public ILocator Name => page.Locator("#Name");
    public ILocator EventName => page.Locator("#EventName");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("NewNetwork.Submit"), Exact = true });

    public static async Task<NewNetworkPage> ExpectShownAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(NewNetworkUrl());
        await page.ExpectHeadingAsync(UiText.Get("NewNetwork.Title"));
        return new NewNetworkPage(page);
    }

    public async Task<NetworkPage> CreateAsync(string name, string? eventName = null)
    {
        await Name.FillAsync(name);
        if (eventName is not null)
        {
            await EventName.FillAsync(eventName);
        }
        await Submit.ClickAsync();
        return await NetworkPage.ExpectShownAsync(page, name);
    }

    [GeneratedRegex(@"/networks/new$")]
    private static partial Regex NewNetworkUrl();
}
