using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Account;

/// <summary>Lockout, sign-ins, personal data and account deletion.</summary>
public class AccountSecurityTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_does_not_sign_in()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var client = app.NoRedirectClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await LogInAsync(client, user.Email, "väärä salasana " + attempt);
            Assert.False(wrong.RedirectPath() == "/", $"Wrong password #{attempt} signed in.");
        }
        var sixth = await LogInAsync(client, user.Email, user.Password);

        Assert.Equal("/account/lockout", sixth.RedirectPath());
        Assert.Equal("/account/login", (await client.GetAsync("/account/manage")).RedirectPath());
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task A_wrong_password_is_explained_on_the_form()
    {
        var user = await TestUsers.CreateAsync(app.Services);

        var response = await LogInAsync(app.NoRedirectClient(), user.Email, "ei tämä ole se");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get("Login.Failed"), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_personal_data_download_is_json_with_the_users_memberships()
    {
        var user = await TestUsers.CreateAsync(app.Services, name: "Sanna Seppälä");
        var owner = await TestUsers.CreateAsync(app.Services);
        await Arrange.NetworkAsync(app.Services, user, "Oma verkosto");
        var other = await Arrange.NetworkAsync(app.Services, owner, "Toisen verkosto");
        await Arrange.MemberAsync(app.Services, other, owner, user, NetworkRole.Viewer);
        var client = await app.SignedInClientAsync(user);

        var response = await client.GetAsync("/account/personal-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var data = JsonDocument.Parse(await response.BodyAsync());
        Assert.Equal(user.Email, data.RootElement.GetProperty("email").GetString());
        Assert.Equal("Sanna Seppälä", data.RootElement.GetProperty("displayName").GetString());
        var memberships = data.RootElement.GetProperty("memberships").EnumerateArray()
            .Select(m => (m.GetProperty("network").GetString(), m.GetProperty("role").GetString()))
            .Order().ToList();
        Assert.Equal([("Oma verkosto", "Owner"), ("Toisen verkosto", "Viewer")], memberships);
    }

    [Fact]
    public async Task The_personal_data_download_needs_a_signed_in_user()
    {
        var response = await app.NoRedirectClient().GetAsync("/account/personal-data");

        Assert.Equal("/account/login", response.RedirectPath());
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_another_browsers_sign_in_at_its_next_request()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var laptop = await app.SignedInClientAsync(user);
        var phone = await app.SignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account/manage")).StatusCode);

        var response = await laptop.SubmitFormAsync("/account/manage/sessions", "sign-out-everywhere");

        Assert.Equal("/account/login", response.RedirectPath());
        Assert.Equal("/account/login", (await phone.GetAsync("/account/manage")).RedirectPath());
        Assert.Equal("/account/login", (await laptop.GetAsync("/account/manage")).RedirectPath());
        Assert.Empty(await app.Services.GetRequiredService<UserSessionService>().ListActiveAsync(user.Id));
    }

    [Fact]
    public async Task Signing_out_one_session_leaves_the_others()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var laptop = await app.SignedInClientAsync(user);
        var phone = await app.SignedInClientAsync(user);
        var sessions = app.Services.GetRequiredService<UserSessionService>();
        var laptopPage = await laptop.GetStringAsync("/account/manage/sessions");
        // The page offers a sign-out button for every session but the current one: the phone's.
        var phoneSession = Assert.Single(await sessions.ListActiveAsync(user.Id), s => laptopPage.Contains($"revoke-{s.Id}", StringComparison.Ordinal));

        var response = await laptop.SubmitFormAsync("/account/manage/sessions", $"revoke-{phoneSession.Id}");

        Assert.Equal("/account/manage/sessions", response.RedirectPath());
        Assert.Equal("/account/login", (await phone.GetAsync("/account/manage")).RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_is_refused_while_the_user_is_the_last_owner_of_a_network_with_others()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var member = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Yhteinen verkosto");
        await Arrange.MemberAsync(app.Services, networkId, owner, member, NetworkRole.Member);
        var client = await app.SignedInClientAsync(owner);

        var page = await client.GetAsync("/account/manage/personal-data");
        var html = Texts.Decoded(await page.BodyAsync());
        Assert.Contains(Texts.Get("PersonalData.Blocking"), html, StringComparison.Ordinal);
        Assert.Contains("Yhteinen verkosto", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Password\"", html, StringComparison.Ordinal);

        // The form is not offered; a hand-made post must not delete anything either.
        var posted = await client.PostAsync("/account/manage/personal-data", TestHttp.Form(TestUsers.AntiforgeryToken(html), "delete-account",
            ("Input.Password", owner.Password), ("Input.Confirm", "true")));

        Assert.False(posted.IsRedirect(), $"The refused deletion redirected to {posted.Headers.Location}.");
        using var scope = app.Services.CreateScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByIdAsync(owner.Id));
        Assert.Equal(NetworkRole.Owner, await app.Services.GetRequiredService<NetworkAccess>().GetRoleAsync(networkId, owner.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_works_once_no_network_depends_on_it()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, user, "Vain minun");
        var client = await app.SignedInClientAsync(user);

        var response = await client.SubmitFormAsync("/account/manage/personal-data", "delete-account",
            ("Input.Password", user.Password), ("Input.Confirm", "true"));

        Assert.Equal("/account/login", response.RedirectPath());
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByIdAsync(user.Id));
        Assert.Null(await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, user.Id));
    }

    [Fact]
    public async Task The_profile_form_shows_and_saves_the_name_and_language()
    {
        var user = await TestUsers.CreateAsync(app.Services, name: "Vanha Nimi");
        var client = await app.SignedInClientAsync(user);
        Assert.Contains("value=\"Vanha Nimi\"", await client.GetStringAsync("/account/manage"), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync("/account/manage", "profile", ("Input.DisplayName", "Uusi Nimi"), ("Input.Language", "en"));

        Assert.Equal("/account/manage", response.RedirectPath());
        using var scope = app.Services.CreateScope();
        var saved = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByIdAsync(user.Id))!;
        Assert.Equal(("Uusi Nimi", "en"), (saved.DisplayName, saved.PreferredLanguage));
        Assert.Contains("<html lang=\"en\"", await client.GetStringAsync("/account/manage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_api_keeps_its_manage_endpoints_behind_sign_in()
    {
        // Log-in and registration are declared anonymous; that must not open /manage.
        var anonymous = await app.NoRedirectClient().GetAsync("/api/v1/account/manage/info");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var user = await TestUsers.CreateAsync(app.Services);
        var signedIn = await (await app.BearerClientAsync(user)).GetAsync("/api/v1/account/manage/info");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/login", "login", ("Input.Email", email), ("Input.Password", password));
}
