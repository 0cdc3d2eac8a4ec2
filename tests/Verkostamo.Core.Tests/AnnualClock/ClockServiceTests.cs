using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.AnnualClock;

/// <summary>The annual clock on a real database: the default year, events, the actions ring and the calendar feeds.</summary>
public class ClockServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private ClockService Service => new(fixture.Factory, clock);
    private CalendarFeedService Feeds => new(fixture.Factory, clock);
    private static readonly FeedTexts Texts = new("Askel: {0}", "{0} – Verkostamo");

    [Fact]
    public async Task A_new_clock_starts_with_the_development_phases_an_evaluation_and_a_monthly_forum_once()
    {
        var network = await fixture.NetworkAsync(clock);

        var year = (await Service.GetYearAsync(network.Id, network.Viewer.Id, 2026))!;

        Assert.Equal(6, year.Events.Count);
        var phases = year.Events.Where(e => e.Category == ClockCategory.DevelopmentPhase).OrderBy(e => e.StartDate).ToList();
        Assert.Equal(4, phases.Count);
        Assert.StartsWith("1. Verkoston näkyväksi tekeminen", phases[0].Title, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), Recurrence.Yearly), (phases[0].StartDate, phases[0].EndDate!.Value, phases[0].Recurrence));
        Assert.Single(year.Events, e => e.Category == ClockCategory.Evaluation);
        Assert.Equal(12, year.Items.Count(i => i.Ring == ClockRing.Forum));
        Assert.Equal(4, (await Service.GetYearAsync(network.Id, network.Viewer.Id, 2030))!.Items.Count(i => i.Ring == ClockRing.DevelopmentPhase));
        Assert.Empty((await Service.GetYearAsync(network.Id, network.Viewer.Id, 2031))!.Items);

        // Deleting every default event does not bring them back.
        foreach (var e in year.Events)
        {
            Assert.True((await Service.DeleteAsync(network.Id, network.Member.Id, e.Id)).Succeeded);
        }
        var after = (await Service.GetYearAsync(network.Id, network.Viewer.Id, 2026))!;
        Assert.Empty(after.Events);
        Assert.Equal(6, after.DeletedEvents.Count);
    }

    [Fact]
    public async Task Events_are_added_edited_deleted_and_restored_by_members_and_dated_steps_join_the_actions_ring()
    {
        var network = await fixture.NetworkAsync(clock);
        var input = new ClockEventInput("Kevään työpaja", ClockCategory.Forum, new DateOnly(2026, 4, 14)) { StartTime = new TimeOnly(13, 0), EndTime = new TimeOnly(16, 0) };

        Assert.Equal(ErrorCodes.Forbidden, (await Service.CreateAsync(network.Id, network.Viewer.Id, input)).ErrorCode);
        var created = await Service.CreateAsync(network.Id, network.Member.Id, input);
        Assert.True(created.Succeeded, created.ErrorCode);
        var view = (await Service.GetEventAsync(network.Id, network.Viewer.Id, created.Value))!;
        var saved = await Service.UpdateAsync(network.Id, network.Member.Id, created.Value, input with { Title = "Kevätfoorumi" }, view.Version);
        Assert.True(saved.Succeeded, saved.ErrorCode);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, (await Service.UpdateAsync(network.Id, network.Owner.Id, created.Value, input, view.Version)).ErrorCode);
        var other = await fixture.NetworkAsync(clock);
        Assert.Null(await Service.GetEventAsync(other.Id, other.Owner.Id, created.Value));
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(other.Id, other.Owner.Id, created.Value)).ErrorCode);

        var actions = new ActionService(fixture.Factory, clock);
        Assert.True((await actions.AddAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"),
            new ActionInput("Sovitaan roolit", null, null, new DateOnly(2026, 6, 30), ActionStatus.Planned))).Succeeded);
        var year = (await Service.GetYearAsync(network.Id, network.Viewer.Id, 2026))!;
        Assert.Contains(year.Items, i => i.Ring == ClockRing.Forum && i.Title == "Kevätfoorumi" && i.StartTime == new TimeOnly(13, 0));
        var step = Assert.Single(year.Items, i => i.Ring == ClockRing.Actions);
        Assert.Equal(("Sovitaan roolit", new DateOnly(2026, 6, 30)), (step.Title, step.Start));

        Assert.True((await Service.DeleteAsync(network.Id, network.Member.Id, created.Value)).Succeeded);
        Assert.DoesNotContain((await Service.GetYearAsync(network.Id, network.Viewer.Id, 2026))!.Items, i => i.Title == "Kevätfoorumi");
        Assert.True((await Service.RestoreAsync(network.Id, network.Member.Id, created.Value)).Succeeded);
        Assert.Contains((await Service.GetYearAsync(network.Id, network.Viewer.Id, 2026))!.Items, i => i.Title == "Kevätfoorumi");
    }

    [Fact]
    public async Task The_feed_parses_back_with_rrules_not_expanded_and_Helsinki_time_across_daylight_saving()
    {
        var network = await fixture.NetworkAsync(clock);
        var forum = await Service.CreateAsync(network.Id, network.Member.Id, new ClockEventInput("Aamufoorumi", ClockCategory.Forum, new DateOnly(2026, 2, 10))
        {
            StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(10, 30), Recurrence = Recurrence.Monthly, RecurrenceCount = 4,
        });
        Assert.True(forum.Succeeded, forum.ErrorCode);
        var actions = new ActionService(fixture.Factory, clock);
        Assert.True((await actions.AddAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"),
            new ActionInput("Sovitaan roolit", null, null, new DateOnly(2026, 6, 30), ActionStatus.Planned))).Succeeded);
        var feed = await Feeds.CreateAsync(network.Member.Id, network.Id);
        Assert.True(feed.Succeeded);

        var ics = await Feeds.RenderAsync(feed.Value!.Token, Texts);

        Assert.NotNull(ics);
        var calendar = Calendar.Load(ics)!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Helsinki");
        var ev = Assert.Single(calendar.Events, e => e.Summary == "Aamufoorumi");
        Assert.Equal("Europe/Helsinki", ev.DtStart!.TzId);
        Assert.Equal((FrequencyType.Monthly, 4), (ev.RecurrenceRule!.Frequency, ev.RecurrenceRule.Count!.Value));
        Assert.Contains("RRULE:FREQ=MONTHLY", ics, StringComparison.Ordinal);
        var occurrences = calendar.GetOccurrences<Ical.Net.CalendarComponents.CalendarEvent>(new CalDateTime(2026, 1, 1)).Where(o => o.Source == ev).Take(10).ToList();
        Assert.Equal(4, occurrences.Count);
        // 09:00 in Helsinki is 07:00 UTC in winter (EET) and 06:00 UTC after the change to summer time on 29 March.
        Assert.Equal([7, 7, 6, 6], occurrences.Select(o => o.Period.StartTime.AsUtc.Hour));
        var step = Assert.Single(calendar.Events, e => e.Summary == "Askel: Sovitaan roolit");
        Assert.Equal((new DateOnly(2026, 6, 30), false), (step.DtStart!.Date, step.DtStart.HasTime));
        Assert.Equal(7, calendar.Events.Count(e => !e.Categories.Contains("action")));
    }

    [Fact]
    public async Task Feeds_are_renewed_revoked_and_die_with_the_membership_without_a_hint()
    {
        var network = await fixture.NetworkAsync(clock);
        var first = (await Feeds.CreateAsync(network.Member.Id, network.Id)).Value!;
        var second = (await Feeds.CreateAsync(network.Member.Id, network.Id)).Value!;

        Assert.Null(await Feeds.RenderAsync(first.Token, Texts));
        Assert.NotNull(await Feeds.RenderAsync(second.Token, Texts));
        Assert.Null(await Feeds.RenderAsync(second.Token + "x", Texts));
        Assert.Null(await Feeds.RenderAsync("", Texts));
        Assert.Equal(second.Id, (await Feeds.GetActiveAsync(network.Member.Id, network.Id))!.Id);
        Assert.Equal(ErrorCodes.NotFound, (await Feeds.RevokeAsync(network.Viewer.Id, second.Id)).ErrorCode);
        Assert.True((await Feeds.RevokeAsync(network.Member.Id, second.Id)).Succeeded);
        Assert.Null(await Feeds.RenderAsync(second.Token, Texts));
        Assert.Null(await Feeds.GetActiveAsync(network.Member.Id, network.Id));

        var other = await fixture.NetworkAsync(clock);
        Assert.Equal(ErrorCodes.NotFound, (await Feeds.CreateAsync(network.Member.Id, other.Id)).ErrorCode);
        var viewerFeed = (await Feeds.CreateAsync(network.Viewer.Id, network.Id)).Value!;
        await using (var db = fixture.Db())
        {
            db.Memberships.RemoveRange(db.Memberships.Where(m => m.NetworkId == network.Id && m.UserId == network.Viewer.Id));
            await db.SaveChangesAsync();
        }
        Assert.Null(await Feeds.RenderAsync(viewerFeed.Token, Texts));
    }

    [Fact]
    public async Task The_personal_feed_has_my_steps_from_every_network_and_their_events()
    {
        var first = await fixture.NetworkAsync(clock);
        var second = await fixture.NetworkAsync(clock);
        var me = first.Member;
        await fixture.AddMemberAsync(second.Id, me, NetworkRole.Member, clock);
        var actions = new ActionService(fixture.Factory, clock);
        var mine = await fixture.MembershipIdAsync(second.Id, me);
        Assert.True((await actions.AddAsync(second.Id, me.Id, AnswerOwner.Section("roles"), new ActionInput("Minun askeleeni", mine, null, new DateOnly(2026, 5, 5), ActionStatus.Planned))).Succeeded);
        Assert.True((await actions.AddAsync(second.Id, me.Id, AnswerOwner.Section("roles"), new ActionInput("Jonkun muun", null, "Kela", new DateOnly(2026, 5, 6), ActionStatus.Planned))).Succeeded);
        await Service.GetYearAsync(first.Id, me.Id, 2026);
        var feed = (await Feeds.CreateAsync(me.Id, null)).Value!;

        var calendar = Calendar.Load((await Feeds.RenderAsync(feed.Token, Texts))!)!;

        Assert.Single(calendar.Events, e => e.Summary == "Askel: Minun askeleeni");
        Assert.DoesNotContain(calendar.Events, e => e.Summary == "Askel: Jonkun muun");
        Assert.Contains(calendar.Events, e => e.Categories.Contains("Evaluation"));
    }
}
