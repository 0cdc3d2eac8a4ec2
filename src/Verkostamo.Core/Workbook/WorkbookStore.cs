using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Verkostamo.Core.Common;
using Verkostamo.Core.Data;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Workbook;

/// <summary>Where an answer block belongs: a workbook section (by key) or a theme.</summary>
public readonly record struct AnswerOwner(string? SectionKey, Guid? ThemeId)
{
    public static AnswerOwner Section(string key) => new(key, null);
    public static AnswerOwner Theme(Guid id) => new(null, id);
}

internal sealed record ResolvedOwner(Guid? SectionId, Guid? ThemeId, string Scope);

/// <summary>Shared steps of the workbook services: creating a network's workbook and finding an answer block's owner.</summary>
internal static class WorkbookStore
{
    public static string SectionScope(string key) => "section:" + key;
    public static string ThemeScope(Guid id) => "theme:" + id;

    /// <summary>
    /// Creates the network's workbook from the current template when it has none, and adds sections the
    /// template gained since (part-1 sections before the themes). Safe to call on every read: it writes only
    /// when something is missing.
    /// </summary>
    public static async Task EnsureAsync(VerkostamoDbContext db, Guid networkId, DateTimeOffset now, CancellationToken ct)
    {
        if (await MissingAsync(db, networkId, ct) is null)
        {
            return;
        }
        // Two first reads at the same moment would insert the same rows in different orders and, on PostgreSQL,
        // deadlock on the unique index. Inside one transaction that first locks the network's row (SQLite's
        // transactions write one at a time anyway) the second waits, then finds the rows the first one made.
        var own = db.Database.CurrentTransaction is null ? await BeginLockedAsync(db, networkId, ct) : null;
        await using (own)
        {
            if (await MissingAsync(db, networkId, ct) is not { } missing)
            {
                return;
            }
            if (!missing.HasWorkbook)
            {
                db.Workbooks.Add(new NetworkWorkbook { NetworkId = networkId, TemplateVersion = WorkbookTemplate.Current.Version, CreatedAt = now });
            }
            var themes = await db.WorkbookSections.SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == "themes", ct);
            var order = missing.NextOrder;
            foreach (var section in missing.Sections)
            {
                if (themes is not null && section.Part == 1)
                {
                    // Take the themes' place and move the themes after it, so part 1 stays together.
                    db.WorkbookSections.Add(NewSection(networkId, section.Key, themes.Order, false));
                    themes.Order = order++;
                }
                else
                {
                    db.WorkbookSections.Add(NewSection(networkId, section.Key, order++, false));
                }
            }
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
    }

