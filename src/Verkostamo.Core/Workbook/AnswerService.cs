using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Workbook;

public sealed record KeySolutionView(Guid Id, int Order, string Text, Guid Version, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt);

/// <summary>
/// The answer blocks shared by sections and themes: key solutions (ordered Markdown items) and the
/// responsibilities and schedules text. Members and above write; every change is audited and deletions
/// are restorable.
/// </summary>
public sealed class AnswerService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxKeySolutions = 100;

    public async Task<ServiceResult<Guid>> AddKeySolutionAsync(Guid networkId, string userId, AnswerOwner owner, string? text, CancellationToken ct = default)
    {
        var clean = WorkbookStore.CleanText(text);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var resolved = await WorkbookStore.ResolveAsync(db, networkId, owner, true, ct);
        if (!resolved.Succeeded)
        {
            return ServiceResult<Guid>.Fail(resolved.ErrorCode!);
        }
        var o = resolved.Value!;
        var siblings = await db.KeySolutions.Where(k => k.NetworkId == networkId && k.SectionId == o.SectionId && k.ThemeId == o.ThemeId && k.DeletedAt == null)
            .Select(k => k.Order).ToListAsync(ct);
        if (siblings.Count >= MaxKeySolutions)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.SectionLimit);
        }
        var now = clock.GetUtcNow();
        var item = new KeySolution
        {
            Id = Guid.NewGuid(),
            NetworkId = networkId,
            SectionId = o.SectionId,
            ThemeId = o.ThemeId,
            Order = siblings.Count == 0 ? 0 : siblings.Max() + 1,
            Text = clean.Value!,
            Version = Guid.NewGuid(),
            CreatedAt = now,
            CreatedByUserId = userId,
            UpdatedAt = now,
            UpdatedByUserId = userId,
        };
        db.KeySolutions.Add(item);
        db.Audit(now, networkId, userId, nameof(KeySolution), item.Id, "Created", after: new { item.Text }, scope: o.Scope);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Guid>.Success(item.Id);
    }

    public async Task<KeySolutionView?> GetKeySolutionAsync(Guid networkId, string userId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is null)
        {
            return null;
        }
        var k = await db.KeySolutions.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id && k.NetworkId == networkId, ct);
        // An item of a deleted section or theme went with it: it is found again once its owner is restored.
        return k is null || !await WorkbookStore.OwnerIsLiveAsync(db, k.SectionId, k.ThemeId, ct)
            ? null
            : new KeySolutionView(k.Id, k.Order, k.Text, k.Version, k.UpdatedAt, k.DeletedAt);
    }

    /// <summary>Saves a new text when <paramref name="expectedVersion"/> is still current; returns the new version.</summary>
    public async Task<ServiceResult<Guid>> UpdateKeySolutionAsync(Guid networkId, string userId, Guid id, string? text, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = WorkbookStore.CleanText(text);
        if (!clean.Succeeded)
        {
            return ServiceResult<Guid>.Fail(clean.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, error) = await AnswerItems.LoadWritableAsync<KeySolution>(db, networkId, userId, id, false, ct);
        if (item is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        if (item.Version != expectedVersion)
        {
            return WorkbookStore.Conflict(item.Version);
        }
        if (item.Text == clean.Value)
        {
            return ServiceResult<Guid>.Success(item.Version);
        }
        var before = new { item.Text };
        item.Text = clean.Value!;
        Touch(item, userId);
        db.Audit(item.UpdatedAt, networkId, userId, nameof(KeySolution), item.Id, "Updated", before, new { item.Text },
            await WorkbookStore.ScopeOfAsync(db, item.SectionId, item.ThemeId, ct));
        return await WorkbookStore.SaveBlockAsync(db, item, nameof(KeySolution.Version), ct);
    }

    public async Task<ServiceResult> MoveKeySolutionAsync(Guid networkId, string userId, Guid id, int direction, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AnswerItems.MoveAsync<KeySolution>(db, networkId, userId, id, direction, clock.GetUtcNow(), ct);
    }

    public Task<ServiceResult> DeleteKeySolutionAsync(Guid networkId, string userId, Guid id, CancellationToken ct = default) =>
        SetDeletedAsync(networkId, userId, id, true, ct);

    public Task<ServiceResult> RestoreKeySolutionAsync(Guid networkId, string userId, Guid id, CancellationToken ct = default) =>
        SetDeletedAsync(networkId, userId, id, false, ct);

    private async Task<ServiceResult> SetDeletedAsync(Guid networkId, string userId, Guid id, bool delete, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AnswerItems.SetDeletedAsync<KeySolution>(db, networkId, userId, id, delete, clock.GetUtcNow(), k => new { k.Text }, ct);
    }

    /// <summary>Saves the responsibilities and schedules text of a section or theme (may be emptied).</summary>
    public async Task<ServiceResult<Guid>> UpdateResponsibilitiesAsync(Guid networkId, string userId, AnswerOwner owner, string? text, Guid expectedVersion, CancellationToken ct = default)
    {
        var clean = (text ?? "").Trim().ReplaceLineEndings("\n");
        if (clean.Length > TextLimits.Answer)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.TextTooLong);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        var resolved = await WorkbookStore.ResolveAsync(db, networkId, owner, true, ct);
        if (!resolved.Succeeded)
        {
            return ServiceResult<Guid>.Fail(resolved.ErrorCode!);
        }
        var o = resolved.Value!;
        var now = clock.GetUtcNow();
        // The section or theme whose responsibilities block is written (both name its token ResponsibilitiesVersion).
        object owned;
        string before;
        if (o.SectionId is { } sectionId)
        {
            var section = await db.WorkbookSections.SingleAsync(s => s.Id == sectionId, ct);
            if (section.ResponsibilitiesVersion != expectedVersion)
            {
                return WorkbookStore.Conflict(section.ResponsibilitiesVersion);
            }
            before = section.Responsibilities;
            section.Responsibilities = clean;
            section.ResponsibilitiesVersion = Guid.NewGuid();
            owned = section;
            section.UpdatedAt = now;
            section.UpdatedByUserId = userId;
            db.Audit(now, networkId, userId, nameof(WorkbookSection), section.Key, "ResponsibilitiesUpdated", new { Text = before }, new { Text = clean }, o.Scope);
        }
        else
        {
            var theme = await db.Themes.SingleAsync(t => t.Id == o.ThemeId, ct);
            if (theme.ResponsibilitiesVersion != expectedVersion)
            {
                return WorkbookStore.Conflict(theme.ResponsibilitiesVersion);
            }
            before = theme.Responsibilities;
            theme.Responsibilities = clean;
            theme.ResponsibilitiesVersion = Guid.NewGuid();
            owned = theme;
            theme.UpdatedAt = now;
            theme.UpdatedByUserId = userId;
            db.Audit(now, networkId, userId, nameof(Theme), theme.Id, "ResponsibilitiesUpdated", new { Text = before }, new { Text = clean }, o.Scope);
        }
        if (before == clean)
        {
            return ServiceResult<Guid>.Success(expectedVersion);
        }
        return await WorkbookStore.SaveBlockAsync(db, owned, nameof(WorkbookSection.ResponsibilitiesVersion), ct);
    }

    private void Touch(KeySolution item, string userId)
    {
        item.UpdatedAt = clock.GetUtcNow();
        item.UpdatedByUserId = userId;
        item.Version = Guid.NewGuid();
    }
}
