using System.Net;
using System.Text.Json;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;
using Verkostamo.Web.Tests.Workbook;
using static Verkostamo.Web.Tests.Workbook.ApiCaller;

namespace Verkostamo.Web.Tests.Map;

/// <summary>The network map through the JSON API: actors, links, saved views, versions and merging duplicates.</summary>
public class MapApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private Task<ApiCaller> OwnerAsync() => ApiCaller.OwnerAsync(app);

    private static object Actor(string name, string sector = "Public", string? email = null, string[]? tags = null, Guid? version = null) => new
    {
        name, kind = "Organisation", sector, levels = "Strategy, ServicePath", roleNow = "StrongParticipant", email, tags = tags ?? [], version = version ?? Guid.Empty,
    };

    [Fact]
    public async Task Actors_are_created_read_filtered_updated_deleted_and_restored()
    {
        var owner = await OwnerAsync();
        var te = await owner.CreateAsync("/actors", Actor("TE-palvelut", tags: ["työllisyys"]));
        var yhdistys = await owner.CreateAsync("/actors", Actor("Työttömien yhdistys", "ThirdSector"));

        Assert.Equal("Strategy, ServicePath", te.GetProperty("levels").GetString());
        Assert.Equal(["TE-palvelut", "Työttömien yhdistys"], Strings(await owner.GetAsync("/actors"), "name"));
        Assert.Equal(["Työttömien yhdistys"], Strings(await owner.GetAsync("/actors?sector=ThirdSector"), "name"));
        Assert.Equal(["TE-palvelut"], Strings(await owner.GetAsync("/actors?tag=työllisyys&level=Strategy&role=StrongParticipant&kind=Organisation"), "name"));
        Assert.Equal(["Työttömien yhdistys"], Strings(await owner.GetAsync("/actors?search=yhdis"), "name"));
        await AssertProblemAsync(await owner.Client.GetAsync($"{owner.Base}/actors?sector=Nowhere"), HttpStatusCode.BadRequest, ErrorCodes.ValueInvalid);

        var saved = await owner.PutAsync($"/actors/{Id(te)}", Actor("TE-toimisto", version: Version(te)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("TE-toimisto", (await owner.GetAsync($"/actors/{Id(te)}")).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/actors/{Id(yhdistys)}")).StatusCode);
        Assert.Equal(["TE-toimisto"], Strings(await owner.GetAsync("/actors"), "name"));
        Assert.Equal(["Työttömien yhdistys"], Strings(await owner.GetAsync("/actors?deleted=true"), "name"));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/actors/{Id(yhdistys)}/restore")).StatusCode);
        Assert.Equal(2, (await owner.GetAsync("/actors")).GetArrayLength());
    }

    [Theory]
    [InlineData("", "x@example.fi", ErrorCodes.NameRequired)]
    [InlineData("Nimi", "ei-osoite", ErrorCodes.EmailInvalid)]
    public async Task A_bad_actor_is_400_with_its_code_and_nothing_is_created(string name, string email, string code)
    {
        var owner = await OwnerAsync();

        await AssertProblemAsync(await owner.PostAsync("/actors", Actor(name, email: email)), HttpStatusCode.BadRequest, code);

        Assert.Empty((await owner.GetAsync("/actors")).EnumerateArray());
    }

    [Fact]
    public async Task A_stale_actor_edit_is_409_with_the_current_actor()
    {
        var owner = await OwnerAsync();
        var actor = await owner.CreateAsync("/actors", Actor("Alku"));
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync($"/actors/{Id(actor)}", Actor("Ensimmäinen", version: Version(actor)))).StatusCode);

        var response = await owner.PutAsync($"/actors/{Id(actor)}", Actor("Toinen", version: Version(actor)));

        var current = (await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Ensimmäinen", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Links_are_created_filtered_updated_and_refused_when_bad_or_stale()
    {
        var owner = await OwnerAsync();
        var a = Id(await owner.CreateAsync("/actors", Actor("Joensuun kaupunki")));
        var b = Id(await owner.CreateAsync("/actors", Actor("Siun sote")));
        var c = Id(await owner.CreateAsync("/actors", Actor("Karelia-ammattikorkeakoulu")));

        var link = await owner.CreateAsync("/links", new { sourceActorId = a, targetActorId = b, strength = "Strong", marks = "AgreedRoles, SharedForum", kinds = new[] { "tiedonvaihto" } });
        await owner.CreateAsync("/links", new { sourceActorId = b, targetActorId = c });

        Assert.Equal("Strong", link.GetProperty("strength").GetString());
        Assert.Equal(2, (await owner.GetAsync("/links")).GetArrayLength());
        Assert.Equal([Id(link).ToString()], Strings(await owner.GetAsync("/links?strength=Strong"), "id"));
        Assert.Equal([Id(link).ToString()], Strings(await owner.GetAsync($"/links?actorId={a}"), "id"));
        Assert.Equal([Id(link).ToString()], Strings(await owner.GetAsync("/links?kind=tiedonvaihto"), "id"));
        await AssertProblemAsync(await owner.PostAsync("/links", new { sourceActorId = a, targetActorId = a }), HttpStatusCode.BadRequest, ErrorCodes.SelfLink);
        await AssertProblemAsync(await owner.PostAsync("/links", new { sourceActorId = b, targetActorId = a }), HttpStatusCode.BadRequest, ErrorCodes.LinkExists);

        var saved = await owner.PutAsync($"/links/{Id(link)}", new { sourceActorId = a, targetActorId = b, strength = "Weak", version = Version(link) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await AssertProblemAsync(await owner.PutAsync($"/links/{Id(link)}", new { sourceActorId = a, targetActorId = b, version = Version(link) }),
            HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/links/{Id(link)}")).StatusCode);
        Assert.Equal(1, (await owner.GetAsync("/links")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/links/{Id(link)}/restore")).StatusCode);
        Assert.Equal("Weak", (await owner.GetAsync($"/links/{Id(link)}")).GetProperty("strength").GetString());
    }

    [Fact]
    public async Task Views_are_created_listed_updated_and_deleted()
    {
        var owner = await OwnerAsync();
        var actor = Id(await owner.CreateAsync("/actors", Actor("ELY-keskus")));

        var view = await owner.CreateAsync("/map/views", new
        {
            name = "Koko verkosto", settings = new { layout = "Force", colourBy = "Sector" },
            positions = new Dictionary<string, object> { [actor.ToString()] = new { x = 10.5, y = -3 } },
        });

        Assert.Equal(10.5, view.GetProperty("positions").GetProperty(actor.ToString()).GetProperty("x").GetDouble());
        Assert.Equal(["Koko verkosto"], Strings(await owner.GetAsync("/map/views"), "name"));
        await AssertProblemAsync(await owner.PostAsync("/map/views", new { name = "" }), HttpStatusCode.BadRequest, ErrorCodes.NameRequired);
        var saved = await owner.PutAsync($"/map/views/{Id(view)}", new { name = "Sektorit", settings = new { layout = "SectorLevelGrid", colourBy = "Role" }, version = Version(view) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("SectorLevelGrid", (await owner.GetAsync($"/map/views/{Id(view)}")).GetProperty("settings").GetProperty("layout").GetString());
        await AssertProblemAsync(await owner.PutAsync($"/map/views/{Id(view)}", new { name = "Vanha", version = Version(view) }), HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/map/views/{Id(view)}")).StatusCode);
        Assert.Empty((await owner.GetAsync("/map/views")).EnumerateArray());
    }

    [Fact]
    public async Task Versions_are_taken_read_compared_with_the_live_map_and_deleted()
    {
        var owner = await OwnerAsync();
        var a = Id(await owner.CreateAsync("/actors", Actor("Joensuun kaupunki")));
        var b = Id(await owner.CreateAsync("/actors", Actor("Siun sote")));
        var named = await owner.CreateAsync("/map/versions", new { name = "Kevät" });
        var unnamed = await owner.CreateAsync("/map/versions", new { });
        await owner.CreateAsync("/links", new { sourceActorId = a, targetActorId = b, strength = "Strong" });
        await owner.CreateAsync("/actors", Actor("Uusi yhdistys", "ThirdSector"));

        Assert.Equal("Kevät", named.GetProperty("name").GetString());
        Assert.StartsWith(Texts.Get("MapCore.Version.DefaultName").Replace("{0}", "", StringComparison.Ordinal), unnamed.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, named.GetProperty("document").GetProperty("actors").GetArrayLength());
        Assert.Equal(2, (await owner.GetAsync("/map/versions")).GetArrayLength());
        Assert.Equal("Manual", (await owner.GetAsync($"/map/versions/{Id(named)}")).GetProperty("reason").GetString());

        var comparison = await owner.GetAsync($"/map/versions/compare?from={Id(named)}&to=current");
        Assert.Equal(["Uusi yhdistys"], Strings(comparison.GetProperty("addedActors"), "name"));
        Assert.Equal(1, comparison.GetProperty("addedLinks").GetArrayLength());
        var same = await owner.GetAsync($"/map/versions/compare?from={Id(named)}&to={Id(unnamed)}");
        Assert.False(same.GetProperty("hasChanges").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/map/versions/compare?from=nonsense&to=current")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/map/versions/compare?from={Guid.NewGuid()}&to=current")).StatusCode);
        await AssertProblemAsync(await owner.Client.GetAsync($"{owner.Base}/map/versions/compare"), HttpStatusCode.BadRequest, ErrorCodes.ValueInvalid);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/map/versions/{Id(unnamed)}")).StatusCode);
        Assert.Equal(["Kevät"], Strings(await owner.GetAsync("/map/versions"), "name"));
    }

    [Fact]
    public async Task Duplicates_are_listed_and_one_actor_merges_into_another()
    {
        var owner = await OwnerAsync();
        var keep = Id(await owner.CreateAsync("/actors", Actor("Pohjois-Karjalan ELY-keskus", tags: ["rahoitus"])));
        var twin = Id(await owner.CreateAsync("/actors", Actor("pohjois-karjalan  ely-keskus", email: "kirjaamo@ely.example.fi", tags: ["kehittäminen"])));
        var partner = Id(await owner.CreateAsync("/actors", Actor("Joensuun kaupunki")));
        await owner.CreateAsync("/links", new { sourceActorId = twin, targetActorId = partner, strength = "Strong" });

        var candidates = await owner.GetAsync("/actors/duplicates");
        var pair = Assert.Single(candidates.EnumerateArray());
        Assert.Equal("SameName", pair.GetProperty("reason").GetString());

        await AssertProblemAsync(await owner.PostAsync($"/actors/{twin}/merge", new { intoActorId = twin }), HttpStatusCode.BadRequest, ErrorCodes.MergeInvalid);
        var response = await owner.PostAsync($"/actors/{twin}/merge", new { intoActorId = keep });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var kept = await owner.GetAsync($"/actors/{keep}");
        Assert.Equal("kirjaamo@ely.example.fi", kept.GetProperty("email").GetString());
        Assert.Equal(["rahoitus", "kehittäminen"], kept.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList());
        var link = Assert.Single((await owner.GetAsync("/links")).EnumerateArray());
        Assert.Contains(keep, new[] { link.GetProperty("sourceActorId").GetGuid(), link.GetProperty("targetActorId").GetGuid() });
        Assert.Equal(2, (await owner.GetAsync("/actors")).GetArrayLength());
        Assert.Empty((await owner.GetAsync("/actors/duplicates")).EnumerateArray());
    }

    [Fact]
    public async Task A_viewer_reads_the_map_but_cannot_change_it()
    {
        var owner = await OwnerAsync();
        var actor = await owner.CreateAsync("/actors", Actor("Joensuun kaupunki"));
        var other = Id(await owner.CreateAsync("/actors", Actor("Siun sote")));
        var version = await owner.CreateAsync("/map/versions", new { name = "Versio" });
        var viewer = await owner.JoinAsync(app, NetworkRole.Viewer);
        var member = await owner.JoinAsync(app, NetworkRole.Member);

        Assert.Equal(2, (await viewer.GetAsync("/actors")).GetArrayLength());
        Assert.Equal(1, (await viewer.GetAsync("/map/versions")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/actors", Actor("Katsojan"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync($"/actors/{Id(actor)}", Actor("Muutos", version: Version(actor)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/actors/{Id(actor)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/links", new { sourceActorId = Id(actor), targetActorId = other })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/map/views", new { name = "Näkymä" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/map/versions", new { name = "Versio" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/actors/{other}/merge", new { intoActorId = Id(actor) })).StatusCode);
        // Versions are immutable records of the past: only a facilitator may delete one.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.DeleteAsync($"/map/versions/{Id(version)}")).StatusCode);
        Assert.Equal(2, (await owner.GetAsync("/actors")).GetArrayLength());
        Assert.Equal(1, (await owner.GetAsync("/map/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Another_networks_ids_answer_404_like_unknown_ones()
    {
        var owner = await OwnerAsync();
        var a = await owner.CreateAsync("/actors", Actor("Joensuun kaupunki"));
        var b = Id(await owner.CreateAsync("/actors", Actor("Siun sote")));
        var link = await owner.CreateAsync("/links", new { sourceActorId = Id(a), targetActorId = b });
        var view = await owner.CreateAsync("/map/views", new { name = "Näkymä" });
        var version = await owner.CreateAsync("/map/versions", new { name = "Versio" });
        var other = await OwnerAsync();
        var mine = Id(await other.CreateAsync("/actors", Actor("Oma toimija")));

        foreach (var path in new[] { $"/actors/{Id(a)}", $"/links/{Id(link)}", $"/map/views/{Id(view)}", $"/map/versions/{Id(version)}",
            $"/map/versions/compare?from={Id(version)}&to=current" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(other.Base + path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/actors/{Id(a)}", Actor("x", version: Version(a)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/links/{Id(link)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/map/views/{Id(view)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/map/versions/{Id(version)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/actors/{Id(a)}/merge", new { intoActorId = mine })).StatusCode);
        await AssertProblemAsync(await other.PostAsync($"/actors/{mine}/merge", new { intoActorId = Id(a) }), HttpStatusCode.BadRequest, ErrorCodes.MergeInvalid);
        await AssertProblemAsync(await other.PostAsync("/links", new { sourceActorId = mine, targetActorId = Id(a) }), HttpStatusCode.BadRequest, ErrorCodes.ActorInvalid);
        // Someone else's network as a whole.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{owner.Base}/actors")).StatusCode);
        Assert.Equal(2, (await owner.GetAsync("/actors")).GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_stays_valid_and_lists_the_map_endpoints()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.BodyAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "actors", "actors/duplicates", "actors/{actorId}/merge", "links", "map/views", "map/versions", "map/versions/compare" })
        {
            Assert.Contains($"/api/v1/networks/{{networkId}}/{expected}", paths);
        }
    }
}
