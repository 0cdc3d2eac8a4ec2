using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Notifications;

/// <summary>An e-mail waiting to be sent, sent, or given up on after its retries.</summary>
public class OutboxMessage
{
    public Guid Id { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>What the message is about, e.g. one person's reminders of one day; the same key is never queued twice.</summary>
    public string DedupKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? GaveUpAt { get; set; }
    public string? LastError { get; set; }
}

public sealed record EmailMessage(string Recipient, string Subject, string Body);

/// <summary>Hands a message to a mail server; throws when the server refuses or cannot be reached.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

public sealed record OutboxRun(int Sent, int Retrying, int GaveUp);

/// <summary>
/// A transactional outbox for e-mail: messages are stored first and sent by a background pass, so a mail server
/// that is down delays a reminder instead of losing it. A failed send is retried with growing pauses and given up
/// after the last one, with the error kept for the administrator.
/// </summary>
public sealed class EmailOutbox(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxSubject = 200;
    public const int MaxBody = 20_000;
    public const int BatchSize = 50;

    /// <summary>Pauses after the 1st, 2nd, … failed attempt; after the last the message is given up.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    public static int MaxAttempts => RetryDelays.Count + 1;

    /// <summary>How long a claimed message waits before another pass may try it, should the claiming one crash mid-send.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    /// <returns>False when a message with the same key is already queued or sent.</returns>
    public async Task<bool> EnqueueAsync(EmailMessage message, string dedupKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == dedupKey, ct))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Recipient = message.Recipient.Trim(),
            Subject = Truncate(message.Subject, MaxSubject),
            Body = Truncate(message.Body, MaxBody),
            DedupKey = dedupKey,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another pass queued the same message at the same moment; the unique key keeps one.
            return false;
        }
    }

    /// <summary>Sends what is due now, oldest first, at most <see cref="BatchSize"/> messages.</summary>
    public async Task<OutboxRun> DeliverDueAsync(IEmailTransport transport, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SQLite cannot order by DateTimeOffset in SQL; the due set is small, so it is ordered here.
        var due = (await db.OutboxMessages.Where(m => m.SentAt == null && m.GaveUpAt == null).ToListAsync(ct))
            .Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToList();
        int sent = 0, retrying = 0, gaveUp = 0;
        foreach (var m in due)
        {
            // Claim the message first, so that two instances of the app sending at once never both send it.
            var claimed = await db.OutboxMessages
                .Where(x => x.Id == m.Id && x.Attempts == m.Attempts && x.SentAt == null && x.GaveUpAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Attempts, m.Attempts + 1).SetProperty(x => x.NextAttemptAt, now + ClaimLease), ct);
            if (claimed == 0)
            {
                continue;
            }
            m.Attempts++;
            try
            {
                await transport.SendAsync(new EmailMessage(m.Recipient, m.Subject, m.Body), ct);
                m.SentAt = clock.GetUtcNow();
                m.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                m.LastError = Truncate(ex.GetType().Name + ": " + ex.Message, 1000);
                if (m.Attempts >= MaxAttempts)
                {
                    m.GaveUpAt = clock.GetUtcNow();
                    gaveUp++;
                }
                else
                {
                    m.NextAttemptAt = clock.GetUtcNow() + RetryDelays[m.Attempts - 1];
                    retrying++;
                }
            }
            // Saved one by one so that a crash never sends a message twice.
            await db.SaveChangesAsync(ct);
        }
        return new OutboxRun(sent, retrying, gaveUp);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
