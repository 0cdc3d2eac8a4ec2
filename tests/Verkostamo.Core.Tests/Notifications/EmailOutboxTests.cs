using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Data;
using Verkostamo.Core.Notifications;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.Notifications;

/// <summary>The e-mail outbox: one message per key, retries with growing pauses, given up after the last, and who gets reminders.</summary>
public class EmailOutboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private EmailOutbox Outbox => new(fixture.Factory, clock);

    /// <summary>A mail server that refuses the first <see cref="Failures"/> messages it is handed.</summary>
    private sealed class FlakyTransport(int failures) : IEmailTransport
    {
        public int Failures { get; set; } = failures;
        public List<EmailMessage> Delivered { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            if (Failures > 0)
            {
                Failures--;
                throw new IOException("Connection refused");
            }
            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }

    private async Task<OutboxMessage> StoredAsync(string key)
    {
        await using var db = await fixture.Factory.CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupKey == key);
    }

    [Fact]
    public async Task A_key_is_queued_once_and_its_message_is_sent_once()
    {
        var key = "test:" + Guid.NewGuid();
        Assert.True(await Outbox.EnqueueAsync(new EmailMessage("maija@example.fi", "Aihe", "Teksti"), key));
        Assert.False(await Outbox.EnqueueAsync(new EmailMessage("maija@example.fi", "Toinen", "Toinen"), key));

        var transport = new FlakyTransport(0);
        var run = await Outbox.DeliverDueAsync(transport);
        await Outbox.DeliverDueAsync(transport);

        Assert.True(run.Sent >= 1);
        Assert.Single(transport.Delivered, m => m.Subject == "Aihe" && m.Recipient == "maija@example.fi");
        var stored = await StoredAsync(key);
        Assert.Equal((1, clock.GetUtcNow()), (stored.Attempts, stored.SentAt));
        Assert.Null(stored.LastError);
    }

    [Fact]
    public async Task A_refused_message_is_retried_after_growing_pauses_and_given_up_after_the_last()
    {
        await Outbox.DeliverDueAsync(new FlakyTransport(0)); // whatever other tests left due
        var key = "test:" + Guid.NewGuid();
        Assert.True(await Outbox.EnqueueAsync(new EmailMessage("kalle@example.fi", "Muistutus", "Teksti"), key));
        var transport = new FlakyTransport(int.MaxValue);

        Assert.Equal(1, (await Outbox.DeliverDueAsync(transport)).Retrying);
        var first = await StoredAsync(key);
        Assert.Equal(clock.GetUtcNow() + EmailOutbox.RetryDelays[0], first.NextAttemptAt);
        Assert.Contains("Connection refused", first.LastError, StringComparison.Ordinal);

        // Not before its time.
        clock.Advance(EmailOutbox.RetryDelays[0] - TimeSpan.FromSeconds(1));
        Assert.Equal(new OutboxRun(0, 0, 0), await Outbox.DeliverDueAsync(transport));

        clock.Advance(TimeSpan.FromSeconds(1));
        for (var attempt = 2; attempt < EmailOutbox.MaxAttempts; attempt++)
        {
            Assert.Equal(1, (await Outbox.DeliverDueAsync(transport)).Retrying);
            var stored = await StoredAsync(key);
            Assert.Equal(attempt, stored.Attempts);
            Assert.Equal(clock.GetUtcNow() + EmailOutbox.RetryDelays[attempt - 1], stored.NextAttemptAt);
            clock.Advance(EmailOutbox.RetryDelays[attempt - 1]);
        }
        Assert.Equal(1, (await Outbox.DeliverDueAsync(transport)).GaveUp);
        var given = await StoredAsync(key);
        Assert.Equal((EmailOutbox.MaxAttempts, clock.GetUtcNow(), (DateTimeOffset?)null), (given.Attempts, given.GaveUpAt, given.SentAt));

        // Given up means given up: the server coming back does not resend it.
        clock.Advance(TimeSpan.FromDays(1));
        transport.Failures = 0;
        await Outbox.DeliverDueAsync(transport);
        Assert.DoesNotContain(transport.Delivered, m => m.Subject == "Muistutus" && m.Recipient == "kalle@example.fi");
    }

    [Fact]
    public async Task A_server_that_recovers_gets_the_message_on_the_retry()
    {
        await Outbox.DeliverDueAsync(new FlakyTransport(0));
        var key = "test:" + Guid.NewGuid();
        Assert.True(await Outbox.EnqueueAsync(new EmailMessage("sanna@example.fi", "Palautuu", "Teksti"), key));
        var transport = new FlakyTransport(1);

        await Outbox.DeliverDueAsync(transport);
        clock.Advance(EmailOutbox.RetryDelays[0]);
        await Outbox.DeliverDueAsync(transport);

        Assert.Single(transport.Delivered, m => m.Subject == "Palautuu");
        Assert.Equal(2, (await StoredAsync(key)).Attempts);
    }

    [Fact]
    public async Task Reminders_go_to_owners_of_open_overdue_or_soon_due_steps_in_live_networks_only()
    {
        var actions = new ActionService(fixture.Factory, clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var network = await fixture.NetworkAsync(clock);
        var memberId = await fixture.MembershipIdAsync(network.Id, network.Member);
        var facilitatorId = await fixture.MembershipIdAsync(network.Id, network.Facilitator);
        var viewerId = await fixture.MembershipIdAsync(network.Id, network.Viewer);
        var ownerId = await fixture.MembershipIdAsync(network.Id, network.Owner);
        async Task Step(Guid owner, DateOnly? due, ActionStatus status) =>
            Assert.True((await actions.AddAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), new ActionInput("Askel", owner, null, due, status))).Succeeded);
        await Step(memberId, today.AddDays(-2), ActionStatus.Planned);                                  // overdue
        await Step(facilitatorId, today.AddDays(ActionPlanService.DueSoonDays), ActionStatus.InProgress); // due soon
        await Step(viewerId, today.AddDays(ActionPlanService.DueSoonDays + 1), ActionStatus.Planned);    // later
        await Step(ownerId, today.AddDays(-5), ActionStatus.Done);                                      // closed

        var other = await fixture.NetworkAsync(clock);
        var binned = await fixture.MembershipIdAsync(other.Id, other.Member);
        Assert.True((await actions.AddAsync(other.Id, other.Member.Id, AnswerOwner.Section("roles"), new ActionInput("Roskakorissa", binned, null, today, ActionStatus.Planned))).Succeeded);
        await using (var db = await fixture.Factory.CreateDbContextAsync())
        {
            await db.Networks.Where(n => n.Id == other.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.DeletedAt, clock.GetUtcNow()));
        }

        var recipients = (await new ReminderRecipients(fixture.Factory, clock).ListAsync()).Select(r => r.UserId).ToList();

        Assert.Contains(network.Member.Id, recipients);
        Assert.Contains(network.Facilitator.Id, recipients);
        Assert.DoesNotContain(network.Viewer.Id, recipients);
        Assert.DoesNotContain(network.Owner.Id, recipients);
        Assert.DoesNotContain(other.Member.Id, recipients);
    }
}
