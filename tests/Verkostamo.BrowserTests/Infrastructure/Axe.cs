using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Verkostamo.BrowserTests.Infrastructure;

/// <summary>Scans the current page with axe-core against WCAG 2.0 and 2.1, levels A and AA.</summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Fails the test with every violation (rule, impact, help and the offending elements) when there is any.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            // Only violations are reported in full; passes keep one node per rule. Serialising every passing
            // node of a large page back to the test was most of a scan's time.
            ResultTypes = [ResultType.Violations],
        };
        // axe's default run scans the page in parts and then merges the parts in a new blank page of a new browser
        // context, with axe injected a second time: built for cross-origin frames, which the app has none of. The
        // legacy run is the same axe.run over the same document and rules, in the page itself, and costs a
        // fraction of the processor time.
#pragma warning disable CS0618 // The legacy run is marked as a last resort; see above for why it fits here.
        var result = await page.RunAxeLegacy(options: options);
#pragma warning restore CS0618
        // A scan that checked nothing (axe blocked, empty page) must not pass as "no violations".
        Assert.True(result.Passes.Length > 0, $"axe checked no rules on {page.Url}; the scan did not run on real content.");
        if (result.Violations.Length == 0)
        {
            return;
        }
        var report = new StringBuilder();
        report.Append("axe found ").Append(result.Violations.Length).Append(" WCAG 2.1 A/AA violation(s) on ").AppendLine(page.Url);
        foreach (var violation in result.Violations)
        {
            report.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help)
                .Append(' ').AppendLine(violation.HelpUrl);
            foreach (var node in violation.Nodes)
            {
                report.Append("    at ").Append(node.Target).Append("  ").AppendLine(node.Html);
                // "any" checks fail only when all of them fail; "all" and "none" checks fail one by one.
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    report.Append("       ").AppendLine(check.Message?.ReplaceLineEndings(" "));
                }
            }
        }
        Assert.Fail(report.ToString());
    }
}
