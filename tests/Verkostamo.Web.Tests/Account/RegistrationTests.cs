using System.Net;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Account;

/// <summary>The registration form: OWASP ASVS password rules and one account per e-mail, each refusal explained.</summary>
public class RegistrationTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task A_new_account_is_created_and_signed_in()
    {
        var client = app.NoRedirectClient();
        var email = NewEmail();

        var response = await RegisterAsync(client, email, TestUsers.Password);

        Assert.Equal("/", response.RedirectPath());
        Assert.Equal(1, await AccountsWithAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_email_is_explained_and_leaves_one_account()
    {
        var existing = await TestUsers.CreateAsync(app.Services);

        var response = await RegisterAsync(app.NoRedirectClient(), existing.Email, "toinen hyvä salasana 77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get("Identity.DuplicateEmail", "fi", existing.Email), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await AccountsWithAsync(existing.Email));
    }

    [Theory]
    [InlineData("password1234", "Identity.PasswordCommon")]
    [InlineData("Salasana1234", "Identity.PasswordCommon")]
    [InlineData("lyhyt sana", "Identity.PasswordTooShort")]
    [InlineData("12345678901", "Identity.PasswordTooShort")]
    public async Task A_weak_password_is_explained_and_creates_no_account(string password, string messageKey)
    {
        var email = NewEmail();

        var response = await RegisterAsync(app.NoRedirectClient(), email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = messageKey == "Identity.PasswordTooShort" ? Texts.Get(messageKey, "fi", 12) : Texts.Get(messageKey);
        Assert.Contains(expected, Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await AccountsWithAsync(email));
    }

    [Fact]
    public async Task A_weak_password_is_explained_in_the_users_language()
    {
        var email = NewEmail();

        var response = await RegisterAsync(app.NoRedirectClient(), email, "lyhyt", culture: "sv");

        Assert.Contains(Texts.Get("Identity.PasswordTooShort", "sv", 12), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await AccountsWithAsync(email));
    }

    [Fact]
    public async Task Twelve_characters_with_no_composition_rules_are_enough()
    {
        // ASVS 2.1.9: no rules on character classes; only length and the common-password check.
        var email = NewEmail();

        var response = await RegisterAsync(app.NoRedirectClient(), email, "kahvikuppi j");

        Assert.Equal("/", response.RedirectPath());
        Assert.Equal(1, await AccountsWithAsync(email));
    }

    private static string NewEmail() => $"rekisteri-{Guid.NewGuid():N}@example.fi";

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, string culture = "fi") =>
        client.SubmitFormAsync($"/account/register?culture={culture}", "register",
            ("Input.DisplayName", "Testi Käyttäjä"), ("Input.Email", email), ("Input.Password", password), ("Input.ConfirmPassword", password));

    private async Task<int> AccountsWithAsync(string email)
    {
        await using var db = await Arrange.Db(app.Services);
        var normalized = email.ToUpperInvariant();
        return await db.Users.CountAsync(u => u.NormalizedEmail == normalized);
    }
}
