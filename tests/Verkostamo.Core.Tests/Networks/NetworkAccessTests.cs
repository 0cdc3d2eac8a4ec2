using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

public class NetworkAccessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();

    [Fact]
    public async Task Role_is_the_users_own_and_none_for_outsiders_unknown_and_binned_networks()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var access = new NetworkAccess(fixture.Factory);

        Assert.Equal(NetworkRole.Facilitator, await access.GetRoleAsync(network.Id, network.Facilitator.Id));
        Assert.Null(await access.GetRoleAsync(network.Id, other.Owner.Id));
        Assert.Null(await access.GetRoleAsync(Guid.NewGuid(), network.Owner.Id));

        await new NetworkService(fixture.Factory, clock).DeleteAsync(network.Id, network.Owner.Id);

        Assert.Null(await access.GetRoleAsync(network.Id, network.Owner.Id));
        Assert.Equal(NetworkRole.Owner, await access.GetRoleAsync(network.Id, network.Owner.Id, includeDeleted: true));
    }

    [Theory]
    [InlineData(null, NetworkRole.Viewer, false)]
    [InlineData(NetworkRole.Viewer, NetworkRole.Viewer, true)]
    [InlineData(NetworkRole.Member, NetworkRole.Facilitator, false)]
    [InlineData(NetworkRole.Facilitator, NetworkRole.Facilitator, true)]
    [InlineData(NetworkRole.Owner, NetworkRole.Facilitator, true)]
    [InlineData(NetworkRole.Facilitator, NetworkRole.Owner, false)]
    public void Allows_compares_roles_in_order(NetworkRole? actual, NetworkRole required, bool expected) =>
        Assert.Equal(expected, NetworkAccess.Allows(actual, required));
}
