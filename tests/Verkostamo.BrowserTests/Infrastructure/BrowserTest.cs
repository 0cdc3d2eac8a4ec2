using Microsoft.Playwright;
using Verkostamo.Testing;

namespace Verkostamo.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: fresh, isolated browser contexts (cookies, storage) for each test, closed
/// when the test ends, so no test sees another's sign-in.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
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

    /// <summary>A page in a new browser context, signed in as <paramref name="user"/> through the log-in form.</summary>
    protected async Task<IPage> SignedInPageAsync(TestUser user, ViewportSize? viewport = null)
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
}
