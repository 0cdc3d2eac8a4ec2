using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

public class MembershipServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private MembershipService Service => new(fixture.Factory, clock);

    [Fact]
    public async Task List_shows_e_mail_addresses_to_facilitators_and_owners_only()
    {
        var network = await fixture.NetworkAsync(clock);

        foreach (var privileged in new[] { network.Owner, network.Facilitator })
        {
            var members = await Service.ListAsync(network.Id, privileged.Id);
            Assert.NotNull(members);
            Assert.Equal(4, members.Count);
            Assert.All(members, m => Assert.False(string.IsNullOrEmpty(m.Email)));
            Assert.Contains(members, m => m.UserId == network.Member.Id && m.Email == network.Member.Email);
        }
        foreach (var ordinary in new[] { network.Member, network.Viewer })
        {
            var members = await Service.ListAsync(network.Id, ordinary.Id);
            Assert.NotNull(members);
            Assert.Equal(4, members.Count);
            Assert.All(members, m => Assert.Null(m.Email));
        }
    }

    [Fact]
    public async Task List_orders_by_role_and_is_hidden_from_outsiders()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        var members = await Service.ListAsync(network.Id, network.Viewer.Id);

        Assert.NotNull(members);
        Assert.Equal([NetworkRole.Owner, NetworkRole.Facilitator, NetworkRole.Member, NetworkRole.Viewer], members.Select(m => m.Role));
        Assert.Equal("Olli Omistaja", members[0].DisplayName);
        Assert.Null(await Service.ListAsync(network.Id, outsider.Id));
        Assert.Null(await Service.ListAsync(Guid.NewGuid(), network.Owner.Id));
    }

    [Fact]
    public async Task A_member_without_display_name_is_listed_by_e_mail()
    {
        var network = await fixture.NetworkAsync(clock);
        var nameless = await fixture.UserAsync(displayName: "");
        await fixture.AddMemberAsync(network.Id, nameless, NetworkRole.Member, clock);

        var members = await Service.ListAsync(network.Id, network.Viewer.Id);

        Assert.Contains(members!, m => m.UserId == nameless.Id && m.DisplayName == nameless.Email && m.Email is null);
    }

    [Fact]
    public async Task Only_an_owner_changes_roles()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var memberId = await fixture.MembershipIdAsync(network.Id, network.Member);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.ChangeRoleAsync(network.Id, network.Facilitator.Id, memberId, NetworkRole.Facilitator)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.ChangeRoleAsync(network.Id, network.Member.Id, memberId, NetworkRole.Owner)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.ChangeRoleAsync(network.Id, outsider.Id, memberId, NetworkRole.Owner)).ErrorCode);
        Assert.Equal(NetworkRole.Member, await fixture.RoleAsync(network.Id, network.Member));

        Assert.True((await Service.ChangeRoleAsync(network.Id, network.Owner.Id, memberId, NetworkRole.Facilitator)).Succeeded);

        Assert.Equal(NetworkRole.Facilitator, await fixture.RoleAsync(network.Id, network.Member));
        await using var db = fixture.Db();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == memberId.ToString() && a.Action == "RoleChanged");
        Assert.Contains("Member", audit.Before, StringComparison.Ordinal);
        Assert.Contains("Facilitator", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRole_refuses_undefined_roles_and_memberships_of_other_networks()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var memberOfOther = await fixture.MembershipIdAsync(other.Id, other.Member);
        var memberId = await fixture.MembershipIdAsync(network.Id, network.Member);

        Assert.Equal(ErrorCodes.RoleNotAllowed, (await Service.ChangeRoleAsync(network.Id, network.Owner.Id, memberId, (NetworkRole)42)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.ChangeRoleAsync(network.Id, network.Owner.Id, memberOfOther, NetworkRole.Owner)).ErrorCode);
        Assert.Equal(NetworkRole.Member, await fixture.RoleAsync(other.Id, other.Member));
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed_nor_leave()
    {
        var network = await fixture.NetworkAsync(clock);
        var ownerId = await fixture.MembershipIdAsync(network.Id, network.Owner);

        Assert.Equal(ErrorCodes.LastOwner, (await Service.ChangeRoleAsync(network.Id, network.Owner.Id, ownerId, NetworkRole.Facilitator)).ErrorCode);
        Assert.Equal(ErrorCodes.LastOwner, (await Service.RemoveAsync(network.Id, network.Owner.Id, ownerId)).ErrorCode);
        Assert.Equal(ErrorCodes.LastOwner, (await Service.LeaveAsync(network.Id, network.Owner.Id)).ErrorCode);

        Assert.Equal(NetworkRole.Owner, await fixture.RoleAsync(network.Id, network.Owner));
    }

    [Fact]
    public async Task With_two_owners_one_can_be_demoted_but_not_the_second()
    {
        var network = await fixture.NetworkAsync(clock);
        var second = await fixture.UserAsync();
        var secondId = await fixture.AddMemberAsync(network.Id, second, NetworkRole.Owner, clock);
        var firstId = await fixture.MembershipIdAsync(network.Id, network.Owner);

        Assert.True((await Service.ChangeRoleAsync(network.Id, network.Owner.Id, secondId, NetworkRole.Member)).Succeeded);

        Assert.Equal(NetworkRole.Member, await fixture.RoleAsync(network.Id, second));
        Assert.Equal(ErrorCodes.LastOwner, (await Service.ChangeRoleAsync(network.Id, network.Owner.Id, firstId, NetworkRole.Member)).ErrorCode);
    }

    [Fact]
    public async Task With_two_owners_one_can_leave()
    {
        var network = await fixture.NetworkAsync(clock);
        var second = await fixture.UserAsync();
        await fixture.AddMemberAsync(network.Id, second, NetworkRole.Owner, clock);

        Assert.True((await Service.LeaveAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Null(await fixture.RoleAsync(network.Id, network.Owner));
        Assert.Equal(ErrorCodes.LastOwner, (await Service.LeaveAsync(network.Id, second.Id)).ErrorCode);
    }

    [Fact]
    public async Task Two_owners_demoting_each_other_at_once_leave_exactly_one_owner()
    {
        var network = await fixture.NetworkAsync(clock);
        var second = await fixture.UserAsync();
        var secondId = await fixture.AddMemberAsync(network.Id, second, NetworkRole.Owner, clock);
        var firstId = await fixture.MembershipIdAsync(network.Id, network.Owner);

        var results = await Concurrently.RunAsync(
            () => Service.ChangeRoleAsync(network.Id, network.Owner.Id, secondId, NetworkRole.Member),
            () => Service.ChangeRoleAsync(network.Id, second.Id, firstId, NetworkRole.Member));

        Assert.Single(results, r => r.Succeeded);
        // The loser is either no longer an owner or would be demoting the last one.
        Assert.Contains(Assert.Single(results, r => !r.Succeeded).ErrorCode, new[] { ErrorCodes.Forbidden, ErrorCodes.LastOwner });
        await using var db = fixture.Db();
        Assert.Equal(1, await db.Memberships.CountAsync(m => m.NetworkId == network.Id && m.Role == NetworkRole.Owner));
    }

    [Fact]
    public async Task Two_owners_leaving_at_once_leave_exactly_one_owner()
    {
        var network = await fixture.NetworkAsync(clock);
        var second = await fixture.UserAsync();
        await fixture.AddMemberAsync(network.Id, second, NetworkRole.Owner, clock);

        var results = await Concurrently.RunAsync(
            () => Service.LeaveAsync(network.Id, network.Owner.Id),
            () => Service.LeaveAsync(network.Id, second.Id));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(ErrorCodes.LastOwner, Assert.Single(results, r => !r.Succeeded).ErrorCode);
        await using var db = fixture.Db();
        Assert.Equal(1, await db.Memberships.CountAsync(m => m.NetworkId == network.Id && m.Role == NetworkRole.Owner));
    }

    [Fact]
    public async Task Only_an_owner_removes_someone_else()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var memberId = await fixture.MembershipIdAsync(network.Id, network.Member);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.RemoveAsync(network.Id, network.Facilitator.Id, memberId)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.RemoveAsync(network.Id, network.Viewer.Id, memberId)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RemoveAsync(network.Id, outsider.Id, memberId)).ErrorCode);
        Assert.Equal(NetworkRole.Member, await fixture.RoleAsync(network.Id, network.Member));

        Assert.True((await Service.RemoveAsync(network.Id, network.Owner.Id, memberId)).Succeeded);

        Assert.Null(await fixture.RoleAsync(network.Id, network.Member));
        await using var db = fixture.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == memberId.ToString() && a.Action == "Removed" && a.UserId == network.Owner.Id));
    }

    [Fact]
    public async Task A_member_leaves_and_loses_access()
    {
        var network = await fixture.NetworkAsync(clock);
        var networks = new NetworkService(fixture.Factory, clock);

        Assert.True((await Service.LeaveAsync(network.Id, network.Member.Id)).Succeeded);

        Assert.Null(await fixture.RoleAsync(network.Id, network.Member));
        Assert.Null(await networks.GetAsync(network.Id, network.Member.Id));
        Assert.Equal(ErrorCodes.NotFound, (await Service.LeaveAsync(network.Id, network.Member.Id)).ErrorCode);
        Assert.Equal(3, (await Service.ListAsync(network.Id, network.Owner.Id))!.Count);
        await using var db = fixture.Db();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.NetworkId == network.Id && a.Action == "Left" && a.UserId == network.Member.Id));
    }

    [Fact]
    public async Task Memberships_of_a_binned_network_cannot_be_changed()
    {
        var network = await fixture.NetworkAsync(clock);
        var memberId = await fixture.MembershipIdAsync(network.Id, network.Member);
        Assert.True((await new NetworkService(fixture.Factory, clock).DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Equal(ErrorCodes.NotFound, (await Service.ChangeRoleAsync(network.Id, network.Owner.Id, memberId, NetworkRole.Viewer)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RemoveAsync(network.Id, network.Owner.Id, memberId)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.LeaveAsync(network.Id, network.Member.Id)).ErrorCode);
        Assert.Null(await Service.ListAsync(network.Id, network.Owner.Id));
    }
}
