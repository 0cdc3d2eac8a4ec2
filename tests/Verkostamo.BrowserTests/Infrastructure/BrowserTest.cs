using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.Testing;

namespace Verkostamo.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: fresh, isolated browser contexts (cookies, storage) for each test, closed
/// when the test ends, so no test sees another's sign-in.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public abstract partial class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>A phone-sized viewport: the layout must work at 360 px width.</summary>
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private readonly List<IBrowserContext> contexts = [];

    protected BrowserFixture Fixture { get; } = fixture;

    /// <summary>A page in a new browser context, i.e. a separate person on a separate device.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.BaseUrl,
            Locale = "fi-FI",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as a new account made straight through Identity (faster than the register form).</summary>
    protected async Task<(IPage Page, TestUser User)> SignedInPageAsync(ViewportSize? viewport = null)
    {
        var user = await TestUsers.CreateAsync(Fixture.App.Services, name: "Testi Käyttäjä");
        return (await SignedInPageAsync(user, viewport), user);
    }

    /// <summary>
    /// A page in a new browser context, signed in as <paramref name="user"/> and still blank: the test's first
    /// navigation opens the page it is about.
    /// </summary>
    /// <remarks>
    /// The sign-in posts the real log-in form (antiforgery token, the app's own handler and cookie) over the
    /// context's request API, which shares the context's cookies, instead of rendering the log-in and home pages in
    /// the browser for every test: those two page loads were a large share of many short tests. The form itself is
    /// driven in the browser by <see cref="SignedInThroughFormAsync"/> and by the account tests.
    /// </remarks>
    protected async Task<IPage> SignedInPageAsync(TestUser user, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(viewport);
        var form = await page.Context.APIRequest.GetAsync("/account/login");
        Assert.Equal(200, form.Status);
        // The layout has forms of its own (the language switch, with its own token): only the log-in form's fields.
        var loginForm = FormElement().Matches(await form.TextAsync()).Select(m => m.Value)
            .Single(html => html.Contains("name=\"_handler\" value=\"login\"", StringComparison.Ordinal));
        var fields = InputTag().Matches(loginForm).Select(m => m.Value)
            .Where(tag => tag.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .ToDictionary(tag => Decoded(NameAttribute().Match(tag)), tag => Decoded(ValueAttribute().Match(tag)));
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The log-in form has no antiforgery token.");
        var data = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            data.Set(name, value);
        }
        data.Set("Input.Email", user.Email);
        data.Set("Input.Password", user.Password);
        var signedIn = await page.Context.APIRequest.PostAsync("/account/login", new() { Form = data, MaxRedirects = 0 });
        // Success is the redirect home; a refused log-in renders the form again (200) or goes to 2FA or lockout.
        var location = signedIn.Headers.GetValueOrDefault("location") ?? "";
        Assert.True(signedIn.Status == 302 && new Uri(new Uri(Fixture.BaseUrl), location).AbsolutePath == "/",
            $"Signing in {user.Email} answered {signedIn.Status} {location}.");
        return page;
    }

    /// <summary>A page in a new browser context, signed in as <paramref name="user"/> by filling in the log-in form, on the home page.</summary>
    protected async Task<IPage> SignedInThroughFormAsync(TestUser user, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(viewport);
        var login = await Pages.LoginPage.OpenAsync(page);
        await login.LogInAsync(user.Email, user.Password);
        await Pages.HomePage.ExpectShownAsync(page);
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private static string Decoded(Match attribute) => WebUtility.HtmlDecode(attribute.Groups[1].Value);

    [GeneratedRegex("\\sname=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();
}
