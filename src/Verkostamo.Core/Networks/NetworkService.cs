using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Accounts;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Networks;

public sealed class NetworkService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How long a deleted network stays in the bin before it is purged.</summary>
    public static readonly TimeSpan BinRetention = TimeSpan.FromDays(30);

    public static ServiceResult Validate(NetworkInput input)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return ServiceResult.Fail(ErrorCodes.NameRequired);
        }
        if (name.Length > TextLimits.Name)
        {
            return ServiceResult.Fail(ErrorCodes.NameTooLong);
        }
        if ((input.EventName?.Trim().Length ?? 0) > TextLimits.ShortText
            || (input.ShortDescription?.Trim().Length ?? 0) > TextLimits.Description)
        {
            return ServiceResult.Fail(ErrorCodes.TextTooLong);
        }
        if (!string.IsNullOrEmpty(input.Language) && !Languages.IsSupported(input.Language))
        {
            return ServiceResult.Fail(ErrorCodes.LanguageUnsupported);
        }
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult<Guid>> CreateAsync(string userId, NetworkInput input, CancellationToken ct = default)
    {
        var check = Validate(input);
        if (!check.Succeeded)
        {
            return ServiceResult<Guid>.Fail(check.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var network = new Network
        {
            Id = Guid.NewGuid(),
            Name = input.Name.Trim(),
            EventName = input.EventName?.Trim() ?? "",
            ShortDescription = input.ShortDescription?.Trim() ?? "",
            Language = string.IsNullOrEmpty(input.Language) ? Languages.Default : input.Language,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        network.Memberships.Add(new Membership { Id = Guid.NewGuid(), UserId = userId, Role = NetworkRole.Owner, JoinedAt = now });
        db.Networks.Add(network);
        Workbook.WorkbookStore.AddNew(db, network.Id, now);
        db.Audit(now, network.Id, userId, nameof(Network), network.Id, "Created", after: Snapshot(network));
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(network.Id);
    }

    public async Task<IReadOnlyList<NetworkSummary>> ListMineAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Network!.DeletedAt == null)
            .Select(m => new NetworkSummary(m.NetworkId, m.Network!.Name, m.Network.EventName, m.Role, m.Network.Memberships.Count))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<NetworkDetails?> GetAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await db.Memberships.AsNoTracking()
            .Where(m => m.NetworkId == networkId && m.UserId == userId && m.Network!.DeletedAt == null)
            .Select(m => new { m.Role, m.Network })
            .SingleOrDefaultAsync(ct);
        if (membership?.Network is not { } n)
        {
            return null;
        }
        var logos = await db.NetworkLogos.AsNoTracking().Where(l => l.NetworkId == networkId)
            .OrderBy(l => l.Order)
            .Select(l => new LogoInfo(l.Id, l.ContentType, l.FileName, l.Order))
            .ToListAsync(ct);
        return new NetworkDetails(n.Id, n.Name, n.EventName, n.ShortDescription, n.Language, n.Version, membership.Role, n.CreatedAt, logos);
    }

    public async Task<ServiceResult<Guid>> UpdateAsync(Guid networkId, string userId, NetworkInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        var check = Validate(input);
        if (!check.Succeeded)
        {
            return ServiceResult<Guid>.Fail(check.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var network = await db.Networks.SingleAsync(n => n.Id == networkId, ct);
        if (network.Version != expectedVersion)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ConcurrencyConflict);
        }
        var before = Snapshot(network);
        network.Name = input.Name.Trim();
        network.EventName = input.EventName?.Trim() ?? "";
        network.ShortDescription = input.ShortDescription?.Trim() ?? "";
        network.Language = string.IsNullOrEmpty(input.Language) ? network.Language : input.Language;
        network.UpdatedAt = clock.GetUtcNow();
        network.Version = Guid.NewGuid();
        db.Audit(network.UpdatedAt, networkId, userId, nameof(Network), networkId, "Updated", before, Snapshot(network));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.ConcurrencyConflict);
        }
        return ServiceResult<Guid>.Success(network.Version);
    }

    /// <summary>Moves the network to the bin. Only an owner may; members lose access at once.</summary>
    public async Task<ServiceResult> DeleteAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Owner, ct) is { } denied)
        {
            return ServiceResult.Fail(denied);
        }
        var network = await db.Networks.SingleAsync(n => n.Id == networkId, ct);
        network.DeletedAt = clock.GetUtcNow();
        network.DeletedByUserId = userId;
        network.Version = Guid.NewGuid();
        db.Audit(network.DeletedAt.Value, networkId, userId, nameof(Network), networkId, "Deleted");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<IReadOnlyList<DeletedNetwork>> ListBinAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cutoff = clock.GetUtcNow() - BinRetention;
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == NetworkRole.Owner && m.Network!.DeletedAt != null && m.Network.DeletedAt > cutoff)
            .Select(m => new { m.NetworkId, m.Network!.Name, m.Network.DeletedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new DeletedNetwork(r.NetworkId, r.Name, r.DeletedAt!.Value, r.DeletedAt.Value + BinRetention))
            .OrderByDescending(r => r.DeletedAt)];
    }

    public async Task<ServiceResult> RestoreAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, true, ct);
        var network = await db.Networks.SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (role is null || network?.DeletedAt is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        if (role != NetworkRole.Owner)
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        var now = clock.GetUtcNow();
        if (network.DeletedAt.Value + BinRetention <= now)
        {
            return ServiceResult.Fail(ErrorCodes.RestoreExpired);
        }
        network.DeletedAt = null;
        network.DeletedByUserId = null;
        network.Version = Guid.NewGuid();
        db.Audit(now, networkId, userId, nameof(Network), networkId, "Restored");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>Permanently removes networks that have been in the bin longer than the retention.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cutoff = clock.GetUtcNow() - BinRetention;
        var expired = await db.Networks.Where(n => n.DeletedAt != null && n.DeletedAt <= cutoff).ToListAsync(ct);
        foreach (var n in expired)
        {
            db.Audit(clock.GetUtcNow(), null, null, nameof(Network), n.Id, "Purged", before: new { n.Name });
        }
        db.Networks.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }

    public async Task<ServiceResult<Guid>> AddLogoAsync(Guid networkId, string userId, string fileName, byte[] content, CancellationToken ct = default)
    {
        var detected = LogoValidator.Detect(content);
        if (!detected.Succeeded)
        {
            return ServiceResult<Guid>.Fail(detected.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var existing = await db.NetworkLogos.Where(l => l.NetworkId == networkId).Select(l => l.Order).ToListAsync(ct);
        if (existing.Count >= LogoValidator.MaxLogosPerNetwork)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.LogoLimit);
        }
        // Browsers may send a full client path, with either separator; keep the last part only.
        var safeName = (fileName ?? "").Split('/', '\\').Last().Trim();
        var logo = new NetworkLogo
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            ContentType = detected.Value!,
            FileName = safeName.Length > TextLimits.ShortText ? safeName[..TextLimits.ShortText] : safeName,
            Content = content,
            Order = existing.Count == 0 ? 0 : existing.Max() + 1,
            CreatedAt = clock.GetUtcNow(),
        };
        db.NetworkLogos.Add(logo);
        db.Audit(logo.CreatedAt, networkId, userId, nameof(NetworkLogo), logo.Id, "Created", after: new { logo.FileName, logo.ContentType, Size = content.Length });
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(logo.Id);
    }

    public async Task<ServiceResult> RemoveLogoAsync(Guid networkId, string userId, Guid logoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var logo = await db.NetworkLogos.SingleOrDefaultAsync(l => l.Id == logoId && l.NetworkId == networkId, ct);
        if (role is null || logo is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        if (role < NetworkRole.Facilitator)
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        db.NetworkLogos.Remove(logo);
        db.Audit(clock.GetUtcNow(), networkId, userId, nameof(NetworkLogo), logo.Id, "Deleted", before: new { logo.FileName });
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<LogoContent?> GetLogoAsync(Guid networkId, string userId, Guid logoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        return await db.NetworkLogos.AsNoTracking()
            .Where(l => l.Id == logoId && l.NetworkId == networkId)
            .Select(l => new LogoContent(l.ContentType, l.Content))
            .SingleOrDefaultAsync(ct);
    }

    private static object Snapshot(Network n) => new { n.Name, n.EventName, n.ShortDescription, n.Language };
}
