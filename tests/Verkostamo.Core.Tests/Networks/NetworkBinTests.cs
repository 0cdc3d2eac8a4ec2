using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

/// <summary>The bin: a deleted network is listed and restorable by its owners for 30 days, then purged.</summary>
public class NetworkBinTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private NetworkService Service => new(fixture.Factory, clock);

    [Fact]
    public async Task Bin_lists_deleted_networks_to_owners_only_with_their_purge_date()
    {
        var network = await fixture.NetworkAsync(clock, "Roskakorissa");
        var coOwner = await fixture.UserAsync();
        await fixture.AddMemberAsync(network.Id, coOwner, NetworkRole.Owner, clock);
        var live = await fixture.NetworkAsync(clock);
        await fixture.AddMemberAsync(live.Id, network.Owner, NetworkRole.Member, clock);
        Assert.Empty(await Service.ListBinAsync(network.Owner.Id));

        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        var binned = Assert.Single(await Service.ListBinAsync(network.Owner.Id));
        Assert.Equal((network.Id, "Roskakorissa", TestTime.Start, TestTime.Start.AddDays(30)), (binned.Id, binned.Name, binned.DeletedAt, binned.PurgeAt));
        Assert.Single(await Service.ListBinAsync(coOwner.Id));
        Assert.Empty(await Service.ListBinAsync(network.Facilitator.Id));
        Assert.Empty(await Service.ListBinAsync(network.Member.Id));
    }

    [Fact]
    public async Task Owner_restores_within_thirty_days_and_members_regain_access()
    {
        var network = await fixture.NetworkAsync(clock);
        var before = (await Service.GetAsync(network.Id, network.Owner.Id))!;
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);
        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));

        var result = await Service.RestoreAsync(network.Id, network.Owner.Id);

        Assert.True(result.Succeeded, result.ErrorCode);
        Assert.Empty(await Service.ListBinAsync(network.Owner.Id));
        var details = await Service.GetAsync(network.Id, network.Member.Id);
        Assert.NotNull(details);
        Assert.Equal(before.Name, details.Name);
        Assert.Equal(NetworkRole.Member, details.Role);
        Assert.Contains(await Service.ListMineAsync(network.Owner.Id), n => n.Id == network.Id);
        await using var db = fixture.Db();
        var row = await db.Networks.SingleAsync(n => n.Id == network.Id);
        Assert.Null(row.DeletedAt);
        Assert.Null(row.DeletedByUserId);
    }

    [Fact]
    public async Task Restore_after_thirty_days_fails_and_the_network_leaves_the_bin_list()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(ErrorCodes.RestoreExpired, (await Service.RestoreAsync(network.Id, network.Owner.Id)).ErrorCode);
        Assert.Empty(await Service.ListBinAsync(network.Owner.Id));
        Assert.Null(await Service.GetAsync(network.Id, network.Owner.Id));
    }

    [Fact]
    public async Task Only_an_owner_restores_and_only_a_deleted_network()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreAsync(network.Id, network.Owner.Id)).ErrorCode);
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.RestoreAsync(network.Id, network.Facilitator.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreAsync(network.Id, outsider.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreAsync(Guid.NewGuid(), network.Owner.Id)).ErrorCode);
        Assert.Null(await Service.GetAsync(network.Id, network.Facilitator.Id));
    }

    [Fact]
    public async Task Purge_removes_only_networks_whose_thirty_days_are_over()
    {
        var expired = await fixture.NetworkAsync(clock);
        var invitations = new InvitationService(fixture.Factory, clock);
        Assert.True((await invitations.CreateAsync(expired.Id, expired.Owner.Id, new InvitationInput(NetworkRole.Member, 7, null))).Succeeded);
        Assert.True((await Service.AddLogoAsync(expired.Id, expired.Owner.Id, "logo.png", LogoFiles.Png())).Succeeded);
        Assert.True((await Service.DeleteAsync(expired.Id, expired.Owner.Id)).Succeeded);
        clock.Advance(TimeSpan.FromDays(20));
        var recent = await fixture.NetworkAsync(clock);
        Assert.True((await Service.DeleteAsync(recent.Id, recent.Owner.Id)).Succeeded);
        var live = await fixture.NetworkAsync(clock);
        clock.Advance(TimeSpan.FromDays(10));

        var purged = await Service.PurgeExpiredAsync();

        Assert.True(purged >= 1);
        await using var db = fixture.Db();
        Assert.False(await db.Networks.AnyAsync(n => n.Id == expired.Id));
        Assert.False(await db.Memberships.AnyAsync(m => m.NetworkId == expired.Id));
        Assert.False(await db.Invitations.AnyAsync(i => i.NetworkId == expired.Id));
        Assert.False(await db.NetworkLogos.AnyAsync(l => l.NetworkId == expired.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == expired.Id.ToString() && a.Action == "Purged"));
        Assert.True(await db.Networks.AnyAsync(n => n.Id == recent.Id));
        Assert.True(await db.Networks.AnyAsync(n => n.Id == live.Id));
        Assert.Single(await Service.ListBinAsync(recent.Owner.Id));
        Assert.True((await Service.RestoreAsync(recent.Id, recent.Owner.Id)).Succeeded);
        Assert.NotNull(await Service.GetAsync(live.Id, live.Owner.Id));
    }

    [Fact]
    public async Task Purge_with_nothing_expired_removes_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);
        // A fresh clock: whatever other tests in this class left in the bin is at most a moment old.
        var purged = await new NetworkService(fixture.Factory, TestTime.NewClock()).PurgeExpiredAsync();

        Assert.Equal(0, purged);
        await using var db = fixture.Db();
        Assert.True(await db.Networks.AnyAsync(n => n.Id == network.Id));
    }
}
