using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Verkostamo.Cli;

namespace Verkostamo.Web.Tests.Cli;

/// <summary>
/// The <c>analyze FILE</c> verb on files written by networkx (Cli/Fixtures/make_analyze_fixtures.py), checked against
/// networkx's own metrics of the same graph.
/// </summary>
public class AnalyzeCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Cli", "Fixtures", name);

    private static async Task<(int Code, string Output, string Error)> RunAsync(IDictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliRunner.RunAsync(["analyze", .. args], output, error, TextReader.Null,
            config => config.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("karate.graphml", true)]
    [InlineData("karate.gexf", true)]
    [InlineData("karate-edges.csv", false)]
    public async Task Metrics_of_a_networkx_file_equal_networkx(string file, bool hasSectors)
    {
        var (code, output, error) = await RunAsync(null, Fixture(file));

        Assert.True(code == CliRunner.Ok, error);
        using var actual = JsonDocument.Parse(output);
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Fixture("karate-expected.json")));
        var a = actual.RootElement;
        var e = expected.RootElement;
        Assert.Equal(e.GetProperty("nodes").GetInt32(), a.GetProperty("nodes").GetInt32());
        Assert.Equal(e.GetProperty("edges").GetInt32(), a.GetProperty("edges").GetInt32());
        Assert.Equal(e.GetProperty("components").GetInt32(), a.GetProperty("components").GetInt32());
        Assert.Equal(e.GetProperty("density").GetDouble(), a.GetProperty("density").GetDouble(), 1e-9);
        var actors = a.GetProperty("actors");
        foreach (var node in e.GetProperty("actors").EnumerateObject())
        {
            var mine = actors.GetProperty(node.Name);
            Assert.Equal(node.Value.GetProperty("degree").GetInt32(), mine.GetProperty("degree").GetInt32());
            foreach (var metric in new[] { "degreeCentrality", "betweenness", "closeness", "clustering" })
            {
                Assert.True(Math.Abs(node.Value.GetProperty(metric).GetDouble() - mine.GetProperty(metric).GetDouble()) <= 1e-9, $"{node.Name} {metric}");
            }
            Assert.True(Math.Abs(node.Value.GetProperty("eigenvector").GetDouble() - mine.GetProperty("eigenvector").GetDouble()) <= 1e-6, $"{node.Name} eigenvector");
            Assert.Equal(JsonValueKind.Number, mine.GetProperty("community").ValueKind);
            Assert.Equal(hasSectors, mine.TryGetProperty("brokerage", out _));
        }
    }

    [Fact]
    public async Task Help_needs_no_file()
    {
        var (code, output, _) = await RunAsync(null, "--help");
        Assert.Equal(CliRunner.Ok, code);
        Assert.Contains("analyze FILE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_file_exits_with_2_and_says_why()
    {
        var path = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.graphml");
        await File.WriteAllTextAsync(path, """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="&xxe;"/></graph></graphml>
            """);
        try
        {
            var (code, output, error) = await RunAsync(null, path);
            Assert.Equal(CliRunner.Usage, code);
            Assert.Empty(output);
            Assert.Contains("DtdProhibited", error, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_graph_over_the_configured_limit_is_refused_with_the_limit_named()
    {
        var (code, output, error) = await RunAsync(new Dictionary<string, string?> { ["Verkostamo:Analysis:MaxActors"] = "20" }, Fixture("karate.graphml"));
        Assert.Equal(CliRunner.Usage, code);
        Assert.Empty(output);
        Assert.Contains("the limit is 20 (Verkostamo:Analysis:MaxActors)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-file.graphml")]
    [InlineData("--strength", "sideways", "karate.graphml")]
    public async Task Bad_arguments_exit_with_2(params string[] args)
    {
        var (code, _, error) = await RunAsync(null, args);
        Assert.Equal(CliRunner.Usage, code);
        Assert.StartsWith("analyze:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strong_links_only_are_analysed_on_request()
    {
        var (code, output, error) = await RunAsync(null, "--strength", "strong", Fixture("karate.graphml"));
        Assert.True(code == CliRunner.Ok, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(34, doc.RootElement.GetProperty("nodes").GetInt32());
        Assert.True(doc.RootElement.GetProperty("edges").GetInt32() < 78);
    }
}
