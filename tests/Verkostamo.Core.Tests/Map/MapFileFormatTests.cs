using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Networks;
using static Verkostamo.Core.Tests.Map.MapFileSamples;

namespace Verkostamo.Core.Tests.Map;

/// <summary>CSV, XLSX, GraphML and GEXF written and read back; files of networkx; hostile files refused with the place named.</summary>
public class MapFileFormatTests
{
    public static TheoryData<MapFileFormat> Formats => [MapFileFormat.Csv, MapFileFormat.Xlsx, MapFileFormat.GraphMl, MapFileFormat.Gexf];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_reads_back_the_map_it_wrote_with_every_attribute(MapFileFormat format)
    {
        var map = Rich();
        var file = MapFileWriter.Write(map, format, "verkosto");

        var read = Read(file.Content, file.FileName);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Empty(read.Warnings);
        Assert.Equal(format, read.Format);
        Assert.Equal(map.ToJson(), read.Document.ToJson());
        if (format != MapFileFormat.Xlsx)
        {
            // The same map gives the same bytes (a workbook's zip carries the time it was written).
            Assert.Equal(file.Content, MapFileWriter.Write(read.Document, format, "verkosto").Content);
        }
    }

    [Fact]
    public void GraphMl_and_gexf_exports_are_valid_against_the_published_schemas()
    {
        var map = Rich();
        Assert.Empty(SchemaErrors(MapFileWriter.Write(map, MapFileFormat.GraphMl, "m").Content, "graphml.xsd"));
        Assert.Empty(SchemaErrors(MapFileWriter.Write(map, MapFileFormat.Gexf, "m").Content, "gexf.xsd"));
        Assert.Empty(SchemaErrors(MapFileWriter.Write(MapDocument.Empty, MapFileFormat.GraphMl, "m").Content, "graphml.xsd"));
        Assert.Empty(SchemaErrors(MapFileWriter.Write(MapDocument.Empty, MapFileFormat.Gexf, "m").Content, "gexf.xsd"));
    }

