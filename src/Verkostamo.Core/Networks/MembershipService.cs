using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Networks;

public sealed record MemberInfo(Guid Id, string UserId, string DisplayName, string? Email, NetworkRole Role, DateTimeOffset JoinedAt);

public sealed class MembershipService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Members of a network; e-mail addresses only for facilitators and owners.</summary>
    public async Task<IReadOnlyList<MemberInfo>?> ListAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        if (role is null)
        {
            return null;
        }
        var showEmail = role >= NetworkRole.Facilitator;
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.NetworkId == networkId)
            .Select(m => new { m.Id, m.UserId, m.User!.DisplayName, m.User.Email, m.Role, m.JoinedAt })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new MemberInfo(r.Id, r.UserId, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? "" : r.DisplayName,
                showEmail ? r.Email : null, r.Role, r.JoinedAt))
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Only owners change roles; the last owner can never be demoted.</summary>
    public async Task<ServiceResult> ChangeRoleAsync(Guid networkId, string userId, Guid membershipId, NetworkRole newRole, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(newRole))
        {
            return ServiceResult.Fail(ErrorCodes.RoleNotAllowed);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (role, target) = await LockAndLoadAsync(db, networkId, userId, membershipId, ct);
        if (role is null || target is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        if (role != NetworkRole.Owner)
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        if (target.Role == newRole)
        {
            return ServiceResult.Ok;
        }
        if (target.Role == NetworkRole.Owner && await IsLastOwnerAsync(db, networkId, ct))
        {
            return ServiceResult.Fail(ErrorCodes.LastOwner);
        }
        var before = target.Role;
        target.Role = newRole;
        db.Audit(clock.GetUtcNow(), networkId, userId, nameof(Membership), target.Id, "RoleChanged", new { Role = before.ToString() }, new { Role = newRole.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> RemoveAsync(Guid networkId, string userId, Guid membershipId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (role, target) = await LockAndLoadAsync(db, networkId, userId, membershipId, ct);
        if (role is null || target is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        var self = target.UserId == userId;
        if (!self && role != NetworkRole.Owner)
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        if (target.Role == NetworkRole.Owner && await IsLastOwnerAsync(db, networkId, ct))
        {
            return ServiceResult.Fail(ErrorCodes.LastOwner);
        }
        db.Memberships.Remove(target);
        db.Audit(clock.GetUtcNow(), networkId, userId, nameof(Membership), target.Id, self ? "Left" : "Removed", new { target.UserId, Role = target.Role.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> LeaveAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == userId && m.Network!.DeletedAt == null)
            .Select(m => (Guid?)m.Id).SingleOrDefaultAsync(ct);
        return id is null ? ServiceResult.Fail(ErrorCodes.NotFound) : await RemoveAsync(networkId, userId, id.Value, ct);
    }

    /// <summary>Locks the network's memberships for this transaction, then reads the caller's role and the target.</summary>
    private static async Task<(NetworkRole? Role, Membership? Target)> LockAndLoadAsync(
        VerkostamoDbContext db, Guid networkId, string userId, Guid membershipId, CancellationToken ct)
    {
        await NetworkAccess.LockMembershipsAsync(db, networkId, ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var target = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.NetworkId == networkId, ct);
        return (role, target);
    }

    private static async Task<bool> IsLastOwnerAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct) =>
        await db.Memberships.CountAsync(m => m.NetworkId == networkId && m.Role == NetworkRole.Owner, ct) <= 1;
}
