using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.AnnualClock;

public sealed record ClockEventInput(string? Title, ClockCategory Category, DateOnly? StartDate)
{
    public string? Description { get; init; }
    public DateOnly? EndDate { get; init; }
    public TimeOnly? StartTime { get; init; }
    public TimeOnly? EndTime { get; init; }
    public Recurrence Recurrence { get; init; }
    public int Interval { get; init; } = 1;
    public DateOnly? RecursUntil { get; init; }
    public int? RecurrenceCount { get; init; }
    public Guid? ThemeId { get; init; }
}

public sealed record ClockEventView(
    Guid Id, string Title, string Description, ClockCategory Category, DateOnly StartDate, DateOnly? EndDate, TimeOnly? StartTime, TimeOnly? EndTime,
    Recurrence Recurrence, int Interval, DateOnly? RecursUntil, int? RecurrenceCount, Guid? ThemeId, Guid Version, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt);

/// <summary>The rings of the wheel, from the outside in: the event categories and the actions' due dates.</summary>
public enum ClockRing
{
    DevelopmentPhase,
    LearningPhase,
    Forum,
    Evaluation,
    ThemeMilestone,
    Other,
    Actions,
}

/// <summary>Something on the wheel within one year: an occurrence of an event, or a step's due date.</summary>
public sealed record ClockItem(ClockRing Ring, string Title, DateOnly Start, DateOnly End, Guid? EventId, Guid? ActionId, TimeOnly? StartTime, TimeOnly? EndTime,
    ActionStatus? Status, bool Recurring);

public sealed record ClockYear(int Year, IReadOnlyList<ClockItem> Items, IReadOnlyList<ClockEventView> Events, IReadOnlyList<ClockEventView> DeletedEvents,
    IReadOnlyList<ThemeSummary> Themes, NetworkRole Role, DateOnly Today)
{
    public bool CanEdit => Role >= NetworkRole.Member;
}

