using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.Audit;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.Support;

/// <summary>Reads of stored workbook rows and audit entries, for asserting what a service really wrote.</summary>
public static class WorkbookData
{
    public static async Task<List<AuditEntry>> AuditAsync(this DatabaseFixture fixture, Guid networkId, string? scope = null)
    {
        await using var db = fixture.Db();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.NetworkId == networkId).ToListAsync();
        return [.. entries.Where(e => scope is null || e.Scope == scope).OrderBy(e => e.Id)];
    }

    /// <summary>A string property of an audit entry's before or after JSON.</summary>
    public static string? Value(string? json, string property) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty(property) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static async Task<WorkbookSection> SectionRowAsync(this DatabaseFixture fixture, Guid networkId, string key)
    {
        await using var db = fixture.Db();
        return await db.WorkbookSections.AsNoTracking().SingleAsync(s => s.NetworkId == networkId && s.Key == key);
    }

    /// <summary>Stores <paramref name="count"/> rows made by <paramref name="row"/> directly, e.g. to fill a list up to its limit.</summary>
    public static async Task AddRowsAsync<T>(this DatabaseFixture fixture, int count, Func<int, T> row) where T : class
    {
        await using var db = fixture.Db();
        db.Set<T>().AddRange(Enumerable.Range(0, count).Select(row));
        await db.SaveChangesAsync();
    }

    /// <summary>Removes a network's workbook rows, as for a network created before the workbook existed.</summary>
    public static async Task ForgetWorkbookAsync(this DatabaseFixture fixture, Guid networkId)
    {
        await using var db = fixture.Db();
        await db.WorkbookSections.Where(s => s.NetworkId == networkId).ExecuteDeleteAsync();
        await db.Workbooks.Where(w => w.NetworkId == networkId).ExecuteDeleteAsync();
    }

    /// <summary>The keys of the live sections in the network's order.</summary>
    public static async Task<List<string>> OrderAsync(this DatabaseFixture fixture, Guid networkId)
    {
        await using var db = fixture.Db();
        return await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == networkId && s.DeletedAt == null)
            .OrderBy(s => s.Order).Select(s => s.Key).ToListAsync();
    }
}
