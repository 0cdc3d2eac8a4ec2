using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Accounts;

public sealed class UserSessionService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How often a session's "last seen" is written; keeps requests from writing every time.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    public async Task<Guid> StartAsync(string userId, string? userAgent, string? ipAddress, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = Truncate(userAgent ?? "", 300),
            IpAddress = Truncate(ipAddress ?? "", 64),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>True when the session exists and is not revoked; refreshes its last-seen time now and then.</summary>
    public async Task<bool> ValidateAsync(Guid sessionId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null || session.RevokedAt is not null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (now - session.LastSeenAt > TouchInterval)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .ToListAsync(ct);
        return [.. sessions.OrderByDescending(s => s.LastSeenAt)];
    }

    public async Task<bool> RevokeAsync(string userId, Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct);
        if (session is null)
        {
            return false;
        }
        session.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<int> RevokeAllAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var s in sessions)
        {
            s.RevokedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return sessions.Count;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
