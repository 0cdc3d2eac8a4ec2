using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.Testing;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Members;

/// <summary>
/// The foundation's main flow, end to end in a real browser: register, create a network, invite, a second
/// person joins through the link, the owner promotes them. Every page on the way is scanned with axe.
/// </summary>
public sealed class InvitationFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_invited_person_joins_through_the_link_and_sees_settings_once_made_facilitator()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var networkName = $"Pohjois-Karjalan työllisyysverkosto {suffix}";
        const string ownerName = "Aino Aaltonen";
        const string guestName = "Bertta Björk";

        // Owner: register, land on the home page, create a network.
        var owner = await NewPageAsync();
        var ownerRegister = await RegisterPage.OpenAsync(owner);
        await Axe.AssertAccessibleAsync(owner);
        await ownerRegister.RegisterAsync(ownerName, $"aino-{suffix}@example.fi", TestUsers.Password);
        var home = await HomePage.ExpectShownAsync(owner);
        await Axe.AssertAccessibleAsync(owner);

        var newNetwork = await home.GoToCreateNetworkAsync();
        await Axe.AssertAccessibleAsync(owner);
        var network = await newNetwork.CreateAsync(networkName);
        await Expect(owner.StatusMessage()).ToHaveTextAsync(UiText.Get("NewNetwork.Created"));
        await Axe.AssertAccessibleAsync(owner);

        // Owner: invite a member and copy the link from the read-only field.
        var members = await network.GoToMembersAsync(networkName);
        await Axe.AssertAccessibleAsync(owner);
        var link = await members.CreateInvitationAsync("Member");
        await Axe.AssertAccessibleAsync(owner);
        Assert.StartsWith(Fixture.BaseUrl + "/invitations/", link, StringComparison.Ordinal);

        // Guest, on another device: the link asks for sign-in; registering leads back to the invitation.
        var guest = await NewPageAsync();
        await guest.GotoAsync(link);
        var guestLogin = await LoginPage.ExpectShownAsync(guest);
        await Axe.AssertAccessibleAsync(guest);
        var guestRegister = await guestLogin.GoToRegisterAsync();
        await Axe.AssertAccessibleAsync(guest);
        await guestRegister.RegisterAsync(guestName, $"bertta-{suffix}@example.fi", TestUsers.Password);
        var invitation = await InvitationPage.ExpectShownAsync(guest);
        await Expect(guest.GetByText(networkName)).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(guest);

        var guestNetwork = await invitation.AcceptAsync(networkName);
        Assert.Equal(network.NetworkId, guestNetwork.NetworkId);
        await Expect(guest.StatusMessage()).ToHaveTextAsync(UiText.Get("Invitation.Joined"));
        await Expect(guestNetwork.MembersTab).ToBeVisibleAsync();
        await Expect(guestNetwork.SettingsTab).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(guest);

        // Owner: the guest is now listed; make them a facilitator.
        await owner.GotoAsync($"/networks/{network.NetworkId}/members");
        members = await MembersPage.ExpectShownAsync(owner, networkName);
        await Expect(members.RoleOf(guestName)).ToHaveValueAsync("Member");
        await members.ChangeRoleAsync(guestName, "Facilitator");
        await Expect(members.RoleOf(guestName)).ToHaveValueAsync("Facilitator");
        await Axe.AssertAccessibleAsync(owner);

        // Guest: after a reload the facilitators' Settings tab is there and leads to the settings page.
        await guest.ReloadAsync();
        await guest.ExpectHeadingAsync(networkName);
        await Expect(guestNetwork.SettingsTab).ToBeVisibleAsync();
        await guestNetwork.SettingsTab.ClickAsync();
        await guest.ExpectHeadingAsync(UiText.Format("Settings.Title", networkName));
        await Axe.AssertAccessibleAsync(guest);
    }
}
