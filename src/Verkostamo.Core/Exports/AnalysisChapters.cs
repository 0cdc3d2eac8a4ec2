using System.Globalization;
using Verkostamo.Core.Analysis;

namespace Verkostamo.Core.Exports;

/// <summary>The analysis of the live map as a report chapter: the network's figures, the findings in words and the main brokers.</summary>
public sealed class AnalysisChapters(AnalysisService analysis) : IExportChapterSource
{
    private const int TopActors = 10;

    public Task<IReadOnlyList<ExportChapter>> ChaptersAsync(ExportChapterContext context, CancellationToken ct)
    {
        var t = context.Texts;
        if (context.Map.Actors.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ExportChapter>>([]);
        }
        var result = analysis.Analyze(context.Map, StrengthFilter.All, ct: ct);
        if (result.Value is not { } a)
        {
            return Task.FromResult<IReadOnlyList<ExportChapter>>([new ExportChapter(t["Export.Insights"], [t["Export.AnalysisTooLarge"]], [])]);
        }
        var c = CultureInfo.CurrentCulture;
        var figures = new ExportTable(t["Analysis.Figures.Title"], [t["Export.Column.Figure"], t["Export.Column.Value"]],
        [
            [t["Analysis.Figure.Actors"], a.Nodes.ToString(c)],
            [t["Analysis.Figure.Links"], a.Edges.ToString(c)],
            [t["Analysis.Figure.Density"], a.Density.ToString("0.000", c)],
            [t["Analysis.Figure.Components"], a.Components.ToString(c)],
            [t["Analysis.Figure.Communities"], a.Communities.ToString(c)],
            [t["Analysis.Figure.Balance"], t.Format("Analysis.Figure.BalanceValue", a.Balance.Strong, a.Balance.Weak)],
        ]);
        var brokers = new ExportTable(t["Export.TopActors"], [t["Export.Column.Actor"], t["Export.Column.Degree"], t["Export.Column.Betweenness"]],
            [.. a.Actors.OrderByDescending(m => m.Betweenness).ThenByDescending(m => m.Degree).ThenBy(m => m.Name, StringComparer.Ordinal).Take(TopActors)
                .Select(m => (IReadOnlyList<string>)[m.Name, m.Degree.ToString(c), m.Betweenness.ToString("0.000", c)])]);
        var findings = a.Insights.Select(t.Insight).ToList();
        if (findings.Count == 0)
        {
            findings.Add(t["Export.NoInsights"]);
        }
        return Task.FromResult<IReadOnlyList<ExportChapter>>([new ExportChapter(t["Export.Insights"], findings, [figures, brokers])]);
    }
}
