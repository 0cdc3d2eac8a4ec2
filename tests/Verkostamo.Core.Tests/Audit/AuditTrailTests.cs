using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Audit;

/// <summary>Changes to a network leave who, when, what, and the values before and after.</summary>
public class AuditTrailTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private NetworkService Service => new(fixture.Factory, clock);

    [Fact]
    public async Task Creating_a_network_records_its_values_after()
    {
        var user = await fixture.UserAsync();

        var id = (await Service.CreateAsync(user.Id, new NetworkInput("Uusi verkosto", "Kick-off", "Kuvaus", "en"))).Value;

        var entry = Assert.Single(await EntriesAsync(id));
        Assert.Equal(("Network", id.ToString(), "Created", user.Id, TestTime.Start), (entry.Entity, entry.EntityId, entry.Action, entry.UserId, entry.At));
        Assert.Null(entry.Before);
        var after = Parse(entry.After);
        Assert.Equal("Uusi verkosto", after.GetProperty("name").GetString());
        Assert.Equal("Kick-off", after.GetProperty("eventName").GetString());
        Assert.Equal("en", after.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Updating_a_network_records_before_and_after()
    {
        var network = await fixture.NetworkAsync(clock, "Vanha nimi");
        var version = (await Service.GetAsync(network.Id, network.Owner.Id))!.Version;
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True((await Service.UpdateAsync(network.Id, network.Facilitator.Id, new NetworkInput("Uusi nimi", "Tapahtuma", null, null), version)).Succeeded);

        var entry = Assert.Single(await EntriesAsync(network.Id), e => e.Action == "Updated");
        Assert.Equal((network.Facilitator.Id, TestTime.Start.AddMinutes(5)), (entry.UserId, entry.At));
        Assert.Equal("Vanha nimi", Parse(entry.Before).GetProperty("name").GetString());
        Assert.Equal("", Parse(entry.Before).GetProperty("eventName").GetString());
        Assert.Equal("Uusi nimi", Parse(entry.After).GetProperty("name").GetString());
        Assert.Equal("Tapahtuma", Parse(entry.After).GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task Deleting_and_restoring_a_network_are_recorded()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.True((await Service.DeleteAsync(network.Id, network.Owner.Id)).Succeeded);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await Service.RestoreAsync(network.Id, network.Owner.Id)).Succeeded);

        var entries = await EntriesAsync(network.Id);

        Assert.Equal(["Created", "Deleted", "Restored"], entries.Where(e => e.Entity == "Network").Select(e => e.Action));
        Assert.All(entries.Where(e => e.Entity == "Network"), e => Assert.Equal(network.Owner.Id, e.UserId));
    }

    [Fact]
    public async Task Refused_changes_leave_no_trace()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetAsync(network.Id, network.Owner.Id))!.Version;
        var before = (await EntriesAsync(network.Id)).Count;

        await Service.UpdateAsync(network.Id, network.Member.Id, new NetworkInput("Ei saa", null, null, null), version);
        await Service.DeleteAsync(network.Id, network.Facilitator.Id);
        await Service.AddLogoAsync(network.Id, network.Owner.Id, "x.svg", LogoFiles.Svg());

        Assert.Equal(before, (await EntriesAsync(network.Id)).Count);
    }

    [Fact]
    public async Task Logo_changes_are_recorded_without_their_content()
    {
        var network = await fixture.NetworkAsync(clock);
        var logo = (await Service.AddLogoAsync(network.Id, network.Owner.Id, "logo.png", LogoFiles.Png(100))).Value;
        Assert.True((await Service.RemoveLogoAsync(network.Id, network.Owner.Id, logo)).Succeeded);

        var entries = (await EntriesAsync(network.Id)).Where(e => e.Entity == "NetworkLogo").ToList();

        Assert.Equal(["Created", "Deleted"], entries.Select(e => e.Action));
        var after = Parse(entries[0].After);
        Assert.Equal(100, after.GetProperty("size").GetInt32());
        Assert.False(after.TryGetProperty("content", out _));
        Assert.Equal("logo.png", Parse(entries[1].Before).GetProperty("fileName").GetString());
    }

    private async Task<List<AuditEntry>> EntriesAsync(Guid networkId)
    {
        await using var db = fixture.Db();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.NetworkId == networkId).ToListAsync();
        return [.. entries.OrderBy(e => e.Id)];
    }

    private static JsonElement Parse(string? json)
    {
        Assert.NotNull(json);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
