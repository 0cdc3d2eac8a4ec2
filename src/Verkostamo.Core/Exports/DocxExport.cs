using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static Verkostamo.Core.Exports.OpenXmlParts;

namespace Verkostamo.Core.Exports;

/// <summary>
/// The workbook as a Word report: the deck's content with real headings (so Word's navigation and a screen reader see the
/// structure), the map as tables of actors and links, and the chapters other features add (analysis, assessments).
/// </summary>
public static class DocxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private const string Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";

    /// <summary>A4 with 2 cm margins, in twentieths of a point.</summary>
    private const int TextWidth = 11906 - (2 * 1134);

    public static byte[] Write(ExportContent content)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = content.NetworkName;
            document.PackageProperties.Language = content.Culture;
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            Feed(styles, Styles(content.Culture));
            var body = new Body(content);
            for (var i = 0; i < body.Images.Count; i++)
            {
                var image = main.AddImagePart(ImageType(body.Images[i].ContentType), "rIdImg" + (i + 1).ToString(CultureInfo.InvariantCulture));
                using var stream = new MemoryStream(body.Images[i].Content);
                image.FeedData(stream);
            }
            Feed(main, body.Xml());
        }
        return buffer.ToArray();
    }

    private sealed class Body
    {
        private readonly StringBuilder xml = new();

        public List<ExportLogo> Images { get; } = [];

        public Body(ExportContent content)
        {
            var t = content.Texts;
            Paragraph(content.NetworkName, "Title");
            if (!string.IsNullOrWhiteSpace(content.Subtitle))
            {
                Paragraph(content.Subtitle);
            }
            Paragraph(t.Format("Export.CoverDate", content.Date.ToString("d", CultureInfo.CurrentCulture)));
            foreach (var logo in content.Logos.Take(6))
            {
                Logo(logo, t.Format("Export.LogoOf", content.NetworkName));
            }
            foreach (var section in content.Sections)
            {
                Section(section, section.Number > 0 ? $"{section.Number}. {section.Title}" : section.Title, t);
                if (section.Key == "picture")
                {
                    Map(content);
                }
            }
            if (!content.Sections.Any(s => s.Key == "picture") && content.Map.Actors.Count > 0)
            {
                Map(content);
            }
            foreach (var theme in content.Themes)
            {
                Section(theme, t.Format("Export.ThemeTitle", theme.Title), t);
            }
            Paragraph(content.Actions.Title, "Heading1");
            Table(content.Actions.Header, content.Actions.Rows);
            Paragraph(t.Format("Export.ClockTitle", content.Date.Year), "Heading1");
            Table([t["Export.Column.Event"], t["Export.Column.Category"], t["Export.Column.Start"], t["Export.Column.End"]],
                [.. content.Events.Select(e => (IReadOnlyList<string>)[e.Title, e.Category, ExportContentLoader.Date(e.Start), ExportContentLoader.Date(e.End)])]);
            foreach (var chapter in content.Chapters)
            {
                Paragraph(chapter.Title, "Heading1");
                foreach (var p in chapter.Paragraphs)
                {
                    Paragraph(p);
                }
                foreach (var table in chapter.Tables)
                {
                    Paragraph(table.Title, "Heading2");
                    Table(table.Header, table.Rows);
                }
            }
            Paragraph(t["Export.Attribution"], "Heading1");
            foreach (var a in content.Attributions)
            {
                Paragraph(a);
            }
        }

        private void Section(ExportSection section, string title, ExportTexts t)
        {
            Paragraph(title, "Heading1");
            if (!string.IsNullOrWhiteSpace(section.Intro))
            {
                Paragraph(section.Intro);
            }
            if (!string.IsNullOrWhiteSpace(section.Question))
            {
                Paragraph(section.Question, bold: true);
            }
            if (section.Framework.Count > 0)
            {
                Paragraph(t["Export.Framework"], "Heading2");
                foreach (var line in section.Framework)
                {
                    Paragraph("• " + line, "ListBullet");
                }
            }
            foreach (var block in section.Answers)
            {
                Paragraph(block.Heading, "Heading2");
                foreach (var item in block.Items)
                {
                    Paragraph(block.Bulleted ? "• " + item : item, block.Bulleted ? "ListBullet" : null);
                }
            }
            if (section.Answers.Count == 0)
            {
                Paragraph(t["Export.NoAnswers"]);
            }
            foreach (var a in section.Attributions)
            {
                Paragraph(a, "Source");
            }
        }

        private void Map(ExportContent content)
        {
            var t = content.Texts;
            var map = content.Map.Document;
            Paragraph(t["Export.MapTitle"], "Heading1");
            Paragraph(t.Format("Export.MapSummary", map.Actors.Count, map.Links.Count));
            var names = map.Actors.ToDictionary(a => a.Key, a => a.Name, StringComparer.Ordinal);
            Paragraph(t["Export.Sheet.Actors"], "Heading2");
            Table([t["Export.Column.Actor"], t["Export.Column.Sector"]], [.. map.Actors.Select(a => (IReadOnlyList<string>)[a.Name, t["Map.Sector." + a.Sector]])]);
            Paragraph(t["Export.Sheet.Links"], "Heading2");
            Table([t["Export.Column.From"], t["Export.Column.To"], t["Export.Column.Strength"]],
                [.. map.Links.Select(l => (IReadOnlyList<string>)[names[l.SourceKey], names[l.TargetKey], t["Map.Strength." + l.Strength]])]);
        }

        private void Paragraph(string text, string? style = null, bool bold = false)
        {
            xml.Append("<w:p>");
            if (style is not null)
            {
                xml.Append("<w:pPr><w:pStyle w:val=\"").Append(style).Append("\"/></w:pPr>");
            }
            xml.Append("<w:r>").Append(bold ? "<w:rPr><w:b/></w:rPr>" : "").Append("<w:t xml:space=\"preserve\">").Append(X(text)).Append("</w:t></w:r></w:p>");
        }

        private void Logo(ExportLogo logo, string description)
        {
            Images.Add(logo);
            var id = Images.Count;
            const long height = 914400 * 3 / 4;
            var width = Math.Min(914400L * 3, height * logo.Width / logo.Height);
            var h = width * logo.Height / logo.Width;
            xml.Append(CultureInfo.InvariantCulture, $"""<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{width}" cy="{h}"/><wp:docPr id="{id}" name="Logo {id}" descr="{X(description)}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="Logo {id}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg{id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>""");
        }

        private void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var width = TextWidth / header.Count;
            const string border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A8A8A\"";
            xml.Append(CultureInfo.InvariantCulture, $"<w:tbl><w:tblPr><w:tblW w:w=\"{TextWidth}\" w:type=\"dxa\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders></w:tblPr><w:tblGrid>");
            foreach (var _ in header)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<w:gridCol w:w=\"{width}\"/>");
            }
            xml.Append("</w:tblGrid>");
            Row(header, width, true);
            foreach (var row in rows)
            {
                Row(row, width, false);
            }
            xml.Append("</w:tbl><w:p/>");
        }

        private void Row(IReadOnlyList<string> cells, int width, bool header)
        {
            // A header row repeats on every page the table runs over.
            xml.Append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
            foreach (var cell in cells)
            {
                var shade = header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE6F0\"/>" : "";
                xml.Append(CultureInfo.InvariantCulture, $"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:r>{(header ? "<w:rPr><w:b/></w:rPr>" : "")}<w:t xml:space=\"preserve\">{X(cell)}</w:t></w:r></w:p></w:tc>");
            }
            xml.Append("</w:tr>");
        }

        public string Xml() =>
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:a="{A}" xmlns:wp="{Wp}" xmlns:pic="{Pic}"><w:body>{xml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>""";
    }

    private static string Heading(string id, string name, int level, int size) =>
        $"""<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="{(level == 0 ? 480 : 240)}" w:after="120"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="{size}"/></w:rPr></w:style>""";

    private static string Styles(string culture) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="{X(culture)}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="52"/></w:rPr></w:style>{Heading("Heading1", "heading 1", 0, 32)}{Heading("Heading2", "heading 2", 1, 26)}<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>""";
}
