using System.Text.Json;

namespace Verkostamo.Core.Analysis;

/// <summary>
/// The analysis as the <c>analyze</c> verb prints it:
/// <c>{"nodes":N,"edges":M,"density":…,"components":…,"actors":{"&lt;id&gt;":{"degree":…,"degreeCentrality":…,
/// "betweenness":…,"closeness":…,"eigenvector":…,"clustering":…,"community":…}}}</c>, with each actor's
/// "brokerage" when the graph has sectors. Numbers are written in full (round-trip) precision so they can
/// be compared with other tools; "eigenvectorScope" says how eigenvector values were obtained.
/// </summary>
public static class AnalysisJson
{
    public static void Write(NetworkAnalysis analysis, Stream output, bool indented = false)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteNumber("nodes", analysis.Nodes);
        json.WriteNumber("edges", analysis.Edges);
        json.WriteNumber("density", analysis.Density);
        json.WriteNumber("components", analysis.Components);
        WriteNullable(json, "modularity", analysis.Modularity);
        json.WriteString("eigenvectorScope", JsonNamingPolicy.CamelCase.ConvertName(analysis.Eigenvector.ToString()));
        json.WriteStartObject("actors");
        foreach (var a in analysis.Actors)
        {
            json.WriteStartObject(a.Id);
            json.WriteNumber("degree", a.Degree);
            json.WriteNumber("degreeCentrality", a.DegreeCentrality);
            json.WriteNumber("betweenness", a.Betweenness);
            json.WriteNumber("closeness", a.Closeness);
            WriteNullable(json, "eigenvector", a.Eigenvector);
            json.WriteNumber("clustering", a.Clustering);
            json.WriteNumber("community", a.Community);
            if (a.Brokerage is { } b)
            {
                json.WriteStartObject("brokerage");
                json.WriteNumber("coordinator", b.Coordinator);
                json.WriteNumber("consultant", b.Consultant);
                json.WriteNumber("representative", b.Representative);
                json.WriteNumber("gatekeeper", b.Gatekeeper);
                json.WriteNumber("liaison", b.Liaison);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string ToJson(NetworkAnalysis analysis, bool indented = false)
    {
        using var buffer = new MemoryStream();
        Write(analysis, buffer, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
