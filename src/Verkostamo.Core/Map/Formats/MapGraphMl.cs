using System.Xml;
using System.Xml.Linq;

namespace Verkostamo.Core.Map.Formats;

/// <summary>
/// GraphML (graphml.graphdrawing.org): node ids are actor keys, attributes are keys by attr.name (as networkx and Gephi
/// write them), a link's direction is its edge's directed attribute or the graph's edgedefault.
/// </summary>
internal static class MapGraphMl
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const string Part = "graphml";

    public static void Read(byte[] bytes, MapDocumentBuilder builder, MapImportLimits limits)
    {
        if (SafeXml.Load(bytes, Part, builder, limits) is not { Root: { } root })
        {
            return;
        }
        var ns = root.Name.Namespace;
        if (root.Name.LocalName != "graphml")
        {
            builder.Error(MapFileCodes.XmlInvalid, new MapFileLocation(Part, SafeXml.Line(root)), root.Name.LocalName);
            return;
        }
        // Keys by id: the attribute name they stand for, whom they are for, and their default.
        var keys = root.Elements(ns + "key").Select(k => new
        {
            Id = SafeXml.Attr(k, "id") ?? "",
            Name = SafeXml.Attr(k, "attr.name") ?? SafeXml.Attr(k, "id") ?? "",
            For = SafeXml.Attr(k, "for") ?? "all",
            Default = k.Element(ns + "default")?.Value,
        }).GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.First());
        var graph = root.Element(ns + "graph");
        if (graph is null)
        {
            builder.Error(MapFileCodes.XmlInvalid, new MapFileLocation(Part, SafeXml.Line(root)), "graph");
            return;
        }
        var edgeDefault = SafeXml.Attr(graph, "edgedefault") == "directed";

        List<KeyValuePair<string, string?>> Fields(XElement element, string kind)
        {
            var fields = keys.Values.Where(k => k.Default is not null && (k.For == kind || k.For == "all"))
                .ToDictionary(k => k.Name, k => k.Default);
            foreach (var data in element.Elements(ns + "data"))
            {
                var key = SafeXml.Attr(data, "key") ?? "";
                fields[keys.TryGetValue(key, out var k) ? k.Name : key] = data.Value;
            }
            return [.. fields];
        }

        foreach (var node in graph.Elements(ns + "node"))
        {
            if (builder.Full)
            {
                return;
            }
            var id = SafeXml.Attr(node, "id");
            var fields = Fields(node, "node");
            fields.RemoveAll(f => MapFileFields.Canonical(f.Key) == MapFileFields.Id);
            fields.Insert(0, new(MapFileFields.Id, id));
            builder.AddActor(new MapFileLocation(Part, SafeXml.Line(node), id), fields);
        }
        foreach (var edge in graph.Elements(ns + "edge"))
        {
            if (builder.Full)
            {
                return;
            }
            var id = SafeXml.Attr(edge, "id");
            var fields = Fields(edge, "edge");
            var ends = new[] { MapFileFields.Id, MapFileFields.Source, MapFileFields.Target, MapFileFields.Directed };
            var directedData = fields.FirstOrDefault(f => MapFileFields.Canonical(f.Key) == MapFileFields.Directed).Value;
            fields.RemoveAll(f => ends.Contains(MapFileFields.Canonical(f.Key)));
            fields.Insert(0, new(MapFileFields.Id, id));
            fields.Insert(1, new(MapFileFields.Source, SafeXml.Attr(edge, "source")));
            fields.Insert(2, new(MapFileFields.Target, SafeXml.Attr(edge, "target")));
            var directed = SafeXml.Attr(edge, "directed") ?? directedData ?? (edgeDefault ? "true" : "false");
            fields.Add(new(MapFileFields.Directed, directed));
            builder.AddLink(new MapFileLocation(Part, SafeXml.Line(edge), id), fields);
        }
    }

    private static readonly string[] ActorKeys = [.. MapFileFields.ActorColumns.Where(c => c != MapFileFields.Id)];
    private static readonly string[] LinkKeys = [.. MapFileFields.LinkColumns.Where(c => c is not (MapFileFields.Id or MapFileFields.Source or MapFileFields.Target or MapFileFields.Directed))];

    public static byte[] Write(MapDocument map)
    {
        XNamespace g = Namespace;
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var root = new XElement(g + "graphml",
            new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XAttribute(xsi + "schemaLocation", Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
        // Key ids carry the element kind because actors and links share attribute names (levels, notes).
        foreach (var name in ActorKeys)
        {
            root.Add(Key(g, "n_" + name, "node", name));
        }
        foreach (var name in LinkKeys)
        {
            root.Add(Key(g, "e_" + name, "edge", name));
        }
        var graph = new XElement(g + "graph", new XAttribute("id", "G"), new XAttribute("edgedefault", "undirected"));
        root.Add(graph);
        foreach (var actor in map.Actors)
        {
            var values = MapFileFields.ActorValues(actor);
            var node = new XElement(g + "node", new XAttribute("id", actor.Key));
            for (var i = 1; i < values.Count; i++)
            {
                node.Add(new XElement(g + "data", new XAttribute("key", "n_" + MapFileFields.ActorColumns[i]), values[i]));
            }
            graph.Add(node);
        }
        foreach (var link in map.Links)
        {
            var values = MapFileFields.LinkValues(link);
            var edge = new XElement(g + "edge");
            if (link.Key is not null)
            {
                edge.Add(new XAttribute("id", link.Key));
            }
            edge.Add(new XAttribute("source", link.SourceKey), new XAttribute("target", link.TargetKey));
            if (link.Directed)
            {
                edge.Add(new XAttribute("directed", "true"));
            }
            for (var i = 0; i < values.Count; i++)
            {
                var column = MapFileFields.LinkColumns[i];
                if (LinkKeys.Contains(column))
                {
                    edge.Add(new XElement(g + "data", new XAttribute("key", "e_" + column), values[i]));
                }
            }
            graph.Add(edge);
        }
        return Save(new XDocument(new XDeclaration("1.0", "UTF-8", null), root));
    }

    private static XElement Key(XNamespace g, string id, string kind, string name) =>
        new(g + "key", new XAttribute("id", id), new XAttribute("for", kind), new XAttribute("attr.name", name), new XAttribute("attr.type", "string"));

    internal static byte[] Save(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, SafeXml.WriterSettings))
        {
            document.Save(writer);
        }
        return buffer.ToArray();
    }
}
