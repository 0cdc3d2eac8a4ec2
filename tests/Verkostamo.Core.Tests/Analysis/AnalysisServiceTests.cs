using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Analysis;

/// <summary>The analysis of a network's live map and saved versions, scoped to the caller's network.</summary>
public class AnalysisServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private MapVersionService Versions => new(fixture.Factory, clock);
    private AnalysisService Service(AnalysisLimits? limits = null) => new(Versions, limits ?? new AnalysisLimits());

    private async Task<Guid> ActorAsync(TestNetwork network, string name, Sector sector)
    {
        var created = await new ActorService(fixture.Factory, clock).CreateAsync(network.Id, network.Member.Id, new ActorInput(name) { Sector = sector });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task LinkAsync(TestNetwork network, Guid a, Guid b, LinkStrength strength)
    {
        var created = await new LinkService(fixture.Factory, clock).CreateAsync(network.Id, network.Member.Id, new LinkInput(a, b) { Strength = strength });
        Assert.True(created.Succeeded, created.ErrorCode);
    }

    [Fact]
    public async Task Viewer_analyses_the_live_map_and_a_saved_version_and_versions_compare_side_by_side()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela", Sector.Public);
        var yritys = await ActorAsync(network, "Yritys Oy", Sector.Private);
        await LinkAsync(network, kela, yritys, LinkStrength.Strong);
        var taken = await Versions.TakeAsync(network.Id, network.Member.Id, "Kevät");
        Assert.True(taken.Succeeded);
        clock.Advance(TimeSpan.FromDays(30));
        var setlementti = await ActorAsync(network, "Setlementti", Sector.ThirdSector);
        await LinkAsync(network, setlementti, yritys, LinkStrength.Weak);

        var current = await Service().AnalyzeAsync(network.Id, network.Viewer.Id, "current", StrengthFilter.All);
        Assert.True(current.Succeeded, current.ErrorCode);
        Assert.Equal((3, 2), (current.Value!.Nodes, current.Value.Edges));
        Assert.Equal(1.0, current.Value.Actors.Single(a => a.Name == "Yritys Oy").Betweenness);

        var old = await Service().AnalyzeAsync(network.Id, network.Viewer.Id, taken.Value.ToString(), StrengthFilter.Weak);
        Assert.True(old.Succeeded, old.ErrorCode);
        Assert.Equal((2, 0), (old.Value!.Nodes, old.Value.Edges));

        var rows = await Service().CompareVersionsAsync(network.Id, network.Viewer.Id);
        Assert.NotNull(rows);
        Assert.Equal(["current", taken.Value.ToString("D")], rows.Select(r => r.Version));
        Assert.Equal([(3, 2), (2, 1)], rows.Select(r => (r.Nodes, r.Edges)));
        Assert.Equal(new StrengthBalance(1, 1), rows[0].Balance);
        Assert.Equal(["Yritys Oy"], rows[0].TopBrokers);
        Assert.Equal(1.0, rows[1].CrossSectorShare);
    }

    [Fact]
    public async Task Other_network_and_unknown_version_are_not_found()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        Assert.Equal(ErrorCodes.NotFound, (await Service().AnalyzeAsync(network.Id, other.Owner.Id, "current", StrengthFilter.All)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service().AnalyzeAsync(network.Id, network.Owner.Id, Guid.NewGuid().ToString(), StrengthFilter.All)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service().AnalyzeAsync(network.Id, network.Owner.Id, "not-a-version", StrengthFilter.All)).ErrorCode);
        Assert.Null(await Service().CompareVersionsAsync(network.Id, other.Viewer.Id));
    }

    [Fact]
    public async Task Map_over_the_limit_is_refused()
    {
        var network = await fixture.NetworkAsync(clock);
        await ActorAsync(network, "A", Sector.Public);
        await ActorAsync(network, "B", Sector.Public);
        var result = await Service(new AnalysisLimits { MaxActors = 1 }).AnalyzeAsync(network.Id, network.Viewer.Id, "current", StrengthFilter.All);
        Assert.Equal(AnalysisService.TooLarge, result.ErrorCode);
    }

    [Fact]
    public void Json_has_the_verbs_shape_with_brokerage_when_sectors_are_given()
    {
        var analysis = NetworkAnalyzer.Analyze(
            [new AnalysisNode("x") { Sector = Sector.Public }, new AnalysisNode("y") { Sector = Sector.Private }, new AnalysisNode("z")],
            [new AnalysisEdge("x", "y"), new AnalysisEdge("y", "z")]);
        using var json = JsonDocument.Parse(AnalysisJson.ToJson(analysis));
        var root = json.RootElement;
        Assert.Equal((3, 2, 2 / 3.0, 1), (root.GetProperty("nodes").GetInt32(), root.GetProperty("edges").GetInt32(),
            root.GetProperty("density").GetDouble(), root.GetProperty("components").GetInt32()));
        var y = root.GetProperty("actors").GetProperty("y");
        Assert.Equal(["degree", "degreeCentrality", "betweenness", "closeness", "eigenvector", "clustering", "community", "brokerage"],
            y.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, y.GetProperty("betweenness").GetDouble());
        Assert.Equal(2, y.GetProperty("brokerage").GetProperty("liaison").GetInt32());

        var plain = JsonDocument.Parse(AnalysisJson.ToJson(NetworkAnalyzer.Analyze([new AnalysisNode("a"), new AnalysisNode("b")], [], new AnalysisOptions { EigenvectorPerComponent = false })));
        Assert.False(plain.RootElement.GetProperty("actors").GetProperty("a").TryGetProperty("brokerage", out _));
        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("actors").GetProperty("a").GetProperty("eigenvector").ValueKind);
        Assert.Equal("undefined", plain.RootElement.GetProperty("eigenvectorScope").GetString());
    }
}