/// <summary>
/// The network's annual clock (vuosikello): events that are single days, ranges or recurring, plus every
/// dated step of the action plan, for one year at a time. A new clock starts with a default year.
/// </summary>
public sealed class ClockService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxEvents = 1000;
    public const int MaxInterval = 52;
    public const int MaxRangeDays = 366;
    public const int MaxRecurrenceYears = 20;
    public const string Scope = "clock";
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Helsinki).DateTime);

    public static TimeZoneInfo Helsinki { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public async Task<ClockYear?> GetYearAsync(Guid networkId, string userId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        year = Math.Clamp(year, Earliest.Year, Latest.Year);
        await EnsureDefaultAsync(db, networkId, ct);
        var events = await db.ClockEvents.AsNoTracking().Where(e => e.NetworkId == networkId).ToListAsync(ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var items = new List<ClockItem>();
        foreach (var e in events.Where(e => e.DeletedAt == null))
        {
            items.AddRange(ClockSchedule.Occurrences(e, from, to).Select(o =>
                new ClockItem((ClockRing)e.Category, e.Title, o.Start, o.End, e.Id, null, e.StartTime, e.EndTime, null, e.Recurrence != Recurrence.None)));
        }
        var today = Today;
        var sections = await WorkbookService.SummariesAsync(db, networkId, ct);
        var themes = await ThemeService.SummariesAsync(db, networkId, ct);
        var steps = await WorkbookOverviewService.LiveActionsAsync(db, networkId, sections, themes, today, ct);
        items.AddRange(steps.Where(s => s.Action.DueDate is { } due && due.Year == year).Select(s =>
            new ClockItem(ClockRing.Actions, s.Action.Title, s.Action.DueDate!.Value, s.Action.DueDate.Value, null, s.Action.Id, null, null, s.Action.Status, false)));
        return new ClockYear(year, [.. items.OrderBy(i => i.Start).ThenBy(i => i.Ring).ThenBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase)],
            [.. events.Where(e => e.DeletedAt == null).OrderBy(e => e.StartDate).Select(ToView)],
            [.. events.Where(e => e.DeletedAt != null).OrderByDescending(e => e.DeletedAt).Select(ToView)],
            [.. themes.Where(t => t.DeletedAt is null)], role, today);
    }

    public async Task<ClockEventView?> GetEventAsync(Guid networkId, string userId, Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var e = await db.ClockEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId && x.NetworkId == networkId && x.DeletedAt == null, ct);
        return e is null ? null : ToView(e);
    }

    /// <summary>Checks an event; the cleaned input or an error code naming what is wrong.</summary>
    public static ServiceResult<ClockEventInput> Validate(ClockEventInput input)
    {
        var title = input.Title?.Trim() ?? "";
        var description = (input.Description ?? "").Trim().ReplaceLineEndings("\n");
        if (title.Length == 0)
        {
            return Fail(ErrorCodes.TitleRequired);
        }
        if (title.Length > TextLimits.Title || description.Length > TextLimits.Answer)
        {
            return Fail(ErrorCodes.TextTooLong);
        }
        if (!Enum.IsDefined(input.Category) || !Enum.IsDefined(input.Recurrence))
        {
            return Fail(ErrorCodes.ValueInvalid);
        }
        if (input.StartDate is not { } start || start < Earliest || start > Latest || input.EndDate is { } e && (e < Earliest || e > Latest))
        {
            return Fail(ErrorCodes.DateInvalid);
        }
        var end = input.EndDate is { } given && given != start ? given : (DateOnly?)null;
        if (end < start)
        {
            return Fail(ErrorCodes.EndBeforeStart);
        }
        if (end is { } last && last.DayNumber - start.DayNumber >= MaxRangeDays)
        {
            return Fail(ErrorCodes.RangeTooLong);
        }
        if (input.StartTime is null && input.EndTime is not null)
        {
            return Fail(ErrorCodes.TimeInvalid);
        }
        if (input.StartTime is { } from && input.EndTime is { } to && end is null && to <= from)
        {
            return Fail(ErrorCodes.EndBeforeStart);
        }
        var clean = input with { Title = title, Description = description, EndDate = end, Interval = 1, RecursUntil = null, RecurrenceCount = null };
        if (input.Recurrence == Recurrence.None)
        {
            return ServiceResult<ClockEventInput>.Success(clean with { Recurrence = Recurrence.None });
        }
        if (input.Interval is < 1 or > MaxInterval)
        {
            return Fail(ErrorCodes.IntervalInvalid);
        }
        // A recurrence must end (by a date or a count) and produce at least one occurrence.
        if (input.RecursUntil is null && input.RecurrenceCount is null)
        {
            return Fail(ErrorCodes.RecurrenceEndless);
        }
        if (input.RecurrenceCount is < 1 or > ClockSchedule.MaxOccurrences)
        {
            return Fail(ErrorCodes.RecurrenceCountInvalid);
        }
        if (input.RecursUntil is { } until && (until < start || until > start.AddYears(MaxRecurrenceYears)))
        {
            return Fail(ErrorCodes.RecurrenceUntilInvalid);
        }
        if (input.Recurrence is Recurrence.Monthly or Recurrence.Quarterly && start.Day > 28 && !ClockSchedule.IsLastDayOfMonth(start)
            || input.Recurrence == Recurrence.Yearly && start is { Month: 2, Day: 29 })
        {
            return Fail(ErrorCodes.RecurrenceDayInvalid);
        }
        clean = clean with { Interval = input.Interval, RecursUntil = input.RecursUntil, RecurrenceCount = input.RecurrenceCount };
        var probe = new ClockEvent
        {
            StartDate = start, EndDate = end, Recurrence = input.Recurrence, Interval = input.Interval,
            RecursUntil = input.RecursUntil, RecurrenceCount = input.RecurrenceCount,
        };
        if (ClockSchedule.Occurrences(probe, start, start.AddYears(MaxRecurrenceYears)).Skip(ClockSchedule.MaxOccurrences - 1).Any())
        {
            return Fail(ErrorCodes.RecurrenceCountInvalid);
        }
        return ServiceResult<ClockEventInput>.Success(clean);

        static ServiceResult<ClockEventInput> Fail(string code) => ServiceResult<ClockEventInput>.Fail(code);
    }

    public async Task<ServiceResult<Guid>> CreateAsync(Guid networkId, string userId, ClockEventInput input, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        if (!await ThemeIsValidAsync(db, networkId, clean.Value!.ThemeId, ct))
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ValueInvalid);
        }
        if (await db.ClockEvents.CountAsync(e => e.NetworkId == networkId && e.DeletedAt == null, ct) >= MaxEvents)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        await EnsureDefaultAsync(db, networkId, ct);
        var now = clock.GetUtcNow();
        var e = new ClockEvent { Id = Guid.NewGuid(), NetworkId = networkId, CreatedAt = now, CreatedByUserId = userId };
        Apply(e, clean.Value!, userId, now);
        db.ClockEvents.Add(e);
        db.Audit(now, networkId, userId, nameof(ClockEvent), e.Id, "Created", after: Snapshot(e), scope: Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(e.Id);
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, Guid eventId, ClockEventInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = Validate(input);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (e, error) = await NetworkRecords.LoadWritableAsync<ClockEvent>(db, networkId, userId, eventId, false, ct);
        if (e is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        if (e.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(e.Version);
        }
        if (!await ThemeIsValidAsync(db, networkId, clean.Value!.ThemeId, ct))
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ValueInvalid);
        }
        var before = Snapshot(e);
        Apply(e, clean.Value!, userId, clock.GetUtcNow());
        db.Audit(e.UpdatedAt, networkId, userId, nameof(ClockEvent), eventId, "Updated", before, Snapshot(e), Scope);
        return await WorkbookStore.SaveBlockAsync(db, e, nameof(ClockEvent.Version), ct);
    }

    public Task<ServiceResult> DeleteAsync(Guid networkId, string userId, Guid eventId, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, eventId, true, ct);

    public Task<ServiceResult> RestoreAsync(Guid networkId, string userId, Guid eventId, CancellationToken ct = default) => SetDeletedAsync(networkId, userId, eventId, false, ct);

    private async Task<ServiceResult> SetDeletedAsync(Guid networkId, string userId, Guid eventId, bool delete, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NetworkRecords.SetDeletedAsync<ClockEvent>(db, networkId, userId, eventId, delete, clock.GetUtcNow(), e => new { e.Title }, Scope, ct);
    }

    /// <summary>
    /// Sets up a new clock once: the four development phases of section 5 over the year, an annual evaluation and
    /// a monthly situation room of the strong links (section 4), in the network's language, recurring for five years.
    /// </summary>
    internal Task EnsureDefaultAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct) => EnsureDefaultAsync(db, networkId, clock, ct);

    internal static async Task EnsureDefaultAsync(VerkostamoDbContext db, Guid networkId, TimeProvider clock, CancellationToken ct)
    {
        if (await db.NetworkClocks.AnyAsync(c => c.NetworkId == networkId, ct))
        {
            return;
        }
        var network = await db.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => new { n.Language }).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, Helsinki).Year;
        foreach (var input in DefaultClock.Events(network.Language, year))
        {
            var e = new ClockEvent { Id = Guid.NewGuid(), NetworkId = networkId, CreatedAt = now };
            Apply(e, Validate(input).Value!, null, now);
            db.ClockEvents.Add(e);
        }
        db.NetworkClocks.Add(new NetworkClock { NetworkId = networkId, CreatedAt = now });
        db.Audit(now, networkId, null, nameof(NetworkClock), networkId, "Created", scope: Scope);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else set the clock up at the same moment: keep theirs.
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<bool> ThemeIsValidAsync(VerkostamoDbContext db, Guid networkId, Guid? themeId, CancellationToken ct) =>
        themeId is not { } id || await db.Themes.AnyAsync(t => t.Id == id && t.NetworkId == networkId && t.DeletedAt == null, ct);

    private static void Apply(ClockEvent e, ClockEventInput clean, string? userId, DateTimeOffset now)
    {
        e.Title = clean.Title!;
        e.Description = clean.Description ?? "";
        e.Category = clean.Category;
        e.StartDate = clean.StartDate!.Value;
        e.EndDate = clean.EndDate;
        e.StartTime = clean.StartTime;
        e.EndTime = clean.StartTime is null ? null : clean.EndTime;
        e.Recurrence = clean.Recurrence;
        e.Interval = clean.Interval;
        e.RecursUntil = clean.RecursUntil;
        e.RecurrenceCount = clean.RecurrenceCount;
        e.ThemeId = clean.ThemeId;
        NetworkRecords.Touch(e, userId, now);
    }

    private static object Snapshot(ClockEvent e) => new
    {
        e.Title, e.Description, Category = e.Category.ToString(), e.StartDate, e.EndDate, e.StartTime, e.EndTime,
        Recurrence = e.Recurrence.ToString(), e.Interval, e.RecursUntil, e.RecurrenceCount, e.ThemeId,
    };

    internal static ClockEventView ToView(ClockEvent e) => new(e.Id, e.Title, e.Description, e.Category, e.StartDate, e.EndDate, e.StartTime, e.EndTime,
        e.Recurrence, e.Interval, e.RecursUntil, e.RecurrenceCount, e.ThemeId, e.Version, e.UpdatedAt, e.DeletedAt);
}

