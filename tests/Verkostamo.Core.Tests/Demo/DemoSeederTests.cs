using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Data;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Demo;

public class DemoSeederTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Password = "Demo-salasana-2026";
    private readonly FakeTimeProvider clock = TestTime.NewClock();

    [Fact]
    public async Task Seeding_creates_the_demo_network_with_every_role_and_a_second_run_changes_nothing()
    {
        // The seeder is the only test of this class: it works on fixed e-mail addresses.
        await using var services = BuildServices();

        Assert.True(await SeedAsync(services));

        await using (var db = fixture.Db())
        {
            var demo = await db.Users.SingleAsync(u => u.Email == DemoSeeder.DemoEmail);
            var network = await db.Networks.Include(n => n.Memberships).SingleAsync(n => n.Name == DemoSeeder.DemoNetworkName);
            Assert.Equal(9, network.Memberships.Count);
            Assert.Equal(NetworkRole.Owner, network.Memberships.Single(m => m.UserId == demo.Id).Role);
            Assert.Equal(2, network.Memberships.Count(m => m.Role == NetworkRole.Owner));
            Assert.All(Enum.GetValues<NetworkRole>(), role => Assert.Contains(network.Memberships, m => m.Role == role));
            Assert.Equal(TestTime.Start, network.CreatedAt);
        }
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(DemoSeeder.DemoEmail))!, Password));
        }

        Assert.False(await SeedAsync(services));

        await using var after = fixture.Db();
        Assert.Equal(1, await after.Networks.CountAsync(n => n.Name == DemoSeeder.DemoNetworkName));
        Assert.Equal(9, await after.Users.CountAsync(u => u.Email!.EndsWith("@verkostamo.fi")));
    }

    private async Task<bool> SeedAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Password);
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(fixture.Factory);
        services.AddDbContext<VerkostamoDbContext>(o => DatabaseSetup.Configure(o, fixture.Database.Provider, fixture.Database.ConnectionString));
        services.AddIdentityCore<User>().AddEntityFrameworkStores<VerkostamoDbContext>();
        services.AddScoped<DemoSeeder>();
        return services.BuildServiceProvider();
    }
}
