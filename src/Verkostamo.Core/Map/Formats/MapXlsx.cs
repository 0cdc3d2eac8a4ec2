using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Verkostamo.Core.Map.Formats;

/// <summary>XLSX: a sheet "Toimijat" (actors) and a sheet "Yhteydet" (links), each with a header row of <see cref="MapFileFields"/> names.</summary>
internal static class MapXlsx
{
    public const string ActorsSheet = "Toimijat";
    public const string LinksSheet = "Yhteydet";

    private static readonly string[] ActorSheets = [ActorsSheet, "Actors", "Aktörer"];
    private static readonly string[] LinkSheets = [LinksSheet, "Links", "Länkar"];

    public static void Read(byte[] bytes, MapDocumentBuilder builder, MapImportLimits limits)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes), false, new OpenSettings { MaxCharactersInPart = limits.MaxBytes });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FormatException)
        {
            builder.Error(MapFileCodes.ArchiveInvalid, null);
            return;
        }
        using (document)
        {
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            Sheet? Find(string[] names) => sheets.FirstOrDefault(s => names.Contains(s.Name?.Value?.Trim() ?? "", StringComparer.OrdinalIgnoreCase));
            var actors = Find(ActorSheets);
            var links = Find(LinkSheets);
            if (workbook is null || sheets.Count == 0)
            {
                builder.Error(MapFileCodes.SheetMissing, null, ActorsSheet + ", " + LinksSheet);
                return;
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            try
            {
                if (actors is null && links is null)
                {
                    // One sheet of either kind, told apart by its columns like a single CSV.
                    ReadSheet(workbook, sheets[0], shared, builder, null);
                    return;
                }
                if (actors is not null)
                {
                    ReadSheet(workbook, actors, shared, builder, false);
                }
                if (links is not null)
                {
                    ReadSheet(workbook, links, shared, builder, true);
                }
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or FormatException)
            {
                builder.Error(MapFileCodes.ArchiveInvalid, null);
            }
        }
    }

    private static void ReadSheet(WorkbookPart workbook, Sheet sheet, string[] shared, MapDocumentBuilder builder, bool? links)
    {
        var part = sheet.Name?.Value ?? "";
        if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
        {
            builder.Error(MapFileCodes.SheetMissing, new MapFileLocation(part, null), part);
            return;
        }
        string[]? header = null;
        foreach (var row in worksheet.Worksheet.Descendants<Row>())
        {
            if (builder.Full)
            {
                return;
            }
            var cells = new Dictionary<int, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                cells[ColumnIndex(cell.CellReference?.Value, cells.Count)] = Text(cell, shared);
            }
            var rowNumber = (int)(row.RowIndex?.Value ?? 0);
            if (header is null)
            {
                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                header = new string[cells.Keys.Max() + 1];
                foreach (var (i, v) in cells)
                {
                    header[i] = v;
                }
                var canonical = header.Select(h => MapFileFields.Canonical(h ?? "")).ToList();
                links ??= canonical.Contains(MapFileFields.Source) && canonical.Contains(MapFileFields.Target);
                var required = links.Value ? new[] { MapFileFields.Source, MapFileFields.Target } : [MapFileFields.Name];
                if (!links.Value && !canonical.Contains(MapFileFields.Name) && canonical.Contains(MapFileFields.Id))
                {
                    required = [MapFileFields.Id];
                }
                if (required.FirstOrDefault(r => !canonical.Contains(r)) is { } missing)
                {
                    builder.Error(MapFileCodes.ColumnMissing, new MapFileLocation(part, rowNumber), missing);
                    return;
                }
                continue;
            }
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var fields = header.Select((h, i) => new KeyValuePair<string, string?>(h ?? "", cells.GetValueOrDefault(i))).ToList();
            var at = new MapFileLocation(part, rowNumber);
            if (links == true)
            {
                builder.AddLink(at, fields);
            }
            else
            {
                builder.AddActor(at, fields);
            }
        }
        if (header is null)
        {
            builder.Error(MapFileCodes.FileEmpty, new MapFileLocation(part, null));
        }
    }

    private static string Text(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return cell.CellValue?.Text == "1" ? "true" : "false";
        }
        return cell.CellValue?.Text ?? "";
    }

    /// <summary>The zero-based column of a reference such as "C7"; cells without one follow each other.</summary>
    private static int ColumnIndex(string? reference, int fallback)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return fallback;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 16384)
            {
                return fallback;
            }
        }
        return Math.Max(0, index - 1);
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }
        return name;
    }

    public static byte[] Write(MapDocument map) => WriteSheets(
    [
        (ActorsSheet, MapFileFields.ActorColumns, map.Actors.Select(MapFileFields.ActorValues)),
        (LinksSheet, MapFileFields.LinkColumns, map.Links.Select(MapFileFields.LinkValues)),
    ]);

    /// <summary>A workbook of text-only sheets, every cell escaped against formula injection; shared by every spreadsheet export.</summary>
    public static byte[] WriteSheets(IEnumerable<(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string>> Rows)> content)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, header, rows) in content)
            {
                AddSheet(workbook, sheets, id++, name, header, rows);
            }
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 1;
        data.AppendChild(Row(rowIndex++, header));
        foreach (var row in rows)
        {
            data.AppendChild(Row(rowIndex++, row));
        }
        part.Worksheet = new Worksheet(data);
        part.Worksheet.Save();
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(uint index, IReadOnlyList<string> values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            // Inline strings are never evaluated; the apostrophe also keeps a copy-paste into another sheet from running a formula.
            row.AppendChild(new Cell
            {
                CellReference = ColumnName(i) + index,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(MapFileFields.EscapeFormula(values[i])) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }
}
