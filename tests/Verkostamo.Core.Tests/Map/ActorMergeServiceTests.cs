using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Map;

/// <summary>Finding actors entered twice and merging one into the other in one transaction.</summary>
public class ActorMergeServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private ActorMergeService Service => new(fixture.Factory, clock);
    private ActorService Actors => new(fixture.Factory, clock);
    private LinkService Links => new(fixture.Factory, clock);

    private async Task<Guid> ActorAsync(TestNetwork network, ActorInput input)
    {
        var created = await Actors.CreateAsync(network.Id, network.Member.Id, input);
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task<Guid> LinkAsync(TestNetwork network, LinkInput input)
    {
        var created = await Links.CreateAsync(network.Id, network.Member.Id, input);
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    [Fact]
    public async Task Candidates_are_same_names_same_emails_and_near_names_each_pair_once()
    {
        var network = await fixture.NetworkAsync(clock);
        var siun = await ActorAsync(network, new ActorInput("Siun sote") { Email = "kirjaamo@siunsote.example.fi" });
        var siun2 = await ActorAsync(network, new ActorInput("  SIUN   sote ") { Email = "kirjaamo@siunsote.example.fi" });
        var karelia = await ActorAsync(network, new ActorInput("Karelia-ammattikorkeakoulu"));
        var typo = await ActorAsync(network, new ActorInput("Karelia-ammattikorkekoulu"));
        var mail1 = await ActorAsync(network, new ActorInput("Joensuun kaupunki") { Email = "info@joensuu.example.fi" });
        var mail2 = await ActorAsync(network, new ActorInput("Kaupungin työllisyyspalvelut") { Email = "INFO@joensuu.example.fi" });
        await ActorAsync(network, new ActorInput("Kela"));
        await ActorAsync(network, new ActorInput("Kelo"));

        var candidates = await Service.CandidatesAsync(network.Id, network.Viewer.Id);

        var pairs = candidates!.Select(c => (new HashSet<Guid> { c.First.Id, c.Second.Id }, c.Reason)).ToList();
        Assert.Equal(3, pairs.Count);
        Assert.Contains(pairs, p => p.Item1.SetEquals([siun, siun2]) && p.Reason == DuplicateReason.SameName);
        Assert.Contains(pairs, p => p.Item1.SetEquals([mail1, mail2]) && p.Reason == DuplicateReason.SameEmail);
        Assert.Contains(pairs, p => p.Item1.SetEquals([karelia, typo]) && p.Reason == DuplicateReason.SimilarName);
        Assert.Null(await Service.CandidatesAsync(network.Id, (await fixture.UserAsync()).Id));
    }

    [Fact]
    public async Task Merging_repoints_links_combines_duplicates_drops_self_links_and_fills_fields_in_one_go()
    {
        var network = await fixture.NetworkAsync(clock);
        var keep = await ActorAsync(network, new ActorInput("Pohjois-Karjalan ELY-keskus") { Tags = ["rahoitus"], Levels = Level.Strategy });
        var twin = await ActorAsync(network, new ActorInput("ELY-keskus") { Tags = ["Rahoitus", "kehittäminen"], Email = "ely@example.fi", Phone = "0295 000",
            RoleNow = ParticipationRole.StrongParticipant, Levels = Level.Advocacy, Notes = "Toinen kirjaus" });
        var city = await ActorAsync(network, new ActorInput("Joensuun kaupunki"));
        var sote = await ActorAsync(network, new ActorInput("Siun sote"));
        var kept = await LinkAsync(network, new LinkInput(keep, city) { Strength = LinkStrength.Weak, Marks = LinkMark.AdHocContact, Kinds = ["tiedonvaihto"], Notes = "Vanha" });
        var duplicate = await LinkAsync(network, new LinkInput(city, twin) { Strength = LinkStrength.Strong, Marks = LinkMark.Contracts, Kinds = ["rahoitus"], Levels = Level.Strategy, Notes = "Uusi" });
        var moved = await LinkAsync(network, new LinkInput(twin, sote) { Strength = LinkStrength.Weak });
        var self = await LinkAsync(network, new LinkInput(keep, twin));
        var views = new MapViewService(fixture.Factory, clock);
        var view = await views.CreateAsync(network.Id, network.Member.Id, new MapViewInput("Näkymä", new MapViewSettings(),
            new Dictionary<Guid, MapPosition> { [keep] = new(1, 2), [twin] = new(3, 4) }));
        Assert.True(view.Succeeded);

        var preview = await Service.PreviewAsync(network.Id, network.Member.Id, twin, keep);
        Assert.True(preview.Succeeded, preview.ErrorCode);
        Assert.Equal((1, 1, 1), (preview.Value!.LinksMoved, preview.Value.LinksCombined, preview.Value.LinksRemoved));
        Assert.Equal(["kehittäminen"], preview.Value.TagsAdded);
        Assert.Equal(4, (await Links.ListAsync(network.Id, network.Member.Id))!.Count);

        var result = await Service.MergeAsync(network.Id, network.Member.Id, twin, keep);

        Assert.True(result.Succeeded, result.ErrorCode);
        Assert.Equal((1, 1, 1), (result.Value!.LinksMoved, result.Value.LinksCombined, result.Value.LinksRemoved));
        var actor = (await Actors.GetAsync(network.Id, network.Member.Id, keep))!;
        Assert.Equal("Pohjois-Karjalan ELY-keskus", actor.Name);
        Assert.Equal(["rahoitus", "kehittäminen"], actor.Tags);
        Assert.Equal(("ely@example.fi", "0295 000", ParticipationRole.StrongParticipant, "Toinen kirjaus"), (actor.Email, actor.Phone, actor.RoleNow, actor.Notes));
        Assert.Equal(Level.Strategy | Level.Advocacy, actor.Levels);
        Assert.NotNull((await Actors.GetAsync(network.Id, network.Member.Id, twin))!.DeletedAt);

        var links = (await Links.ListAsync(network.Id, network.Member.Id))!;
        Assert.Equal(2, links.Count);
        var combined = links.Single(l => l.Id == kept);
        Assert.Equal(LinkStrength.Strong, combined.Strength);
        Assert.Equal(LinkMark.AdHocContact | LinkMark.Contracts, combined.Marks);
        Assert.Equal(["tiedonvaihto", "rahoitus"], combined.Kinds);
        Assert.Equal(Level.Strategy, combined.Levels);
        Assert.Equal("Vanha\n\nUusi", combined.Notes);
        var repointed = links.Single(l => l.Id == moved);
        Assert.Equal((keep, sote), (repointed.SourceActorId, repointed.TargetActorId));

        await using var db = fixture.Db();
        Assert.NotNull((await db.Links.SingleAsync(l => l.Id == self)).DeletedAt);
        Assert.NotNull((await db.Links.SingleAsync(l => l.Id == duplicate)).DeletedAt);
        var positions = (await views.GetAsync(network.Id, network.Member.Id, view.Value))!.Positions;
        Assert.Equal([keep], positions.Keys);
        var audit = await db.AuditEntries.Where(e => e.NetworkId == network.Id).Select(e => e.Action).ToListAsync();
        Assert.Contains("Merged", audit);
        Assert.Contains("MergedInto", audit);
        Assert.Contains("Combined", audit);
    }

    [Fact]
    public async Task Merging_into_itself_a_deleted_actor_or_another_networks_actor_is_refused_and_changes_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var a = await ActorAsync(network, new ActorInput("A-yhdistys"));
        var gone = await ActorAsync(network, new ActorInput("B-yhdistys"));
        Assert.True((await Actors.DeleteAsync(network.Id, network.Member.Id, gone)).Succeeded);
        var elsewhere = await ActorAsync(other, new ActorInput("Muu"));
        var version = (await Actors.GetAsync(network.Id, network.Member.Id, a))!.Version;

        foreach (var into in new[] { a, gone, elsewhere, Guid.NewGuid() })
        {
            Assert.Equal(ErrorCodes.MergeInvalid, (await Service.MergeAsync(network.Id, network.Member.Id, a, into)).ErrorCode);
        }
        Assert.Equal(ErrorCodes.NotFound, (await Service.MergeAsync(network.Id, network.Member.Id, elsewhere, a)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MergeAsync(other.Id, other.Member.Id, a, elsewhere)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.MergeAsync(network.Id, network.Viewer.Id, a, gone)).ErrorCode);
        var after = (await Actors.GetAsync(network.Id, network.Member.Id, a))!;
        Assert.Equal((version, (DateTimeOffset?)null), (after.Version, after.DeletedAt));
    }

    [Theory]
    [InlineData("Karelia-ammattikorkeakoulu", "Karelia-ammattikorkekoulu", true)]
    [InlineData("Joensuun kaupunki", "Joensuun kaupunkki", true)]
    [InlineData("Kela", "Kelo", false)]
    [InlineData("Siun sote", "Sinun tie", false)]
    public void Near_names_are_those_within_a_small_edit_distance(string a, string b, bool similar) =>
        Assert.Equal(similar, ActorMergeService.Similar(MapComparer.NameKey(a), MapComparer.NameKey(b)));
}
