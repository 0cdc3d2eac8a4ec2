using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Networks;

/// <summary>
/// The one place that answers "what may this user do in this network". A network that does not exist,
/// is in the bin, or that the user is not a member of all look the same: no role.
/// </summary>
public sealed class NetworkAccess(IDbContextFactory<VerkostamoDbContext> dbFactory)
{
    public async Task<NetworkRole?> GetRoleAsync(Guid networkId, string userId, bool includeDeleted = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GetRoleAsync(db, networkId, userId, includeDeleted, ct);
    }

    internal static async Task<NetworkRole?> GetRoleAsync(VerkostamoDbContext db, Guid networkId, string userId, bool includeDeleted, CancellationToken ct)
    {
        var row = await db.Memberships.AsNoTracking()
            .Where(m => m.NetworkId == networkId && m.UserId == userId && (includeDeleted || m.Network!.DeletedAt == null))
            .Select(m => new { m.Role })
            .SingleOrDefaultAsync(ct);
        return row?.Role;
    }

    /// <summary>
    /// Null when the user holds at least <paramref name="minimum"/> in the network; otherwise the error:
    /// NotFound for non-members and unknown ids alike, Forbidden for members whose role is too low.
    /// </summary>
    internal static async Task<string?> DenialAsync(VerkostamoDbContext db, Guid networkId, string userId, NetworkRole minimum, CancellationToken ct)
    {
        return Denial(await GetRoleAsync(db, networkId, userId, false, ct), minimum);
    }

    internal static string? Denial(NetworkRole? role, NetworkRole minimum) =>
        role is null ? Common.ErrorCodes.NotFound : role < minimum ? Common.ErrorCodes.Forbidden : null;

    /// <summary>
    /// Makes concurrent changes to one network's memberships wait for each other inside the current
    /// transaction. SQLite already runs one writing transaction at a time; PostgreSQL's read committed
    /// would let two owners each count the other and both step down, leaving no owner.
    /// </summary>
    internal static Task LockMembershipsAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct) => LockNetworkAsync(db, networkId, ct);

    /// <summary>
    /// Makes transactions that change the same network's shared rows (its memberships, its workbook's
    /// sections) wait for each other by locking the network's row until the current transaction ends.
    /// </summary>
    internal static async Task LockNetworkAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Networks\" WHERE \"Id\" = {networkId} FOR UPDATE", ct);
        }
    }

    public static bool Allows(NetworkRole? actual, NetworkRole required) => actual is { } role && role >= required;
}
