using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Map.Import;
using Verkostamo.Core.Tests.Support;
using static Verkostamo.Core.Tests.Map.MapFileSamples;

namespace Verkostamo.Core.Tests.Map;

/// <summary>Import previews and applies in one transaction; export → import → export gives the same file; bad files change nothing.</summary>
public class MapImportServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private MapImportService Import(MapImportLimits? limits = null) => new(fixture.Factory, clock, limits ?? new MapImportLimits());
    private MapExportService Export => new(fixture.Factory, clock);
    private ActorService Actors => new(fixture.Factory, clock);
    private LinkService Links => new(fixture.Factory, clock);

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<(int Actors, int Links, int Audit)> CountsAsync(Guid networkId)
    {
        await using var db = fixture.Db();
        return (await db.Actors.CountAsync(a => a.NetworkId == networkId), await db.Links.CountAsync(l => l.NetworkId == networkId),
            await db.AuditEntries.CountAsync(e => e.NetworkId == networkId));
    }

    [Fact]
    public async Task A_preview_shows_what_changes_and_changes_nothing_then_apply_imports_with_audit()
    {
        var network = await fixture.NetworkAsync(clock);
        var kela = await Actors.CreateAsync(network.Id, network.Member.Id, new ActorInput("Kela") { Sector = Sector.Public });
        var te = await Actors.CreateAsync(network.Id, network.Member.Id, new ActorInput("TE-palvelut") { Sector = Sector.Public });
        await Links.CreateAsync(network.Id, network.Member.Id, new LinkInput(kela.Value, te.Value) { Strength = LinkStrength.Weak });
        var before = await CountsAsync(network.Id);
        const string file = "name,sector,notes\n kela ,Public,Etuudet\nTE-palvelut,Public,\nSetlementti,ThirdSector,\n";

        var preview = await Import().PreviewAsync(network.Id, network.Facilitator.Id, Text(file), "toimijat.csv");

        Assert.True(preview.Succeeded, preview.ErrorCode);
        var p = preview.Value!;
        Assert.True(p.CanApply);
        Assert.Equal((1, 1, 1), (p.ActorsAdded, p.ActorsUpdated, p.ActorsUnchanged));
        var updated = p.Actors.Single(a => a.Change == ImportChange.Updated);
        Assert.Equal(kela.Value, updated.ExistingId);
        Assert.Equal(["notes"], updated.Fields);
        Assert.Equal(before, await CountsAsync(network.Id));

        var applied = await Import().ApplyAsync(network.Id, network.Facilitator.Id, Text(file), "toimijat.csv");

        Assert.True(applied.Succeeded, applied.ErrorCode);
        var actors = (await Actors.ListAsync(network.Id, network.Viewer.Id))!;
        Assert.Equal(["Kela", "Setlementti", "TE-palvelut"], actors.Select(a => a.Name));
        Assert.Equal("Etuudet", actors[0].Notes);
        var audit = await fixture.AuditAsync(network.Id, ActorService.Scope);
        Assert.Contains(audit, e => e.Entity == "MapImport" && e.Action == "Imported" && e.UserId == network.Facilitator.Id);
        Assert.Contains(audit, e => e.Entity == nameof(Actor) && e.Action == "Updated" && e.EntityId == kela.Value.ToString());

        var again = await Import().PreviewAsync(network.Id, network.Facilitator.Id, Text(file), "toimijat.csv");
        Assert.False(again.Value!.HasChanges);
    }

    [Fact]
    public async Task A_links_file_matches_actors_by_name_and_leaves_their_other_attributes_alone()
    {
        var network = await fixture.NetworkAsync(clock);
        await Actors.CreateAsync(network.Id, network.Member.Id, new ActorInput("Kela") { Sector = Sector.Public, Notes = "pidetään" });

        var applied = await Import().ApplyAsync(network.Id, network.Owner.Id, Text("source,target,strength\nKELA,Uusi yhdistys,Strong\n"), "links.csv");

        Assert.True(applied.Succeeded, applied.ErrorCode);
        Assert.Equal((1, 1, 1), (applied.Value!.ActorsAdded, applied.Value.ActorsUnchanged, applied.Value.LinksAdded));
        var kela = (await Actors.ListAsync(network.Id, network.Viewer.Id))!.Single(a => a.Name == "Kela");
        Assert.Equal((Sector.Public, "pidetään", 1), (kela.Sector, kela.Notes, kela.Links));
    }

    [Theory]
    [InlineData(MapFileFormat.Csv)]
    [InlineData(MapFileFormat.Xlsx)]
    [InlineData(MapFileFormat.GraphMl)]
    [InlineData(MapFileFormat.Gexf)]
    public async Task Export_then_import_into_an_empty_network_then_export_gives_the_same_file(MapFileFormat format)
    {
        var first = await fixture.NetworkAsync(clock);
        var seeded = await Import().ApplyAsync(first.Id, first.Owner.Id, new MemoryStream(MapFileWriter.Write(Rich(), MapFileFormat.GraphMl, "x").Content), "x.graphml");
        Assert.True(seeded.Succeeded, seeded.ErrorCode);
        var exported = (await Export.ExportAsync(first.Id, first.Viewer.Id, format))!;

        var second = await fixture.NetworkAsync(clock);
        var imported = await Import().ApplyAsync(second.Id, second.Facilitator.Id, new MemoryStream(exported.Content), exported.FileName);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Value?.Errors ?? []));
        Assert.Equal((3, 2), (imported.Value!.ActorsAdded, imported.Value.LinksAdded));
        var again = (await Export.ExportAsync(second.Id, second.Viewer.Id, format))!;

        // Ids are the network's own and differ; with them replaced by the names they stand for the files are equal.
        Assert.Equal(exported.FileName, again.FileName);
        Assert.Equal(Comparable(exported, format), Comparable(again, format));
        var reread = Read(again.Content, again.FileName).Document;
        Assert.Equal(new MapDocument([.. Rich().Actors.Select(a => a with { Key = a.Name }).OrderBy(a => a.Name, StringComparer.Ordinal)], []).ToJson(),
            new MapDocument([.. reread.Actors.Select(a => a with { Key = a.Name })], []).ToJson());
    }

    /// <summary>The file's text (a workbook's cells) with actor and link ids replaced by what they stand for.</summary>
    private static string Comparable(MapFile file, MapFileFormat format)
    {
        var doc = Read(file.Content, file.FileName).Document;
        var text = format switch
        {
            MapFileFormat.Xlsx => doc.ToJson(),
            MapFileFormat.Csv => string.Join("\n---\n", new ZipArchive(new MemoryStream(file.Content)).Entries
                .Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd())),
            _ => Encoding.UTF8.GetString(file.Content),
        };
        var names = doc.Actors.ToDictionary(a => a.Key, a => a.Name);
        foreach (var link in doc.Links.Where(l => l.Key is not null))
        {
            text = text.Replace(link.Key!, $"link:{names[link.SourceKey]}|{names[link.TargetKey]}", StringComparison.Ordinal);
        }
        foreach (var (key, name) in names)
        {
            text = text.Replace(key, "actor:" + name, StringComparison.Ordinal);
        }
        return text;
    }

    public static TheoryData<string, string, string> HostileFiles => new()
    {
        { "xxe.graphml", """<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="&x;"/></graph></graphml>""", MapFileCodes.DtdProhibited },
        { "bomb.gexf", """<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="&b;"/></nodes></graph></gexf>""", MapFileCodes.DtdProhibited },
        { "missing.csv", "source,target\nKela,TE\n", MapFileCodes.MissingActor },
        { "duplicate.graphml", """<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><node id="a"/></graph></graphml>""", MapFileCodes.DuplicateId },
        { "self.gexf", """<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"/></nodes><edges><edge id="e" source="a" target="a"/></edges></graph></gexf>""", MapFileCodes.SelfLink },
        { "long.csv", "name\n" + new string('x', 300) + "\n", MapFileCodes.ValueTooLong },
        { "too-many.csv", "name\na\nb\nc\n", MapFileCodes.TooManyActors },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_bad_file_gives_a_clear_error_and_changes_nothing(string name, string content, string code)
    {
        var network = await fixture.NetworkAsync(clock);
        await Actors.CreateAsync(network.Id, network.Member.Id, new ActorInput("Kela"));
        var before = await CountsAsync(network.Id);
        var limits = new MapImportLimits { MaxActors = name == "too-many.csv" ? 3 : 20_000 };
        var bytes = name == "missing.csv" ? Zip(("actors.csv", "id,name\nk,Kela\n"), ("links.csv", "source,target\nk,nobody\n")) : Encoding.UTF8.GetBytes(content);
        var fileName = name == "missing.csv" ? "missing.zip" : name;

        var result = await Import(limits).ApplyAsync(network.Id, network.Facilitator.Id, new MemoryStream(bytes), fileName);

        Assert.Equal(MapImportService.ImportInvalid, result.ErrorCode);
        Assert.Contains(result.Value!.Errors, e => e.Code == code);
        Assert.Equal(before, await CountsAsync(network.Id));
    }

    [Fact]
    public async Task Only_facilitators_and_owners_import_and_another_network_is_not_found()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        foreach (var user in new[] { network.Member, network.Viewer })
        {
            Assert.Equal(ErrorCodes.Forbidden, (await Import().ApplyAsync(network.Id, user.Id, Text("name\nA\n"), "a.csv")).ErrorCode);
            Assert.Equal(ErrorCodes.Forbidden, (await Import().PreviewAsync(network.Id, user.Id, Text("name\nA\n"), "a.csv")).ErrorCode);
        }
        Assert.Equal(ErrorCodes.NotFound, (await Import().ApplyAsync(other.Id, network.Owner.Id, Text("name\nA\n"), "a.csv")).ErrorCode);
        Assert.Null(await Export.ExportAsync(other.Id, network.Viewer.Id, MapFileFormat.Csv));
        Assert.NotNull(await Export.ExportAsync(network.Id, network.Viewer.Id, MapFileFormat.Csv));
        Assert.Equal((0, 0), ((await CountsAsync(network.Id)).Actors, (await CountsAsync(other.Id)).Actors));
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
}
