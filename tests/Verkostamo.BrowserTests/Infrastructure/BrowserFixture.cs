using Microsoft.Playwright;
using Verkostamo.Testing;

// One thread per browser collection (see BrowserCollection), also on a two-core machine.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]

namespace Verkostamo.BrowserTests.Infrastructure;

/// <summary>
/// One app on a real Kestrel port (with its own SQLite database) and one headless Debian chromium,
/// shared by the browser tests of one collection; each test gets fresh browser contexts from
/// <see cref="BrowserTest"/>. Tests stay independent because each one creates its own accounts and networks.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The browser download of Playwright cannot work on our machines, so the tests drive Debian's chromium.
    // QUIC, background networking, component updates and sync would only add network noise and flakiness.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private VerkostamoAppFactory? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public VerkostamoAppFactory App => app ?? throw new InvalidOperationException("The fixture is not started.");
    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not started.");
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Never skip: a missing browser must turn the run red, with the way to fix it.
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ChromiumPath}, and it is missing. "
                + "Install it with `sudo apt-get update && sudo apt-get install -y chromium` "
                + "(./test.sh does this itself when it runs as root). Do not run `playwright install`: "
                + "the tests always use Debian's chromium.");
        }

        // A loaded two-core machine can take more than Playwright's default five seconds for a page.
        Assertions.SetDefaultExpectTimeout(15_000);

        app = new VerkostamoAppFactory();
        BaseUrl = app.StartKestrel();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        if (app is not null)
        {
            // The factory's own lifetime also removes its test database.
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

/// <summary>
/// The browser tests run in three collections side by side, each with its own app and chromium: most of a
/// browser test's time is spent waiting on the page, not on the processor, so one queue left the cores idle.
/// Tests within a collection run one after another. Classes pick a collection by their area
/// (<see cref="WorkbookBrowserCollection"/>, <see cref="MapBrowserCollection"/>); the rest share this one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>The workbook pages' browser tests (the longest ones, with axe over every section in three languages).</summary>
[CollectionDefinition(Name)]
public sealed class WorkbookBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: workbook";
}

/// <summary>The network map's browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class MapBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: map";
}
