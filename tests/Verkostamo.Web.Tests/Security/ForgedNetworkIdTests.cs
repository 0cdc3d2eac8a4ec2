using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Security;

/// <summary>
/// An owner of one network who edits ids by hand: another network's id in the URL, or another
/// network's member, invitation or logo id under their own network. Each is a 404 and changes nothing.
/// </summary>
public class ForgedNetworkIdTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task Posting_the_settings_form_to_another_networks_url_is_a_404_and_changes_nothing()
    {
        var (attacker, own, victimNetwork) = await TwoNetworksAsync();
        var client = await app.SignedInClientAsync(attacker);
        // A genuine token and form from the attacker's own settings page, sent to the other network's URL.
        var token = await TestHttp.TokenFromAsync(client, $"/networks/{own}/settings");
        var before = await Arrange.SnapshotAsync(app.Services, victimNetwork.Id);

        var response = await client.PostAsync($"/networks/{victimNetwork.Id}/settings", TestHttp.Form(token, "network-details",
            ("Input.Version", victimNetwork.Version.ToString()), ("Input.Name", "Kaapattu"), ("Input.Language", "fi")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await Arrange.SnapshotAsync(app.Services, victimNetwork.Id));
    }

    [Fact]
    public async Task A_forged_network_id_on_a_page_shows_the_localized_not_found_page()
    {
        var (attacker, _, victimNetwork) = await TwoNetworksAsync();
        var client = await app.SignedInClientAsync(attacker);

        var response = await client.GetAsync($"/networks/{victimNetwork.Id}/members");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get("NotFound.Title"), page, StringComparison.Ordinal);
        Assert.DoesNotContain(victimNetwork.Name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_networks_logo_under_my_network_id_is_a_404()
    {
        var (attacker, own, victimNetwork) = await TwoNetworksAsync();
        var client = await app.BearerClientAsync(attacker);

        var response = await client.GetAsync($"/api/v1/networks/{own}/logos/{victimNetwork.LogoId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_networks_member_under_my_network_id_cannot_be_changed_or_removed()
    {
        var (attacker, own, victimNetwork) = await TwoNetworksAsync();
        var client = await app.BearerClientAsync(attacker);
        var before = await Arrange.SnapshotAsync(app.Services, victimNetwork.Id);

        var role = await client.PutAsJsonAsync($"/api/v1/networks/{own}/members/{victimNetwork.MembershipId}/role", new { role = nameof(NetworkRole.Viewer) });
        var remove = await client.DeleteAsync($"/api/v1/networks/{own}/members/{victimNetwork.MembershipId}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (role.StatusCode, remove.StatusCode));
        Assert.Equal(before, await Arrange.SnapshotAsync(app.Services, victimNetwork.Id));
    }

    [Fact]
    public async Task Another_networks_invitation_under_my_network_id_cannot_be_revoked()
    {
        var (attacker, own, victimNetwork) = await TwoNetworksAsync();
        var client = await app.BearerClientAsync(attacker);
        var before = await Arrange.SnapshotAsync(app.Services, victimNetwork.Id);

        var response = await client.DeleteAsync($"/api/v1/networks/{own}/invitations/{victimNetwork.InvitationId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await Arrange.SnapshotAsync(app.Services, victimNetwork.Id));
    }

    private sealed record VictimNetwork(Guid Id, string Name, Guid Version, Guid MembershipId, Guid InvitationId, Guid LogoId);

    /// <summary>The attacker owns a network of their own; the victim's network has a member, an invitation and a logo.</summary>
    private async Task<(TestUser Attacker, Guid Own, VictimNetwork Victim)> TwoNetworksAsync()
    {
        var attacker = await TestUsers.CreateAsync(app.Services);
        var own = await Arrange.NetworkAsync(app.Services, attacker);
        var victim = await TestUsers.CreateAsync(app.Services);
        var member = await TestUsers.CreateAsync(app.Services);
        var name = "Salainen verkosto " + Guid.NewGuid().ToString("N")[..6];
        var id = await Arrange.NetworkAsync(app.Services, victim, name);
        var membership = await Arrange.MemberAsync(app.Services, id, victim, member, NetworkRole.Member);
        var invitation = await app.Services.GetRequiredService<InvitationService>().CreateAsync(id, victim.Id, new InvitationInput(NetworkRole.Member, 7, null));
        var networks = app.Services.GetRequiredService<NetworkService>();
        var logo = await networks.AddLogoAsync(id, victim.Id, "logo.png", Arrange.Png());
        var version = (await networks.GetAsync(id, victim.Id))!.Version;
        return (attacker, own, new VictimNetwork(id, name, version, membership, invitation.Value!.Id, logo.Value));
    }
}
