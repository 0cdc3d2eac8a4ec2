using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Actions;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Notifications;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Actions;

/// <summary>
/// The e-mail twin of the in-app reminders: once a day each person with overdue or soon-due steps gets one message
/// in their own language listing them. Queued in the outbox, so a day's message is never sent twice.
/// </summary>
public sealed class ReminderEmails(
    ReminderRecipients recipients,
    ActionPlanService plan,
    EmailOutbox outbox,
    IStringLocalizer<SharedResource> l,
    IOptions<SmtpOptions> options,
    TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ClockService.Helsinki).DateTime);

    /// <returns>How many messages were queued now (people already reminded today are skipped).</returns>
    public async Task<int> QueueTodayAsync(CancellationToken ct = default)
    {
        var today = Today;
        var queued = 0;
        foreach (var r in await recipients.ListAsync(ct))
        {
            var items = await plan.RemindersAsync(r.UserId, ct);
            if (items.Count == 0)
            {
                continue;
            }
            var message = Compose(r, items, today);
            if (await outbox.EnqueueAsync(message, $"reminders:{r.UserId}:{today:yyyy-MM-dd}", ct))
            {
                queued++;
            }
        }
        return queued;
    }

    internal EmailMessage Compose(ReminderRecipient to, IReadOnlyList<PlanItem> items, DateOnly today)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var language = new CultureInfo(Languages.IsSupported(to.Language) ? to.Language : Languages.Default);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            var overdue = items.Count(i => i.Action.IsOverdue);
            var body = new StringBuilder();
            body.AppendLine(l["Email.Reminders.Greeting", string.IsNullOrWhiteSpace(to.DisplayName) ? to.Email : to.DisplayName]).AppendLine();
            body.AppendLine(l["Email.Reminders.Intro", items.Count, overdue]).AppendLine();
            foreach (var group in items.GroupBy(i => i.NetworkName))
            {
                body.AppendLine(group.Key);
                foreach (var i in group)
                {
                    var due = i.Action.DueDate!.Value.ToString("d", language);
                    body.AppendLine("- " + (i.Action.IsOverdue ? l["Email.Reminders.OverdueItem", i.Action.Title, due] : l["Email.Reminders.DueItem", i.Action.Title, due]));
                }
                body.AppendLine();
            }
            if (options.Value.PublicUrl is { Length: > 0 } url)
            {
                body.AppendLine(l["Email.Reminders.Link", url.TrimEnd('/') + "/my-actions"]).AppendLine();
            }
            body.AppendLine(l["Email.Reminders.Why"]);
            return new EmailMessage(to.Email, l["Email.Reminders.Subject", items.Count, today.ToString("d", language)], body.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}

/// <summary>Queues the day's reminders from seven in the morning (Helsinki) and sends the outbox every few minutes.</summary>
public sealed class EmailReminderService(ReminderEmails reminders, EmailOutbox outbox, IEmailTransport transport, TimeProvider clock,
    ILogger<EmailReminderService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private const int MorningHour = 7;
    private DateOnly lastQueued;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One pass: the day's reminders when their time has come (or now, when <paramref name="queueNow"/>), then whatever
    /// the outbox has due. The outbox's keys keep a person to one message a day however often this runs.
    /// </summary>
    public async Task<OutboxRun?> RunOnceAsync(CancellationToken ct, bool queueNow = false)
    {
        try
        {
            var today = reminders.Today;
            var hour = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ClockService.Helsinki).Hour;
            if (queueNow || (lastQueued != today && hour >= MorningHour))
            {
                var queued = await reminders.QueueTodayAsync(ct);
                lastQueued = today;
                if (queued > 0)
                {
                    logger.LogInformation("Queued {Count} reminder e-mail(s)", queued);
                }
            }
            var run = await outbox.DeliverDueAsync(transport, ct);
            if (run.Retrying + run.GaveUp > 0)
            {
                logger.LogWarning("E-mail: {Sent} sent, {Retrying} to retry, {GaveUp} given up", run.Sent, run.Retrying, run.GaveUp);
            }
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed pass is retried at the next tick; it must never stop the app.
            logger.LogError(ex, "Sending e-mail failed");
            return null;
        }
    }
}
