using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;

namespace Verkostamo.Web.Tests.Support;

/// <summary>Arranges data straight through the Core services (fast, and the same rules as the UI), and reads it back for assertions.</summary>
public static class Arrange
{
    /// <summary>The smallest valid PNG signature plus padding: enough for the logo validator, which checks content, not decoding.</summary>
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]];

    public static async Task<Guid> NetworkAsync(IServiceProvider services, TestUser owner, string? name = null)
    {
        var result = await services.GetRequiredService<NetworkService>()
            .CreateAsync(owner.Id, new NetworkInput(name ?? "Verkosto " + Guid.NewGuid().ToString("N")[..8], null, null, null));
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Value;
    }

    /// <summary>Adds <paramref name="user"/> with <paramref name="role"/> the way the product does it: an invitation accepted; returns the membership id.</summary>
    public static async Task<Guid> MemberAsync(IServiceProvider services, Guid networkId, TestUser owner, TestUser user, NetworkRole role)
    {
        var invitations = services.GetRequiredService<InvitationService>();
        var invitation = await invitations.CreateAsync(networkId, owner.Id, new InvitationInput(role, 7, null));
        Assert.True(invitation.Succeeded, invitation.ErrorCode);
        var accepted = await invitations.AcceptAsync(invitation.Value!.Token, user.Id);
        Assert.True(accepted.Succeeded, accepted.ErrorCode);
        await using var db = await Db(services);
        return await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == user.Id).Select(m => m.Id).SingleAsync();
    }

    public static async Task<VerkostamoDbContext> Db(IServiceProvider services) =>
        await services.GetRequiredService<IDbContextFactory<VerkostamoDbContext>>().CreateDbContextAsync();

    public static async Task<int> NetworkCountAsync(IServiceProvider services)
    {
        await using var db = await Db(services);
        return await db.Networks.CountAsync();
    }

    public static async Task<int> MembershipCountAsync(IServiceProvider services, string userId)
    {
        await using var db = await Db(services);
        return await db.Memberships.CountAsync(m => m.UserId == userId);
    }

    public static async Task<int> LogoCountAsync(IServiceProvider services, Guid networkId)
    {
        await using var db = await Db(services);
        return await db.NetworkLogos.CountAsync(l => l.NetworkId == networkId);
    }

    /// <summary>
    /// Everything a request could change about a network, as one comparable string: its fields, its
    /// members' roles, its invitations' states and its logos. Equal snapshots mean "nothing changed".
    /// </summary>
    public static async Task<string> SnapshotAsync(IServiceProvider services, Guid networkId)
    {
        await using var db = await Db(services);
        var network = await db.Networks.AsNoTracking().Where(n => n.Id == networkId)
            .Select(n => new { n.Name, n.EventName, n.ShortDescription, n.Language, n.Version, n.DeletedAt }).SingleOrDefaultAsync();
        var members = (await db.Memberships.AsNoTracking().Where(m => m.NetworkId == networkId).Select(m => new { m.Id, m.UserId, m.Role }).ToListAsync())
            .OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.UserId}:{m.Role}");
        var invitations = (await db.Invitations.AsNoTracking().Where(i => i.NetworkId == networkId).Select(i => new { i.Id, i.AcceptedAt, i.RevokedAt }).ToListAsync())
            .OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.AcceptedAt}:{i.RevokedAt}");
        var logos = (await db.NetworkLogos.AsNoTracking().Where(l => l.NetworkId == networkId).Select(l => l.Id).ToListAsync()).Order();
        return $"{network}\nmembers: {string.Join(", ", members)}\ninvitations: {string.Join(", ", invitations)}\nlogos: {string.Join(", ", logos)}"
            + await WorkbookSnapshotAsync(db, networkId) + await MapSnapshotAsync(db, networkId)
            + "\nassessment rounds: " + string.Join(", ", (await db.AssessmentRounds.AsNoTracking().Where(r => r.NetworkId == networkId)
                .Select(r => new { r.Id, r.Version }).ToListAsync()).OrderBy(r => r.Id).Select(r => r.ToString()));
    }

    /// <summary>The map part of <see cref="SnapshotAsync"/>: actors, links, saved views and versions, with their versions.</summary>
    private static async Task<string> MapSnapshotAsync(VerkostamoDbContext db, Guid networkId)
    {
        var actors = (await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId).Select(a => new { a.Id, a.Version, a.DeletedAt }).ToListAsync())
            .OrderBy(a => a.Id).Select(a => a.ToString());
        var links = (await db.Links.AsNoTracking().Where(l => l.NetworkId == networkId).Select(l => new { l.Id, l.Version, l.DeletedAt }).ToListAsync())
            .OrderBy(l => l.Id).Select(l => l.ToString());
        var views = (await db.MapViews.AsNoTracking().Where(v => v.NetworkId == networkId).Select(v => new { v.Id, v.Version }).ToListAsync())
            .OrderBy(v => v.Id).Select(v => v.ToString());
        var versions = (await db.MapVersions.AsNoTracking().Where(v => v.NetworkId == networkId).Select(v => v.Id).ToListAsync()).Order();
        return $"\nactors: {string.Join(", ", actors)}\nlinks: {string.Join(", ", links)}\nviews: {string.Join(", ", views)}\nversions: {string.Join(", ", versions)}";
    }

    /// <summary>The workbook part of <see cref="SnapshotAsync"/>: sections, key solutions, steps and themes, with their versions.</summary>
    private static async Task<string> WorkbookSnapshotAsync(VerkostamoDbContext db, Guid networkId)
    {
        var sections = (await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId)
                .Select(s => new { s.Key, s.Order, s.Hidden, s.Title, s.Question, s.Intro, s.TextsVersion, s.FieldsVersion, s.ResponsibilitiesVersion, s.DeletedAt }).ToListAsync())
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.ToString());
        var solutions = (await db.KeySolutions.AsNoTracking().Where(k => k.NetworkId == networkId)
                .Select(k => new { k.Id, k.Order, k.Version, k.DeletedAt }).ToListAsync())
            .OrderBy(k => k.Id).Select(k => k.ToString());
        var steps = (await db.Actions.AsNoTracking().Where(a => a.NetworkId == networkId)
                .Select(a => new { a.Id, a.Order, a.Version, a.DeletedAt }).ToListAsync())
            .OrderBy(a => a.Id).Select(a => a.ToString());
        var themes = (await db.Themes.AsNoTracking().Where(t => t.NetworkId == networkId)
                .Select(t => new { t.Id, t.Order, t.Version, t.ResponsibilitiesVersion, t.ArchivedAt, t.DeletedAt }).ToListAsync())
            .OrderBy(t => t.Id).Select(t => t.ToString());
        var placements = (await db.LeadershipPlacements.AsNoTracking().Where(p => p.NetworkId == networkId)
                .Select(p => new { p.UserId, p.NowGoal, p.NowShared, p.WantedGoal, p.WantedShared }).ToListAsync())
            .OrderBy(p => p.UserId, StringComparer.Ordinal).Select(p => p.ToString());
        return $"\nsections: {string.Join(", ", sections)}\nsolutions: {string.Join(", ", solutions)}\nsteps: {string.Join(", ", steps)}"
            + $"\nthemes: {string.Join(", ", themes)}\nplacements: {string.Join(", ", placements)}";
    }
}
