using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.AnnualClock;

public sealed record CreatedFeed(Guid Id, string Token);

public sealed record FeedInfo(Guid Id, Guid? NetworkId, DateTimeOffset CreatedAt);

/// <summary>Words the calendar shows that come from the UI's resources.</summary>
public sealed record FeedTexts(string ActionPrefix, string CalendarName);

/// <summary>
/// Calendar feeds (RFC 5545): a network's events and dated steps, or a person's own steps and their
/// networks' events, at a secret address that can be revoked and renewed. Recurrence is written as RRULE,
/// not expanded; times are in Europe/Helsinki with its VTIMEZONE.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const string TimeZoneId = "Europe/Helsinki";
    private const string UidDomain = "verkostamo.fi";

    /// <summary>Creates a feed address, revoking the caller's earlier one for the same network (or the personal one).</summary>
    public async Task<ServiceResult<CreatedFeed>> CreateAsync(string userId, Guid? networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (networkId is { } id && await NetworkAccess.GetRoleAsync(db, id, userId, false, ct) is null)
        {
            return ServiceResult<CreatedFeed>.Fail(ErrorCodes.NotFound);
        }
        var now = clock.GetUtcNow();
        foreach (var old in await db.CalendarFeeds.Where(f => f.UserId == userId && f.NetworkId == networkId && f.RevokedAt == null).ToListAsync(ct))
        {
            old.RevokedAt = now;
        }
        var token = SecretTokens.New();
        var feed = new CalendarFeed { Id = Guid.NewGuid(), UserId = userId, NetworkId = networkId, TokenHash = SecretTokens.Hash(token), CreatedAt = now };
        db.CalendarFeeds.Add(feed);
        db.Audit(now, networkId, userId, nameof(CalendarFeed), feed.Id, "Created", scope: networkId is null ? null : ClockService.Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<CreatedFeed>.Success(new(feed.Id, token));
    }

    public async Task<FeedInfo?> GetActiveAsync(string userId, Guid? networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId && f.NetworkId == networkId && f.RevokedAt == null)
            .OrderByDescending(f => f.CreatedAt).Select(f => new FeedInfo(f.Id, f.NetworkId, f.CreatedAt)).FirstOrDefaultAsync(ct);
    }

    public async Task<ServiceResult> RevokeAsync(string userId, Guid feedId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == feedId && f.UserId == userId && f.RevokedAt == null, ct);
        if (feed is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        feed.RevokedAt = clock.GetUtcNow();
        db.Audit(feed.RevokedAt.Value, feed.NetworkId, userId, nameof(CalendarFeed), feed.Id, "Revoked", scope: feed.NetworkId is null ? null : ClockService.Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>The calendar behind a feed address; null for an unknown or revoked token, or when its owner has left the network.</summary>
    public async Task<string?> RenderAsync(string? token, FeedTexts texts, CancellationToken ct = default)
    {
        if (!SecretTokens.IsPlausible(token))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = SecretTokens.Hash(token!);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null)
        {
            return null;
        }
        if (feed.NetworkId is { } networkId)
        {
            return await NetworkAccess.GetRoleAsync(db, networkId, feed.UserId, false, ct) is null ? null : await NetworkCalendarAsync(db, networkId, texts, ct);
        }
        return await PersonalCalendarAsync(db, feed.UserId, texts, ct);
    }

    /// <summary>The network's calendar as an .ics download for a member; null without access.</summary>
    public async Task<string?> DownloadAsync(Guid networkId, string userId, FeedTexts texts, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null ? null : await NetworkCalendarAsync(db, networkId, texts, ct);
    }

    /// <summary>The network's calendar for an export the caller's access has already been checked for.</summary>
    internal async Task<string> NetworkCalendarAsync(Guid networkId, FeedTexts texts, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NetworkCalendarAsync(db, networkId, texts, ct);
    }

    private async Task<string> NetworkCalendarAsync(VerkostamoDbContext db, Guid networkId, FeedTexts texts, CancellationToken ct)
    {
        var name = await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(ct);
        var calendar = NewCalendar(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.CalendarName, name));
        await AddNetworkAsync(db, calendar, networkId, texts, _ => true, ct);
        return Serialize(calendar);
    }

    private async Task<string> PersonalCalendarAsync(VerkostamoDbContext db, string userId, FeedTexts texts, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email).SingleOrDefaultAsync(ct) ?? "";
        var calendar = NewCalendar(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.CalendarName, user));
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Networks.Where(n => n.DeletedAt == null), m => m.NetworkId, n => n.Id, (m, n) => new { m.Id, m.NetworkId }).ToListAsync(ct);
        foreach (var m in memberships)
        {
            await AddNetworkAsync(db, calendar, m.NetworkId, texts, a => a.OwnerMembershipId == m.Id, ct);
        }
        return Serialize(calendar);
    }

    private async Task AddNetworkAsync(VerkostamoDbContext db, Calendar calendar, Guid networkId, FeedTexts texts, Func<ActionView, bool> actionFilter, CancellationToken ct)
    {
        await ClockService.EnsureDefaultAsync(db, networkId, clock, ct);
        var events = await db.ClockEvents.AsNoTracking().Where(e => e.NetworkId == networkId && e.DeletedAt == null).OrderBy(e => e.StartDate).ToListAsync(ct);
        foreach (var e in events)
        {
            calendar.Events.Add(ToCalendarEvent(e));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var sections = await WorkbookService.SummariesAsync(db, networkId, ct);
        var themes = await ThemeService.SummariesAsync(db, networkId, ct);
        var steps = await WorkbookOverviewService.LiveActionsAsync(db, networkId, sections, themes, today, ct);
        foreach (var step in steps.Where(s => s.Action.DueDate is not null && actionFilter(s.Action)).OrderBy(s => s.Action.DueDate))
        {
            var a = step.Action;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"action-{a.Id}@{UidDomain}",
                Summary = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.ActionPrefix, a.Title),
                Description = a.Notes ?? "",
                DtStart = new CalDateTime(a.DueDate!.Value),
                DtEnd = new CalDateTime(a.DueDate.Value.AddDays(1)),
                DtStamp = new CalDateTime(a.UpdatedAt.UtcDateTime, "UTC", true),
                Categories = ["action", a.Status.ToString()],
                Transparency = "TRANSPARENT",
            });
        }
    }

    /// <summary>One clock event as a VEVENT: whole days as DATE values, times in Europe/Helsinki, recurrence as an RRULE.</summary>
    public static CalendarEvent ToCalendarEvent(ClockEvent e)
    {
        var last = e.EndDate ?? e.StartDate;
        var ev = new CalendarEvent
        {
            Uid = $"event-{e.Id}@{UidDomain}",
            Summary = e.Title,
            Description = e.Description,
            DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC", true),
            Categories = [e.Category.ToString()],
        };
        if (e.StartTime is { } from)
        {
            var to = e.EndTime ?? from.AddHours(1);
            ev.DtStart = new CalDateTime(e.StartDate, from, TimeZoneId);
            ev.DtEnd = new CalDateTime(to > from || e.EndDate is not null ? last : last.AddDays(1), to, TimeZoneId);
        }
        else
        {
            ev.DtStart = new CalDateTime(e.StartDate);
            ev.DtEnd = new CalDateTime(last.AddDays(1));
        }
        if (e.Recurrence != Recurrence.None)
        {
            var (frequency, interval) = e.Recurrence switch
            {
                Recurrence.Weekly => (FrequencyType.Weekly, e.Interval),
                Recurrence.Monthly => (FrequencyType.Monthly, e.Interval),
                Recurrence.Quarterly => (FrequencyType.Monthly, 3 * e.Interval),
                _ => (FrequencyType.Yearly, e.Interval),
            };
            var rule = new RecurrenceRule(frequency, interval) { Count = e.RecurrenceCount };
            if (e.RecursUntil is { } until)
            {
                // RFC 5545: with a time-zoned DTSTART, UNTIL is a UTC date-time; with a DATE start, a DATE.
                rule.Until = e.StartTime is null
                    ? new CalDateTime(until)
                    : new CalDateTime(TimeZoneInfo.ConvertTimeToUtc(until.ToDateTime(new TimeOnly(23, 59, 59)), ClockService.Helsinki), "UTC", true);
            }
            if (e.Recurrence is Recurrence.Monthly or Recurrence.Quarterly && ClockSchedule.IsLastDayOfMonth(e.StartDate))
            {
                rule.ByMonthDay = [-1];
            }
            ev.RecurrenceRule = rule;
        }
        return ev;
    }

    private static Calendar NewCalendar(string name)
    {
        var calendar = new Calendar { ProductId = "-//Verkostamo//Vuosikello//FI" };
        calendar.AddTimeZone(new VTimeZone(TimeZoneId));
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        return calendar;
    }

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
