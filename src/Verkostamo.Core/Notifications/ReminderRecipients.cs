using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Notifications;

public sealed record ReminderRecipient(string UserId, string Email, string DisplayName, string Language);

/// <summary>Who has open steps of their own that are overdue or due soon, in networks that are not in the bin.</summary>
public sealed class ReminderRecipients(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReminderRecipient>> ListAsync(CancellationToken ct = default)
    {
        var horizon = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(ActionPlanService.DueSoonDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = new[] { ActionStatus.Planned, ActionStatus.InProgress };
        var userIds = await db.Actions
            .Where(a => a.DeletedAt == null && a.OwnerMembershipId != null && a.DueDate != null && a.DueDate <= horizon && open.Contains(a.Status))
            .Join(db.Memberships, a => a.OwnerMembershipId, m => m.Id, (a, m) => m)
            .Where(m => db.Networks.Any(n => n.Id == m.NetworkId && n.DeletedAt == null))
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        return await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null)
            .OrderBy(u => u.Email)
            .Select(u => new ReminderRecipient(u.Id, u.Email!, u.DisplayName, u.PreferredLanguage))
            .ToListAsync(ct);
    }
}
