using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace Verkostamo.Core.Map.Formats;

/// <summary>CSV: actors.csv and links.csv with a header row of <see cref="MapFileFields"/> names, UTF-8.</summary>
internal static class MapCsv
{
    public const string ActorsFile = "actors.csv";
    public const string LinksFile = "links.csv";

    private static readonly string[] ActorNames = [ActorsFile, "toimijat.csv", "aktorer.csv"];
    private static readonly string[] LinkNames = [LinksFile, "yhteydet.csv", "lankar.csv"];

    /// <summary>A zip holding the two files; found by name in any folder, actors first so links can refer to them.</summary>
    public static void ReadZip(byte[] bytes, MapDocumentBuilder builder, MapImportLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entries = zip.Entries.Where(e => e.Name.Length > 0).ToList();
        var actors = entries.FirstOrDefault(e => ActorNames.Contains(e.Name.ToLowerInvariant()));
        var links = entries.FirstOrDefault(e => LinkNames.Contains(e.Name.ToLowerInvariant()));
        if (actors is null && links is null)
        {
            builder.Error(MapFileCodes.SheetMissing, null, ActorsFile + ", " + LinksFile);
            return;
        }
        foreach (var (entry, isLinks) in new[] { (actors, false), (links, true) })
        {
            if (entry is null)
            {
                continue;
            }
            // The declared size is checked first, and reading stops at the cap anyway: a zip bomb never unpacks.
            using var stream = entry.Open();
            var content = entry.Length > limits.MaxBytes ? null : MapFileReader.ReadCapped(stream, limits.MaxBytes);
            if (content is null)
            {
                builder.Error(MapFileCodes.FileTooLarge, new MapFileLocation(entry.Name, null), limits.MaxBytes.ToString(CultureInfo.InvariantCulture));
                return;
            }
            Read(content, entry.Name, builder, isLinks);
        }
    }

    /// <summary>One CSV file; <paramref name="links"/> says which kind it is, or null to tell by its header (source and target columns).</summary>
    public static void Read(byte[] bytes, string part, MapDocumentBuilder builder, bool? links)
    {
        var text = MapFileReader.Utf8Text(bytes, part, builder);
        if (text is null)
        {
            return;
        }
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MaxRecordSize = 1024 * 1024,
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            var header = csv.Headers;
            if (header is not { Count: > 0 })
            {
                builder.Error(MapFileCodes.FileEmpty, new MapFileLocation(part, 1));
                return;
            }
            var canonical = header.Select(MapFileFields.Canonical).ToList();
            links ??= canonical.Contains(MapFileFields.Source) && canonical.Contains(MapFileFields.Target);
            var required = links.Value ? new[] { MapFileFields.Source, MapFileFields.Target } : [MapFileFields.Name];
            if (!links.Value && !canonical.Contains(MapFileFields.Name) && canonical.Contains(MapFileFields.Id))
            {
                required = [MapFileFields.Id];
            }
            if (required.FirstOrDefault(r => !canonical.Contains(r)) is { } missing)
            {
                builder.Error(MapFileCodes.ColumnMissing, new MapFileLocation(part, 1), missing);
                return;
            }
            while (!builder.Full && csv.Read())
            {
                var at = new MapFileLocation(part, (int)csv.LineNumber);
                var fields = header.Select((h, i) => new KeyValuePair<string, string?>(h, i < csv.FieldCount ? csv.GetString(i) : null)).ToList();
                if (fields.All(f => string.IsNullOrWhiteSpace(f.Value)))
                {
                    continue;
                }
                if (links.Value)
                {
                    builder.AddLink(at, fields);
                }
                else
                {
                    builder.AddActor(at, fields);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            builder.Error(MapFileCodes.CsvInvalid, new MapFileLocation(part, ex.LineNumber > 0 ? (int)ex.LineNumber : null));
        }
    }

    public static byte[] WriteZip(MapDocument document)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ActorsFile, Write(MapFileFields.ActorColumns, document.Actors.Select(MapFileFields.ActorValues)));
            Add(zip, LinksFile, Write(MapFileFields.LinkColumns, document.Links.Select(MapFileFields.LinkValues)));
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        // A fixed time keeps the same map's export byte for byte the same.
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }

    /// <summary>UTF-8 with a byte order mark, so that Excel shows ä and ö; every cell escaped against formula injection.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\r\n", Injection = CsvInjection.None }, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(MapFileFields.EscapeFormula)]);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
