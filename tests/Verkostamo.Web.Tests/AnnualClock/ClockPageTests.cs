using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.AnnualClock;

/// <summary>The annual clock's pages, the event form and the calendar feed endpoints.</summary>
public partial class ClockPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private async Task<(TestUser Owner, Guid NetworkId, HttpClient Client)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return (owner, networkId, await app.SignedInClientAsync(owner));
    }

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"[^\"]*(/feeds/[^\"]+)\"")]
    private static partial Regex FeedUrl();

    [Fact]
    public async Task The_wheel_list_and_month_calendar_show_the_default_year_with_links()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var year = DateTime.UtcNow.Year;

        var html = Texts.Decoded(await (await client.GetAsync($"/networks/{networkId}/clock")).BodyAsync());

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Clock.Ring.DevelopmentPhase", "fi"), html, StringComparison.Ordinal);
        Assert.Contains("Verkoston näkyväksi tekeminen", html, StringComparison.Ordinal);
        Assert.Contains($"/networks/{networkId}/clock/events/", html, StringComparison.Ordinal);
        var month = Texts.Decoded(await (await client.GetAsync($"/networks/{networkId}/clock/month?year={year}&month=11")).BodyAsync());
        Assert.Contains(Texts.Get("Clock.Ring.Evaluation", "fi"), month, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/networks/{networkId}/clock/print?year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/networks/{networkId}/clock?year=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/networks/{networkId}/clock/month?year=abc&month=13")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/networks/{networkId}/clock?year=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-actions?closed=abc")).StatusCode);
    }

    [Fact]
    public async Task A_recurring_event_is_added_through_the_form_and_bad_input_keeps_what_was_typed()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var page = $"/networks/{networkId}/clock/events/new";

        var endless = await client.SubmitFormAsync(page, "clock-event", ("Event.EventTitle", "Kumppanifoorumi"), ("Event.Category", "Forum"),
            ("Event.StartDate", "2027-01-12"), ("Event.StartTime", "9:00"), ("Event.Recurrence", "Monthly"), ("Event.Interval", "1"));
        Assert.Equal(HttpStatusCode.OK, endless.StatusCode);
        var html = Texts.Decoded(await endless.BodyAsync());
        Assert.Contains(Texts.Get("Error.RecurrenceEndless", "fi"), html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kumppanifoorumi\"", html, StringComparison.Ordinal);
        var backwards = await client.SubmitFormAsync(page, "clock-event", ("Event.EventTitle", "X"), ("Event.Category", "Forum"),
            ("Event.StartDate", "2027-01-12"), ("Event.EndDate", "2027-01-10"));
        Assert.Contains(Texts.Get("Error.EndBeforeStart", "fi"), Texts.Decoded(await backwards.BodyAsync()), StringComparison.Ordinal);

        var created = await client.SubmitFormAsync(page, "clock-event", ("Event.EventTitle", "Kumppanifoorumi"), ("Event.Category", "Forum"),
            ("Event.StartDate", "2027-01-12"), ("Event.StartTime", "9:00"), ("Event.EndTime", "10:30"), ("Event.Recurrence", "Monthly"),
            ("Event.Interval", "1"), ("Event.RecurrenceCount", "6"));
        Assert.Equal($"/networks/{networkId}/clock", created.RedirectPath());

        await using var db = await Arrange.Db(app.Services);
        var stored = await db.ClockEvents.SingleAsync(e => e.NetworkId == networkId && e.Title == "Kumppanifoorumi");
        Assert.Equal((Recurrence.Monthly, 6, new TimeOnly(9, 0), new TimeOnly(10, 30)), (stored.Recurrence, stored.RecurrenceCount!.Value, stored.StartTime!.Value, stored.EndTime!.Value));
        var list = Texts.Decoded(await (await client.GetAsync($"/networks/{networkId}/clock?year=2027")).BodyAsync());
        Assert.Equal(6, Regex.Count(list, ">Kumppanifoorumi</a>"));
    }

    [Fact]
    public async Task The_ics_download_and_the_secret_feed_parse_back_and_revoked_feeds_answer_404()
    {
        var (_, networkId, client) = await ArrangeAsync();

        var download = await client.GetAsync($"/networks/{networkId}/clock.ics");
        Assert.Equal("text/calendar", download.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await download.Content.ReadAsStringAsync())!;
        Assert.Equal(6, calendar.Events.Count);

        var page = $"/networks/{networkId}/clock";
        Assert.True((await client.SubmitFormAsync(page, "feed-cmd", ("FeedCmd.Command", "create"))).IsRedirect());
        var match = FeedUrl().Match(await (await client.GetAsync(page)).BodyAsync());
        Assert.True(match.Success, "The new feed address is shown once.");
        var feedPath = WebUtility.HtmlDecode(match.Groups[1].Value);
        var anonymous = app.NoRedirectClient();
        var feed = await anonymous.GetAsync(feedPath);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(6, Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events.Count);

        var feedId = (await app.Services.GetRequiredService<CalendarFeedService>().GetActiveAsync(await OwnerIdAsync(networkId), networkId))!.Id;
        Assert.True((await client.SubmitFormAsync(page, "feed-cmd", ("FeedCmd.Command", $"revoke:{feedId}"))).IsRedirect());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/guessed-token.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/no-extension")).StatusCode);
        Assert.True((await anonymous.GetAsync($"/networks/{networkId}/clock.ics")).IsRedirect());
        var outsider = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/networks/{networkId}/clock.ics")).StatusCode);
    }

    [Fact]
    public async Task Viewers_read_the_clock_but_get_no_forms_and_the_api_lists_events()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var viewerClient = await app.SignedInClientAsync(viewer);

        var html = await (await viewerClient.GetAsync($"/networks/{networkId}/clock")).BodyAsync();
        Assert.DoesNotContain("/clock/events/new", html, StringComparison.Ordinal);
        var events = await (await viewerClient.GetAsync($"/networks/{networkId}/clock/events/new")).BodyAsync();
        Assert.DoesNotContain("name=\"Event.EventTitle\"", events, StringComparison.Ordinal);

        var api = await app.BearerClientAsync(viewer);
        var list = await api.GetAsync($"/api/v1/networks/{networkId}/clock/events");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("\"recurrence\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var post = await api.PostAsJsonAsync($"/api/v1/networks/{networkId}/clock/events", new { title = "X", category = "Forum", startDate = "2027-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private async Task<string> OwnerIdAsync(Guid networkId)
    {
        await using var db = await Arrange.Db(app.Services);
        return await db.Memberships.Where(m => m.NetworkId == networkId && m.Role == NetworkRole.Owner).Select(m => m.UserId).FirstAsync();
    }
}
