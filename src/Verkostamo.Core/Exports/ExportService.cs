using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Verkostamo.Core.AnnualClock;
using Verkostamo.Core.Data;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Map.Import;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Exports;

/// <summary>What an export works on: the network, the choices, and the words in the network's language.</summary>
public sealed record ExportJob(Guid NetworkId, ExportOptions Options, Func<string, ExportTexts> Texts)
{
    /// <summary>The network's working language, in which its documents are written.</summary>
    public string Language { get; init; } = "fi";
}

/// <summary>
/// Every file a network can be exported as, for anyone who can read the network, and the same for the command line.
/// A format is one entry of <see cref="producers"/>: its name, content type, extension and how its bytes are made.
/// </summary>
public sealed class ExportService(IDbContextFactory<VerkostamoDbContext> dbFactory, TimeProvider clock, CalendarFeedService feeds,
    IEnumerable<IExportChapterSource> chapterSources)
{
    private delegate Task<byte[]> Produce(ExportService service, ExportJob job, CancellationToken ct);

    private sealed record Format(string ContentType, string Extension, Produce Produce);

    private static readonly Dictionary<string, Format> producers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pptx"] = new(PptxExport.ContentType, "pptx", (s, job, ct) => s.DocumentAsync(job, PptxExport.Write, ct, chapters: false)),
        ["docx"] = new(DocxExport.ContentType, "docx", (s, job, ct) => s.DocumentAsync(job, DocxExport.Write, ct)),
        ["xlsx"] = new(XlsxExport.ContentType, "xlsx", (s, job, ct) => s.DocumentAsync(job, XlsxExport.Write, ct)),
        ["graphml"] = new("application/graphml+xml", "graphml", (s, job, ct) => s.MapFileAsync(job, MapFileFormat.GraphMl, ct)),
        ["gexf"] = new("application/gexf+xml", "gexf", (s, job, ct) => s.MapFileAsync(job, MapFileFormat.Gexf, ct)),
        ["ics"] = new("text/calendar", "ics", async (s, job, ct) =>
            Encoding.UTF8.GetBytes(await s.Feeds.NetworkCalendarAsync(job.NetworkId, job.Texts(job.Language).Feed, ct))),
    };

    /// <summary>The formats in the order the export page offers them.</summary>
    public static IReadOnlyList<string> Formats { get; } = [.. producers.Keys];

    private CalendarFeedService Feeds => feeds;

    public static bool IsFormat(string? name) => name is not null && producers.ContainsKey(name);

    /// <summary>The file for a member of the network (any role); null for an unknown format, network or a non-member alike.</summary>
    public async Task<ExportFile?> ExportAsync(Guid networkId, string userId, string format, Func<string, ExportTexts> texts, ExportOptions? options = null,
        CancellationToken ct = default)
    {
        if (!IsFormat(format) || !await CanReadAsync(networkId, userId, ct))
        {
            return null;
        }
        return await ProduceAsync(new ExportJob(networkId, options ?? ExportOptions.Default, texts), format, ct);
    }

    /// <summary>The file for the command line, which works on the whole instance; null for an unknown format or network.</summary>
    public async Task<ExportFile?> ExportAsAdministratorAsync(Guid networkId, string format, Func<string, ExportTexts> texts, ExportOptions? options = null,
        CancellationToken ct = default) =>
        IsFormat(format) ? await ProduceAsync(new ExportJob(networkId, options ?? ExportOptions.Default, texts), format, ct) : null;

    /// <summary>Everything the documents show, for the printable report page; null without access.</summary>
    public async Task<ExportContent?> ContentAsync(Guid networkId, string userId, Func<string, ExportTexts> texts, ExportOptions? options = null,
        CancellationToken ct = default) =>
        await CanReadAsync(networkId, userId, ct) ? await LoadAsync(new ExportJob(networkId, options ?? ExportOptions.Default, texts), ct) : null;

    private async Task<bool> CanReadAsync(Guid networkId, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NetworkAccess.GetRoleAsync(db, networkId, userId, false, ct) is not null;
    }

    private async Task<ExportFile?> ProduceAsync(ExportJob job, string format, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var network = await db.Networks.Where(n => n.Id == job.NetworkId && n.DeletedAt == null).Select(n => new { n.Name, n.Language }).SingleOrDefaultAsync(ct);
            if (network is null)
            {
                return null;
            }
            job = job with { Language = network.Language };
        }
        var f = producers[format];
        var bytes = await f.Produce(this, job, ct);
        var name = await NameAsync(job.NetworkId, ct);
        return new ExportFile(bytes, f.ContentType, $"{FileStem(name)}-{clock.GetUtcNow():yyyy-MM-dd}.{f.Extension}");
    }

    private async Task<string> NameAsync(Guid networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).SingleAsync(ct);
    }

    /// <summary>The content; <paramref name="chapters"/> false skips the added chapters (the deck does not show them, and the analysis takes time).</summary>
    internal async Task<ExportContent?> LoadAsync(ExportJob job, CancellationToken ct, bool chapters = true)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var content = await ExportContentLoader.LoadAsync(db, job.NetworkId, job.Options, job.Texts, clock, ct);
        if (content is null)
        {
            return null;
        }
        var added = new List<ExportChapter>();
        foreach (var source in chapters ? chapterSources : [])
        {
            added.AddRange(await source.ChaptersAsync(new ExportChapterContext(job.NetworkId, content.Map.Document, content.Texts) { Language = content.Language }, ct));
        }
        return content with { Chapters = added };
    }

    private async Task<byte[]> DocumentAsync(ExportJob job, Func<ExportContent, byte[]> write, CancellationToken ct, bool chapters = true)
    {
        var content = await LoadAsync(job, ct, chapters) ?? throw new InvalidOperationException("The network disappeared during the export.");
        // Dates and numbers in the network's language, whatever the caller's.
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(content.Culture);
        try
        {
            return write(content);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private async Task<byte[]> MapFileAsync(ExportJob job, MapFileFormat format, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var map = await MapSnapshot.LoadAsync(db, job.NetworkId, ct);
        return MapFileWriter.Write(MapExportService.Ordered(map), format, "map").Content;
    }

    /// <summary>The network's name as a file name: letters and digits, the rest dashes (Ä and Ö stay; browsers keep them).</summary>
    internal static string FileStem(string name)
    {
        var stem = new string([.. name.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        while (stem.Contains("--", StringComparison.Ordinal))
        {
            stem = stem.Replace("--", "-", StringComparison.Ordinal);
        }
        stem = stem.Trim('-');
        return stem.Length == 0 ? "verkosto" : stem[..Math.Min(stem.Length, 60)];
    }
}
