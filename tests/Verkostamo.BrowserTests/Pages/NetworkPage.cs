using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

/// <summary>A network's overview ("Yleiskuva") with the tabs of its pages.</summary>
public sealed partial class NetworkPage(IPage page, Guid networkId)
{
    public Guid NetworkId { get; } = networkId;

    public ILocator Tabs => page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Get("Network.Navigation"), Exact = true });
    public ILocator OverviewTab => Tabs.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Network.Overview"), Exact = true });
    public ILocator MembersTab => Tabs.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Network.Members"), Exact = true });
    public ILocator SettingsTab => Tabs.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Network.Settings"), Exact = true });

    public static async Task<NetworkPage> ExpectShownAsync(IPage page, string networkName)
    {
        await Expect(page).ToHaveURLAsync(OverviewUrl());
        await page.ExpectHeadingAsync(networkName);
        var id = Guid.Parse(OverviewUrl().Match(page.Url).Groups["id"].Value);
        return new NetworkPage(page, id);
    }

    public async Task<MembersPage> GoToMembersAsync(string networkName)
    {
        await MembersTab.ClickAsync();
        return await MembersPage.ExpectShownAsync(page, networkName);
    }

    [GeneratedRegex(@"/networks/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex OverviewUrl();
}
