using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace Verkostamo.Core.Map.Formats;

/// <summary>
/// Reads a map from a CSV (one actors or links file, or a zip of actors.csv and links.csv), XLSX, GraphML or GEXF file.
/// Used by the import and by anything else that needs a map from a file (the analysis of a file, for one).
/// </summary>
public static class MapFileReader
{
    /// <summary>
    /// Reads <paramref name="stream"/>, choosing the format by <paramref name="fileName"/>'s extension (or the content when
    /// the extension says nothing). Never throws for a bad file: the result's <see cref="MapFileContent.Errors"/> name the
    /// row, line or element, and <see cref="MapFileContent.Warnings"/> say what was defaulted or ignored. Actors keep the
    /// file's ids as their keys (<see cref="MapDocumentActor.Key"/>). Caps from <paramref name="limits"/> stop hostile input:
    /// size, counts, DTDs and external entities (refused), invalid UTF-8 and unsupported encodings.
    /// </summary>
    public static MapFileContent Read(Stream stream, string fileName, MapImportLimits? limits = null)
    {
        limits ??= MapImportLimits.Default;
        var format = FormatOf(fileName);
        var bytes = ReadCapped(stream, limits.MaxBytes);
        if (bytes is null)
        {
            return MapFileContent.Fail(format ?? MapFileFormat.Csv, new MapFileMessage(MapFileCodes.FileTooLarge, null, limits.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (bytes.Length == 0)
        {
            return MapFileContent.Fail(format ?? MapFileFormat.Csv, new MapFileMessage(MapFileCodes.FileEmpty));
        }
        format ??= Sniff(bytes);
        if (format is null)
        {
            return MapFileContent.Fail(MapFileFormat.Csv, new MapFileMessage(MapFileCodes.FormatUnknown, null, Path.GetExtension(fileName)));
        }
        var builder = new MapDocumentBuilder(limits);
        try
        {
            switch (format)
            {
                case MapFileFormat.Csv when IsZip(bytes):
                    MapCsv.ReadZip(bytes, builder, limits);
                    break;
                case MapFileFormat.Csv:
                    MapCsv.Read(bytes, Path.GetFileName(fileName), builder, null);
                    break;
                case MapFileFormat.Xlsx:
                    MapXlsx.Read(bytes, builder, limits);
                    break;
                case MapFileFormat.GraphMl:
                    MapGraphMl.Read(bytes, builder, limits);
                    break;
                case MapFileFormat.Gexf:
                    MapGexf.Read(bytes, builder, limits);
                    break;
            }
        }
        catch (InvalidDataException)
        {
            builder.Error(MapFileCodes.ArchiveInvalid, null);
        }
        return builder.Build(format.Value);
    }

    /// <summary>The format a file name's extension names; null when it names none of ours.</summary>
    public static MapFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" or ".zip" => MapFileFormat.Csv,
        ".xlsx" => MapFileFormat.Xlsx,
        ".graphml" => MapFileFormat.GraphMl,
        ".gexf" => MapFileFormat.Gexf,
        _ => null,
    };

    /// <summary>The extensions the import takes, for a file input's accept attribute.</summary>
    public const string Accept = ".csv,.zip,.xlsx,.graphml,.gexf,.xml,.txt";

    private static MapFileFormat? Sniff(byte[] bytes)
    {
        if (IsZip(bytes))
        {
            return HasEntry(bytes, "[Content_Types].xml") ? MapFileFormat.Xlsx : MapFileFormat.Csv;
        }
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (head.Contains("<graphml", StringComparison.Ordinal))
        {
            return MapFileFormat.GraphMl;
        }
        if (head.Contains("<gexf", StringComparison.Ordinal))
        {
            return MapFileFormat.Gexf;
        }
        return head.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith('<') ? null : MapFileFormat.Csv;
    }

    internal static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    private static bool HasEntry(byte[] bytes, string name)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry(name) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The whole stream, or null as soon as it passes <paramref name="max"/> bytes: a 200 MB upload is never held.</summary>
    internal static byte[]? ReadCapped(Stream stream, long max)
    {
        if (stream.CanSeek && stream.Length - stream.Position > max)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Text of a file that must be UTF-8 (a UTF-8 byte order mark is allowed); otherwise an error with the line of the
    /// first byte that is not UTF-8, since a spreadsheet saved in another encoding would import with broken letters.
    /// </summary>
    internal static string? Utf8Text(byte[] bytes, string part, MapDocumentBuilder builder)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            builder.Error(MapFileCodes.EncodingUnsupported, new MapFileLocation(part, 1), "UTF-16");
            return null;
        }
        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var line = span[..read].Count((byte)'\n') + 1;
            builder.Error(MapFileCodes.EncodingInvalid, new MapFileLocation(part, line));
            return null;
        }
        return new string(chars, 0, written);
    }
}
