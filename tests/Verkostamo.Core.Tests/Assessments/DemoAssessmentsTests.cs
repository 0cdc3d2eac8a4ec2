using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Demo;
using Verkostamo.Core.Tests.Support;

namespace Verkostamo.Core.Tests.Assessments;

/// <summary>The demo's two rounds a year apart: enough respondents to show, and a change worth discussing.</summary>
public class DemoAssessmentsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();

    [Fact]
    public async Task Two_rounds_a_year_apart_show_trust_up_and_commitment_down_and_seeding_again_adds_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        string[] members = [network.Facilitator.Id, network.Member.Id];
        await using (var db = fixture.Db())
        {
            Assert.True(await DemoAssessments.SeedAsync(db, network.Id, network.Facilitator.Id, members, clock.GetUtcNow()));
        }
        await using (var db = fixture.Db())
        {
            Assert.False(await DemoAssessments.SeedAsync(db, network.Id, network.Facilitator.Id, members, clock.GetUtcNow()));
        }

        var service = new AssessmentService(fixture.Factory, clock);
        var trend = (await service.TrendAsync(network.Id, network.Viewer.Id))!;
        Assert.Equal(2, trend.Rounds.Count);
        Assert.All(trend.Rounds, r => Assert.Equal((12, true), (r.Respondents, r.Closed)));
        Assert.InRange(trend.Rounds[1].OpensOn.DayNumber - trend.Rounds[0].OpensOn.DayNumber, 360, 370);
        double Change(string item) => trend.Rows.Single(r => r.Instrument.Key == "knowing-trust-commitment" && r.Item.Key == item).Change!.Value;
        Assert.All(Enumerable.Range(1, 4), row => Assert.True(Change($"c2r{row}") >= 1.5, $"trust row {row}: {Change($"c2r{row}")}"));
        Assert.All(Enumerable.Range(1, 4), row => Assert.True(Change($"c3r{row}") <= -0.5, $"commitment row {row}: {Change($"c3r{row}")}"));

        var latest = (await service.ResultsAsync(network.Id, network.Viewer.Id, trend.Rounds[1].Id))!;
        var leadership = latest.Results.Instruments.Single(i => i.Instrument.Key == AssessmentTemplate.Leadership);
        Assert.Equal(12, leadership.Placements.Count);
        Assert.Equal(3, latest.Results.Instruments.Single(i => i.Instrument.Key == AssessmentTemplate.Open).Items[0].Texts.Count);
        // Members answered as themselves, the rest anonymously; the members' subgroup of two stays hidden.
        Assert.True((await service.ResultsAsync(network.Id, network.Viewer.Id, trend.Rounds[1].Id, new AssessmentFilter(RespondentChannel.Members)))!.Results.Hidden);
    }
}
