using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Security;

/// <summary>A form post without this browser's own antiforgery token is refused with 400 and changes nothing.</summary>
public class AntiforgeryTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task A_tampered_token_on_the_new_network_form_is_refused_and_creates_nothing()
    {
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var token = await TestHttp.TokenFromAsync(client, "/networks/new");
        var before = await Arrange.NetworkCountAsync(app.Services);

        var response = await client.PostAsync("/networks/new", TestHttp.Form(Tamper(token), "new-network", ("Input.Name", "Väärennetty"), ("Input.Language", "fi")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Lomaketta ei voitu käsitellä", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task A_tampered_token_on_the_settings_form_is_refused_and_changes_nothing()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var client = await app.SignedInClientAsync(owner);
        var url = $"/networks/{networkId}/settings";
        var token = await TestHttp.TokenFromAsync(client, url);
        var version = (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!.Version;
        var before = await Arrange.SnapshotAsync(app.Services, networkId);

        var response = await client.PostAsync(url, TestHttp.Form(Tamper(token), "network-details",
            ("Input.Version", version.ToString()), ("Input.Name", "Väärennetty"), ("Input.Language", "fi")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Arrange.SnapshotAsync(app.Services, networkId));
    }

    [Fact]
    public async Task A_post_without_a_token_is_refused()
    {
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var before = await Arrange.NetworkCountAsync(app.Services);

        var response = await client.PostAsync("/networks/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-network",
            ["Input.Name"] = "Ilman tokenia",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task Another_users_token_is_refused()
    {
        // What a cross-site attacker could obtain: a genuine token, but issued to someone else's session.
        var attacker = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var attackersToken = await TestHttp.TokenFromAsync(attacker, "/networks/new");
        var victim = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        await TestHttp.TokenFromAsync(victim, "/networks/new");
        var before = await Arrange.NetworkCountAsync(app.Services);

        var response = await victim.PostAsync("/networks/new", TestHttp.Form(attackersToken, "new-network", ("Input.Name", "Toisen token"), ("Input.Language", "fi")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task A_tampered_token_on_the_language_switch_is_refused()
    {
        var client = app.NoRedirectClient();
        var token = await TestHttp.TokenFromAsync(client, "/account/login");

        var response = await client.PostAsync("/account/culture", TestHttp.Form(Tamper(token), null, ("culture", "sv"), ("returnUrl", "/account/login")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.SetCookieValue(".AspNetCore.Culture"));
    }

    [Fact]
    public async Task Logging_out_without_the_token_is_refused_and_keeps_the_user_signed_in()
    {
        // Another site must not be able to sign the user out with a hidden form (login/logout CSRF).
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_with_the_pages_token_signs_the_user_out()
    {
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var token = await TestHttp.TokenFromAsync(client, "/account/manage");

        var response = await client.PostAsync("/account/logout", TestHttp.Form(token, null));

        Assert.Equal("/account/login", response.RedirectPath());
        Assert.Equal("/account/login", (await client.GetAsync("/account/manage")).RedirectPath());
    }

    /// <summary>Flips one character in the middle, keeping the token well-formed base64url.</summary>
    private static string Tamper(string token)
    {
        var i = token.Length / 2;
        return token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
    }
}
