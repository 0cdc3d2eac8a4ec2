using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

public sealed partial class MembersPage(IPage page)
{
    public ILocator InviteRole => page.Locator("#InviteRole");
    public ILocator CreateInvitation => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Invite.Submit"), Exact = true });

    /// <summary>The read-only field that shows a new invitation link once.</summary>
    public ILocator CreatedLink => page.GetByLabel(UiText.Get("Invite.LinkLabel"), new() { Exact = true });

    public static async Task<MembersPage> ExpectShownAsync(IPage page, string networkName)
    {
        await Expect(page).ToHaveURLAsync(MembersUrl());
        await page.ExpectHeadingAsync(UiText.Format("Members.Title", networkName));
        return new MembersPage(page);
    }

    /// <summary>Creates an invitation link for <paramref name="role"/> (e.g. "Member") and returns it.</summary>
    public async Task<string> CreateInvitationAsync(string role)
    {
        await InviteRole.SelectOptionAsync(role);
        await CreateInvitation.ClickAsync();
        await Expect(CreatedLink).ToBeVisibleAsync();
        await Expect(CreatedLink).ToHaveAttributeAsync("readonly", "");
        return await CreatedLink.InputValueAsync();
    }

    public ILocator RoleOf(string memberName) => page.GetByLabel(UiText.Format("Members.RoleOf", memberName), new() { Exact = true });

    public async Task ChangeRoleAsync(string memberName, string role)
    {
        await RoleOf(memberName).SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Members.SaveRoleOf", memberName), Exact = true }).ClickAsync();
        await Expect(page.StatusMessage()).ToHaveTextAsync(UiText.Get("Members.RoleChanged"));
    }

    [GeneratedRegex(@"/networks/[0-9a-f-]{36}/members$")]
    private static partial Regex MembersUrl();
}
