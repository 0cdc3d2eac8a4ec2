namespace Verkostamo.Core.Map.Formats;

/// <summary>A map written to a file: its bytes, content type and file name.</summary>
public sealed record MapFile(byte[] Content, string ContentType, string FileName);

/// <summary>Writes a map in any of the formats <see cref="MapFileReader"/> reads back to the same map.</summary>
public static class MapFileWriter
{
    public static MapFile Write(MapDocument map, MapFileFormat format, string baseName) => format switch
    {
        MapFileFormat.Csv => new(MapCsv.WriteZip(map), "application/zip", baseName + "-csv.zip"),
        MapFileFormat.Xlsx => new(MapXlsx.Write(map), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", baseName + ".xlsx"),
        MapFileFormat.GraphMl => new(MapGraphMl.Write(map), "application/graphml+xml", baseName + ".graphml"),
        MapFileFormat.Gexf => new(MapGexf.Write(map), "application/gexf+xml", baseName + ".gexf"),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format named in a URL or on the command line (csv, xlsx, graphml, gexf); null for any other name.</summary>
    public static MapFileFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "csv" => MapFileFormat.Csv,
        "xlsx" => MapFileFormat.Xlsx,
        "graphml" => MapFileFormat.GraphMl,
        "gexf" => MapFileFormat.Gexf,
        _ => null,
    };
}
