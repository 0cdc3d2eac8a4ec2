using Verkostamo.Core.Map;

namespace Verkostamo.Core.Exports;

/// <summary>A produced export: its bytes, content type and file name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Words for the documents, looked up by resource key (<c>Export.KeySolutions</c>, <c>Map.Sector.Public</c>…) in the
/// network's own language; Core holds no UI text. <see cref="Format"/> fills a key's {0} placeholders.
/// </summary>
public sealed class ExportTexts(Func<string, string> text, Func<Analysis.Insight, string> insight, AnnualClock.FeedTexts feed)
{
    public string this[string key] => text(key);

    public string Format(string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, text(key), args);

    public string Insight(Analysis.Insight finding) => insight(finding);

    public AnnualClock.FeedTexts Feed => feed;
}

/// <summary>What to put in the documents: the saved map view that positions the map (null: a circle) and the sections (null: every visible one).</summary>
public sealed record ExportOptions(Guid? ViewId = null, IReadOnlyCollection<string>? Sections = null)
{
    public static readonly ExportOptions Default = new();
}

/// <summary>A block of a section or theme: a heading and its paragraphs or items.</summary>
public sealed record ExportBlock(string Heading, IReadOnlyList<string> Items, bool Bulleted = true);

public sealed record ExportSection(string Key, int Number, string Title, string Intro, string Question,
    IReadOnlyList<string> Framework, IReadOnlyList<ExportBlock> Answers, IReadOnlyList<string> Attributions);

public sealed record ExportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The sheet the table becomes in the spreadsheet; null keeps it out of the spreadsheet.</summary>
    public string? SheetName { get; init; }
}

/// <summary>
/// A chapter added by a feature outside the workbook (the analysis findings, the assessment results): text and tables
/// that the report, the print page and (through <see cref="ExportTable.SheetName"/>) the spreadsheet show.
/// </summary>
public sealed record ExportChapter(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ExportTable> Tables)
{
    /// <summary>Tables only the spreadsheet shows: the same figures as one sheet where the report has a table per group.</summary>
    public IReadOnlyList<ExportTable> Sheets { get; init; } = [];
}

public sealed record ExportLogo(byte[] Content, string ContentType, int Width, int Height);

/// <summary>An actor placed on the map slide: x and y from 0 to 1 within the drawing area.</summary>
public sealed record ExportPlacedActor(MapDocumentActor Actor, double X, double Y);

public sealed record ExportMap(string? ViewName, IReadOnlyList<ExportPlacedActor> Actors, IReadOnlyList<MapDocumentLink> Links, MapDocument Document);

public sealed record ExportEvent(string Title, string Category, DateOnly Start, DateOnly? End, string Description);

/// <summary>Everything the documents show, already in words: the writers only lay it out.</summary>
public sealed record ExportContent(
    Guid NetworkId, string NetworkName, string Subtitle, string Language, DateOnly Date,
    IReadOnlyList<ExportLogo> Logos, IReadOnlyList<ExportSection> Sections, IReadOnlyList<ExportSection> Themes,
    ExportTable Actions, IReadOnlyList<ExportEvent> Events, ExportMap Map, IReadOnlyList<string> Attributions,
    IReadOnlyList<ExportChapter> Chapters, ExportTexts Texts)
{
    public string Culture => CultureOf(Language);

    /// <summary>The culture that writes dates and numbers in a network's language.</summary>
    public static string CultureOf(string language) => language switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" };
}

/// <summary>
/// Adds chapters to the report from a feature of its own (the analysis, the assessment results):
/// register an implementation as a service and every report, print page and spreadsheet shows its chapters.
/// </summary>
public interface IExportChapterSource
{
    Task<IReadOnlyList<ExportChapter>> ChaptersAsync(ExportChapterContext context, CancellationToken ct);
}

/// <summary>What a chapter source works on; <see cref="Language"/> is the network's, in which the chapter is written.</summary>
public sealed record ExportChapterContext(Guid NetworkId, MapDocument Map, ExportTexts Texts)
{
    public string Language { get; init; } = "fi";
}
