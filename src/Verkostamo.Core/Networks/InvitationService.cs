using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;

namespace Verkostamo.Core.Networks;

public sealed record InvitationInput(NetworkRole Role, int ExpiresInDays, string? Email);

public sealed record CreatedInvitation(Guid Id, string Token, DateTimeOffset ExpiresAt);

public sealed record InvitationInfo(Guid Id, NetworkRole Role, string? Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt, InvitationState State);

public sealed record PendingInvitation(Guid Id, Guid NetworkId, string NetworkName, NetworkRole Role, DateTimeOffset ExpiresAt);

public sealed record InvitationPreview(Guid NetworkId, string NetworkName, NetworkRole Role, DateTimeOffset ExpiresAt);

public enum InvitationState
{
    Open,
    Accepted,
    Expired,
    Revoked,
}

public sealed class InvitationService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MinExpiryDays = 1;
    public const int MaxExpiryDays = 30;
    public const int DefaultExpiryDays = 7;

    public async Task<ServiceResult<CreatedInvitation>> CreateAsync(Guid networkId, string userId, InvitationInput input, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(input.Role))
        {
            return ServiceResult<CreatedInvitation>.Fail(ErrorCodes.RoleNotAllowed);
        }
        if (input.ExpiresInDays is < MinExpiryDays or > MaxExpiryDays)
        {
            return ServiceResult<CreatedInvitation>.Fail(ErrorCodes.ExpiryOutOfRange);
        }
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        // A bare address only: "Name <a@b.fi>" would never match the invitee's account e-mail.
        if (email is not null && !EmailAddresses.IsValid(email))
        {
            return ServiceResult<CreatedInvitation>.Fail(ErrorCodes.EmailInvalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        if (NetworkAccess.Denial(role, NetworkRole.Facilitator) is { } denied)
        {
            return ServiceResult<CreatedInvitation>.Fail(denied);
        }
        // A facilitator may invite up to their own level; only owners make owners.
        if (input.Role > role)
        {
            return ServiceResult<CreatedInvitation>.Fail(ErrorCodes.RoleNotAllowed);
        }
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            TokenHash = SecretTokens.Hash(token),
            Role = input.Role,
            Email = email?.ToLowerInvariant(),
            CreatedByUserId = userId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(input.ExpiresInDays),
        };
        db.Invitations.Add(invitation);
        db.Audit(now, networkId, userId, nameof(Invitation), invitation.Id, "Created", after: new { Role = input.Role.ToString(), invitation.Email, invitation.ExpiresAt });
        await db.SaveChangesAsync(ct);
        return ServiceResult<CreatedInvitation>.Success(new CreatedInvitation(invitation.Id, token, invitation.ExpiresAt));
    }

    public async Task<IReadOnlyList<InvitationInfo>?> ListAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        if (role is null)
        {
            return null;
        }
        if (role < NetworkRole.Facilitator)
        {
            return [];
        }
        var now = clock.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking().Where(i => i.NetworkId == networkId).ToListAsync(ct);
        return [.. rows.OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationInfo(i.Id, i.Role, i.Email, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt, StateOf(i, now)))];
    }

    public async Task<ServiceResult> RevokeAsync(Guid networkId, string userId, Guid invitationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.NetworkId == networkId, ct);
        if (role is null || invitation is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        if (role < NetworkRole.Facilitator)
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        if (invitation.AcceptedAt is not null)
        {
            return ServiceResult.Fail(ErrorCodes.InvitationUsed);
        }
        invitation.RevokedAt ??= clock.GetUtcNow();
        db.Audit(invitation.RevokedAt.Value, networkId, userId, nameof(Invitation), invitation.Id, "Revoked");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    /// <summary>What an invitation link offers, without consuming it; null when the link is unknown or revoked.</summary>
    public async Task<ServiceResult<InvitationPreview>> PreviewAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await FindByTokenAsync(db, token, ct);
        var problem = Problem(invitation, clock.GetUtcNow());
        if (problem is not null)
        {
            return ServiceResult<InvitationPreview>.Fail(problem);
        }
        return ServiceResult<InvitationPreview>.Success(new InvitationPreview(invitation!.NetworkId, invitation.Network!.Name, invitation.Role, invitation.ExpiresAt));
    }

    public async Task<ServiceResult<Guid>> AcceptAsync(string token, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await FindByTokenAsync(db, token, ct);
        return await AcceptAsync(db, invitation, userId, ct);
    }

    /// <summary>Accepts an invitation addressed to the user's e-mail from their home page.</summary>
    public async Task<ServiceResult<Guid>> AcceptByIdAsync(Guid invitationId, string userId, string userEmail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var email = userEmail.ToLowerInvariant();
        var invitation = await db.Invitations.Include(i => i.Network)
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.Email == email, ct);
        return await AcceptAsync(db, invitation, userId, ct);
    }

    public async Task<ServiceResult> DeclineByIdAsync(Guid invitationId, string userId, string userEmail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var email = userEmail.ToLowerInvariant();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.Email == email && i.AcceptedAt == null && i.RevokedAt == null, ct);
        if (invitation is null)
        {
            return ServiceResult.Fail(ErrorCodes.InvitationInvalid);
        }
        invitation.RevokedAt = clock.GetUtcNow();
        db.Audit(invitation.RevokedAt.Value, invitation.NetworkId, userId, nameof(Invitation), invitation.Id, "Declined");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Ok;
    }

    public async Task<IReadOnlyList<PendingInvitation>> ListPendingForAsync(string? userEmail, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userEmail))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var email = userEmail.ToLowerInvariant();
        var now = clock.GetUtcNow();
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now && i.Network!.DeletedAt == null)
            .Select(i => new PendingInvitation(i.Id, i.NetworkId, i.Network!.Name, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ExpiresAt)];
    }

    private async Task<ServiceResult<Guid>> AcceptAsync(VerkostamoDbContext db, Invitation? invitation, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var problem = Problem(invitation, now);
        if (problem is not null)
        {
            return ServiceResult<Guid>.Fail(problem);
        }
        var networkId = invitation!.NetworkId;
        if (await db.Memberships.AnyAsync(m => m.NetworkId == networkId && m.UserId == userId, ct))
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.AlreadyMember);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional update: of two simultaneous acceptances exactly one wins.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), ct);
        if (claimed != 1)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.InvitationUsed);
        }
        var membership = new Membership { Id = Guid.NewGuid(), NetworkId = networkId, UserId = userId, Role = invitation.Role, JoinedAt = now };
        db.Memberships.Add(membership);
        db.Audit(now, networkId, userId, nameof(Membership), membership.Id, "Joined", after: new { Role = invitation.Role.ToString(), InvitationId = invitation.Id });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult<Guid>.Success(networkId);
    }

    private static string? Problem(Invitation? invitation, DateTimeOffset now)
    {
        if (invitation is null || invitation.RevokedAt is not null || invitation.Network?.DeletedAt is not null)
        {
            return ErrorCodes.InvitationInvalid;
        }
        if (invitation.AcceptedAt is not null)
        {
            return ErrorCodes.InvitationUsed;
        }
        if (invitation.ExpiresAt <= now)
        {
            return ErrorCodes.InvitationExpired;
        }
        return null;
    }

    private static InvitationState StateOf(Invitation i, DateTimeOffset now) =>
        i.AcceptedAt is not null ? InvitationState.Accepted
        : i.RevokedAt is not null ? InvitationState.Revoked
        : i.ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Open;

    private static async Task<Invitation?> FindByTokenAsync(VerkostamoDbContext db, string token, CancellationToken ct)
    {
        if (!SecretTokens.IsPlausible(token))
        {
            return null;
        }
        var hash = Hash(token);
        return await db.Invitations.Include(i => i.Network).SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    internal static string Hash(string token) => SecretTokens.Hash(token);
}
