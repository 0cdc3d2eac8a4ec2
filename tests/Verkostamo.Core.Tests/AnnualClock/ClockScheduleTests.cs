using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Common;

namespace Verkostamo.Core.Tests.AnnualClock;

/// <summary>Recurrence expansion and the validation of events: what the wheel draws and what the feed promises.</summary>
public class ClockScheduleTests
{
    private static ClockEvent Event(DateOnly start, Recurrence recurrence = Recurrence.None, int interval = 1, DateOnly? until = null, int? count = null, DateOnly? end = null) => new()
    {
        StartDate = start, EndDate = end, Recurrence = recurrence, Interval = interval, RecursUntil = until, RecurrenceCount = count,
    };

    private static List<DateOnly> Starts(ClockEvent e, int year) =>
        [.. ClockSchedule.Occurrences(e, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Select(o => o.Start)];

    [Fact]
    public void Single_days_and_ranges_occur_once_and_a_range_overlapping_the_year_counts()
    {
        Assert.Equal([new DateOnly(2027, 5, 4)], Starts(Event(new(2027, 5, 4)), 2027));
        Assert.Empty(Starts(Event(new(2027, 5, 4)), 2028));
        var range = Event(new(2026, 12, 20), end: new(2027, 1, 10));
        var occurrence = Assert.Single(ClockSchedule.Occurrences(range, new(2027, 1, 1), new(2027, 12, 31)));
        Assert.Equal((new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 10)), (occurrence.Start, occurrence.End));
    }

    [Fact]
    public void Weekly_monthly_quarterly_and_yearly_recurrences_honour_interval_until_and_count()
    {
        Assert.Equal(5, Starts(Event(new(2027, 1, 5), Recurrence.Weekly, until: new(2027, 2, 2)), 2027).Count);
        Assert.Equal(26, Starts(Event(new(2027, 1, 5), Recurrence.Weekly, interval: 2, until: new(2028, 1, 1)), 2027).Count);
        Assert.Equal([new DateOnly(2027, 1, 15), new(2027, 3, 15), new(2027, 5, 15)],
            Starts(Event(new(2027, 1, 15), Recurrence.Monthly, interval: 2, count: 3), 2027));
        Assert.Equal([new DateOnly(2027, 2, 10), new(2027, 5, 10), new(2027, 8, 10), new(2027, 11, 10)],
            Starts(Event(new(2027, 2, 10), Recurrence.Quarterly, until: new(2030, 1, 1)), 2027));
        var yearly = Event(new(2026, 11, 15), Recurrence.Yearly, count: 3);
        Assert.Equal([new DateOnly(2027, 11, 15)], Starts(yearly, 2027));
        Assert.Equal([new DateOnly(2028, 11, 15)], Starts(yearly, 2028));
        Assert.Empty(Starts(yearly, 2029));
    }

    [Fact]
    public void A_monthly_event_on_the_last_day_of_a_month_stays_on_the_last_day()
    {
        Assert.Equal([new DateOnly(2028, 1, 31), new(2028, 2, 29), new(2028, 3, 31), new(2028, 4, 30)],
            Starts(Event(new(2028, 1, 31), Recurrence.Monthly, count: 4), 2028));
        Assert.Equal([new DateOnly(2027, 4, 30), new(2027, 5, 31), new(2027, 6, 30)],
            Starts(Event(new(2027, 4, 30), Recurrence.Monthly, count: 3), 2027));
    }

    public static TheoryData<string, string> BadEvents() => new()
    {
        { "no title", ErrorCodes.TitleRequired },
        { "no start", ErrorCodes.DateInvalid },
        { "far past", ErrorCodes.DateInvalid },
        { "far future", ErrorCodes.DateInvalid },
        { "end before start", ErrorCodes.EndBeforeStart },
        { "too long", ErrorCodes.RangeTooLong },
        { "end time only", ErrorCodes.TimeInvalid },
        { "time backwards", ErrorCodes.EndBeforeStart },
        { "endless", ErrorCodes.RecurrenceEndless },
        { "until before start", ErrorCodes.RecurrenceUntilInvalid },
        { "until too far", ErrorCodes.RecurrenceUntilInvalid },
        { "zero count", ErrorCodes.RecurrenceCountInvalid },
        { "too many", ErrorCodes.RecurrenceCountInvalid },
        { "interval", ErrorCodes.IntervalInvalid },
        { "day 30 monthly", ErrorCodes.RecurrenceDayInvalid },
        { "leap day yearly", ErrorCodes.RecurrenceDayInvalid },
        { "category", ErrorCodes.ValueInvalid },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Bad_events_are_refused_with_a_code_that_names_the_problem(string kind, string error)
    {
        var start = new DateOnly(2027, 3, 10);
        var ok = new ClockEventInput("Foorumi", ClockCategory.Forum, start);
        var input = kind switch
        {
            "no title" => ok with { Title = "  " },
            "no start" => ok with { StartDate = null },
            "far past" => ok with { StartDate = new DateOnly(1999, 12, 31) },
            "far future" => ok with { StartDate = new DateOnly(2101, 1, 1) },
            "end before start" => ok with { EndDate = start.AddDays(-1) },
            "too long" => ok with { EndDate = start.AddDays(ClockService.MaxRangeDays) },
            "end time only" => ok with { EndTime = new TimeOnly(10, 0) },
            "time backwards" => ok with { StartTime = new TimeOnly(10, 0), EndTime = new TimeOnly(9, 0) },
            "endless" => ok with { Recurrence = Recurrence.Weekly },
            "until before start" => ok with { Recurrence = Recurrence.Weekly, RecursUntil = start.AddDays(-1) },
            "until too far" => ok with { Recurrence = Recurrence.Yearly, RecursUntil = start.AddYears(21) },
            "zero count" => ok with { Recurrence = Recurrence.Weekly, RecurrenceCount = 0 },
            "too many" => ok with { Recurrence = Recurrence.Weekly, RecursUntil = start.AddYears(20) },
            "interval" => ok with { Recurrence = Recurrence.Weekly, RecurrenceCount = 3, Interval = 0 },
            "day 30 monthly" => ok with { StartDate = new DateOnly(2027, 1, 30), Recurrence = Recurrence.Monthly, RecurrenceCount = 3 },
            "leap day yearly" => ok with { StartDate = new DateOnly(2028, 2, 29), Recurrence = Recurrence.Yearly, RecurrenceCount = 3 },
            _ => ok with { Category = (ClockCategory)42 },
        };

        Assert.Equal(error, ClockService.Validate(input).ErrorCode);
    }

    [Fact]
    public void A_valid_event_is_trimmed_and_a_one_day_range_becomes_a_single_day()
    {
        var clean = ClockService.Validate(new ClockEventInput("  Foorumi ", ClockCategory.Forum, new DateOnly(2027, 3, 10))
        {
            EndDate = new DateOnly(2027, 3, 10), Description = " Tilannehuone\r\n ", StartTime = new TimeOnly(9, 0),
            Recurrence = Recurrence.Monthly, RecurrenceCount = 10, Interval = 1,
        });

        Assert.True(clean.Succeeded, clean.ErrorCode);
        Assert.Equal(("Foorumi", "Tilannehuone", (DateOnly?)null, (TimeOnly?)null), (clean.Value!.Title, clean.Value.Description, clean.Value.EndDate, clean.Value.EndTime));
        Assert.Null(ClockService.Validate(new ClockEventInput("x", ClockCategory.Other, new DateOnly(2027, 1, 31)) { Recurrence = Recurrence.Monthly, RecurrenceCount = 12 }).ErrorCode);
    }
}
