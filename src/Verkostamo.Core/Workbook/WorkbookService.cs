using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Workbook;

/// <summary>
/// A network's workbook: its sections (template and custom), their order, visibility and texts, and the
/// section-specific fields. Facilitators shape the workbook; members answer; viewers read.
/// </summary>
public sealed class WorkbookService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxCustomSections = 30;
    public const string CustomPrefix = "custom-";

    public async Task<WorkbookView?> GetAsync(Guid networkId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var version = await db.Workbooks.Where(w => w.NetworkId == networkId).Select(w => w.TemplateVersion).SingleAsync(ct);
        return new WorkbookView(networkId, version, role, await SummariesAsync(db, networkId, ct));
    }

    internal static async Task<IReadOnlyList<SectionSummary>> SummariesAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var sections = await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId).OrderBy(s => s.Order).ToListAsync(ct);
        var solutions = await db.KeySolutions.Where(k => k.NetworkId == networkId && k.SectionId != null && k.DeletedAt == null)
            .GroupBy(k => k.SectionId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var actions = await db.Actions.Where(a => a.NetworkId == networkId && a.SectionId != null && a.DeletedAt == null)
            .GroupBy(a => a.SectionId)
            .Select(g => new { Id = g.Key!.Value, All = g.Count(), Open = g.Count(a => a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) })
            .ToDictionaryAsync(x => x.Id, ct);
        var template = WorkbookTemplate.Current;
        return [.. sections.Select(s =>
        {
            var k = solutions.GetValueOrDefault(s.Id);
            var a = actions.GetValueOrDefault(s.Id);
            var answered = k > 0 || (a?.All ?? 0) > 0 || s.Responsibilities.Length > 0 || !SectionFields.FromJson(s.FieldsJson).IsEmpty;
            return new SectionSummary(s.Id, s.Key, s.Order, s.Hidden, s.IsCustom, template.Find(s.Key), s.Title, k, a?.Open ?? 0, a?.All ?? 0, answered, s.DeletedAt);
        })];
    }

    public async Task<SectionView?> GetSectionAsync(Guid networkId, string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not { } role)
        {
            return null;
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var section = await db.WorkbookSections.AsNoTracking().SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == key && s.DeletedAt == null, ct);
        if (section is null)
        {
            return null;
        }
        var solutions = await db.KeySolutions.AsNoTracking().Where(k => k.NetworkId == networkId && k.SectionId == section.Id)
            .OrderBy(k => k.Order).ThenBy(k => k.CreatedAt)
            .Select(k => new KeySolutionView(k.Id, k.Order, k.Text, k.Version, k.UpdatedAt, k.DeletedAt)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actions = await ActionService.ListAsync(db, networkId, a => a.SectionId == section.Id, ct, today);
        var placements = section.Key == "leadership" ? await PlacementsAsync(db, networkId, ct) : [];
        var members = await ActionService.OwnerOptionsAsync(db, networkId, ct);
        var order = await db.WorkbookSections.AsNoTracking()
            .Where(s => s.NetworkId == networkId && s.DeletedAt == null && !s.Hidden)
            .OrderBy(s => s.Order).Select(s => s.Key).ToListAsync(ct);
        var navigable = order.Where(k => k != "themes").ToList();
        var index = navigable.IndexOf(section.Key);
        return new SectionView(
            section.Id, section.Key, section.Hidden, section.IsCustom, WorkbookTemplate.Current.Find(section.Key),
            section.Title, section.Question, section.Intro, section.TextsVersion,
            SectionFields.FromJson(section.FieldsJson), section.FieldsVersion, section.Responsibilities, section.ResponsibilitiesVersion,
            [.. solutions.Where(s => s.DeletedAt is null)], [.. actions.Where(a => a.DeletedAt is null)],
            [.. solutions.Where(s => s.DeletedAt is not null).OrderByDescending(s => s.DeletedAt)], [.. actions.Where(a => a.DeletedAt is not null).OrderByDescending(a => a.DeletedAt)],
            placements, members, role,
            index > 0 ? navigable[index - 1] : null, index >= 0 && index < navigable.Count - 1 ? navigable[index + 1] : null);
    }

    private static async Task<IReadOnlyList<PlacementView>> PlacementsAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var rows = await db.LeadershipPlacements.AsNoTracking().Where(p => p.NetworkId == networkId)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p, u.DisplayName, u.Email })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PlacementView(r.p.UserId, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? "" : r.DisplayName,
                r.p.NowGoal, r.p.NowShared, r.p.WantedGoal, r.p.WantedShared, r.p.UpdatedAt))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Saves a section's own title, question and intro; empty values fall back to the template.</summary>
    public async Task<ServiceResult<Guid>> UpdateTextsAsync(Guid networkId, string userId, string key, SectionTextsInput input, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (section, error) = await LoadForManagingAsync(db, networkId, userId, key, ct);
        if (section is null)
        {
            return ServiceResult<Guid>.Fail(error!);
        }
        var texts = CleanTexts(input, section.IsCustom);
        if (!texts.Succeeded)
        {
            return ServiceResult<Guid>.Fail(texts.ErrorCode!);
        }
        if (section.TextsVersion != expectedVersion)
        {
            return WorkbookStore.Conflict(section.TextsVersion);
        }
        var before = new { section.Title, section.Question, section.Intro };
        var template = WorkbookTemplate.Current.Find(key);
        // A text equal to the template's (in any language) is no override: the section keeps following the template.
        section.Title = Override(texts.Value!.Title, template, t => t.Title);
        section.Question = Override(texts.Value.Question, template, t => t.Question);
        section.Intro = Override(texts.Value.Intro, template, t => t.Intro);
        section.TextsVersion = Guid.NewGuid();
        Touch(section, userId);
        db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, "TextsUpdated", before,
            new { section.Title, section.Question, section.Intro }, WorkbookStore.SectionScope(key));
        return await WorkbookStore.SaveBlockAsync(db, section, nameof(WorkbookSection.TextsVersion), ct);
    }

    private static string? Override(string? value, SectionTemplate? template, Func<SectionTexts, string> pick) =>
        value is null || (template is not null && template.Texts.Values.Any(t => pick(t) == value)) ? null : value;

    private static ServiceResult<SectionTextsInput> CleanTexts(SectionTextsInput input, bool custom)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ReplaceLineEndings("\n");
        var title = Clean(input.Title);
        var question = Clean(input.Question);
        var intro = Clean(input.Intro);
        if (custom && title is null)
        {
            return ServiceResult<SectionTextsInput>.Fail(ErrorCodes.TitleRequired);
        }
        if ((title?.Length ?? 0) > TextLimits.Title || (question?.Length ?? 0) > TextLimits.Question || (intro?.Length ?? 0) > TextLimits.Answer)
        {
            return ServiceResult<SectionTextsInput>.Fail(ErrorCodes.TextTooLong);
        }
        return ServiceResult<SectionTextsInput>.Success(new(title, question, intro));
    }

    /// <summary>Puts a template section's texts back as in the template. Answers stay.</summary>
    public async Task<ServiceResult> ResetTextsAsync(Guid networkId, string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (section, error) = await LoadForManagingAsync(db, networkId, userId, key, ct);
        if (section is null)
        {
            return ServiceResult.Fail(error!);
        }
        if (section.IsCustom)
        {
            return ServiceResult.Fail(ErrorCodes.SectionNotCustom);
        }
        var before = new { section.Title, section.Question, section.Intro };
        section.Title = section.Question = section.Intro = null;
        section.TextsVersion = Guid.NewGuid();
        Touch(section, userId);
        db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, "TextsReset", before, null, WorkbookStore.SectionScope(key));
        return await WorkbookStore.SaveAsync(db, ct);
    }

    public async Task<ServiceResult> SetHiddenAsync(Guid networkId, string userId, string key, bool hidden, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (section, error) = await LoadForManagingAsync(db, networkId, userId, key, ct);
        if (section is null)
        {
            return ServiceResult.Fail(error!);
        }
        if (section.Key is "cover" or "themes")
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        if (section.Hidden != hidden)
        {
            section.Hidden = hidden;
            Touch(section, userId);
            db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, hidden ? "Hidden" : "Shown", scope: WorkbookStore.SectionScope(key));
            return await WorkbookStore.SaveAsync(db, ct);
        }
        return ServiceResult.Ok;
    }

    /// <summary>Moves a part-1 section one place up (negative) or down (positive) among part-1 sections.</summary>
    public async Task<ServiceResult> MoveAsync(Guid networkId, string userId, string key, int direction, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        var (section, error) = await LoadForManagingAsync(db, networkId, userId, key, ct);
        if (section is null)
        {
            return ServiceResult.Fail(error!);
        }
        var template = WorkbookTemplate.Current;
        var part1 = (await db.WorkbookSections.Where(s => s.NetworkId == networkId && s.DeletedAt == null).OrderBy(s => s.Order).ToListAsync(ct))
            .Where(s => s.IsCustom || template.Find(s.Key)?.Part == 1).ToList();
        if (!part1.Contains(section))
        {
            return ServiceResult.Fail(ErrorCodes.Forbidden);
        }
        // Keep the cover first: part-1 orders start after it.
        if (WorkbookStore.Swap(part1, section, direction, s => s.Order, (s, o) => s.Order = o + 1))
        {
            var themes = await db.WorkbookSections.SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == "themes", ct);
            themes?.Order = part1.Count + 1;
            Touch(section, userId);
            db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, "Moved", after: new { Position = section.Order }, scope: WorkbookStore.SectionScope(key));
            return await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        }
        return ServiceResult.Ok;
    }

    /// <summary>Adds a section of the network's own, with the common answer blocks; returns its key.</summary>
    public async Task<ServiceResult<string>> AddCustomAsync(Guid networkId, string userId, SectionTextsInput input, CancellationToken ct = default)
    {
        var texts = CleanTexts(input, true);
        if (!texts.Succeeded)
        {
            return ServiceResult<string>.Fail(texts.ErrorCode!);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult<string>.Fail(denied);
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var sections = await db.WorkbookSections.Where(s => s.NetworkId == networkId).ToListAsync(ct);
        if (sections.Count(s => s.IsCustom) >= MaxCustomSections)
        {
            return ServiceResult<string>.Fail(ErrorCodes.SectionLimit);
        }
        var key = CustomPrefix + Guid.NewGuid().ToString("N")[..8];
        var themes = sections.SingleOrDefault(s => s.Key == "themes");
        var order = themes?.Order ?? sections.Max(s => s.Order) + 1;
        themes?.Order = order + 1;
        var section = WorkbookStore.NewSection(networkId, key, order, true);
        section.Title = texts.Value!.Title;
        section.Question = texts.Value.Question;
        section.Intro = texts.Value.Intro;
        Touch(section, userId);
        db.WorkbookSections.Add(section);
        db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, "Created", after: new { section.Title, section.Question, section.Intro }, scope: WorkbookStore.SectionScope(key));
        var saved = await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
        return saved.Succeeded ? ServiceResult<string>.Success(key) : ServiceResult<string>.Fail(saved.ErrorCode!);
    }

    /// <summary>Moves a custom section (with its answers) to the deleted list; <see cref="RestoreCustomAsync"/> brings it back.</summary>
    public async Task<ServiceResult> DeleteCustomAsync(Guid networkId, string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (section, error) = await LoadForManagingAsync(db, networkId, userId, key, ct);
        if (section is null)
        {
            return ServiceResult.Fail(error!);
        }
        if (!section.IsCustom)
        {
            return ServiceResult.Fail(ErrorCodes.SectionNotCustom);
        }
        section.DeletedAt = clock.GetUtcNow();
        section.DeletedByUserId = userId;
        Touch(section, userId);
        db.Audit(section.DeletedAt.Value, networkId, userId, nameof(WorkbookSection), key, "Deleted", before: new { section.Title }, scope: WorkbookStore.SectionScope(key));
        return await WorkbookStore.SaveAsync(db, ct);
    }

    public async Task<ServiceResult> RestoreCustomAsync(Guid networkId, string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await WorkbookStore.BeginLockedAsync(db, networkId, ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return ServiceResult.Fail(denied);
        }
        var section = await db.WorkbookSections.SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == key && s.DeletedAt != null, ct);
        if (section is null)
        {
            return ServiceResult.Fail(ErrorCodes.NotFound);
        }
        // Back to where it was: the sections at or after its former place move one down to make room.
        var after = await db.WorkbookSections.Where(s => s.NetworkId == networkId && s.DeletedAt == null && s.Order >= section.Order).ToListAsync(ct);
        foreach (var other in after)
        {
            other.Order++;
        }
        section.DeletedAt = null;
        section.DeletedByUserId = null;
        Touch(section, userId);
        db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, "Restored", after: new { section.Title }, scope: WorkbookStore.SectionScope(key));
        return await WorkbookStore.SaveAndCommitAsync(db, transaction, ct);
    }

    /// <summary>Saves the section-specific fields (definition, phase, roles, learning phases, cover answers).</summary>
    public async Task<ServiceResult<Guid>> UpdateFieldsAsync(Guid networkId, string userId, string key, SectionFields input, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult<Guid>.Fail(denied);
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var section = await db.WorkbookSections.SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == key && s.DeletedAt == null, ct);
        var kind = section is null ? SectionFieldsKind.None : WorkbookTemplate.Current.Find(key)?.Fields ?? SectionFieldsKind.None;
        if (section is null || kind == SectionFieldsKind.None)
        {
            return ServiceResult<Guid>.Fail(ErrorCodes.NotFound);
        }
        var normalized = SectionFields.Normalize(kind, input);
        if (!normalized.Succeeded)
        {
            return ServiceResult<Guid>.Fail(normalized.ErrorCode!);
        }
        if (section.FieldsVersion != expectedVersion)
        {
            return WorkbookStore.Conflict(section.FieldsVersion);
        }
        var before = section.FieldsJson;
        var after = normalized.Value!.ToJson();
        if (before == after)
        {
            return ServiceResult<Guid>.Success(section.FieldsVersion);
        }
        section.FieldsJson = after;
        section.FieldsVersion = Guid.NewGuid();
        Touch(section, userId);
        db.Audit(section.UpdatedAt!.Value, networkId, userId, nameof(WorkbookSection), key, "FieldsUpdated",
            before is null ? null : SectionFields.FromJson(before), normalized.Value, WorkbookStore.SectionScope(key));
        return await WorkbookStore.SaveBlockAsync(db, section, nameof(WorkbookSection.FieldsVersion), ct);
    }

    /// <summary>Section 6: records where the calling member places the network, now and wanted (each axis 1..5).</summary>
    public async Task<ServiceResult> SetPlacementAsync(Guid networkId, string userId, PlacementInput input, CancellationToken ct = default)
    {
        int[] values = [input.NowGoal, input.NowShared, input.WantedGoal, input.WantedShared];
        if (values.Any(v => v is < 1 or > 5))
        {
            return ServiceResult.Fail(ErrorCodes.PlacementInvalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Member, ct) is { } denied)
        {
            return ServiceResult.Fail(denied);
        }
        var now = clock.GetUtcNow();
        var placement = await db.LeadershipPlacements.SingleOrDefaultAsync(p => p.NetworkId == networkId && p.UserId == userId, ct);
        var before = placement is null ? null : new { placement.NowGoal, placement.NowShared, placement.WantedGoal, placement.WantedShared };
        if (placement is null)
        {
            placement = new LeadershipPlacement { Id = Guid.NewGuid(), NetworkId = networkId, UserId = userId };
            db.LeadershipPlacements.Add(placement);
        }
        placement.NowGoal = input.NowGoal;
        placement.NowShared = input.NowShared;
        placement.WantedGoal = input.WantedGoal;
        placement.WantedShared = input.WantedShared;
        placement.UpdatedAt = now;
        db.Audit(now, networkId, userId, nameof(LeadershipPlacement), placement.Id, before is null ? "Created" : "Updated", before, input, WorkbookStore.SectionScope("leadership"));
        return await WorkbookStore.SaveAsync(db, ct);
    }

    private async Task<(WorkbookSection? Section, string? Error)> LoadForManagingAsync(VerkostamoDbContext db, Guid networkId, string userId, string key, CancellationToken ct)
    {
        if (await NetworkAccess.DenialAsync(db, networkId, userId, NetworkRole.Facilitator, ct) is { } denied)
        {
            return (null, denied);
        }
        await WorkbookStore.EnsureAsync(db, networkId, clock.GetUtcNow(), ct);
        var section = await db.WorkbookSections.SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == key && s.DeletedAt == null, ct);
        return section is null ? (null, ErrorCodes.NotFound) : (section, null);
    }

    private void Touch(WorkbookSection section, string userId)
    {
        section.UpdatedAt = clock.GetUtcNow();
        section.UpdatedByUserId = userId;
    }
}
