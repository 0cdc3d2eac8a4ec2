using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Common;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Assessments;

/// <summary>Rounds, answers by members and by link, and who may do what, on a real database.</summary>
public class AssessmentServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private AssessmentService Service => new(fixture.Factory, clock);
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestTime.Start.UtcDateTime);

    private static RoundInput Input(bool members = true, bool link = true, int threshold = 3) =>
        new("Kevään arviointi", ["knowing-trust-commitment", "roles", "open"], Today, Today.AddDays(14), members, link, threshold);

    private static AnswerSet Trust(int value, string? text = null)
    {
        var set = new AnswerSet();
        set.Values["knowing-trust-commitment/c2r1"] = value;
        if (text is not null)
        {
            set.Texts["open/works"] = text;
        }
        return set;
    }

    private async Task<OpenedRound> OpenAsync(TestNetwork network, RoundInput? input = null)
    {
        var opened = await Service.OpenRoundAsync(network.Id, network.Facilitator.Id, input ?? Input());
        Assert.True(opened.Succeeded, opened.ErrorCode);
        return opened.Value!;
    }

    [Fact]
    public async Task Members_and_link_respondents_answer_once_each_and_results_appear_from_the_threshold()
    {
        var network = await fixture.NetworkAsync(clock);
        var round = await OpenAsync(network);
        Assert.NotNull(round.Token);

        var first = await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, Trust(2), complete: false);
        Assert.True(first.Succeeded, first.ErrorCode);
        // Save and continue later: the same member's second save replaces the first.
        Assert.True((await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, Trust(4, "Avoimuus"), complete: true)).Succeeded);
        var form = await Service.OpenForMemberAsync(network.Id, network.Member.Id, round.Id);
        Assert.Equal((4, true), (form.Value!.Answers.Values["knowing-trust-commitment/c2r1"], form.Value.Completed));

        var key = SecretTokens.New();
        Assert.True((await Service.SaveByLinkAsync(round.Token, key, Trust(5), false)).Succeeded);
        Assert.True((await Service.SaveByLinkAsync(round.Token, key, Trust(3), true)).Succeeded);
        var anonymous = await Service.OpenByLinkAsync(round.Token, key);
        Assert.Equal(3, anonymous.Value!.Answers.Values["knowing-trust-commitment/c2r1"]);
        Assert.Empty((await Service.OpenByLinkAsync(round.Token, SecretTokens.New())).Value!.Answers.Values);

        var two = await Service.ResultsAsync(network.Id, network.Viewer.Id, round.Id);
        Assert.Equal(2, two!.Results.Respondents);
        Assert.True(two.Results.Hidden);

        Assert.True((await Service.SaveByLinkAsync(round.Token, SecretTokens.New(), Trust(5), true)).Succeeded);
        var three = await Service.ResultsAsync(network.Id, network.Viewer.Id, round.Id);
        Assert.False(three!.Results.Hidden);
        var trust = three.Results.Instruments.Single(i => i.Instrument.Key == "knowing-trust-commitment").Items.Single(i => i.ItemKey == "c2r1");
        Assert.Equal((3, 4.0), (trust.Count, trust.Mean!.Value));
        // The open text from a single respondent stays hidden even in a shown group.
        Assert.True(three.Results.Instruments.Single(i => i.Instrument.Key == "open").Items[0].Hidden);
        // Filtering to link respondents (two) hides the group again.
        Assert.True((await Service.ResultsAsync(network.Id, network.Viewer.Id, round.Id, new AssessmentFilter(RespondentChannel.Link)))!.Results.Hidden);

        await using var db = fixture.Db();
        var rows = await db.AssessmentResponses.Where(r => r.RoundId == round.Id).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r.UserId == network.Member.Id && r.RespondentHash == null);
        Assert.All(rows.Where(r => r.UserId is null), r => Assert.Equal(64, r.RespondentHash!.Length));
        Assert.DoesNotContain(rows, r => r.RespondentHash == key);
    }

    [Fact]
    public async Task Bad_answers_change_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var round = await OpenAsync(network);
        Assert.True((await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, Trust(3), false)).Succeeded);

        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, Trust(9), true)).ErrorCode);
        var tooLong = Trust(4, new string('a', AssessmentService.MaxTextAnswer + 1));
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, tooLong, true)).ErrorCode);
        // A question the round did not ask (leadership) is refused too.
        var other = new AnswerSet();
        other.Values["leadership/now-x"] = 3;
        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, other, true)).ErrorCode);

        var form = await Service.OpenForMemberAsync(network.Id, network.Member.Id, round.Id);
        Assert.Equal((3, false), (form.Value!.Answers.Values["knowing-trust-commitment/c2r1"], form.Value.Completed));
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.OpenByLinkAsync(round.Token + "x", null)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.SaveByLinkAsync(new string('a', 200), SecretTokens.New(), Trust(3), true)).ErrorCode);
        Assert.Equal(ErrorCodes.InvitationInvalid, (await Service.SaveByLinkAsync(round.Token, "", Trust(3), true)).ErrorCode);
    }

    [Fact]
    public async Task A_closed_round_takes_no_answers_but_keeps_its_results()
    {
        var network = await fixture.NetworkAsync(clock);
        var round = await OpenAsync(network);
        Assert.True((await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, Trust(3), true)).Succeeded);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.CloseRoundAsync(network.Id, network.Member.Id, round.Id)).ErrorCode);
        Assert.True((await Service.CloseRoundAsync(network.Id, network.Facilitator.Id, round.Id)).Succeeded);

        Assert.Equal(ErrorCodes.RoundClosed, (await Service.SaveForMemberAsync(network.Id, network.Member.Id, round.Id, Trust(5), true)).ErrorCode);
        Assert.Equal(ErrorCodes.RoundClosed, (await Service.SaveByLinkAsync(round.Token, SecretTokens.New(), Trust(5), true)).ErrorCode);
        Assert.Equal(ErrorCodes.RoundClosed, (await Service.OpenByLinkAsync(round.Token, null)).ErrorCode);
        var summary = await Service.GetRoundAsync(network.Id, network.Viewer.Id, round.Id);
        Assert.Equal((true, 1), (summary!.Closed, summary.Respondents));

        // A round past its last day is closed too.
        var later = await OpenAsync(network);
        clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(ErrorCodes.RoundClosed, (await Service.OpenForMemberAsync(network.Id, network.Member.Id, later.Id)).ErrorCode);
    }

    [Fact]
    public async Task Closing_a_round_keeps_the_map_as_it_stood_as_an_evaluation_version_once()
    {
        var network = await fixture.NetworkAsync(clock);
        var empty = await OpenAsync(network);
        Assert.True((await Service.CloseRoundAsync(network.Id, network.Facilitator.Id, empty.Id)).Succeeded);
        var versions = new Verkostamo.Core.Map.MapVersionService(fixture.Factory, clock);
        Assert.Empty((await versions.ListAsync(network.Id, network.Viewer.Id))!); // no map, nothing to keep

        var actors = new Verkostamo.Core.Map.ActorService(fixture.Factory, clock);
        Assert.True((await actors.CreateAsync(network.Id, network.Member.Id, new Verkostamo.Core.Map.ActorInput("Kunta"))).Succeeded);
        var round = await OpenAsync(network);
        Assert.True((await Service.CloseRoundAsync(network.Id, network.Facilitator.Id, round.Id)).Succeeded);
        Assert.True((await Service.CloseRoundAsync(network.Id, network.Facilitator.Id, round.Id)).Succeeded);

        var version = Assert.Single((await versions.ListAsync(network.Id, network.Viewer.Id))!);
        Assert.Equal((Verkostamo.Core.Map.MapVersionReason.Evaluation, "Kevään arviointi", 1), (version.Reason, version.Name, version.ActorCount));
    }

    [Fact]
    public async Task Rounds_past_their_closing_day_are_closed_for_good_once_each_keeping_the_map()
    {
        var network = await fixture.NetworkAsync(clock);
        var actors = new Verkostamo.Core.Map.ActorService(fixture.Factory, clock);
        Assert.True((await actors.CreateAsync(network.Id, network.Member.Id, new Verkostamo.Core.Map.ActorInput("Kunta"))).Succeeded);
        var ending = await OpenAsync(network);
        var longer = await OpenAsync(network, Input() with { Title = "Syksyn arviointi", ClosesOn = Today.AddDays(40) });
        var versions = new Verkostamo.Core.Map.MapVersionService(fixture.Factory, clock);

        // On its closing day a round still takes answers: it stays open.
        clock.Advance(TimeSpan.FromDays(14));
        await Service.CloseEndedRoundsAsync();
        Assert.Empty((await versions.ListAsync(network.Id, network.Viewer.Id))!);
        Assert.False((await Service.GetRoundAsync(network.Id, network.Viewer.Id, ending.Id))!.Closed);

        // The day after, it is closed for good with the map as it stood; the longer round stays open.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await Service.CloseEndedRoundsAsync() >= 1);
        await Service.CloseEndedRoundsAsync();
        var version = Assert.Single((await versions.ListAsync(network.Id, network.Viewer.Id))!);
        Assert.Equal((Verkostamo.Core.Map.MapVersionReason.Evaluation, "Kevään arviointi", 1), (version.Reason, version.Name, version.ActorCount));
        Assert.True((await Service.GetRoundAsync(network.Id, network.Viewer.Id, ending.Id))!.Closed);
        Assert.False((await Service.GetRoundAsync(network.Id, network.Viewer.Id, longer.Id))!.Closed);
        // Closing it by hand afterwards changes nothing.
        Assert.True((await Service.CloseRoundAsync(network.Id, network.Facilitator.Id, ending.Id)).Succeeded);
        Assert.Single((await versions.ListAsync(network.Id, network.Viewer.Id))!);
    }

    [Fact]
    public async Task Only_facilitators_open_rounds_members_answer_and_other_networks_see_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.OpenRoundAsync(network.Id, network.Member.Id, Input())).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.OpenRoundAsync(network.Id, other.Facilitator.Id, Input())).ErrorCode);
        var round = await OpenAsync(network, Input(link: false));
        Assert.Null(round.Token);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.SaveForMemberAsync(network.Id, network.Viewer.Id, round.Id, Trust(3), true)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.SaveForMemberAsync(network.Id, other.Owner.Id, round.Id, Trust(3), true)).ErrorCode);
        // The round's id under another network is as unknown as any id.
        Assert.Equal(ErrorCodes.NotFound, (await Service.SaveForMemberAsync(other.Id, other.Owner.Id, round.Id, Trust(3), true)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.CloseRoundAsync(other.Id, other.Owner.Id, round.Id)).ErrorCode);
        Assert.Null(await Service.ResultsAsync(other.Id, other.Owner.Id, round.Id));
        Assert.Null(await Service.ResultsAsync(network.Id, other.Owner.Id, round.Id));
        Assert.Null(await Service.ListRoundsAsync(network.Id, other.Owner.Id));
        Assert.Empty((await Service.ListRoundsAsync(other.Id, other.Owner.Id))!);

        // A members-only round has no link; a link-only round takes no member answers.
        var linkOnly = await OpenAsync(network, Input(members: false));
        Assert.Equal(ErrorCodes.Forbidden, (await Service.OpenForMemberAsync(network.Id, network.Member.Id, linkOnly.Id)).ErrorCode);
    }

    [Fact]
    public async Task Round_input_is_checked()
    {
        var network = await fixture.NetworkAsync(clock);
        var f = network.Facilitator.Id;
        Assert.Equal(ErrorCodes.TitleRequired, (await Service.OpenRoundAsync(network.Id, f, Input() with { Title = " " })).ErrorCode);
        Assert.Equal(ErrorCodes.EndBeforeStart, (await Service.OpenRoundAsync(network.Id, f, Input() with { ClosesOn = Today.AddDays(-1) })).ErrorCode);
        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.OpenRoundAsync(network.Id, f, Input(threshold: 2))).ErrorCode);
        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.OpenRoundAsync(network.Id, f, Input(false, false))).ErrorCode);
        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.OpenRoundAsync(network.Id, f, Input() with { InstrumentKeys = ["nope"] })).ErrorCode);
        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.OpenRoundAsync(network.Id, f, Input() with { InstrumentKeys = [] })).ErrorCode);
    }

    [Fact]
    public async Task An_edited_instrument_is_asked_in_new_rounds_while_old_rounds_keep_their_questions()
    {
        var network = await fixture.NetworkAsync(clock);
        var before = await OpenAsync(network);
        var template = AssessmentTemplate.Find("open")!;
        var edited = template with
        {
            Items = [.. template.Items, new AssessmentItem("wish", AssessmentItemKind.Text, new Dictionary<string, string> { ["fi"] = "Toiveemme?" })],
        };
        Assert.Equal(ErrorCodes.Forbidden, (await Service.SaveInstrumentAsync(network.Id, network.Member.Id, edited)).ErrorCode);
        Assert.True((await Service.SaveInstrumentAsync(network.Id, network.Facilitator.Id, edited)).Succeeded);
        var custom = new InstrumentDefinition("our-own", InstrumentKind.Items, "evaluation", new Dictionary<string, string> { ["fi"] = "Oma" },
            [new AssessmentItem("q1", AssessmentItemKind.Scale, new Dictionary<string, string> { ["fi"] = "Kokoukset ovat hyödyllisiä" })]);
        Assert.True((await Service.SaveInstrumentAsync(network.Id, network.Facilitator.Id, custom)).Succeeded);
        Assert.Equal(ErrorCodes.ValueInvalid, (await Service.SaveInstrumentAsync(network.Id, network.Facilitator.Id, custom with { Items = [] })).ErrorCode);

        var instruments = (await Service.ListInstrumentsAsync(network.Id, network.Viewer.Id))!;
        Assert.Equal(3, instruments.Single(i => i.Key == "open").Items.Count);
        Assert.Equal("our-own", instruments[^1].Key);
        Assert.Equal(2, (await Service.ListInstrumentsAsync((await fixture.NetworkAsync(clock)).Id, network.Owner.Id) ?? AssessmentTemplate.Instruments)
            .Single(i => i.Key == "open").Items.Count);

        var after = await OpenAsync(network, Input() with { InstrumentKeys = ["open", "our-own"] });
        Assert.Equal(2, (await Service.GetRoundAsync(network.Id, network.Viewer.Id, before.Id))!.Instruments.Single(i => i.Key == "open").Items.Count);
        Assert.Equal(3, (await Service.GetRoundAsync(network.Id, network.Viewer.Id, after.Id))!.Instruments.Single(i => i.Key == "open").Items.Count);
    }

    [Fact]
    public async Task Rounds_compare_over_time_with_the_threshold_in_each()
    {
        var network = await fixture.NetworkAsync(clock);
        var first = await OpenAsync(network);
        foreach (var v in new[] { 2, 2, 3 })
        {
            Assert.True((await Service.SaveByLinkAsync(first.Token, SecretTokens.New(), Trust(v), true)).Succeeded);
        }
        clock.Advance(TimeSpan.FromDays(365));
        var nextDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var second = await OpenAsync(network, Input() with { OpensOn = nextDay, ClosesOn = nextDay.AddDays(7) });
        foreach (var v in new[] { 4, 5, 4 })
        {
            Assert.True((await Service.SaveByLinkAsync(second.Token, SecretTokens.New(), Trust(v), true)).Succeeded);
        }
        var third = await OpenAsync(network, Input() with { OpensOn = nextDay, ClosesOn = nextDay.AddDays(7), Title = "Pieni" });
        Assert.True((await Service.SaveByLinkAsync(third.Token, SecretTokens.New(), Trust(1), true)).Succeeded);

        var trend = (await Service.TrendAsync(network.Id, network.Viewer.Id))!;

        Assert.Equal([first.Id, second.Id, third.Id], trend.Rounds.Select(r => r.Id));
        var trust = trend.Rows.Single(r => r.Instrument.Key == "knowing-trust-commitment" && r.Item.Key == "c2r1");
        Assert.Equal([2.33, 4.33, null], trust.Means);
        Assert.Equal(2.0, trust.Change);
        Assert.Null(await Service.TrendAsync(network.Id, (await fixture.NetworkAsync(clock)).Owner.Id));
    }
}
