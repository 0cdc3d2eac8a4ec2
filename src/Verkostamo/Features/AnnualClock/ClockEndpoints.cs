using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.AnnualClock;

/// <summary>An event as the API takes it; dates as yyyy-MM-dd, times as HH:mm (Europe/Helsinki).</summary>
public sealed record ClockEventRequest(
    string? Title, ClockCategory Category, DateOnly? StartDate, DateOnly? EndDate, TimeOnly? StartTime, TimeOnly? EndTime,
    Recurrence Recurrence, int? Interval, DateOnly? RecursUntil, int? RecurrenceCount, Guid? ThemeId, string? Description, Guid Version)
{
    public ClockEventInput ToInput() => new(Title, Category, StartDate)
    {
        EndDate = EndDate, StartTime = StartTime, EndTime = EndTime, Recurrence = Recurrence, Interval = Interval ?? 1,
        RecursUntil = RecursUntil, RecurrenceCount = RecurrenceCount, ThemeId = ThemeId, Description = Description,
    };
}

public static class ClockEndpoints
{
    /// <summary>The calendar feeds and the .ics download, outside the JSON API.</summary>
    public static void MapClockFeeds(this WebApplication app)
    {
        // The secret address is the only credential a calendar program has: unknown, revoked and guessed all answer 404.
        app.MapGet("/feeds/{file}", async (string file, CalendarFeedService feeds, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            file.EndsWith(".ics", StringComparison.Ordinal) && await feeds.RenderAsync(file[..^4], Texts(l), ct) is { } ics
                ? Results.Text(ics, "text/calendar", Encoding.UTF8)
                : Results.NotFound())
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Invitations)
            .ExcludeFromDescription();
        app.MapGet("/networks/{networkId:guid}/clock.ics", async (Guid networkId, ClaimsPrincipal user, CalendarFeedService feeds, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await feeds.DownloadAsync(networkId, user.UserId(), Texts(l), ct) is { } ics
                ? Results.File(Encoding.UTF8.GetBytes(ics), "text/calendar", "vuosikello.ics")
                : Results.NotFound())
            .RequireAuthorization(NetworkPolicies.Viewer)
            .ExcludeFromDescription();
    }

    public static void MapClockApi(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/networks/{networkId:guid}/clock").WithTags("Annual clock");
        network.MapGet("/", async (Guid networkId, int? year, ClaimsPrincipal user, ClockService clock, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await clock.GetYearAsync(networkId, user.UserId(), year ?? clock.Today.Year, ct) is { } y
                ? new { y.Year, y.Items, y.Today } : null))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/events", async (Guid networkId, ClaimsPrincipal user, ClockService clock, CancellationToken ct) =>
            ApiResults.OkOrNotFound((await clock.GetYearAsync(networkId, user.UserId(), clock.Today.Year, ct))?.Events))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapGet("/events/{eventId:guid}", async (Guid networkId, Guid eventId, ClaimsPrincipal user, ClockService clock, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await clock.GetEventAsync(networkId, user.UserId(), eventId, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        network.MapPost("/events", async (Guid networkId, ClockEventRequest body, HttpContext http, ClaimsPrincipal user, ClockService clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.CreatedAsync(await clock.CreateAsync(networkId, user.UserId(), body.ToInput(), ct), l,
                id => $"{http.Request.Path}/{id}", async id => await clock.GetEventAsync(networkId, user.UserId(), id, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapPut("/events/{eventId:guid}", async (Guid networkId, Guid eventId, ClockEventRequest body, ClaimsPrincipal user, ClockService clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await ApiResults.SavedAsync(await clock.UpdateAsync(networkId, user.UserId(), eventId, body.ToInput(), body.Version, ct), l,
                async () => await clock.GetEventAsync(networkId, user.UserId(), eventId, ct)))
            .RequireAuthorization(NetworkPolicies.Member);
        network.MapDelete("/events/{eventId:guid}", async (Guid networkId, Guid eventId, ClaimsPrincipal user, ClockService clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await clock.DeleteAsync(networkId, user.UserId(), eventId, ct), l, TypedResults.NoContent))
            .RequireAuthorization(NetworkPolicies.Member);
    }

    public static FeedTexts Texts(IStringLocalizer<SharedResource> l) => new(l["Feed.ActionPrefix"], l["Feed.CalendarName"]);
}
