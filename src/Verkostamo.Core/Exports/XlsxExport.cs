using Verkostamo.Core.Map.Formats;

namespace Verkostamo.Core.Exports;

/// <summary>
/// The network's tables as a spreadsheet: actors and links in the map file's own columns (so the file imports back),
/// then the action plan, the annual clock's events and any chapter table that names a sheet (e.g. assessment results).
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ExportContent content)
    {
        var t = content.Texts;
        var map = Map.Import.MapExportService.Ordered(content.Map.Document);
        var sheets = new List<XlsxSheet>
        {
            new(MapXlsx.ActorsSheet, MapFileFields.ActorColumns, [.. map.Actors.Select(MapFileFields.ActorValues)]),
            new(MapXlsx.LinksSheet, MapFileFields.LinkColumns, [.. map.Links.Select(MapFileFields.LinkValues)]),
            new(SheetName(content.Actions.SheetName ?? content.Actions.Title), content.Actions.Header, content.Actions.Rows),
            new(SheetName(t["Export.Sheet.Events"]),
                [t["Export.Column.Event"], t["Export.Column.Category"], t["Export.Column.Start"], t["Export.Column.End"], t["Export.Column.Description"]],
                [.. content.Events.Select(e => (IReadOnlyList<string>)[e.Title, e.Category, Iso(e.Start), e.End is { } end ? Iso(end) : "", e.Description])]),
        };
        foreach (var table in content.Chapters.SelectMany(c => c.Tables.Concat(c.Sheets)).Where(t => t.SheetName is not null))
        {
            var name = SheetName(table.SheetName!);
            // Sheet names must be unique within a workbook.
            for (var n = 2; sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)); n++)
            {
                name = SheetName(table.SheetName!, $" ({n})");
            }
            sheets.Add(new XlsxSheet(name, table.Header, table.Rows));
        }
        return MapXlsx.WriteSheets(sheets);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    internal static string SheetName(string name, string suffix = "")
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c))]).Trim('\'', ' ');
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }
        return clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
    }
}
