namespace Verkostamo.Core.Map.Formats;

/// <summary>The file formats a map is read from and written to.</summary>
public enum MapFileFormat
{
    /// <summary>A zip of actors.csv and links.csv on export; a single actors or links CSV, or that zip, on import.</summary>
    Csv,
    Xlsx,
    GraphMl,
    Gexf,
}

/// <summary>Caps on an imported file, bound from <c>Verkostamo:Import</c>; a hostile or runaway file stops at them.</summary>
public sealed class MapImportLimits
{
    public const string Section = "Verkostamo:Import";

    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
    public int MaxActors { get; set; } = ActorService.MaxActors;
    public int MaxLinks { get; set; } = LinkService.MaxLinks;

    /// <summary>How many errors a file reports before reading stops: enough to fix a file, not a wall of text.</summary>
    public int MaxErrors { get; set; } = 50;

    public static MapImportLimits Default => new();
}

/// <summary>Where in a file a message points: the part (a CSV file, a sheet, "graphml"), the line or row, and the element id.</summary>
public sealed record MapFileLocation(string? Part, int? Line, string? Element = null)
{
    public override string ToString() => string.Join(", ", new[]
    {
        Part,
        Line is { } line ? $"line {line}" : null,
        Element is { } element ? $"id '{element}'" : null,
    }.Where(s => s is not null));
}

/// <summary>
/// An error or a warning about a file, as a stable code (<see cref="MapFileCodes"/>) with where it happened and the value
/// or field concerned; the host words it (resource <c>MapFiles.Code.{Code}</c>), <see cref="ToString"/> is English for the command line.
/// </summary>
public sealed record MapFileMessage(string Code, MapFileLocation? At = null, string? Detail = null, int Count = 1)
{
    public override string ToString() =>
        Code + (At is null ? "" : $" at {At}") + (Detail is null ? "" : $": {Detail}") + (Count > 1 ? $" ({Count} times)" : "");
}

/// <summary>The map read from a file: actors and links keyed by the file's own ids, plus what was defaulted or refused.</summary>
public sealed record MapFileContent(MapFileFormat Format, MapDocument Document, IReadOnlyList<MapFileMessage> Warnings, IReadOnlyList<MapFileMessage> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>
    /// The attributes each actor's row had (by actor key), so that an import updates only what the file says: a links-only
    /// file names actors without touching their sector. An actor missing here had every attribute.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ActorFields { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>The attributes each link's row had, in the order of <see cref="MapDocument.Links"/>.</summary>
    public IReadOnlyList<IReadOnlySet<string>> LinkFields { get; init; } = [];

    public static MapFileContent Fail(MapFileFormat format, MapFileMessage error) => new(format, MapDocument.Empty, [], [error]);
}

/// <summary>Stable codes of <see cref="MapFileMessage"/>s.</summary>
public static class MapFileCodes
{
    // Errors: nothing is imported.
    public const string FileEmpty = "FileEmpty";
    public const string FileTooLarge = "FileTooLarge";
    public const string FormatUnknown = "FormatUnknown";
    public const string EncodingInvalid = "EncodingInvalid";
    public const string EncodingUnsupported = "EncodingUnsupported";
    public const string XmlInvalid = "XmlInvalid";
    public const string DtdProhibited = "DtdProhibited";
    public const string ArchiveInvalid = "ArchiveInvalid";
    public const string CsvInvalid = "CsvInvalid";
    public const string SheetMissing = "SheetMissing";
    public const string ColumnMissing = "ColumnMissing";
    public const string TooManyActors = "TooManyActors";
    public const string TooManyLinks = "TooManyLinks";
    public const string DuplicateId = "DuplicateId";
    public const string NameMissing = "NameMissing";
    public const string EndMissing = "EndMissing";
    public const string ValueTooLong = "ValueTooLong";
    public const string TooManyTags = "TooManyTags";
    public const string MissingActor = "MissingActor";
    public const string SelfLink = "SelfLink";
    public const string TooManyErrors = "TooManyErrors";

    /// <summary>A value the actor or link rules refuse; the detail is the rule's error code (<c>Error.{code}</c>).</summary>
    public const string ValueInvalid = "ValueInvalid";

    // Warnings: the file imports, with these defaults.
    public const string ValueMissing = "ValueMissing";
    public const string ValueUnknown = "ValueUnknown";
    public const string AttributeIgnored = "AttributeIgnored";
    public const string NameFromId = "NameFromId";
    public const string ActorImplied = "ActorImplied";
    public const string DuplicateLink = "DuplicateLink";
    public const string EmailDropped = "EmailDropped";
}