    [Fact]
    public void The_schemas_themselves_refuse_a_broken_file()
    {
        var broken = Encoding.UTF8.GetBytes("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="sideways"><node id="a"/><edge source="a" target="b"/></graph></graphml>
            """);
        Assert.NotEmpty(SchemaErrors(broken, "graphml.xsd"));
        var gexf = Encoding.UTF8.GetBytes("""<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node/></nodes></graph></gexf>""");
        Assert.NotEmpty(SchemaErrors(gexf, "gexf.xsd"));
    }

    [Fact]
    public void Csv_and_xlsx_exports_escape_cells_a_spreadsheet_would_run_as_formulas()
    {
        var file = MapFileWriter.Write(Rich(), MapFileFormat.Csv, "m");
        using var zip = new ZipArchive(new MemoryStream(file.Content));
        Assert.Equal(["actors.csv", "links.csv"], zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("actors.csv")!.Open(), Encoding.UTF8);
        var actors = reader.ReadToEnd();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", actors, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", actors, StringComparison.Ordinal);
        Assert.Contains("'+358 40 123 4567", actors, StringComparison.Ordinal);
        Assert.Contains("'-1", actors, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", actors, StringComparison.Ordinal);

        var xlsx = MapFileWriter.Write(Rich(), MapFileFormat.Xlsx, "m");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content), false);
        var texts = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Select(c => c.InnerText).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\")", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith('=') || t.StartsWith('@') || t.StartsWith('+'));
        Assert.Equal(["Toimijat", "Yhteydet"], document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    [Theory]
    [InlineData("networkx.graphml", false)]
    [InlineData("networkx-directed.graphml", true)]
    [InlineData("networkx.gexf", false)]
    public void A_file_written_by_networkx_imports_with_its_attributes(string file, bool directed)
    {
        var read = Read(File.ReadAllBytes(Fixture(file)), file);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var actors = read.Document.Actors.ToDictionary(a => a.Key);
        Assert.Equal(["anonyymi", "kela", "setlementti", "te", "yritys"], actors.Keys.Order());
        var kela = actors["kela"];
        Assert.Equal(("Kela", Sector.Public, ActorKind.Organisation, Level.Strategy | Level.ServicePath, ParticipationRole.Locomotive),
            (kela.Name, kela.Sector, kela.Kind, kela.Levels, kela.RoleNow));
        Assert.Equal(["etuudet", "nuoret"], kela.Tags);
        Assert.Equal("info@kela.example", kela.Email);
        Assert.Equal(Sector.Public, actors["te"].Sector);
        Assert.Equal("Nuorten työpajat", actors["setlementti"].Notes);
        Assert.Equal(("anonyymi", Sector.Other), (actors["anonyymi"].Name, actors["anonyymi"].Sector));

        Assert.Equal(4, read.Document.Links.Count);
        var strong = read.Document.Links.Single(l => l.SourceKey == "kela" && l.TargetKey == "te");
        Assert.Equal((LinkStrength.Strong, LinkMark.AgreedRoles | LinkMark.SharedForum), (strong.Strength, strong.Marks));
        Assert.Equal(["asiakasohjaukset", "tiedonvaihto"], strong.Kinds);
        Assert.Equal(LinkStrength.Strong, read.Document.Links.Single(l => l.Notes == "Työkokeilut").Strength);
        Assert.All(read.Document.Links, l => Assert.Equal(directed, l.Directed));

        // Defaults and ignored attributes are said, once each.
        Assert.Contains(read.Warnings, w => w.Code == MapFileCodes.ValueMissing && w.Detail == MapFileFields.Sector);
        Assert.Contains(read.Warnings, w => w.Code == MapFileCodes.ValueMissing && w.Detail == MapFileFields.Strength && w.Count == 1);
        Assert.Contains(read.Warnings, w => w.Code == MapFileCodes.AttributeIgnored && w.Detail == "size");
        if (!file.EndsWith(".gexf", StringComparison.Ordinal))
        {
            Assert.Contains(read.Warnings, w => w.Code == MapFileCodes.AttributeIgnored && w.Detail == "weight");
        }
    }

    [Fact]
    public void A_links_csv_alone_names_its_actors_and_a_semicolon_csv_from_excel_reads()
    {
        var read = ReadText("source;target;strength\nKela;TE-palvelut;vahva\nTE-palvelut;Setlementti;heikko\n", "yhteydet.csv");

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(["Kela", "TE-palvelut", "Setlementti"], read.Document.Actors.Select(a => a.Name));
        Assert.Equal([LinkStrength.Strong, LinkStrength.Weak], read.Document.Links.Select(l => l.Strength));
        Assert.Contains(read.Warnings, w => w.Code == MapFileCodes.ActorImplied && w.Count == 3);
    }

    [Fact]
    public void An_actors_csv_alone_reads_with_finnish_headers_and_values()
    {
        var read = ReadText("\uFEFFNimi,Sektori,Rooli,Sähköposti\nKela,julkinen,veturi,ei-osoite\n\"Setlementti, Joensuu\",3. sektori,,\n", "toimijat.csv");

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal([("Kela", Sector.Public), ("Setlementti, Joensuu", Sector.ThirdSector)], read.Document.Actors.Select(a => (a.Name, a.Sector)));
        Assert.Equal(ParticipationRole.Locomotive, read.Document.Actors[0].RoleNow);
        var dropped = Assert.Single(read.Warnings, w => w.Code == MapFileCodes.EmailDropped);
        Assert.Equal(2, dropped.At!.Line);
    }

    [Fact]
    public void Links_to_missing_ids_duplicate_ids_self_links_and_long_values_are_errors_naming_the_row()
    {
        var zip = Zip(
            ("actors.csv", $"id,name\na,Kela\nb,TE\na,Toinen\nc,{new string('x', 201)}\n"),
            ("links.csv", "source,target\na,b\na,zz\nb,b\n"));

        var read = Read(zip, "kartta.zip");

        Assert.False(read.Succeeded);
        Assert.Empty(read.Document.Actors);
        Assert.Contains(read.Errors, e => e is { Code: MapFileCodes.DuplicateId, Detail: "a", At.Line: 4, At.Part: "actors.csv" });
        Assert.Contains(read.Errors, e => e is { Code: MapFileCodes.ValueTooLong, Detail: "name", At.Line: 5, At.Element: "c" });
        Assert.Contains(read.Errors, e => e is { Code: MapFileCodes.MissingActor, Detail: "zz", At.Line: 3, At.Part: "links.csv" });
        Assert.Contains(read.Errors, e => e is { Code: MapFileCodes.SelfLink, At.Line: 4 });
        Assert.Contains("links.csv, line 3", read.Errors.Single(e => e.Code == MapFileCodes.MissingActor).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_errors_name_the_element_and_its_line()
    {
        var read = ReadText("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <graph edgedefault="undirected">
                <node id="n1"/>
                <node id="n1"/>
                <edge id="e1" source="n1" target="n9"/>
              </graph>
            </graphml>
            """, "x.graphml");

        Assert.Contains(read.Errors, e => e is { Code: MapFileCodes.DuplicateId, At.Element: "n1", At.Line: 5 });
        Assert.Contains(read.Errors, e => e is { Code: MapFileCodes.MissingActor, At.Element: "e1", At.Line: 6, Detail: "n9" });
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"><data key="name">&xxe;</data></node></graph></graphml>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="&lol3;"/></graph></graphml>""")]
    public void External_entities_and_entity_expansion_bombs_are_refused(string xml)
    {
        var read = ReadText(xml, "evil.graphml");

        var error = Assert.Single(read.Errors);
        Assert.Equal(MapFileCodes.DtdProhibited, error.Code);
        Assert.Empty(read.Document.Actors);
    }

    [Fact]
    public void A_200_mb_upload_stops_at_the_cap_without_being_read_whole()
    {
        var stream = new EndlessStream(200L * 1024 * 1024);
        var read = MapFileReader.Read(stream, "huge.csv", new MapImportLimits());

        Assert.Equal(MapFileCodes.FileTooLarge, Assert.Single(read.Errors).Code);
        Assert.True(stream.Served <= 21L * 1024 * 1024, $"read {stream.Served} bytes");
        Assert.Equal(MapFileCodes.FileTooLarge, Assert.Single(Read(new byte[101], "a.csv", new MapImportLimits { MaxBytes = 100 }).Errors).Code);
    }

    [Fact]
    public void Counts_over_the_configured_limits_are_errors()
    {
        var limits = new MapImportLimits { MaxActors = 2, MaxLinks = 1 };
        Assert.Contains(ReadText("name\na\nb\nc\n", "a.csv", limits).Errors, e => e.Code == MapFileCodes.TooManyActors && e.At!.Line == 4);
        Assert.Contains(ReadText("source,target\na,b\nb,c\n", "a.csv", new MapImportLimits { MaxActors = 2 }).Errors, e => e.Code == MapFileCodes.TooManyActors);
        Assert.Contains(Read(Zip(("actors.csv", "name\na\nb\n"), ("links.csv", "source,target\na,b\nb,a\n")), "a.zip", new MapImportLimits { MaxLinks = 1 }).Errors,
            e => e.Code == MapFileCodes.TooManyLinks);
    }

    [Fact]
    public void Wrong_encodings_get_a_clear_error_with_the_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("name,sector\nKela,julkinen\nYhdistys ä,muu\n");
        var bad = Assert.Single(Read(latin1, "toimijat.csv").Errors);
        Assert.Equal((MapFileCodes.EncodingInvalid, 3), (bad.Code, bad.At!.Line));

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("name\nKela\n")).ToArray();
        Assert.Equal(MapFileCodes.EncodingUnsupported, Assert.Single(Read(utf16, "toimijat.csv").Errors).Code);

        var koi = ReadText("""<?xml version="1.0" encoding="koi8-r"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>""", "a.graphml");
        Assert.Equal((MapFileCodes.EncodingUnsupported, "koi8-r"), (Assert.Single(koi.Errors).Code, koi.Errors[0].Detail));

        var xml = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph><nodes><node id=\"a\" label=\"").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\"/></nodes></graph></gexf>")).ToArray();
        var invalid = Assert.Single(Read(xml, "a.gexf").Errors);
        Assert.Equal((MapFileCodes.EncodingInvalid, 3), (invalid.Code, invalid.At!.Line));
    }

    [Fact]
    public void Malformed_files_are_errors_not_exceptions()
    {
        Assert.Equal(MapFileCodes.XmlInvalid, Assert.Single(ReadText("<graphml><graph>", "a.graphml").Errors).Code);
        Assert.Equal(MapFileCodes.ArchiveInvalid, Assert.Single(Read([.. "PK\u0003\u0004"u8, .. new byte[40]], "a.xlsx").Errors).Code);
        Assert.Equal(MapFileCodes.FileEmpty, Assert.Single(Read([], "a.csv").Errors).Code);
        Assert.Equal(MapFileCodes.ColumnMissing, Assert.Single(ReadText("colour\nred\n", "a.csv").Errors).Code);
        Assert.Equal(MapFileCodes.FormatUnknown, Assert.Single(ReadText("<html/>", "a.html").Errors).Code);
        Assert.Equal(MapFileCodes.CsvInvalid, Assert.Single(ReadText("name,notes\nKela,\"open quote\n", "a.csv").Errors).Code);
    }

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            foreach (var (name, text) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A non-seekable upload of the given length that is never held in memory.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Served);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Served += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
