namespace Verkostamo.Core.AnnualClock;

/// <summary>One occurrence of an event: its first and last day.</summary>
public readonly record struct Occurrence(DateOnly Start, DateOnly End);

/// <summary>Expands recurrences into occurrences within a window, the way RFC 5545 RRULEs with FREQ, INTERVAL, UNTIL and COUNT do.</summary>
public static class ClockSchedule
{
    /// <summary>The most occurrences an event may have (through COUNT or UNTIL).</summary>
    public const int MaxOccurrences = 1000;

    public static IEnumerable<Occurrence> Occurrences(ClockEvent e, DateOnly from, DateOnly to)
    {
        var length = (e.EndDate ?? e.StartDate).DayNumber - e.StartDate.DayNumber;
        for (var n = 0; n < MaxOccurrences; n++)
        {
            if (e.RecurrenceCount is { } count && n >= count)
            {
                yield break;
            }
            if (Nth(e, n) is not { } start)
            {
                yield break;
            }
            if (start > to || (e.RecursUntil is { } until && start > until))
            {
                yield break;
            }
            var end = start.AddDays(length);
            if (end >= from)
            {
                yield return new Occurrence(start, end);
            }
            if (e.Recurrence == Recurrence.None)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The n-th start, counted from the first. A monthly or quarterly event that starts on the last day of a
    /// month stays on the last day (RRULE BYMONTHDAY=-1); validation refuses other starts after the 28th,
    /// which calendar programs would skip in short months.
    /// </summary>
    public static DateOnly? Nth(ClockEvent e, int n)
    {
        var step = Math.Max(1, e.Interval) * n;
        try
        {
            return e.Recurrence switch
            {
                Recurrence.None => n == 0 ? e.StartDate : null,
                Recurrence.Weekly => e.StartDate.AddDays(7 * step),
                Recurrence.Monthly => AddMonths(e.StartDate, step),
                Recurrence.Quarterly => AddMonths(e.StartDate, 3 * step),
                Recurrence.Yearly => e.StartDate.AddYears(step),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateOnly AddMonths(DateOnly start, int months)
    {
        var d = start.AddMonths(months);
        return IsLastDayOfMonth(start) ? new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)) : d;
    }

    public static bool IsLastDayOfMonth(DateOnly d) => d.Day == DateTime.DaysInMonth(d.Year, d.Month);
}
