using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Analysis;

/// <summary>The analysis API and page: a network's live map, a saved version, versions side by side, and other networks' ids.</summary>
public class AnalysisApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private async Task<(TestUser Owner, Guid NetworkId, Guid VersionId)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var actors = app.Services.GetRequiredService<ActorService>();
        var links = app.Services.GetRequiredService<LinkService>();
        async Task<Guid> Actor(string name, Sector sector, ParticipationRole? role = null) =>
            (await actors.CreateAsync(networkId, owner.Id, new ActorInput(name) { Sector = sector, RoleNow = role })).Value;
        var kunta = await Actor("Kunta", Sector.Public, ParticipationRole.Locomotive);
        var yhdistys = await Actor("Yhdistys ry", Sector.ThirdSector);
        var yritys = await Actor("Yritys Oy", Sector.Private);
        Assert.True((await links.CreateAsync(networkId, owner.Id, new LinkInput(kunta, yhdistys))).Succeeded);
        var version = await app.Services.GetRequiredService<MapVersionService>().TakeAsync(networkId, owner.Id, "Alku");
        Assert.True(version.Succeeded);
        Assert.True((await links.CreateAsync(networkId, owner.Id, new LinkInput(yhdistys, yritys) { Strength = LinkStrength.Strong })).Succeeded);
        return (owner, networkId, version.Value);
    }

    [Fact]
    public async Task Viewer_reads_the_analysis_of_the_live_map_and_of_a_version_with_strength_filters()
    {
        var (owner, networkId, versionId) = await ArrangeAsync();
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var client = await app.BearerClientAsync(viewer);

        using var current = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/networks/{networkId}/analysis"));
        Assert.Equal(3, current.RootElement.GetProperty("nodes").GetInt32());
        Assert.Equal(2, current.RootElement.GetProperty("edges").GetInt32());
        var yhdistys = current.RootElement.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Yhdistys ry");
        Assert.Equal(1.0, yhdistys.GetProperty("betweenness").GetDouble());
        Assert.Contains(current.RootElement.GetProperty("insights").EnumerateArray(),
            i => i.GetProperty("code").GetString() == "LocomotiveFewLinks" && i.GetProperty("sectionKey").GetString() == "roles");

        using var strong = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/networks/{networkId}/analysis?strength=strong"));
        Assert.Equal(1, strong.RootElement.GetProperty("edges").GetInt32());
        using var old = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/networks/{networkId}/analysis?version={versionId}"));
        Assert.Equal(1, old.RootElement.GetProperty("edges").GetInt32());

        using var versions = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/networks/{networkId}/analysis/versions"));
        Assert.Equal([2, 1], versions.RootElement.EnumerateArray().Select(v => v.GetProperty("edges").GetInt32()));
        Assert.Equal("current", versions.RootElement[0].GetProperty("version").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/networks/{networkId}/analysis?strength=medium")).StatusCode);
    }

    [Fact]
    public async Task Other_network_and_unknown_version_answer_404()
    {
        var (_, networkId, _) = await ArrangeAsync();
        var stranger = await TestUsers.CreateAsync(app.Services);
        await Arrange.NetworkAsync(app.Services, stranger);
        var strangerClient = await app.BearerClientAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/v1/networks/{networkId}/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/v1/networks/{networkId}/analysis/versions")).StatusCode);

        var (owner, ownNetwork, _) = await ArrangeAsync();
        var client = await app.BearerClientAsync(owner);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{ownNetwork}/analysis?version={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{ownNetwork}/analysis?version=yesterday")).StatusCode);
        // A version of another network is unknown here, whoever asks.
        var (_, _, foreignVersion) = await ArrangeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{ownNetwork}/analysis?version={foreignVersion}")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_findings_linked_to_sections_sortable_tables_and_versions()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var client = await app.SignedInClientAsync(owner);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/networks/{networkId}/map/analysis?sort=name&dir=asc"));
        Assert.Contains($"href=\"/networks/{networkId}/workbook/roles\"", html, StringComparison.Ordinal);
        Assert.Contains("Veturiksi merkityllä toimijalla on alle kolme yhteyttä: Kunta.", html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(">Kunta</th>", StringComparison.Ordinal) is > 0 and var k && k < html.IndexOf(">Yritys Oy</th>", StringComparison.Ordinal));
        Assert.Contains("Versiot rinnakkain", html, StringComparison.Ordinal);

        var section = WebUtility.HtmlDecode(await client.GetStringAsync($"/networks/{networkId}/workbook/roles"));
        Assert.Contains("Verkostokuvan havainnot", section, StringComparison.Ordinal);
        Assert.Contains("Veturiksi merkityllä toimijalla", section, StringComparison.Ordinal);
        var picture = WebUtility.HtmlDecode(await client.GetStringAsync($"/networks/{networkId}/workbook/definition"));
        Assert.DoesNotContain("Verkostokuvan havainnot", picture, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_of_an_empty_map_says_there_is_nothing_to_analyse()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var html = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(owner)).GetStringAsync($"/networks/{networkId}/map/analysis"));
        Assert.Contains("Kartalla ei ole vielä toimijoita", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_map_runs_in_the_background_with_progress_and_can_be_cancelled()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var jobs = new Verkostamo.Features.Analysis.AnalysisJobs(app.Services.GetRequiredService<Verkostamo.Core.Analysis.AnalysisService>(), TimeProvider.System,
            new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Verkostamo:Analysis:BackgroundFrom"] = "1" }).Build());
        var first = await jobs.RunAsync(networkId, owner.Id, "current", Verkostamo.Core.Analysis.StrengthFilter.All);
        // Either still running or already done: a three-actor map is quick; poll until the result is there.
        // Polled against a deadline rather than a count of naps, so a busy machine gives it time and a hang still fails.
        var run = first;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (run.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20); // a short pause between polls keeps the loop from starving the job on two cores
            run = await jobs.RunAsync(networkId, owner.Id, "current", Verkostamo.Core.Analysis.StrengthFilter.All);
        }
        Assert.NotNull(run.Result);
        Assert.Equal(3, run.Result.Nodes);
        Assert.False(jobs.Cancel(networkId, "current", Verkostamo.Core.Analysis.StrengthFilter.All));
    }
}
