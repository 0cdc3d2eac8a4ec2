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

    public static bool Allows(NetworkRole? actual, NetworkRole required) => actual is { } role && role >= required;
}
