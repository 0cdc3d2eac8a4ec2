using System.Xml.Linq;

namespace Verkostamo.Core.Map.Formats;

/// <summary>
/// GEXF 1.3 (Gephi's format; 1.2draft and 1.1 read as well): node ids are actor keys, the label is the name, everything
/// else is a static string attribute; a link's direction is its edge type or the graph's defaultedgetype.
/// </summary>
internal static class MapGexf
{
    public const string Namespace = "http://gexf.net/1.3";
    private const string Part = "gexf";

    public static void Read(byte[] bytes, MapDocumentBuilder builder, MapImportLimits limits)
    {
        if (SafeXml.Load(bytes, Part, builder, limits) is not { Root: { } root })
        {
            return;
        }
        var ns = root.Name.Namespace;
        var graph = root.Element(ns + "graph");
        if (root.Name.LocalName != "gexf" || graph is null)
        {
            builder.Error(MapFileCodes.XmlInvalid, new MapFileLocation(Part, SafeXml.Line(root)), "graph");
            return;
        }
        var directedGraph = SafeXml.Attr(graph, "defaultedgetype") == "directed";
        Dictionary<string, (string Title, string? Default)> Attributes(string kind) => graph.Elements(ns + "attributes")
            .Where(a => SafeXml.Attr(a, "class") == kind)
            .SelectMany(a => a.Elements(ns + "attribute"))
            .Select(a => (Id: SafeXml.Attr(a, "id") ?? "", Title: SafeXml.Attr(a, "title") ?? SafeXml.Attr(a, "id") ?? "", Default: a.Element(ns + "default")?.Value))
            .GroupBy(a => a.Id).ToDictionary(g => g.Key, g => (g.First().Title, g.First().Default));
        var nodeAttributes = Attributes("node");
        var edgeAttributes = Attributes("edge");

        List<KeyValuePair<string, string?>> Fields(XElement element, Dictionary<string, (string Title, string? Default)> attributes)
        {
            var fields = attributes.Values.Where(a => a.Default is not null).ToDictionary(a => a.Title, a => a.Default);
            foreach (var value in element.Element(ns + "attvalues")?.Elements(ns + "attvalue") ?? [])
            {
                var key = SafeXml.Attr(value, "for") ?? SafeXml.Attr(value, "id") ?? "";
                fields[attributes.TryGetValue(key, out var a) ? a.Title : key] = SafeXml.Attr(value, "value");
            }
            return [.. fields];
        }

        foreach (var node in graph.Element(ns + "nodes")?.Elements(ns + "node") ?? [])
        {
            if (builder.Full)
            {
                return;
            }
            var id = SafeXml.Attr(node, "id");
            var fields = Fields(node, nodeAttributes);
            fields.RemoveAll(f => MapFileFields.Canonical(f.Key) is MapFileFields.Id or MapFileFields.Name && SafeXml.Attr(node, "label") is not null);
            fields.Insert(0, new(MapFileFields.Id, id));
            if (SafeXml.Attr(node, "label") is { } label)
            {
                fields.Insert(1, new(MapFileFields.Name, label));
            }
            builder.AddActor(new MapFileLocation(Part, SafeXml.Line(node), id), fields);
        }
        foreach (var edge in graph.Element(ns + "edges")?.Elements(ns + "edge") ?? [])
        {
            if (builder.Full)
            {
                return;
            }
            var id = SafeXml.Attr(edge, "id");
            var fields = Fields(edge, edgeAttributes);
            var ends = new[] { MapFileFields.Id, MapFileFields.Source, MapFileFields.Target, MapFileFields.Directed };
            fields.RemoveAll(f => ends.Contains(MapFileFields.Canonical(f.Key)));
            fields.Insert(0, new(MapFileFields.Id, id));
            fields.Insert(1, new(MapFileFields.Source, SafeXml.Attr(edge, "source")));
            fields.Insert(2, new(MapFileFields.Target, SafeXml.Attr(edge, "target")));
            var type = SafeXml.Attr(edge, "type");
            fields.Add(new(MapFileFields.Directed, type is null ? (directedGraph ? "true" : "false") : (type == "directed" ? "true" : "false")));
            builder.AddLink(new MapFileLocation(Part, SafeXml.Line(edge), id), fields);
        }
    }

    private static readonly string[] ActorAttributes = [.. MapFileFields.ActorColumns.Where(c => c is not (MapFileFields.Id or MapFileFields.Name))];
    private static readonly string[] LinkAttributes = [.. MapFileFields.LinkColumns.Where(c => c is not (MapFileFields.Id or MapFileFields.Source or MapFileFields.Target or MapFileFields.Directed))];

    public static byte[] Write(MapDocument map)
    {
        XNamespace g = Namespace;
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var graph = new XElement(g + "graph", new XAttribute("defaultedgetype", "undirected"), new XAttribute("mode", "static"),
            Attributes(g, "node", ActorAttributes), Attributes(g, "edge", LinkAttributes));
        var nodes = new XElement(g + "nodes");
        foreach (var actor in map.Actors)
        {
            var values = MapFileFields.ActorValues(actor);
            nodes.Add(new XElement(g + "node", new XAttribute("id", actor.Key), new XAttribute("label", actor.Name),
                Values(g, MapFileFields.ActorColumns, values, ActorAttributes)));
        }
        var edges = new XElement(g + "edges");
        foreach (var (link, index) in map.Links.Select((l, i) => (l, i)))
        {
            var values = MapFileFields.LinkValues(link);
            // Gephi draws thicker lines for heavier edges: strong links weigh 2, weak 1.
            edges.Add(new XElement(g + "edge", new XAttribute("id", link.Key ?? "e" + index), new XAttribute("source", link.SourceKey),
                new XAttribute("target", link.TargetKey), new XAttribute("type", link.Directed ? "directed" : "undirected"),
                new XAttribute("weight", link.Strength == LinkStrength.Strong ? "2.0" : "1.0"),
                Values(g, MapFileFields.LinkColumns, values, LinkAttributes)));
        }
        graph.Add(nodes, edges);
        var root = new XElement(g + "gexf",
            new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XAttribute(xsi + "schemaLocation", Namespace + " http://gexf.net/1.3/gexf.xsd"),
            new XAttribute("version", "1.3"),
            new XElement(g + "meta", new XElement(g + "creator", "Verkostamo")),
            graph);
        return MapGraphMl.Save(new XDocument(new XDeclaration("1.0", "UTF-8", null), root));
    }

    private static XElement Attributes(XNamespace g, string kind, string[] names) =>
        new(g + "attributes", new XAttribute("class", kind), new XAttribute("mode", "static"),
            names.Select(n => new XElement(g + "attribute", new XAttribute("id", n), new XAttribute("title", n), new XAttribute("type", "string"))));

    private static XElement Values(XNamespace g, IReadOnlyList<string> columns, IReadOnlyList<string> values, string[] written) =>
        new(g + "attvalues", columns.Select((c, i) => (c, v: values[i]))
            .Where(x => written.Contains(x.c) && x.v.Length > 0)
            .Select(x => new XElement(g + "attvalue", new XAttribute("for", x.c), new XAttribute("value", x.v))));
}
