using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;

namespace Verkostamo.Core.Tests.Support;

/// <summary>
/// One real, migrated database per test class (SQLite, or PostgreSQL when VERKOSTAMO_TEST_POSTGRES is
/// set). Tests share it but never share rows: each test makes its own users and networks, so the
/// order tests run in does not matter.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDbContextFactory<VerkostamoDbContext> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.Create().MigrateAsync();
        Factory = database.Factory();
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public VerkostamoDbContext Db() => Factory.CreateDbContext();

    /// <summary>An account row as Identity would store it; services only need it for the membership foreign key.</summary>
    public async Task<User> UserAsync(string? displayName = null, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.fi";
        var user = new User
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = displayName ?? "",
            CreatedAt = TestTime.Start,
        };
        await using var db = Db();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A network created through the service by a fresh owner, with one fresh user in each other role.</summary>
    public async Task<TestNetwork> NetworkAsync(TimeProvider clock, string? name = null)
    {
        var owner = await UserAsync("Olli Omistaja");
        var created = await new NetworkService(Factory, clock).CreateAsync(owner.Id, new NetworkInput(name ?? "Verkosto " + Guid.NewGuid().ToString("N")[..8], null, null, null));
        Assert.True(created.Succeeded, created.ErrorCode);
        var network = new TestNetwork(created.Value, owner, await UserAsync("Fanni Fasilitaattori"), await UserAsync("Jussi Jäsen"), await UserAsync("Ville Valvoja"));
        await AddMemberAsync(network.Id, network.Facilitator, NetworkRole.Facilitator, clock);
        await AddMemberAsync(network.Id, network.Member, NetworkRole.Member, clock);
        await AddMemberAsync(network.Id, network.Viewer, NetworkRole.Viewer, clock);
        return network;
    }

    public async Task<Guid> AddMemberAsync(Guid networkId, User user, NetworkRole role, TimeProvider clock)
    {
        await using var db = Db();
        var membership = new Membership { Id = Guid.NewGuid(), NetworkId = networkId, UserId = user.Id, Role = role, JoinedAt = clock.GetUtcNow() };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        return membership.Id;
    }

    public async Task<Guid> MembershipIdAsync(Guid networkId, User user)
    {
        await using var db = Db();
        return await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == user.Id).Select(m => m.Id).SingleAsync();
    }

    public async Task<NetworkRole?> RoleAsync(Guid networkId, User user)
    {
        await using var db = Db();
        return await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == user.Id).Select(m => (NetworkRole?)m.Role).SingleOrDefaultAsync();
    }
}

public sealed record TestNetwork(Guid Id, User Owner, User Facilitator, User Member, User Viewer);

public static class TestTime
{
    /// <summary>A fixed, whole-second UTC start so stored times compare exactly on both providers.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider NewClock() => new(Start);
}
