using System.Text;
using System.Xml;
using System.Xml.Schema;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Networks;

namespace Verkostamo.Core.Tests.Map;

/// <summary>Maps and files shared by the format and import tests.</summary>
public static class MapFileSamples
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Map", "Fixtures", name);

    /// <summary>A map using every attribute, with values a spreadsheet would run as formulas.</summary>
    public static MapDocument Rich() => new(
        [
            new MapDocumentActor("a1", "Kela")
            {
                Kind = ActorKind.Organisation, Sector = Sector.Public, Levels = Level.Strategy | Level.ServicePath,
                RoleNow = ParticipationRole.Locomotive, RoleWanted = ParticipationRole.StrongParticipant,
                Organisation = "Kansaneläkelaitos", ContactPerson = "Maija Meikäläinen", Email = "maija@kela.example",
                Phone = "+358 40 123 4567", Website = "https://kela.example", Tags = ["etuudet", "nuoret"], Notes = "Rivi 1\nRivi 2, \"lainaus\"",
            },
            new MapDocumentActor("a2", "=HYPERLINK(\"http://evil.example\")")
            {
                Kind = ActorKind.Unit, Sector = Sector.ThirdSector, Levels = Level.CustomerInterface, Notes = "@SUM(A1)", Tags = ["-1"],
            },
            new MapDocumentActor("a3", "Karjalan Kone Oy") { Kind = ActorKind.Person, Sector = Sector.Private },
        ],
        [
            new MapDocumentLink("a1", "a2")
            {
                Key = "l1", Strength = LinkStrength.Strong, Marks = LinkMark.AgreedRoles | LinkMark.Contracts,
                Kinds = ["asiakasohjaukset", "rahoitus"], Levels = Level.Strategy, Directed = true, Notes = "+ sovittu",
            },
            new MapDocumentLink("a3", "a1") { Key = "l2", Strength = LinkStrength.Weak, Marks = LinkMark.AdHocContact },
        ]);

    public static MapFileContent Read(byte[] bytes, string fileName, MapImportLimits? limits = null) =>
        MapFileReader.Read(new MemoryStream(bytes), fileName, limits);

    public static MapFileContent ReadText(string text, string fileName, MapImportLimits? limits = null) =>
        Read(Encoding.UTF8.GetBytes(text), fileName, limits);

    public static string FileName(MapFileFormat format) => format switch
    {
        MapFileFormat.Csv => "map.zip",
        MapFileFormat.Xlsx => "map.xlsx",
        MapFileFormat.GraphMl => "map.graphml",
        _ => "map.gexf",
    };

    /// <summary>Validation errors of <paramref name="xml"/> against a committed schema; empty when valid.</summary>
    public static List<string> SchemaErrors(byte[] xml, string schemaFile)
    {
        var schemas = new XmlSchemaSet { XmlResolver = null };
        using (var reader = XmlReader.Create(Fixture(Path.Combine("Schemas", schemaFile)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            schemas.Add(null, reader);
        }
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var validating = XmlReader.Create(new MemoryStream(xml), settings);
        while (validating.Read())
        {
        }
        return errors;
    }
}
