using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Accounts;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Localization;

/// <summary>Finnish first; the language switch changes the next page and is remembered for the account.</summary>
public class LanguageSwitchTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task Switching_to_swedish_makes_the_next_page_swedish()
    {
        var client = app.NoRedirectClient();
        Assert.Contains("<html lang=\"fi\"", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);

        var response = await SwitchAsync(client, "sv", "/account/login");

        Assert.Equal("/account/login", response.RedirectPath());
        var page = await client.GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"sv\"", page, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Login.Title", "sv"), Texts.Decoded(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_choice_is_remembered_for_a_signed_in_user_at_the_next_sign_in()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var browser = await app.SignedInClientAsync(user);

        await SwitchAsync(browser, "sv", "/");
        Assert.Contains("<html lang=\"sv\"", await browser.GetStringAsync("/account/manage"), StringComparison.Ordinal);

        // Another browser starts in Finnish, and turns Swedish as soon as the user signs in.
        var other = app.NoRedirectClient();
        Assert.Contains("<html lang=\"fi\"", await other.GetStringAsync("/account/login"), StringComparison.Ordinal);
        await TestUsers.LogInWithFormAsync(other, user);
        Assert.Contains("<html lang=\"sv\"", await other.GetStringAsync("/"), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        Assert.Equal("sv", (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByIdAsync(user.Id))!.PreferredLanguage);
    }

    [Fact]
    public async Task An_unsupported_language_is_refused_and_changes_nothing()
    {
        var client = app.NoRedirectClient();

        var response = await SwitchAsync(client, "de", "/account/login");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"fi\"", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_only_returns_to_a_local_address()
    {
        var response = await SwitchAsync(app.NoRedirectClient(), "en", "https://evil.example/phish");

        Assert.Equal("/", response.RedirectPath());
        Assert.False(response.Headers.Location!.IsAbsoluteUri && response.Headers.Location.Host == "evil.example");
    }

    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture, string returnUrl)
    {
        var token = await TestHttp.TokenFromAsync(client, returnUrl.StartsWith('/') ? returnUrl : "/account/login");
        return await client.PostAsync("/account/culture", TestHttp.Form(token, null, ("culture", culture), ("returnUrl", returnUrl)));
    }
}
