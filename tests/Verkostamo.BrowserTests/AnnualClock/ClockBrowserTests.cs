using System.Globalization;
using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Workbook;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.AnnualClock;

/// <summary>The annual clock in a browser: an event added on the wheel shows in the list, the month calendar and the downloaded .ics.</summary>
public sealed class ClockBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private const int Year = 2031;
    private const string Title = "Teemaryhmän tapaaminen";

    [Fact]
    public async Task A_recurring_event_added_on_the_wheel_shows_in_the_list_the_month_view_and_the_downloaded_ics()
    {
        var network = await CreateNetworkAsync();
        await AddStepAsync(network, AnswerOwner.Section("learning-phases-clock"), "Sovitaan oppimisen vaiheet", new DateOnly(Year, 5, 20));
        var page = await SignedInPageAsync(network.Member);

        await page.GotoAsync($"/networks/{network.Id}/clock?year={Year}");
        await page.ExpectHeadingAsync(UiText.Get("Clock.Title"));
        await Axe.AssertAccessibleAsync(page);

        // March on the wheel's rim opens a new event that starts on the first of March.
        var fi = CultureInfo.GetCultureInfo("fi-FI").DateTimeFormat;
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.Format("Clock.AddEventIn", fi.GetMonthName(3)), Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync(UiText.Get("Clock.NewEvent"));
        await Expect(page.GetByLabel(UiText.Get("Clock.StartDate"), new() { Exact = true })).ToHaveValueAsync($"{Year}-03-01");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel(UiText.Get("Clock.EventTitle"), new() { Exact = true }).FillAsync(Title);
        await page.GetByLabel(UiText.Get("Clock.StartTime"), new() { Exact = true }).FillAsync("10:00");
        await page.GetByLabel(UiText.Get("Clock.EndTime"), new() { Exact = true }).FillAsync("11:30");
        await page.GetByLabel(UiText.Get("Clock.RecurrenceField"), new() { Exact = true }).SelectOptionAsync("Monthly");
        await page.GetByLabel(UiText.Get("Clock.RecursUntil"), new() { Exact = true }).FillAsync($"{Year}-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Save"), Exact = true }).ClickAsync();

        // Back on the wheel: the event once a month from March to December, in the list and on the wheel.
        await Expect(page.Locator("main [role=status]").First).ToHaveTextAsync(UiText.Get("Clock.Created"));
        await Expect(page.Locator(".clock-list").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true })).ToHaveCountAsync(10);
        await Expect(page.Locator("#month-2 + *")).Not.ToContainTextAsync(Title);
        Assert.Equal(10, await page.Locator(".clock-wheel a.clock-wheel__item title").Filter(new() { HasText = Title }).CountAsync());
        await Axe.AssertAccessibleAsync(page);

        // The month calendar of July holds it too, and passes axe.
        await page.GotoAsync($"/networks/{network.Id}/clock/month?year={Year}&month=7");
        await Expect(page.Locator("main")).ToContainTextAsync(Title);
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/networks/{network.Id}/clock/print?year={Year}");
        await Expect(page.Locator("main")).ToContainTextAsync(Title);
        await Axe.AssertAccessibleAsync(page);

        // The downloaded calendar carries the rule, not twelve copies, in Helsinki time.
        await page.GotoAsync($"/networks/{network.Id}/clock?year={Year}");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Clock.DownloadIcs"), Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync(path))!;
        var e = Assert.Single(calendar.Events, x => x.Summary == Title);
        var rule = e.RecurrenceRule!;
        Assert.Equal(FrequencyType.Monthly, rule.Frequency);
        Assert.Equal(new DateTime(Year, 3, 1, 10, 0, 0), e.DtStart!.Value);
        Assert.Equal("Europe/Helsinki", e.DtStart.TzId);
        Assert.Contains(calendar.Events, x => x.Summary is not null && x.Summary.Contains("Sovitaan oppimisen vaiheet", StringComparison.Ordinal));
    }
}
