using System.Globalization;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Analysis;
using Verkostamo.Resources;

namespace Verkostamo.Features.Analysis;

/// <summary>Turns a finding into a sentence: resource <c>Analysis.Insight.{Code}</c> (or <c>….One</c> for a count of one).</summary>
public static class InsightText
{
    /// <summary>The sections whose pages show findings (3, 4 and 7); section 2's findings stay on the analysis page.</summary>
    public static readonly IReadOnlySet<string> SectionsWithInsights = new HashSet<string>(StringComparer.Ordinal)
    {
        InsightSections.BoundariesLevels, InsightSections.StrongWeakLinks, InsightSections.Roles,
    };

    public static string Format(Insight insight, IStringLocalizer<SharedResource> l)
    {
        var key = "Analysis.Insight." + insight.Code;
        var one = l[key + ".One"];
        var template = insight.Count == 1 && !one.ResourceNotFound ? one.Value : l[key].Value;
        var sector = insight.Sector is { } s ? l["Analysis.SectorIn." + s].Value : "";
        var names = string.Join(", ", insight.Actors) + (insight.Count > insight.Actors.Count ? " …" : "");
        return string.Format(CultureInfo.CurrentCulture, template, insight.Count, insight.Other,
            insight.Share.ToString("P0", CultureInfo.CurrentCulture), sector, names, insight.Share.ToString("0.00", CultureInfo.CurrentCulture));
    }

    public static string SectionLink(Guid networkId, string key) => $"/networks/{networkId}/workbook/{key}";
}
