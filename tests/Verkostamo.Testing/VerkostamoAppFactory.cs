using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Verkostamo.Testing;

/// <summary>
/// The whole app on a real database of its own (see <see cref="TestDatabase"/>). Use as an xunit class
/// fixture. <see cref="StartKestrel"/> serves it on a real loopback port for browser tests.
/// </summary>
public class VerkostamoAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private bool kestrel;

    public TestDatabase Database { get; } = TestDatabase.CreateMigrated();

    /// <summary>Log-in attempts per minute and address; high so tests are never throttled unless they mean it.</summary>
    public int AuthPerMinute { get; init; } = 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Verkostamo", Database.ConnectionString);
        builder.UseSetting("Verkostamo:RateLimits:AuthPerMinute", AuthPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Verkostamo:RateLimits:InvitationsPerMinute", AuthPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Identity's 100,000 PBKDF2 rounds make each hash deliberately slow; the tests create and sign in
        // thousands of accounts, and that alone was minutes of processor time. The hash format and every code
        // path stay the same; only the round count stored in each test hash is lower.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        if (kestrel)
        {
            builder.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>Starts the app on a real port and returns its base address, e.g. http://127.0.0.1:41234.</summary>
    public string StartKestrel()
    {
        kestrel = true;
        UseKestrel();
        StartServer();
        var server = Services.GetRequiredService<IServer>();
        return server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
