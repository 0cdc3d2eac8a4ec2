using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Accounts;

public sealed record PersonalData(
    string Email, string DisplayName, string PreferredLanguage, DateTimeOffset CreatedAt,
    IReadOnlyList<PersonalDataMembership> Memberships, IReadOnlyList<PersonalDataSession> SignIns);

public sealed record PersonalDataMembership(string Network, string Role, DateTimeOffset JoinedAt);

public sealed record PersonalDataSession(DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string UserAgent, string IpAddress);

/// <summary>
/// The data side of "download my data" and "delete my account": what is personal, what goes, and
/// what must be handed over first (a network where the user is the last owner of other people's work).
/// </summary>
public sealed class PersonalDataService(IDbContextFactory<VerkostamoDbContext> dbFactory)
{
    public async Task<PersonalData?> ExportAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new PersonalDataMembership(m.Network!.Name, m.Role.ToString(), m.JoinedAt)).ToListAsync(ct);
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new PersonalDataSession(s.CreatedAt, s.LastSeenAt, s.UserAgent, s.IpAddress)).ToListAsync(ct);
        return new PersonalData(user.Email ?? "", user.DisplayName, user.PreferredLanguage, user.CreatedAt, memberships, sessions);
    }

    /// <summary>Networks that block deletion: the user is their only owner and other members remain.</summary>
    public async Task<IReadOnlyList<string>> BlockingNetworksAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == NetworkRole.Owner && m.Network!.DeletedAt == null
                && m.Network.Memberships.Count(o => o.Role == NetworkRole.Owner) == 1
                && m.Network.Memberships.Count > 1)
            .Select(m => m.Network!.Name)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Removes the user's own data before the account itself is deleted: networks where they are the
    /// only member go with them; their name is removed from the audit trail and feedback.
    /// </summary>
    public async Task<ServiceResult> ErasePersonalDataAsync(string userId, CancellationToken ct = default)
    {
        if ((await BlockingNetworksAsync(userId, ct)).Count > 0)
        {
            return ServiceResult.Fail(ErrorCodes.OwnsNetworks);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var soleNetworks = await db.Networks
            .Where(n => n.Memberships.Count == 1 && n.Memberships.Any(m => m.UserId == userId))
            .ToListAsync(ct);
        db.Networks.RemoveRange(soleNetworks);
        await db.SaveChangesAsync(ct);
        await db.AuditEntries.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (string?)null), ct);
        await db.AccessibilityFeedback.Where(f => f.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(f => f.UserId, (string?)null), ct);
        await db.Invitations.Where(i => i.AcceptedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedByUserId, (string?)null), ct);
        await db.Invitations.Where(i => i.CreatedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedByUserId, ""), ct);
        await db.Networks.Where(n => n.DeletedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(n => n.DeletedByUserId, (string?)null), ct);
        await ScrubAuditValuesAsync(db, userId, ct);
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>The user's id and e-mail also appear inside audit values and invitations addressed to them.</summary>
    private static async Task ScrubAuditValuesAsync(VerkostamoDbContext db, string userId, CancellationToken ct)
    {
        const string Erased = "[erased]";
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var needles = new List<string> { userId };
        if (!string.IsNullOrEmpty(email))
        {
            needles.Add(email.ToLowerInvariant());
            var lowered = email.ToLowerInvariant();
            await db.Invitations.Where(i => i.Email == lowered).ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, (string?)null), ct);
        }
        foreach (var needle in needles)
        {
            var entries = await db.AuditEntries
                .Where(a => (a.Before != null && a.Before.Contains(needle)) || (a.After != null && a.After.Contains(needle)))
                .ToListAsync(ct);
            foreach (var entry in entries)
            {
                entry.Before = entry.Before?.Replace(needle, Erased, StringComparison.Ordinal);
                entry.After = entry.After?.Replace(needle, Erased, StringComparison.Ordinal);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