    /// <summary>
    /// Begins a transaction in which changes to the network's workbook structure (missing sections, the order of
    /// sections, themes and items) wait for each other: the network's row is locked first (SQLite runs one
    /// writing transaction at a time anyway). Read the rows to change only after this.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginLockedAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await NetworkAccess.LockNetworkAsync(db, networkId, ct);
        return transaction;
    }

    /// <summary>Saves order changes made inside <see cref="BeginLockedAsync"/> and commits.</summary>
    public static async Task<ServiceResult> SaveAndCommitAsync(VerkostamoDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        var saved = await SaveAsync(db, ct);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }

    private sealed record Missing(bool HasWorkbook, IReadOnlyList<SectionTemplate> Sections, int NextOrder);

    /// <summary>What the network's workbook lacks; null when it is complete.</summary>
    private static async Task<Missing?> MissingAsync(VerkostamoDbContext db, Guid networkId, CancellationToken ct)
    {
        var keys = await db.WorkbookSections.Where(s => s.NetworkId == networkId).Select(s => new { s.Key, s.Order }).ToListAsync(ct);
        var hasWorkbook = await db.Workbooks.AnyAsync(w => w.NetworkId == networkId, ct);
        var sections = WorkbookTemplate.Current.Sections.Where(t => keys.All(k => k.Key != t.Key)).ToList();
        return hasWorkbook && sections.Count == 0 ? null : new Missing(hasWorkbook, sections, keys.Count == 0 ? 0 : keys.Max(k => k.Order) + 1);
    }

    /// <summary>Adds the workbook of a network being created to the caller's unit of work.</summary>
    public static void AddNew(VerkostamoDbContext db, Guid networkId, DateTimeOffset now)
    {
        var template = WorkbookTemplate.Current;
        db.Workbooks.Add(new NetworkWorkbook { NetworkId = networkId, TemplateVersion = template.Version, CreatedAt = now });
        var order = 0;
        foreach (var section in template.Sections)
        {
            db.WorkbookSections.Add(NewSection(networkId, section.Key, order++, false));
        }
    }

    public static WorkbookSection NewSection(Guid networkId, string key, int order, bool custom) => new()
    {
        Id = Guid.NewGuid(),
        NetworkId = networkId,
        Key = key,
        Order = order,
        IsCustom = custom,
        TextsVersion = Guid.NewGuid(),
        FieldsVersion = Guid.NewGuid(),
        ResponsibilitiesVersion = Guid.NewGuid(),
    };

    /// <summary>Whether a section carries the common answer blocks (custom sections always do).</summary>
    public static bool HasAnswerBlocks(WorkbookSection section) =>
        section.IsCustom || WorkbookTemplate.Current.Find(section.Key)?.HasAnswerBlocks == true;

    public static async Task<ServiceResult<ResolvedOwner>> ResolveAsync(VerkostamoDbContext db, Guid networkId, AnswerOwner owner, bool forWriting, CancellationToken ct)
    {
        if (owner.SectionKey is { } key)
        {
            var section = await db.WorkbookSections.AsNoTracking()
                .SingleOrDefaultAsync(s => s.NetworkId == networkId && s.Key == key && s.DeletedAt == null, ct);
            return section is null || !HasAnswerBlocks(section)
                ? ServiceResult<ResolvedOwner>.Fail(ErrorCodes.NotFound)
                : ServiceResult<ResolvedOwner>.Success(new(section.Id, null, SectionScope(key)));
        }
        if (owner.ThemeId is { } themeId)
        {
            var theme = await db.Themes.AsNoTracking()
                .SingleOrDefaultAsync(t => t.NetworkId == networkId && t.Id == themeId && t.DeletedAt == null, ct);
            if (theme is null)
            {
                return ServiceResult<ResolvedOwner>.Fail(ErrorCodes.NotFound);
            }
            return forWriting && theme.ArchivedAt is not null
                ? ServiceResult<ResolvedOwner>.Fail(ErrorCodes.ThemeArchived)
                : ServiceResult<ResolvedOwner>.Success(new(null, theme.Id, ThemeScope(theme.Id)));
        }
        return ServiceResult<ResolvedOwner>.Fail(ErrorCodes.NotFound);
    }

    /// <summary>The audit scope of an item that belongs to a section or a theme.</summary>
    public static async Task<string?> ScopeOfAsync(VerkostamoDbContext db, Guid? sectionId, Guid? themeId, CancellationToken ct)
    {
        if (sectionId is { } sid)
        {
            var key = await db.WorkbookSections.Where(s => s.Id == sid).Select(s => s.Key).SingleOrDefaultAsync(ct);
            return key is null ? null : SectionScope(key);
        }
        return themeId is { } tid ? ThemeScope(tid) : null;
    }

    /// <summary>A conflict that tells the caller the block's current version, so a merge view can show the other's text.</summary>
    public static ServiceResult<Guid> Conflict(Guid currentVersion) => new() { ErrorCode = ErrorCodes.ConcurrencyConflict, Value = currentVersion };

    /// <summary>
    /// Saves the unit of work, checking each row only against the concurrency tokens of the blocks this change
    /// writes: a row such as a section carries one token per block, and EF would otherwise refuse a save when
    /// someone else has meanwhile saved a different block of the same row. False when a written block was changed
    /// (or its row removed) by someone else in between.
    /// </summary>
    public static async Task<bool> TrySaveAsync(VerkostamoDbContext db, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException e)
            {
                if (attempt >= 3)
                {
                    return false;
                }
                foreach (var entry in e.Entries)
                {
                    var current = await entry.GetDatabaseValuesAsync(ct);
                    if (current is null)
                    {
                        return false;
                    }
                    foreach (var token in entry.Properties.Where(p => p.Metadata.IsConcurrencyToken))
                    {
                        if (token.IsModified && !Equals(token.OriginalValue, current[token.Metadata]))
                        {
                            return false;
                        }
                        if (!token.IsModified)
                        {
                            // Another block's token: take the stored one, as this change does not write that block.
                            token.CurrentValue = current[token.Metadata];
                            token.OriginalValue = current[token.Metadata];
                            token.IsModified = false;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Saves a change to one block of <paramref name="entity"/>; returns the block's new version, or a conflict carrying the stored one.</summary>
    public static async Task<ServiceResult<Guid>> SaveBlockAsync(VerkostamoDbContext db, object entity, string versionProperty, CancellationToken ct)
    {
        var version = db.Entry(entity).Property(versionProperty);
        if (await TrySaveAsync(db, ct))
        {
            return ServiceResult<Guid>.Success((Guid)version.CurrentValue!);
        }
        var stored = await db.Entry(entity).GetDatabaseValuesAsync(ct);
        return stored is null ? ServiceResult<Guid>.Fail(ErrorCodes.NotFound) : Conflict((Guid)stored[versionProperty]!);
    }

    /// <summary><see cref="TrySaveAsync"/> for changes that carry no version of their own.</summary>
    public static async Task<ServiceResult> SaveAsync(VerkostamoDbContext db, CancellationToken ct) =>
        await TrySaveAsync(db, ct) ? ServiceResult.Ok : ServiceResult.Fail(ErrorCodes.ConcurrencyConflict);

    /// <summary>Whether the section or theme an item belongs to is still there (not deleted).</summary>
    public static async Task<bool> OwnerIsLiveAsync(VerkostamoDbContext db, Guid? sectionId, Guid? themeId, CancellationToken ct)
    {
        if (sectionId is { } sid)
        {
            return await db.WorkbookSections.AnyAsync(s => s.Id == sid && s.DeletedAt == null, ct);
        }
        return themeId is { } tid && await db.Themes.AnyAsync(t => t.Id == tid && t.DeletedAt == null, ct);
    }

    /// <summary>Trims an answer text and checks it is present and within the limit.</summary>
    public static ServiceResult<string> CleanText(string? text, int max = TextLimits.Answer, string emptyCode = ErrorCodes.TextRequired)
    {
        var clean = (text ?? "").Trim().ReplaceLineEndings("\n");
        if (clean.Length == 0)
        {
            return ServiceResult<string>.Fail(emptyCode);
        }
        return clean.Length > max ? ServiceResult<string>.Fail(ErrorCodes.TextTooLong) : ServiceResult<string>.Success(clean);
    }

    /// <summary>Swaps an item with its neighbour among siblings ordered by <c>Order</c>; false at either end.</summary>
    public static bool Swap<T>(IList<T> siblings, T item, int direction, Func<T, int> getOrder, Action<T, int> setOrder)
    {
        var index = siblings.IndexOf(item);
        var target = index + Math.Sign(direction);
        if (index < 0 || direction == 0 || target < 0 || target >= siblings.Count)
        {
            return false;
        }
        // Renumber first so that equal or sparse orders still swap predictably.
        for (var i = 0; i < siblings.Count; i++)
        {
            setOrder(siblings[i], i);
        }
        var other = siblings[target];
        setOrder(item, target);
        setOrder(other, index);
        return getOrder(item) != getOrder(other);
    }
}