/// <summary>The default year of a new clock, in the network's language (content, like the workbook template).</summary>
internal static class DefaultClock
{
    private static readonly Dictionary<string, (string Evaluation, string EvaluationText, string Forum, string ForumText)> Texts = new()
    {
        ["fi"] = ("Vuosittainen arviointi", "Arvioidaan yhdessä verkoston toimivuutta ja vaikuttavuutta (osio 13).",
            "Tilannehuone", "Vahvojen linkkien säännöllinen foorumi: tilannekuva, sovitut roolit ja seuraavat askeleet (osio 4)."),
        ["sv"] = ("Årlig utvärdering", "Vi utvärderar tillsammans nätverkets funktion och verkningsfullhet (avsnitt 13).",
            "Lägesrum", "De starka länkarnas regelbundna forum: lägesbild, överenskomna roller och nästa steg (avsnitt 4)."),
        ["en"] = ("Annual evaluation", "Evaluating the network's functioning and impact together (section 13).",
            "Situation room", "The regular forum of the strong links: the situation, agreed roles and next steps (section 4)."),
    };

    public static IEnumerable<ClockEventInput> Events(string language, int year)
    {
        var lang = Texts.ContainsKey(language) ? language : "fi";
        var t = Texts[lang];
        var phases = WorkbookTemplate.Current.Find("development-cycle")?.For(lang).Framework?.Rows.Select(r => r.Title).ToList() ?? [];
        var until = new DateOnly(year + 4, 12, 31);
        for (var i = 0; i < Math.Min(4, phases.Count); i++)
        {
            var start = new DateOnly(year, 1 + 3 * i, 1);
            yield return new ClockEventInput($"{i + 1}. {phases[i]}", ClockCategory.DevelopmentPhase, start)
            {
                EndDate = start.AddMonths(3).AddDays(-1), Recurrence = Recurrence.Yearly, RecursUntil = until,
            };
        }
        yield return new ClockEventInput(t.Evaluation, ClockCategory.Evaluation, new DateOnly(year, 11, 15))
        {
            Description = t.EvaluationText, Recurrence = Recurrence.Yearly, RecursUntil = until,
        };
        yield return new ClockEventInput(t.Forum, ClockCategory.Forum, FirstTuesday(year, 1))
        {
            Description = t.ForumText, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(11, 0), Recurrence = Recurrence.Monthly, RecursUntil = until,
        };
    }

    private static DateOnly FirstTuesday(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Tuesday)
        {
            d = d.AddDays(1);
        }
        return d;
    }
}
