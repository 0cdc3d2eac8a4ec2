using System.Globalization;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Resources;

namespace Verkostamo.Features.AnnualClock;

public static class ClockTexts
{
    public static string Date(DateOnly d) => d.ToString("d", CultureInfo.CurrentCulture);

    public static string When(IStringLocalizer<SharedResource> l, DateOnly start, DateOnly end, TimeOnly? from, TimeOnly? to)
    {
        var days = start == end ? Date(start) : l["Clock.Range", Date(start), Date(end)].Value;
        if (from is not { } f)
        {
            return days;
        }
        var time = to is { } t ? $"{f:HH\\:mm}–{t:HH\\:mm}" : $"{f:HH\\:mm}";
        return $"{days} {time}";
    }

    /// <summary>"Title, when (ring)": the accessible name of an item on the wheel and its line in the list.</summary>
    public static string Describe(IStringLocalizer<SharedResource> l, ClockItem item) =>
        l["Clock.ItemDescription", item.Title, When(l, item.Start, item.End, item.StartTime, item.EndTime), l["Clock.Ring." + item.Ring]].Value;

    public static string Repeats(IStringLocalizer<SharedResource> l, ClockEventView e)
    {
        if (e.Recurrence == Recurrence.None)
        {
            return l["Clock.Recurrence.None"];
        }
        var every = e.Interval == 1 ? l["Clock.Every." + e.Recurrence].Value : l["Clock.EveryN." + e.Recurrence, e.Interval].Value;
        var until = e.RecursUntil is { } u ? l["Clock.Until", Date(u)].Value : l["Clock.Times", e.RecurrenceCount ?? 0].Value;
        return $"{every}, {until}";
    }
}
