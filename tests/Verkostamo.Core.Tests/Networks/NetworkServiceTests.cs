using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Networks;

public class NetworkServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private NetworkService Service => new(fixture.Factory, clock);

    public static TheoryData<string, string?, string?, string?, string> InvalidInputs => new()
    {
        { "", null, null, null, ErrorCodes.NameRequired },
        { "   \t ", null, null, null, ErrorCodes.NameRequired },
        { new string('n', TextLimits.Name + 1), null, null, null, ErrorCodes.NameTooLong },
        { "Verkosto", new string('e', TextLimits.ShortText + 1), null, null, ErrorCodes.TextTooLong },
        { "Verkosto", null, new string('d', TextLimits.Description + 1), null, ErrorCodes.TextTooLong },
        { "Verkosto", null, null, "de", ErrorCodes.LanguageUnsupported },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Create_refuses_bad_input_and_changes_nothing(string name, string? eventName, string? description, string? language, string expected)
    {
        var user = await fixture.UserAsync();
        var before = await CountsAsync();

        var result = await Service.CreateAsync(user.Id, new NetworkInput(name, eventName, description, language));

        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(await Service.ListMineAsync(user.Id));
    }

    [Fact]
    public async Task Create_accepts_limits_exactly_and_trims_text()
    {
        var user = await fixture.UserAsync();
        var name = new string('ä', TextLimits.Name);

        var result = await Service.CreateAsync(user.Id, new NetworkInput("  " + name + "  ", " Työpaja ", new string('d', TextLimits.Description), "sv"));

        Assert.True(result.Succeeded, result.ErrorCode);
        var details = await Service.GetAsync(result.Value, user.Id);
        Assert.NotNull(details);
        Assert.Equal(name, details.Name);
        Assert.Equal("Työpaja", details.EventName);
        Assert.Equal("sv", details.Language);
    }

    [Fact]
    public async Task Creator_becomes_the_only_owner_and_default_language_is_finnish()
    {
        var user = await fixture.UserAsync();

        var result = await Service.CreateAsync(user.Id, new NetworkInput("Pohjois-Karjalan verkosto", "Työpaja 2026", "Kuvaus", null));

        Assert.True(result.Succeeded);
        var details = await Service.GetAsync(result.Value, user.Id);
        Assert.NotNull(details);
        Assert.Equal(NetworkRole.Owner, details.Role);
        Assert.Equal("fi", details.Language);
        Assert.Equal(TestTime.Start, details.CreatedAt);
        var summary = Assert.Single(await Service.ListMineAsync(user.Id));
        Assert.Equal(result.Value, summary.Id);
        Assert.Equal(NetworkRole.Owner, summary.Role);
        Assert.Equal(1, summary.MemberCount);
    }

    [Fact]
    public async Task ListMine_excludes_deleted_networks_and_networks_of_others()
    {
        var user = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        var kept = (await Service.CreateAsync(user.Id, new NetworkInput("Bravo", null, null, null))).Value;
        var alsoKept = (await Service.CreateAsync(user.Id, new NetworkInput("alfa", null, null, null))).Value;
        var deleted = (await Service.CreateAsync(user.Id, new NetworkInput("Poistettu", null, null, null))).Value;
        await Service.CreateAsync(other.Id, new NetworkInput("Toisen verkosto", null, null, null));
        Assert.True((await Service.DeleteAsync(deleted, user.Id)).Succeeded);

        var mine = await Service.ListMineAsync(user.Id);

        // Ordered by name regardless of case.
        Assert.Equal([alsoKept, kept], mine.Select(n => n.Id));
    }

    [Fact]
    public async Task ListMine_counts_members_and_shows_the_users_own_role()
    {
        var network = await fixture.NetworkAsync(clock);

        var asViewer = Assert.Single(await Service.ListMineAsync(network.Viewer.Id));

        Assert.Equal(NetworkRole.Viewer, asViewer.Role);
        Assert.Equal(4, asViewer.MemberCount);
    }

    [Fact]
    public async Task Get_returns_null_for_non_members_unknown_ids_and_other_networks()
    {
        var mine = await fixture.NetworkAsync(clock);
        var theirs = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        Assert.NotNull(await Service.GetAsync(mine.Id, mine.Viewer.Id));
        Assert.Null(await Service.GetAsync(mine.Id, outsider.Id));
        Assert.Null(await Service.GetAsync(theirs.Id, mine.Owner.Id));
        Assert.Null(await Service.GetAsync(Guid.NewGuid(), mine.Owner.Id));
    }

    [Fact]
    public async Task Facilitator_updates_and_gets_a_new_version()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetAsync(network.Id, network.Facilitator.Id))!.Version;
        clock.Advance(TimeSpan.FromHours(1));

        var result = await Service.UpdateAsync(network.Id, network.Facilitator.Id, new NetworkInput(" Uusi nimi ", "Tapahtuma", "Kuvaus", "en"), version);

        Assert.True(result.Succeeded, result.ErrorCode);
        Assert.NotEqual(version, result.Value);
        var details = await Service.GetAsync(network.Id, network.Owner.Id);
        Assert.Equal(("Uusi nimi", "Tapahtuma", "Kuvaus", "en", result.Value),
            (details!.Name, details.EventName, details.ShortDescription, details.Language, details.Version));
        await using var db = fixture.Db();
        Assert.Equal(TestTime.Start.AddHours(1), (await db.Networks.SingleAsync(n => n.Id == network.Id)).UpdatedAt);
    }

    [Fact]
    public async Task Update_without_language_keeps_the_current_one()
    {
        var user = await fixture.UserAsync();
        var id = (await Service.CreateAsync(user.Id, new NetworkInput("Verkosto", null, null, "sv"))).Value;
        var version = (await Service.GetAsync(id, user.Id))!.Version;

        Assert.True((await Service.UpdateAsync(id, user.Id, new NetworkInput("Verkosto 2", null, null, null), version)).Succeeded);

        Assert.Equal("sv", (await Service.GetAsync(id, user.Id))!.Language);
    }

    [Fact]
    public async Task Update_requires_facilitator_and_hides_the_network_from_outsiders()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var version = (await Service.GetAsync(network.Id, network.Owner.Id))!.Version;
        var input = new NetworkInput("Kaapattu", null, null, null);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateAsync(network.Id, network.Member.Id, input, version)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateAsync(network.Id, network.Viewer.Id, input, version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(network.Id, outsider.Id, input, version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(Guid.NewGuid(), network.Owner.Id, input, version)).ErrorCode);

        var details = await Service.GetAsync(network.Id, network.Owner.Id);
        Assert.NotEqual("Kaapattu", details!.Name);
        Assert.Equal(version, details.Version);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_a_conflict_and_saves_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var loaded = (await Service.GetAsync(network.Id, network.Owner.Id))!;
        // Someone else saves first: the version the owner loaded is now stale.
        var first = await Service.UpdateAsync(network.Id, network.Facilitator.Id, new NetworkInput("Fasilitaattorin nimi", null, null, null), loaded.Version);
        Assert.True(first.Succeeded);
        var auditBefore = await AuditCountAsync(network.Id);

        var stale = await Service.UpdateAsync(network.Id, network.Owner.Id, new NetworkInput("Omistajan nimi", null, null, null), loaded.Version);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, stale.ErrorCode);
        var details = await Service.GetAsync(network.Id, network.Owner.Id);
        Assert.Equal("Fasilitaattorin nimi", details!.Name);
        Assert.Equal(first.Value, details.Version);
        Assert.Equal(auditBefore, await AuditCountAsync(network.Id));
    }

    [Fact]
    public async Task Simultaneous_updates_from_the_same_version_save_exactly_one()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetAsync(network.Id, network.Owner.Id))!.Version;

        var results = await Concurrently.RunAsync(
            () => Service.UpdateAsync(network.Id, network.Owner.Id, new NetworkInput("Omistajan nimi", null, null, null), version),
            () => Service.UpdateAsync(network.Id, network.Facilitator.Id, new NetworkInput("Fasilitaattorin nimi", null, null, null), version));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, Assert.Single(results, r => !r.Succeeded).ErrorCode);
        Assert.Equal(winner.Value, (await Service.GetAsync(network.Id, network.Owner.Id))!.Version);
    }

    [Fact]
    public async Task Update_validates_input_before_saving()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetAsync(network.Id, network.Owner.Id))!.Version;

        var result = await Service.UpdateAsync(network.Id, network.Owner.Id, new NetworkInput(" ", null, null, null), version);

        Assert.Equal(ErrorCodes.NameRequired, result.ErrorCode);
        Assert.Equal(version, (await Service.GetAsync(network.Id, network.Owner.Id))!.Version);
    }

    [Fact]
    public async Task Only_an_owner_deletes_and_members_lose_access_at_once()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        Assert.Equal(ErrorCodes.Forbidden, (await Service.DeleteAsync(network.Id, network.Facilitator.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.DeleteAsync(network.Id, network.Member.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(network.Id, outsider.Id)).ErrorCode);
        Assert.NotNull(await Service.GetAsync(network.Id, network.Member.Id));

        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Null(await Service.GetAsync(network.Id, network.Member.Id));
        Assert.Null(await Service.GetAsync(network.Id, network.Owner.Id));
        Assert.Empty(await Service.ListMineAsync(network.Facilitator.Id));
        await using var db = fixture.Db();
        var row = await db.Networks.SingleAsync(n => n.Id == network.Id);
        Assert.Equal(TestTime.Start, row.DeletedAt);
        Assert.Equal(network.Owner.Id, row.DeletedByUserId);
        // Soft delete: memberships stay so the network can be restored as it was.
        Assert.Equal(4, await db.Memberships.CountAsync(m => m.NetworkId == network.Id));
    }

    [Fact]
    public async Task A_binned_network_cannot_be_updated_or_deleted_again()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetAsync(network.Id, network.Owner.Id))!.Version;
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);

        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(network.Id, network.Owner.Id, new NetworkInput("X", null, null, null), version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(network.Id, network.Owner.Id)).ErrorCode);
    }

    private async Task<(int Networks, int Memberships, int Audit)> CountsAsync()
    {
        await using var db = fixture.Db();
        return (await db.Networks.CountAsync(), await db.Memberships.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task<int> AuditCountAsync(Guid networkId)
    {
        await using var db = fixture.Db();
        return await db.AuditEntries.CountAsync(a => a.NetworkId == networkId);
    }
}
