using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Members;

/// <summary>Invitation links expire and work once; a bad link says why and adds no one.</summary>
public class InvitationLinkTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task An_open_link_accepted_on_its_page_makes_the_user_a_member_with_the_offered_role()
    {
        var (networkId, token) = await InvitationAsync(NetworkRole.Facilitator);
        var invitee = await TestUsers.CreateAsync(app.Services);
        var client = await app.SignedInClientAsync(invitee);

        var response = await client.SubmitFormAsync($"/invitations/{token}", "accept-invitation");

        Assert.Equal($"/networks/{networkId}", response.RedirectPath());
        Assert.Equal(NetworkRole.Facilitator, await app.Services.GetRequiredService<NetworkAccess>().GetRoleAsync(networkId, invitee.Id));
    }

    [Fact]
    public async Task An_expired_link_shows_why_and_adds_no_one()
    {
        var (_, token) = await InvitationAsync(NetworkRole.Member);
        await using (var db = await Arrange.Db(app.Services))
        {
            // Move the expiry into the past rather than waiting for it.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
            var invitation = await db.Invitations.SingleAsync(i => i.TokenHash == hash);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        var invitee = await TestUsers.CreateAsync(app.Services);
        var client = await app.SignedInClientAsync(invitee);

        await AssertRefusedAsync(client, token, invitee, "Error.InvitationExpired");
    }

    [Fact]
    public async Task A_used_link_shows_why_and_adds_no_one()
    {
        var (_, token) = await InvitationAsync(NetworkRole.Member);
        var first = await TestUsers.CreateAsync(app.Services);
        Assert.True((await app.Services.GetRequiredService<InvitationService>().AcceptAsync(token, first.Id)).Succeeded);
        var second = await TestUsers.CreateAsync(app.Services);
        var client = await app.SignedInClientAsync(second);

        await AssertRefusedAsync(client, token, second, "Error.InvitationUsed");
    }

    [Fact]
    public async Task An_unknown_link_shows_why_and_adds_no_one()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var client = await app.SignedInClientAsync(user);

        await AssertRefusedAsync(client, "not-a-real-token", user, "Error.InvitationInvalid");
    }

    [Fact]
    public async Task A_used_link_is_refused_by_the_api_too()
    {
        var (_, token) = await InvitationAsync(NetworkRole.Member);
        var first = await TestUsers.CreateAsync(app.Services);
        Assert.True((await app.Services.GetRequiredService<InvitationService>().AcceptAsync(token, first.Id)).Succeeded);
        var second = await TestUsers.CreateAsync(app.Services);
        var client = await app.BearerClientAsync(second);

        var response = await client.PostAsync($"/api/v1/invitations/{token}/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(Texts.Get("Error.InvitationUsed"), await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Arrange.MembershipCountAsync(app.Services, second.Id));
    }

    private async Task<(Guid NetworkId, string Token)> InvitationAsync(NetworkRole role)
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var invitation = await app.Services.GetRequiredService<InvitationService>().CreateAsync(networkId, owner.Id, new InvitationInput(role, 7, null));
        return (networkId, invitation.Value!.Token);
    }

    private async Task AssertRefusedAsync(HttpClient client, string token, TestUser user, string messageKey)
    {
        var url = $"/invitations/{token}";
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.BodyAsync();
        Assert.Contains(Texts.Get(messageKey), Texts.Decoded(html), StringComparison.Ordinal);

        // The page offers no accept button; a hand-made post of the form must not get past the check either.
        var posted = await client.PostAsync(url, TestHttp.Form(TestUsers.AntiforgeryToken(html), "accept-invitation"));
        Assert.False(posted.IsRedirect(), $"Accepting a refused invitation redirected to {posted.Headers.Location}.");
        Assert.Equal(0, await Arrange.MembershipCountAsync(app.Services, user.Id));
    }
}
