using System.Globalization;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Common;

namespace Verkostamo.Features.AnnualClock;

/// <summary>An event as posted; property names are the inputs' ids, which key the form's errors.</summary>
public sealed class ClockEventForm
{
    public Guid Version { get; set; }
    public string? EventTitle { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Recurrence { get; set; }
    public string? Interval { get; set; }
    public string? RecursUntil { get; set; }
    public string? RecurrenceCount { get; set; }
    public string? ThemeId { get; set; }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d.M.yy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "H.mm", "HH:mm:ss"];

    /// <summary>The input, or the error code and the field of the first value that cannot be read.</summary>
    public (ClockEventInput? Input, string? Error, string? Field) ToInput()
    {
        if (!Date(StartDate, out var start) || start is null)
        {
            return (null, ErrorCodes.DateInvalid, nameof(StartDate));
        }
        if (!Date(EndDate, out var end))
        {
            return (null, ErrorCodes.DateInvalid, nameof(EndDate));
        }
        if (!Time(StartTime, out var from))
        {
            return (null, ErrorCodes.TimeInvalid, nameof(StartTime));
        }
        if (!Time(EndTime, out var to))
        {
            return (null, ErrorCodes.TimeInvalid, nameof(EndTime));
        }
        if (!Enum.TryParse<ClockCategory>(Category, out var category) || !Enum.IsDefined(category) || int.TryParse(Category, out _))
        {
            return (null, ErrorCodes.ValueInvalid, nameof(Category));
        }
        var recurrence = Core.AnnualClock.Recurrence.None;
        if (!string.IsNullOrEmpty(Recurrence) && (!Enum.TryParse(Recurrence, out recurrence) || !Enum.IsDefined(recurrence) || int.TryParse(Recurrence, out _)))
        {
            return (null, ErrorCodes.ValueInvalid, nameof(Recurrence));
        }
        var interval = 1;
        if (!string.IsNullOrWhiteSpace(Interval) && !int.TryParse(Interval, NumberStyles.None, CultureInfo.InvariantCulture, out interval))
        {
            return (null, ErrorCodes.IntervalInvalid, nameof(Interval));
        }
        if (!Date(RecursUntil, out var until))
        {
            return (null, ErrorCodes.RecurrenceUntilInvalid, nameof(RecursUntil));
        }
        int? count = null;
        if (!string.IsNullOrWhiteSpace(RecurrenceCount))
        {
            if (!int.TryParse(RecurrenceCount, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
            {
                return (null, ErrorCodes.RecurrenceCountInvalid, nameof(RecurrenceCount));
            }
            count = c;
        }
        Guid? theme = Guid.TryParse(ThemeId, out var t) ? t : null;
        return (new ClockEventInput(EventTitle, category, start)
        {
            Description = Description, EndDate = end, StartTime = from, EndTime = to, Recurrence = recurrence, Interval = interval,
            RecursUntil = until, RecurrenceCount = count, ThemeId = theme,
        }, null, null);
    }

    /// <summary>The field an error code from the service concerns.</summary>
    public static string FieldOf(string code) => code switch
    {
        ErrorCodes.TitleRequired => nameof(EventTitle),
        ErrorCodes.TextTooLong => nameof(Description),
        ErrorCodes.DateInvalid => nameof(StartDate),
        ErrorCodes.EndBeforeStart or ErrorCodes.RangeTooLong => nameof(EndDate),
        ErrorCodes.TimeInvalid => nameof(StartTime),
        ErrorCodes.IntervalInvalid => nameof(Interval),
        ErrorCodes.RecurrenceEndless or ErrorCodes.RecurrenceUntilInvalid => nameof(RecursUntil),
        ErrorCodes.RecurrenceCountInvalid => nameof(RecurrenceCount),
        ErrorCodes.RecurrenceDayInvalid => nameof(Recurrence),
        _ => nameof(Category),
    };

    public static ClockEventForm From(ClockEventView e) => new()
    {
        Version = e.Version,
        EventTitle = e.Title,
        Category = e.Category.ToString(),
        Description = e.Description,
        StartDate = e.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndDate = e.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StartTime = e.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = e.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Recurrence = e.Recurrence.ToString(),
        Interval = e.Interval.ToString(CultureInfo.InvariantCulture),
        RecursUntil = e.RecursUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RecurrenceCount = e.RecurrenceCount?.ToString(CultureInfo.InvariantCulture),
        ThemeId = e.ThemeId?.ToString(),
    };

    private static bool Date(string? text, out DateOnly? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            value = d;
            return true;
        }
        return false;
    }

    private static bool Time(string? text, out TimeOnly? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            value = t;
            return true;
        }
        return false;
    }
}
