using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Features.Map.Versions;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Map;

/// <summary>The versions page (take, list, delete after a confirmation), the comparison page and the yearly versions.</summary>
public class MapVersionsPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private ActorService Actors => app.Services.GetRequiredService<ActorService>();
    private MapVersionService Versions => app.Services.GetRequiredService<MapVersionService>();

    private async Task<(TestUser Owner, Guid NetworkId, HttpClient Client)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return (owner, networkId, await app.SignedInClientAsync(owner));
    }

    private async Task<Guid> ActorAsync(TestUser owner, Guid networkId, string name, ParticipationRole? role = null)
    {
        var result = await Actors.CreateAsync(networkId, owner.Id, new ActorInput(name) { RoleNow = role, Sector = Sector.ThirdSector });
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Value;
    }

    [Fact]
    public async Task A_version_is_taken_listed_and_deleted_after_a_confirmation()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        await ActorAsync(owner, networkId, "Joensuun Setlementti");
        var url = $"/networks/{networkId}/map/versions";

        var empty = Texts.Decoded(await client.GetStringAsync(url));
        Assert.Contains(Texts.Get("MapCore.Versions.Empty"), empty, StringComparison.Ordinal);

        var refused = await client.SubmitFormAsync(url, "take-version", ("Take.Name", "  "));
        Assert.Contains(Texts.Get("Error.NameRequired"), Texts.Decoded(await refused.BodyAsync()), StringComparison.Ordinal);
        var taken = await client.SubmitFormAsync(url, "take-version", ("Take.Name", "Ennen arviointia"));
        Assert.True(taken.IsRedirect(), $"Expected a redirect, got {(int)taken.StatusCode}");
        var version = Assert.Single((await Versions.ListAsync(networkId, owner.Id))!);
        Assert.Equal(("Ennen arviointia", 1), (version.Name, version.ActorCount));

        var list = Texts.Decoded(await client.GetStringAsync(url));
        Assert.Contains("Ennen arviointia", list, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Versions.CountsText", "fi", "1", "0"), list, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Versions.Reason.Manual"), list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/networks/{networkId}/map/versions/compare?from={version.Id}&to=current\"", list, StringComparison.Ordinal);

        var confirm = Texts.Decoded(await client.GetStringAsync($"{url}?confirm={version.Id}"));
        Assert.Contains(Texts.Get("MapCore.Versions.ConfirmDelete", "fi", "Ennen arviointia"), confirm, StringComparison.Ordinal);
        Assert.Single((await Versions.ListAsync(networkId, owner.Id))!);
        var deleted = await client.SubmitFormAsync($"{url}?confirm={version.Id}", "versions-cmd", ("Cmd.Command", $"delete:{version.Id}"));
        Assert.True(deleted.IsRedirect(), $"Expected a redirect, got {(int)deleted.StatusCode}");
        Assert.Empty((await Versions.ListAsync(networkId, owner.Id))!);
    }

    [Fact]
    public async Task A_viewer_sees_versions_but_no_take_or_delete_forms()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        await ActorAsync(owner, networkId, "Kela");
        var version = (await Versions.TakeAsync(networkId, owner.Id, "Versio")).Value;
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var client = await app.SignedInClientAsync(viewer);

        var page = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/versions?confirm={version}"));

        Assert.Contains("Versio", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Take.Name", page, StringComparison.Ordinal);
        Assert.DoesNotContain("delete:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_lists_the_changes_with_counts_and_links_to_the_map()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Joensuun kaupunki", ParticipationRole.Locomotive);
        var b = await ActorAsync(owner, networkId, "Siun sote");
        var gone = await ActorAsync(owner, networkId, "Lähtevä yhdistys");
        var links = app.Services.GetRequiredService<LinkService>();
        var link = (await links.CreateAsync(networkId, owner.Id, new LinkInput(a, b) { Strength = LinkStrength.Weak })).Value;
        var before = (await Versions.TakeAsync(networkId, owner.Id, "Viime vuonna")).Value;
        Assert.True((await Actors.DeleteAsync(networkId, owner.Id, gone)).Succeeded);
        await ActorAsync(owner, networkId, "Uusi osuuskunta");
        var view = (await links.GetAsync(networkId, owner.Id, link))!;
        Assert.True((await links.UpdateAsync(networkId, owner.Id, link, new LinkInput(a, b) { Strength = LinkStrength.Strong }, view.Version)).Succeeded);

        var same = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/versions/compare?from={before}&to={before}"));
        Assert.Contains(Texts.Get("MapCore.Compare.NoChanges"), same, StringComparison.Ordinal);

        var html = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/versions/compare?from={before}&to=current"));
        Assert.Contains(Texts.Get("MapCore.Compare.AddedActors", "fi", "1"), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Compare.RemovedActors", "fi", "1"), html, StringComparison.Ordinal);
        Assert.Contains("Uusi osuuskunta", html, StringComparison.Ordinal);
        Assert.Contains("Lähtevä yhdistys", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Compare.StrengthChange", "fi", "Joensuun kaupunki", "Siun sote", Texts.Get("Map.Strength.Weak"), Texts.Get("Map.Strength.Strong")),
            html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/networks/{networkId}/map?compare={before},current\"", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Compare.ShowOnMap"), html, StringComparison.Ordinal);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/networks/{networkId}/map/versions/compare?from=nonsense&to=current")).StatusCode);
    }

    [Fact]
    public async Task The_yearly_pass_takes_a_version_of_a_map_older_than_a_year_once_named_in_the_networks_language()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var actor = await ActorAsync(owner, networkId, "Vanha toimija");
        await using (var db = await Arrange.Db(app.Services))
        {
            var row = await db.Actors.SingleAsync(a => a.Id == actor);
            row.CreatedAt = row.CreatedAt.AddDays(-400);
            (await db.Networks.SingleAsync(n => n.Id == networkId)).Language = "sv";
            await db.SaveChangesAsync();
        }
        var yearly = app.Services.GetServices<IHostedService>().OfType<YearlyMapVersionService>().Single();

        Assert.True(await yearly.RunOnceAsync() >= 1);
        await yearly.RunOnceAsync();

        var version = Assert.Single((await Versions.ListAsync(networkId, owner.Id))!);
        Assert.Equal(MapVersionReason.Yearly, version.Reason);
        Assert.Equal(Texts.Get("MapCore.Yearly.Name", "sv", DateTimeOffset.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), version.Name);
    }
}
