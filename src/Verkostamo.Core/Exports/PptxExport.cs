using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Verkostamo.Core.Map;
using static Verkostamo.Core.Exports.OpenXmlParts;

namespace Verkostamo.Core.Exports;

/// <summary>
/// The workbook as a PowerPoint deck: cover, the chosen sections with their framework and answers (long answers flow
/// onto continuation slides), themes, the action plan as a table, the annual clock as a wheel of shapes with its events,
/// the network map as native shapes joined by connectors, and the attribution.
/// </summary>
public static class PptxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    internal const long SlideWidth = 12192000;
    internal const long SlideHeight = 6858000;
    private const long Inch = 914400;
    private const long Margin = Inch / 2;
    private const long BodyTop = (long)(1.3 * Inch);
    private const long BodyWidth = SlideWidth - (2 * Margin);
    private const long BodyHeight = SlideHeight - BodyTop - (Inch / 3);
    internal const int CharsPerLine = 100;
    internal const int LinesPerSlide = 15;
    internal const int TableRowsPerSlide = 10;

    /// <summary>The map's sector colours, the same as the map editor's, so that the deck and the screen agree.</summary>
    public static readonly IReadOnlyDictionary<Sector, string> SectorColours = new Dictionary<Sector, string>
    {
        [Sector.Public] = "1F6FB5",
        [Sector.Private] = "C2571A",
        [Sector.ThirdSector] = "2A8A4A",
        [Sector.Other] = "7A5EA8",
    };

    private static readonly string[] CategoryColours = ["1F6FB5", "C2571A", "2A8A4A", "7A5EA8", "9A6B00", "B8322A"];

    public static byte[] Write(ExportContent content)
    {
        using var buffer = new MemoryStream();
        using (var document = PresentationDocument.Create(buffer, PresentationDocumentType.Presentation))
        {
            document.PackageProperties.Title = content.NetworkName;
            document.PackageProperties.Language = content.Culture;
            var presentation = document.AddPresentationPart();
            var master = presentation.AddNewPart<SlideMasterPart>("rId1");
            var layout = master.AddNewPart<SlideLayoutPart>("rId1");
            layout.AddPart(master, "rId1");
            var theme = master.AddNewPart<ThemePart>("rId2");
            presentation.AddPart(theme, "rId2");
            Feed(theme, Theme);
            Feed(master, Master(content.Culture));
            Feed(layout, Layout);

            var slides = Slides(content);
            var ids = new StringBuilder();
            for (var i = 0; i < slides.Count; i++)
            {
                var relId = "rIdS" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var part = presentation.AddNewPart<SlidePart>(relId);
                part.AddPart(layout, "rIdL");
                foreach (var (image, index) in slides[i].Images.Select((img, n) => (img, n)))
                {
                    var imagePart = part.AddImagePart(ImageType(image.ContentType), "rIdImg" + (index + 1).ToString(CultureInfo.InvariantCulture));
                    using var stream = new MemoryStream(image.Content);
                    imagePart.FeedData(stream);
                }
                Feed(part, slides[i].Xml());
                ids.Append(CultureInfo.InvariantCulture, $"<p:sldId id=\"{256 + i}\" r:id=\"{relId}\"/>");
            }
            Feed(presentation, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{SlideWidth}" cy="{SlideHeight}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>""");
        }
        return buffer.ToArray();
    }

    internal static List<Slide> Slides(ExportContent content)
    {
        var t = content.Texts;
        var slides = new List<Slide> { Cover(content) };
        var mapShown = false;
        foreach (var section in content.Sections)
        {
            slides.AddRange(SectionSlides(section, content));
            if (section.Key == "picture")
            {
                slides.Add(MapSlide(content));
                mapShown = true;
            }
        }
        if (!mapShown && content.Map.Actors.Count > 0)
        {
            slides.Add(MapSlide(content));
        }
        foreach (var theme in content.Themes)
        {
            slides.AddRange(SectionSlides(theme with { Title = t.Format("Export.ThemeTitle", theme.Title) }, content));
        }
        slides.AddRange(TableSlides(content.Actions, content.Culture, [0.22, 0.36, 0.16, 0.12, 0.14]));
        slides.Add(ClockSlide(content));
        if (content.Events.Count > 0)
        {
            var events = new ExportTable(t["Export.ClockEvents"], [t["Export.Column.Event"], t["Export.Column.Category"], t["Export.Column.Start"], t["Export.Column.End"]],
                [.. content.Events.Select(e => (IReadOnlyList<string>)[e.Title, e.Category, ExportContentLoader.Date(e.Start), ExportContentLoader.Date(e.End)])]);
            slides.AddRange(TableSlides(events, content.Culture, [0.46, 0.22, 0.16, 0.16]));
        }
        slides.Add(TextSlides(t["Export.Attribution"], content.Attributions.Select(a => new FlowParagraph(a, FlowKind.Plain)), content).First());
        return slides;
    }

    private static Slide Cover(ExportContent content)
    {
        var slide = new Slide(content.Culture);
        slide.Title(content.NetworkName, Margin, (long)(1.6 * Inch), BodyWidth, (long)(1.4 * Inch), 4000);
        var lines = new List<FlowParagraph>();
        if (!string.IsNullOrWhiteSpace(content.Subtitle))
        {
            lines.Add(new FlowParagraph(content.Subtitle, FlowKind.Plain));
        }
        lines.Add(new FlowParagraph(content.Texts.Format("Export.CoverDate", content.Date.ToString("d", CultureInfo.CurrentCulture)), FlowKind.Plain));
        slide.Text(Margin, (long)(3.1 * Inch), BodyWidth, Inch, lines, 2000);
        // Logos side by side, each at most an inch high and keeping its proportions.
        var x = Margin;
        foreach (var logo in content.Logos.Take(6))
        {
            var height = Inch;
            var width = Math.Min((long)(2.5 * Inch), height * logo.Width / logo.Height);
            height = width * logo.Height / logo.Width;
            slide.Picture(logo, x, (long)(4.3 * Inch), width, height, content.Texts.Format("Export.LogoOf", content.NetworkName));
            x += width + (Inch / 3);
        }
        slide.Text(Margin, SlideHeight - (long)(1.1 * Inch), BodyWidth, (long)(0.9 * Inch),
            [new FlowParagraph(content.Attributions.Count > 0 ? content.Attributions[0] : "", FlowKind.Plain)], 1000);
        return slide;
    }

    private static IEnumerable<Slide> SectionSlides(ExportSection section, ExportContent content)
    {
        var t = content.Texts;
        var paragraphs = new List<FlowParagraph>();
        if (!string.IsNullOrWhiteSpace(section.Intro))
        {
            paragraphs.Add(new FlowParagraph(section.Intro, FlowKind.Plain));
        }
        if (!string.IsNullOrWhiteSpace(section.Question))
        {
            paragraphs.Add(new FlowParagraph(section.Question, FlowKind.Heading));
        }
        if (section.Framework.Count > 0)
        {
            paragraphs.Add(new FlowParagraph(t["Export.Framework"], FlowKind.Heading));
            paragraphs.AddRange(section.Framework.Select(f => new FlowParagraph(f, FlowKind.Bullet)));
        }
        foreach (var block in section.Answers)
        {
            paragraphs.Add(new FlowParagraph(block.Heading, FlowKind.Heading));
            paragraphs.AddRange(block.Items.Select(i => new FlowParagraph(i, block.Bulleted ? FlowKind.Bullet : FlowKind.Plain)));
        }
        if (section.Answers.Count == 0)
        {
            paragraphs.Add(new FlowParagraph(t["Export.NoAnswers"], FlowKind.Plain));
        }
        paragraphs.AddRange(section.Attributions.Select(a => new FlowParagraph(a, FlowKind.Plain)));
        var title = section.Number > 0 ? $"{section.Number}. {section.Title}" : section.Title;
        return TextSlides(title, paragraphs, content);
    }

    private static IEnumerable<Slide> TextSlides(string title, IEnumerable<FlowParagraph> paragraphs, ExportContent content)
    {
        var pages = TextFlow.Pages(paragraphs, CharsPerLine, LinesPerSlide);
        for (var i = 0; i < Math.Max(1, pages.Count); i++)
        {
            var slide = new Slide(content.Culture);
            slide.Title(i == 0 ? title : content.Texts.Format("Export.Continued", title));
            slide.Text(Margin, BodyTop, BodyWidth, BodyHeight, i < pages.Count ? pages[i] : [], 1600);
            yield return slide;
        }
    }

    private static IEnumerable<Slide> TableSlides(ExportTable table, string culture, double[] widths)
    {
        var pages = table.Rows.Chunk(TableRowsPerSlide).ToList();
        for (var i = 0; i < Math.Max(1, pages.Count); i++)
        {
            var slide = new Slide(culture);
            slide.Title(i == 0 ? table.Title : $"{table.Title} ({i + 1}/{pages.Count})");
            slide.Table(table.Title, Margin, BodyTop, BodyWidth, widths, table.Header, i < pages.Count ? pages[i] : []);
            yield return slide;
        }
    }

    /// <summary>The annual clock as a wheel of native shapes: months around a circle, each event a dot at its date coloured by its ring.</summary>
    private static Slide ClockSlide(ExportContent content)
    {
        var t = content.Texts;
        var slide = new Slide(content.Culture);
        slide.Title(t.Format("Export.ClockTitle", content.Date.Year));
        const long radius = (long)(2.2 * Inch);
        var cx = Margin + radius + (Inch / 2);
        var cy = BodyTop + radius + (Inch / 3);
        slide.Shape("ellipse", cx - radius, cy - radius, 2 * radius, 2 * radius, null, "1F3A5F", 19050, t["Export.Clock"], null, 0);
        var months = CultureInfo.GetCultureInfo(content.Culture).DateTimeFormat.AbbreviatedMonthNames;
        for (var m = 0; m < 12; m++)
        {
            var start = Angle(m / 12.0);
            slide.Line(cx, cy, cx + (long)(radius * Math.Cos(start)), cy + (long)(radius * Math.Sin(start)), "8A8A8A", 6350, false);
            var mid = Angle((m + 0.5) / 12.0);
            var lx = cx + (long)((radius + (0.35 * Inch)) * Math.Cos(mid));
            var ly = cy + (long)((radius + (0.35 * Inch)) * Math.Sin(mid));
            slide.Shape("rect", lx - (Inch / 3), ly - (Inch / 8), 2 * Inch / 3, Inch / 4, null, null, 0, months[m], months[m], 1100);
        }
        var categories = content.Events.Select(e => e.Category).Distinct().ToList();
        var year = content.Date.Year;
        foreach (var e in content.Events.Where(e => e.Start.Year == year || (e.End?.Year ?? e.Start.Year) == year))
        {
            var day = e.Start.Year == year ? e.Start.DayOfYear : 1;
            var a = Angle((day - 1) / (double)(DateTime.IsLeapYear(year) ? 366 : 365));
            var ring = 0.45 + (0.45 * categories.IndexOf(e.Category) / Math.Max(1, categories.Count));
            var dx = cx + (long)(radius * ring * Math.Cos(a));
            var dy = cy + (long)(radius * ring * Math.Sin(a));
            const long dot = Inch / 6;
            slide.Shape("ellipse", dx - (dot / 2), dy - (dot / 2), dot, dot, CategoryColours[categories.IndexOf(e.Category) % CategoryColours.Length], "FFFFFF", 6350,
                $"{e.Title}, {ExportContentLoader.Date(e.Start)}", null, 0);
        }
        // The legend names each ring's colour and lists the year's events beside the wheel.
        var legend = categories.Select((c, i) => (c, i)).ToList();
        var ly0 = BodyTop;
        foreach (var (category, i) in legend)
        {
            slide.Shape("ellipse", (long)(6.4 * Inch), ly0 + (i * Inch / 3) + (Inch / 16), Inch / 6, Inch / 6, CategoryColours[i % CategoryColours.Length], null, 0, category, null, 0);
            slide.Text((long)(6.7 * Inch), ly0 + (i * Inch / 3), (long)(6 * Inch), Inch / 3, [new FlowParagraph(category, FlowKind.Plain)], 1400);
        }
        return slide;
    }

    private static double Angle(double fraction) => (2 * Math.PI * fraction) - (Math.PI / 2);

    /// <summary>
    /// The map as native shapes: each actor an ellipse coloured by sector, each link a connector glued to its two actors
    /// (so moving an actor in PowerPoint drags its links along), solid for strong links and dashed for weak ones.
    /// </summary>
    internal static Slide MapSlide(ExportContent content)
    {
        var t = content.Texts;
        var slide = new Slide(content.Culture);
        slide.Title(content.Map.ViewName is { } view ? t.Format("Export.MapTitleView", view) : t["Export.MapTitle"]);
        var crowded = content.Map.Actors.Count > 60;
        var w = crowded ? (long)(0.75 * Inch) : (long)(1.15 * Inch);
        var h = crowded ? (long)(0.32 * Inch) : (long)(0.45 * Inch);
        var font = crowded ? 600 : 900;
        var areaX = Margin;
        var areaY = (long)(1.2 * Inch);
        var areaW = BodyWidth - w;
        var areaH = SlideHeight - areaY - (long)(0.6 * Inch) - h;
        var centres = new Dictionary<string, (long X, long Y, uint Id)>(StringComparer.Ordinal);
        // Shape ids are fixed before drawing: connectors come first in the tree so they sit under the actors.
        var nextId = slide.ReserveIds(content.Map.Actors.Count);
        foreach (var actor in content.Map.Actors)
        {
            centres[actor.Actor.Key] = (areaX + (long)(actor.X * areaW) + (w / 2), areaY + (long)(actor.Y * areaH) + (h / 2), nextId++);
        }
        var names = content.Map.Document.Actors.ToDictionary(a => a.Key, a => a.Name, StringComparer.Ordinal);
        foreach (var link in content.Map.Links)
        {
            if (!centres.TryGetValue(link.SourceKey, out var s) || !centres.TryGetValue(link.TargetKey, out var e))
            {
                continue;
            }
            var angle = Math.Atan2(e.Y - s.Y, e.X - s.X);
            var startSite = Site(angle);
            var endSite = Site(angle + Math.PI);
            var (x1, y1) = SitePoint(s.X, s.Y, w, h, startSite);
            var (x2, y2) = SitePoint(e.X, e.Y, w, h, endSite);
            slide.Connector(x1, y1, x2, y2, s.Id, startSite, e.Id, endSite, link.Strength == LinkStrength.Strong, link.Directed,
                t.Format("Export.LinkName", names[link.SourceKey], names[link.TargetKey], t["Map.Strength." + link.Strength]));
        }
        foreach (var actor in content.Map.Actors)
        {
            var (x, y, id) = centres[actor.Actor.Key];
            slide.Shape("ellipse", x - (w / 2), y - (h / 2), w, h, SectorColours[actor.Actor.Sector], "FFFFFF", 9525,
                $"{actor.Actor.Name} ({t["Map.Sector." + actor.Actor.Sector]})", actor.Actor.Name, font, id, "FFFFFF");
        }
        var lx = Margin;
        var legendY = SlideHeight - (long)(0.45 * Inch);
        foreach (var sector in Enum.GetValues<Sector>())
        {
            slide.Shape("ellipse", lx, legendY + (Inch / 24), Inch / 5, Inch / 5, SectorColours[sector], null, 0, t["Map.Sector." + sector], null, 0);
            slide.Text(lx + (Inch / 4), legendY, (long)(1.6 * Inch), Inch / 3, [new FlowParagraph(t["Map.Sector." + sector], FlowKind.Plain)], 1100);
            lx += 2 * Inch;
        }
        slide.Text(lx, legendY, (long)(4 * Inch), Inch / 3, [new FlowParagraph(t["Export.MapLegend"], FlowKind.Plain)], 1100);
        return slide;
    }

    /// <summary>The ellipse's connection sites counterclockwise from the top (0 top, 2 left, 4 bottom, 6 right); the one facing <paramref name="angle"/>.</summary>
    internal static int Site(double angle)
    {
        // Site k faces -90° - k·45° (y grows downwards).
        var degrees = angle * 180 / Math.PI;
        var k = (int)Math.Round((-90 - degrees) / 45.0);
        return ((k % 8) + 8) % 8;
    }

    private static (long X, long Y) SitePoint(long cx, long cy, long w, long h, int site)
    {
        var angle = (-90 - (site * 45)) * Math.PI / 180;
        return (cx + (long)(w / 2.0 * Math.Cos(angle)), cy + (long)(h / 2.0 * Math.Sin(angle)));
    }

    internal sealed record SlideImage(byte[] Content, string ContentType);

    /// <summary>One slide's shape tree, written as DrawingML.</summary>
    internal sealed class Slide(string culture)
    {
        private readonly StringBuilder shapes = new();
        private uint nextId = 2;
        private readonly string lang = X(culture);

        public List<SlideImage> Images { get; } = [];

        public uint ReserveIds(int count)
        {
            var first = nextId;
            nextId += (uint)count;
            return first;
        }

        public void Title(string text, long x = Margin, long y = Inch / 4, long w = BodyWidth, long h = Inch, int size = 2800)
        {
            var id = nextId++;
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Title {id}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm></p:spPr><p:txBody><a:bodyPr anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="{lang}" sz="{size}" b="1" dirty="0"/><a:t>{X(text)}</a:t></a:r></a:p></p:txBody></p:sp>""");
        }

        public void Text(long x, long y, long w, long h, IEnumerable<FlowParagraph> paragraphs, int size)
        {
            var id = nextId++;
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Text {id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>""");
            var any = false;
            foreach (var p in paragraphs)
            {
                any = true;
                var (pPr, bold, colour, pSize) = p.Kind switch
                {
                    FlowKind.Heading => ("<a:pPr><a:spcBef><a:spcPts val=\"900\"/></a:spcBef></a:pPr>", " b=\"1\"", "<a:solidFill><a:srgbClr val=\"1F3A5F\"/></a:solidFill>", size + 200),
                    FlowKind.Bullet => ("<a:pPr marL=\"285750\" indent=\"-285750\"><a:spcBef><a:spcPts val=\"300\"/></a:spcBef><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/></a:pPr>", "", "", size),
                    _ => ("<a:pPr><a:spcBef><a:spcPts val=\"300\"/></a:spcBef></a:pPr>", "", "", size),
                };
                shapes.Append(CultureInfo.InvariantCulture, $"""<a:p>{pPr}<a:r><a:rPr lang="{lang}" sz="{pSize}"{bold} dirty="0">{colour}</a:rPr><a:t>{X(p.Text)}</a:t></a:r></a:p>""");
            }
            if (!any)
            {
                shapes.Append(CultureInfo.InvariantCulture, $"""<a:p><a:endParaRPr lang="{lang}" dirty="0"/></a:p>""");
            }
            shapes.Append("</p:txBody></p:sp>");
        }

        /// <summary>A preset shape with optional fill, outline and centred text; returns its id.</summary>
        public uint Shape(string preset, long x, long y, long w, long h, string? fill, string? line, int lineWidth, string description, string? text, int size,
            uint? id = null, string textColour = "1A1A1A")
        {
            var shapeId = id ?? nextId++;
            var fillXml = fill is null ? "<a:noFill/>" : $"<a:solidFill><a:srgbClr val=\"{fill}\"/></a:solidFill>";
            var lineXml = line is null ? "<a:ln><a:noFill/></a:ln>" : $"<a:ln w=\"{lineWidth}\"><a:solidFill><a:srgbClr val=\"{line}\"/></a:solidFill></a:ln>";
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:sp><p:nvSpPr><p:cNvPr id="{shapeId}" name="{X(Truncate(description))}" descr="{X(description)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{fillXml}{lineXml}</p:spPr>""");
            if (text is not null)
            {
                shapes.Append(CultureInfo.InvariantCulture, $"""<p:txBody><a:bodyPr wrap="square" lIns="18288" tIns="0" rIns="18288" bIns="0" anchor="ctr"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="{lang}" sz="{size}" dirty="0"><a:solidFill><a:srgbClr val="{textColour}"/></a:solidFill></a:rPr><a:t>{X(text)}</a:t></a:r></a:p></p:txBody>""");
            }
            shapes.Append("</p:sp>");
            return shapeId;
        }

        /// <summary>A straight connector glued at both ends to connection sites of two shapes.</summary>
        public void Connector(long x1, long y1, long x2, long y2, uint startId, int startSite, uint endId, int endSite, bool strong, bool directed, string name)
        {
            var id = nextId++;
            var style = strong ? "<a:ln w=\"28575\"><a:solidFill><a:srgbClr val=\"333333\"/></a:solidFill>" : "<a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"555555\"/></a:solidFill><a:prstDash val=\"dash\"/>";
            var arrow = directed ? "<a:tailEnd type=\"triangle\"/>" : "";
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{id}" name="{X(Truncate(name))}" descr="{X(name)}"/><p:cNvCxnSpPr><a:stCxn id="{startId}" idx="{startSite}"/><a:endCxn id="{endId}" idx="{endSite}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>{Xfrm(x1, y1, x2, y2)}<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>{style}{arrow}</a:ln></p:spPr></p:cxnSp>""");
        }

        /// <summary>A plain line (a connector glued to nothing).</summary>
        public void Line(long x1, long y1, long x2, long y2, string colour, int width, bool dashed)
        {
            var id = nextId++;
            var dash = dashed ? "<a:prstDash val=\"dash\"/>" : "";
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{id}" name="Line {id}"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{Xfrm(x1, y1, x2, y2)}<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{width}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>{dash}</a:ln></p:spPr></p:cxnSp>""");
        }

        private static string Xfrm(long x1, long y1, long x2, long y2)
        {
            var flipH = x2 < x1 ? " flipH=\"1\"" : "";
            var flipV = y2 < y1 ? " flipV=\"1\"" : "";
            return string.Create(CultureInfo.InvariantCulture, $"""<a:xfrm{flipH}{flipV}><a:off x="{Math.Min(x1, x2)}" y="{Math.Min(y1, y2)}"/><a:ext cx="{Math.Abs(x2 - x1)}" cy="{Math.Abs(y2 - y1)}"/></a:xfrm>""");
        }

        public void Picture(ExportLogo logo, long x, long y, long w, long h, string description)
        {
            var id = nextId++;
            Images.Add(new SlideImage(logo.Content, logo.ContentType));
            var rel = "rIdImg" + Images.Count.ToString(CultureInfo.InvariantCulture);
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Logo {id}" descr="{X(description)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>""");
        }

        public void Table(string name, long x, long y, long w, double[] widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
        {
            var id = nextId++;
            const long rowHeight = 370840;
            var columns = widths.Select(f => (long)(w * f)).ToArray();
            var all = new List<IReadOnlyList<string>> { header };
            all.AddRange(rows);
            shapes.Append(CultureInfo.InvariantCulture, $"""<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="{X(Truncate(name))}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{columns.Sum()}" cy="{rowHeight * all.Count}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>""");
            foreach (var c in columns)
            {
                shapes.Append(CultureInfo.InvariantCulture, $"<a:gridCol w=\"{c}\"/>");
            }
            shapes.Append("</a:tblGrid>");
            for (var r = 0; r < all.Count; r++)
            {
                shapes.Append(CultureInfo.InvariantCulture, $"<a:tr h=\"{rowHeight}\">");
                for (var c = 0; c < columns.Length; c++)
                {
                    var value = c < all[r].Count ? all[r][c] : "";
                    var bold = r == 0 ? " b=\"1\"" : "";
                    var border = "<a:solidFill><a:srgbClr val=\"8A8A8A\"/></a:solidFill></a:lnL>";
                    var fill = r == 0 ? "<a:solidFill><a:srgbClr val=\"DCE6F0\"/></a:solidFill>" : "<a:noFill/>";
                    shapes.Append(CultureInfo.InvariantCulture, $"""<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="{lang}" sz="1200"{bold} dirty="0"/><a:t>{X(value)}</a:t></a:r></a:p></a:txBody><a:tcPr><a:lnL w="6350">{border}<a:lnR w="6350">{border.Replace("lnL", "lnR", StringComparison.Ordinal)}<a:lnT w="6350">{border.Replace("lnL", "lnT", StringComparison.Ordinal)}<a:lnB w="6350">{border.Replace("lnL", "lnB", StringComparison.Ordinal)}{fill}</a:tcPr></a:tc>""");
                }
                shapes.Append("</a:tr>");
            }
            shapes.Append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
        }

        private static string Truncate(string s) => s.Length > 120 ? s[..120] : s;

        public string Xml() =>
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>""";
    }

    private static string Master(string culture) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldMaster xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{Margin}" y="{Inch / 4}"/><a:ext cx="{BodyWidth}" cy="{Inch}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr anchor="b"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:endParaRPr lang="{X(culture)}"/></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr><a:defRPr sz="2800" b="1"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr><a:defRPr sz="1600"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz="1600"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>""";

    private const string Layout =
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldLayout xmlns:a="{A}" xmlns:r="{R}" xmlns:p="{P}" type="titleOnly" preserve="1"><p:cSld name="Title Only"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="fi-FI"/></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>""";

    private static string Solid3(string inner) => inner + inner + inner;

    private static readonly string Theme =
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="{A}" name="Verkostamo"><a:themeElements><a:clrScheme name="Verkostamo"><a:dk1><a:srgbClr val="1A1A1A"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F3A5F"/></a:dk2><a:lt2><a:srgbClr val="EEF2F6"/></a:lt2><a:accent1><a:srgbClr val="1F6FB5"/></a:accent1><a:accent2><a:srgbClr val="C2571A"/></a:accent2><a:accent3><a:srgbClr val="2A8A4A"/></a:accent3><a:accent4><a:srgbClr val="7A5EA8"/></a:accent4><a:accent5><a:srgbClr val="9A6B00"/></a:accent5><a:accent6><a:srgbClr val="B8322A"/></a:accent6><a:hlink><a:srgbClr val="0B5CAD"/></a:hlink><a:folHlink><a:srgbClr val="6A3D9A"/></a:folHlink></a:clrScheme><a:fontScheme name="Verkostamo"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Verkostamo"><a:fillStyleLst>{Solid3("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>")}</a:fillStyleLst><a:lnStyleLst>{Solid3("<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>")}</a:lnStyleLst><a:effectStyleLst>{Solid3("<a:effectStyle><a:effectLst/></a:effectStyle>")}</a:effectStyleLst><a:bgFillStyleLst>{Solid3("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>")}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>""";
}
