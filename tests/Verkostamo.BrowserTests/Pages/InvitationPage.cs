using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

/// <summary>What the invited person sees on opening an invitation link.</summary>
public sealed partial class InvitationPage(IPage page)
{
    public ILocator Accept => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Invitation.Accept"), Exact = true });

    public static async Task<InvitationPage> ExpectShownAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(InvitationUrl());
        await page.ExpectHeadingAsync(UiText.Get("Invitation.Title"));
        return new InvitationPage(page);
    }

    public async Task<NetworkPage> AcceptAsync(string networkName)
    {
        await Accept.ClickAsync();
        return await NetworkPage.ExpectShownAsync(page, networkName);
    }

    [GeneratedRegex(@"/invitations/[^/?#]+$")]
    private static partial Regex InvitationUrl();
}
