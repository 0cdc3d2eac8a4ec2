using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Map;

/// <summary>The survey-built map: answers by link or by a member wait for review, then merge in one go.</summary>
public class MapSurveyServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private MapSurveyService Service => new(fixture.Factory, clock);
    private ActorService Actors => new(fixture.Factory, clock);
    private LinkService Links => new(fixture.Factory, clock);

    private async Task<Guid> ActorAsync(TestNetwork network, string name, ActorKind kind = ActorKind.Organisation)
    {
        var created = await Actors.CreateAsync(network.Id, network.Member.Id, new ActorInput(name) { Kind = kind });
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private static SurveyEntry Entry(string name, LinkStrength strength = LinkStrength.Weak, params string[] kinds) => new(name, strength, kinds, null);

    private async Task<string> LinkTokenAsync(TestNetwork network, Guid actorId, int days = 30)
    {
        var created = await Service.CreateLinkAsync(network.Id, network.Facilitator.Id, actorId, days);
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value!.Token;
    }

    [Fact]
    public async Task An_actor_answers_by_link_and_the_approved_answer_merges_into_the_map()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");
        var te = await ActorAsync(network, "TE-palvelut");
        var person = await ActorAsync(network, "Maija Meikäläinen", ActorKind.Person);
        var existing = await Links.CreateAsync(network.Id, network.Member.Id, new LinkInput(kela, te) { Strength = LinkStrength.Weak, Kinds = ["tiedonvaihto"] });
        Assert.True(existing.Succeeded);
        var token = await LinkTokenAsync(network, kela);

        var form = await Service.OpenByTokenAsync(token);
        Assert.True(form.Succeeded, form.ErrorCode);
        Assert.Equal("Kela", form.Value!.RespondentName);
        Assert.DoesNotContain(form.Value.Actors, a => a.Id == person);
        Assert.Contains(form.Value.Actors, a => a.Id == te);

        var sent = await Service.SubmitByTokenAsync(token, [Entry(" te-PALVELUT ", LinkStrength.Strong, "asiakasohjaukset"), Entry(""), Entry("Joensuun Setlementti", LinkStrength.Weak)]);
        Assert.True(sent.Succeeded, sent.ErrorCode);

        // Nothing reaches the map before review.
        Assert.Single((await Links.ListAsync(network.Id, network.Viewer.Id))!);
        var review = Assert.Single((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);
        Assert.Equal(("Kela", false, true), (review.RespondentName, review.RespondentIsNew, review.ViaLink));
        Assert.Equal([SurveyOutcome.StrongerLink, SurveyOutcome.NewActorAndLink], review.Entries.Select(e => e.Outcome));

        var merged = await Service.ApproveAsync(network.Id, network.Facilitator.Id, review.Id);

        Assert.True(merged.Succeeded, merged.ErrorCode);
        Assert.Equal(new SurveyMergeResult(1, 1, 1), merged.Value);
        var links = (await Links.ListAsync(network.Id, network.Viewer.Id))!;
        Assert.Equal(2, links.Count);
        var upgraded = links.Single(l => l.Id == existing.Value);
        Assert.Equal(LinkStrength.Strong, upgraded.Strength);
        Assert.Equal(["tiedonvaihto", "asiakasohjaukset"], upgraded.Kinds);
        var added = links.Single(l => l.Id != existing.Value);
        Assert.Equal(("Kela", "Joensuun Setlementti", LinkStrength.Weak), (added.SourceName, added.TargetName, added.Strength));
        Assert.Empty((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);
        var audit = await fixture.AuditAsync(network.Id, ActorService.Scope);
        Assert.Contains(audit, e => e.Entity == nameof(MapSurveyResponse) && e.Action == "Merged" && e.UserId == network.Facilitator.Id);
    }

    [Fact]
    public async Task A_link_answer_can_be_edited_until_review_and_keeps_a_single_pending_answer()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");
        var token = await LinkTokenAsync(network, kela);

        Assert.True((await Service.SubmitByTokenAsync(token, [Entry("Kunta")])).Succeeded);
        Assert.True((await Service.SubmitByTokenAsync(token, [Entry("Kunta", LinkStrength.Strong), Entry("Yritys Oy")])).Succeeded);

        var review = Assert.Single((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);
        Assert.Equal(["Kunta", "Yritys Oy"], review.Entries.Select(e => e.Entry.Name));
        var form = (await Service.OpenByTokenAsync(token)).Value!;
        Assert.Equal((MapSurveyStatus.Pending, 2), (form.Status, form.Entries.Count));

        Assert.True((await Service.RejectAsync(network.Id, network.Facilitator.Id, review.Id)).Succeeded);
        Assert.Empty((await Links.ListAsync(network.Id, network.Viewer.Id))!);
        Assert.Equal(MapSurveyStatus.Rejected, (await Service.OpenByTokenAsync(token)).Value!.Status);

        // After a review a new answer starts a new pending one.
        Assert.True((await Service.SubmitByTokenAsync(token, [Entry("Kunta")])).Succeeded);
        Assert.Single((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);
        Assert.Equal(2, (await Service.ListResponsesAsync(network.Id, network.Facilitator.Id, pendingOnly: false))!.Count);
    }

    [Fact]
    public async Task Unknown_revoked_and_expired_links_are_refused_without_storing_anything()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");
        var revoked = await LinkTokenAsync(network, kela);
        var expiring = await LinkTokenAsync(network, kela, days: 1);
        var link = (await Service.ListLinksAsync(network.Id, network.Facilitator.Id))!.Single(l => l.ExpiresAt == TestTime.Start.AddDays(30));
        Assert.True((await Service.RevokeLinkAsync(network.Id, network.Facilitator.Id, link.Id)).Succeeded);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.SubmitByTokenAsync(revoked, [Entry("Kunta")])).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationExpired, (await Service.SubmitByTokenAsync(expiring, [Entry("Kunta")])).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.OpenByTokenAsync(revoked[..^1] + (revoked[^1] == 'a' ? 'b' : 'a'))).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.OpenByTokenAsync(new string('x', 101))).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.OpenByTokenAsync("")).ErrorCode);
        await using var db = fixture.Db();
        Assert.False(await db.MapSurveyResponses.AnyAsync(r => r.NetworkId == network.Id));
    }

    [Theory]
    [InlineData("empty", ErrorCodes.SurveyEmpty)]
    [InlineData("self", ErrorCodes.SelfLink)]
    [InlineData("duplicate", ErrorCodes.SurveyDuplicate)]
    [InlineData("long-name", ErrorCodes.TextTooLong)]
    [InlineData("long-note", ErrorCodes.TextTooLong)]
    [InlineData("strength", ErrorCodes.ValueInvalid)]
    [InlineData("tags", ErrorCodes.TagInvalid)]
    [InlineData("too-many", ErrorCodes.SurveyTooLarge)]
    public async Task Bad_answers_get_a_clear_error_and_store_nothing(string kind, string error)
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");
        var token = await LinkTokenAsync(network, kela);
        IReadOnlyList<SurveyEntry> entries = kind switch
        {
            "empty" => [Entry(" "), Entry("")],
            "self" => [Entry("Kunta"), Entry(" KELA ")],
            "duplicate" => [Entry("Kunta"), Entry("kunta  ")],
            "long-name" => [Entry(new string('n', TextLimits.Title + 1))],
            "long-note" => [new SurveyEntry("Kunta", LinkStrength.Weak, [], new string('n', MapSurveyService.MaxNoteLength + 1))],
            "strength" => [Entry("Kunta", (LinkStrength)7)],
            "tags" => [Entry("Kunta", LinkStrength.Weak, [.. Enumerable.Range(0, ActorService.MaxTags + 1).Select(i => "t" + i)])],
            _ => [.. Enumerable.Range(0, MapSurveyService.MaxEntries + 1).Select(i => Entry("Kumppani " + i))],
        };

        Assert.Equal(error, (await Service.SubmitByTokenAsync(token, entries)).ErrorCode);
        Assert.Empty((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);
    }

    [Fact]
    public async Task A_member_answers_for_a_new_organisation_that_becomes_an_actor_on_approval()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");

        Assert.Equal(ErrorCodes.NameRequired, (await Service.SubmitForMemberAsync(network.Id, network.Member.Id, null, " ", [Entry("Kela")])).ErrorCode);
        Assert.Equal(ErrorCodes.ActorInvalid, (await Service.SubmitForMemberAsync(network.Id, network.Member.Id, Guid.NewGuid(), null, [Entry("Kela")])).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.SubmitForMemberAsync(network.Id, network.Viewer.Id, null, "Uusi ry", [Entry("Kela")])).ErrorCode);
        Assert.Null(await Service.OpenForMemberAsync(network.Id, network.Viewer.Id));
        var sent = await Service.SubmitForMemberAsync(network.Id, network.Member.Id, null, "Uusi ry", [Entry("kela", LinkStrength.Strong, "rahoitus")]);
        Assert.True(sent.Succeeded, sent.ErrorCode);
        var form = (await Service.OpenForMemberAsync(network.Id, network.Member.Id))!;
        Assert.Equal(("Uusi ry", MapSurveyStatus.Pending), (form.RespondentName, form.Status));

        var review = Assert.Single((await Service.ListResponsesAsync(network.Id, network.Owner.Id))!);
        Assert.Equal(("Uusi ry", true, false), (review.RespondentName, review.RespondentIsNew, review.ViaLink));
        Assert.Equal(SurveyOutcome.NewLink, Assert.Single(review.Entries).Outcome);
        var merged = await Service.ApproveAsync(network.Id, network.Owner.Id, review.Id);

        Assert.Equal(new SurveyMergeResult(1, 1, 0), merged.Value);
        var actors = (await Actors.ListAsync(network.Id, network.Viewer.Id))!;
        Assert.Equal(["Kela", "Uusi ry"], actors.Select(a => a.Name));
        var link = Assert.Single((await Links.ListAsync(network.Id, network.Viewer.Id))!);
        Assert.Equal((kela, LinkStrength.Strong, "rahoitus"), (link.TargetActorId, link.Strength, Assert.Single(link.Kinds)));
        // A second approval of the same answer is refused.
        Assert.Equal(ErrorCodes.NotFound, (await Service.ApproveAsync(network.Id, network.Owner.Id, review.Id)).ErrorCode);
    }

    [Fact]
    public async Task Links_and_reviews_need_a_facilitator_and_stay_inside_the_network()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");
        var token = await LinkTokenAsync(network, kela);
        Assert.True((await Service.SubmitByTokenAsync(token, [Entry("Kunta")])).Succeeded);
        var response = Assert.Single((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.CreateLinkAsync(network.Id, network.Member.Id, kela)).ErrorCode);
        Assert.Equal(ErrorCodes.ExpiryOutOfRange, (await Service.CreateLinkAsync(network.Id, network.Facilitator.Id, kela, 0)).ErrorCode);
        Assert.Equal(ErrorCodes.ExpiryOutOfRange, (await Service.CreateLinkAsync(network.Id, network.Facilitator.Id, kela, MapSurveyService.MaxExpiryDays + 1)).ErrorCode);
        Assert.Equal(ErrorCodes.ActorInvalid, (await Service.CreateLinkAsync(other.Id, other.Facilitator.Id, kela)).ErrorCode);
        Assert.Null(await Service.ListResponsesAsync(network.Id, network.Member.Id));
        Assert.Null(await Service.ListLinksAsync(network.Id, network.Member.Id));
        Assert.Null(await Service.ListResponsesAsync(network.Id, other.Owner.Id));
        Assert.Equal(ErrorCodes.Forbidden, (await Service.ApproveAsync(network.Id, network.Member.Id, response.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.ApproveAsync(other.Id, other.Owner.Id, response.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RejectAsync(other.Id, other.Owner.Id, response.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RevokeLinkAsync(other.Id, other.Owner.Id, (await Service.ListLinksAsync(network.Id, network.Owner.Id))![0].Id)).ErrorCode);
        Assert.Empty((await Links.ListAsync(network.Id, network.Viewer.Id))!);
    }

    [Fact]
    public async Task An_answer_whose_actor_was_deleted_is_not_merged()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await ActorAsync(network, "Kela");
        var token = await LinkTokenAsync(network, kela);
        Assert.True((await Service.SubmitByTokenAsync(token, [Entry("Kunta")])).Succeeded);
        var response = Assert.Single((await Service.ListResponsesAsync(network.Id, network.Facilitator.Id))!);
        Assert.True((await Actors.DeleteAsync(network.Id, network.Member.Id, kela)).Succeeded);

        Assert.Equal(ErrorCodes.ActorInvalid, (await Service.ApproveAsync(network.Id, network.Facilitator.Id, response.Id)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.SubmitByTokenAsync(token, [Entry("Kunta")])).ErrorCode);
        Assert.Empty((await Actors.ListAsync(network.Id, network.Viewer.Id))!);
    }
}
