using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verkostamo.Core.Workbook.Template;
using Verkostamo.Features.Workbook.Frameworks;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Workbook;

/// <summary>
/// Every section's framework is drawn in HTML and SVG from the template, in every language the template has:
/// nothing of the content is lost, no picture is an image, every SVG has its text alternative, and the
/// network's own data (current phase, phase names, leadership dots) shows in more than colour.
/// </summary>
public sealed partial class FrameworkViewTests
{
    private static readonly Dictionary<FrameworkKind, string> KindClasses = new()
    {
        [FrameworkKind.NetworkPicture] = "network-picture",
        [FrameworkKind.SectorLevelMatrix] = "sector-level-matrix",
        [FrameworkKind.StrongWeakLinks] = "strong-weak-links",
        [FrameworkKind.DevelopmentCycle] = "development-cycle",
        [FrameworkKind.LeadershipMatrix] = "leadership-matrix",
        [FrameworkKind.Roles] = "roles",
        [FrameworkKind.KnowingTrustCommitment] = "knowing-trust-commitment",
        [FrameworkKind.LearningCycle] = "learning-cycle",
        [FrameworkKind.LearningPhasesClock] = "learning-phases-clock",
        [FrameworkKind.WaysOfWorking] = "ways-of-working",
        [FrameworkKind.CoordinationFacilitation] = "coordination-facilitation",
        [FrameworkKind.EvaluationFrame] = "evaluation-frame",
    };

    private static WorkbookTemplate Template => WorkbookTemplate.Current;

    /// <summary>Every section in every language its texts exist in (Swedish and English once the template has them).</summary>
    public static TheoryData<string, string> SectionsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var section in Template.Sections)
        {
            foreach (var language in WorkbookTemplate.Languages.Where(section.Texts.ContainsKey))
            {
                data.Add(section.Key, language);
            }
        }
        return data;
    }

    public static TheoryData<string> LanguagesOf(string key) =>
        [.. WorkbookTemplate.Languages.Where(Template.Find(key)!.Texts.ContainsKey)];

    public static TheoryData<string> DevelopmentCycleLanguages() => LanguagesOf("development-cycle");

    public static TheoryData<string> ClockLanguages() => LanguagesOf("learning-phases-clock");

    public static TheoryData<string> LeadershipLanguages() => LanguagesOf("leadership");

    [Fact]
    public void Every_kind_of_drawing_is_covered_by_a_section_of_the_template()
    {
        var used = Template.Sections.Select(s => s.Framework).ToHashSet();
        Assert.All(KindClasses.Keys, kind => Assert.Contains(kind, used));
    }

    [Theory]
    [MemberData(nameof(SectionsAndLanguages))]
    public async Task A_framework_shows_all_its_content_natively_with_text_alternatives(string key, string language)
    {
        var section = Template.Find(key)!;
        var html = await RenderAsync(language, new() { ["Section"] = section, ["Language"] = language });

        if (!KindClasses.TryGetValue(section.Framework, out var kindClass))
        {
            Assert.True(string.IsNullOrWhiteSpace(html), $"{key} has no drawing here, yet rendered: {html}");
            return;
        }

        var content = section.For(language).Framework!;
        var text = Texts.Decoded(html);
        Assert.StartsWith($"<figure class=\"framework framework--{kindClass}\" lang=\"{language}\">", html.Trim(), StringComparison.Ordinal);
        var caption = Regex.Match(html, "<figcaption[^>]*>(.*?)</figcaption>", RegexOptions.Singleline);
        Assert.True(caption.Success, "The figure has no caption.");
        Assert.Contains(content.Title, Texts.Decoded(caption.Groups[1].Value), StringComparison.Ordinal);

        var missing = ContentStrings(content).Where(s => !text.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{key} ({language}) does not show: {string.Join(" | ", missing)}");

        var attribution = Regex.Match(html, "<p class=\"framework__attribution\">(.*?)</p>", RegexOptions.Singleline);
        Assert.Equal(section.Attributions.Count > 0, attribution.Success);
        foreach (var id in section.Attributions)
        {
            Assert.Contains(Template.Attribution(id, language), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        AssertEverySvgHasATextAlternative(html);
        AssertSvgNumbersUseADecimalPoint(html);
        AssertIdsAreUniqueAndReferencesResolve(html);
        AssertKindSpecifics(section.Framework, content, html, language);
    }

    [Theory]
    [MemberData(nameof(DevelopmentCycleLanguages))]
    public async Task The_current_phase_is_marked_in_words_and_outline_not_by_colour_alone(string language)
    {
        var section = Template.Find("development-cycle")!;
        var phases = section.For(language).Framework!.Rows.Select(r => r.Title).ToList();
        var marker = Texts.Get("Framework.CurrentMarker", language);

        var html = await RenderAsync(language, new() { ["Section"] = section, ["Language"] = language, ["CurrentPhase"] = 3 });

        Assert.Single(Regex.Matches(html, "aria-current=\"step\""));
        var item = Regex.Match(html, "<li aria-current=\"step\">(.*?)</li>", RegexOptions.Singleline);
        Assert.True(item.Success);
        Assert.Contains(phases[2], Texts.Decoded(item.Value), StringComparison.Ordinal);
        Assert.Contains(marker, Texts.Decoded(item.Value), StringComparison.Ordinal);

        Assert.Single(Regex.Matches(html, "is-current"));
        var node = html[html.IndexOf("framework__node is-current", StringComparison.Ordinal)..];
        node = node[..node.IndexOf("</svg>", StringComparison.Ordinal)];
        var next = node.IndexOf("class=\"framework__node\"", StringComparison.Ordinal);
        node = next < 0 ? node : node[..next];
        Assert.Contains(">3</text>", node, StringComparison.Ordinal);
        Assert.Contains(marker, Texts.Decoded(node), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(5)]
    public async Task Without_a_valid_current_phase_nothing_is_marked(int? phase)
    {
        var html = await RenderAsync("fi", new() { ["Section"] = Template.Find("development-cycle")!, ["Language"] = "fi", ["CurrentPhase"] = phase });

        Assert.DoesNotContain("aria-current", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is-current", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get("Framework.CurrentMarker", "fi"), Texts.Decoded(html), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClockLanguages))]
    public async Task The_annual_wheel_shows_the_networks_own_phase_names_instead_of_the_default(string language)
    {
        string[] names = ["Kartoitus & kuuntelu", "Kokeilut", "Yhteinen arviointi", "Juhla ja lepo"];
        var defaults = Template.Find("development-cycle")!.For(language).Framework!.Rows.Select(r => r.Title).ToList();

        var html = await RenderAsync(language, new() { ["Section"] = Template.Find("learning-phases-clock")!, ["Language"] = language, ["PhaseNames"] = names });

        var alternative = Texts.Decoded(Regex.Match(html, "<div class=\"framework__alt\">(.*?)</div>", RegexOptions.Singleline).Value);
        Assert.All(names, name => Assert.Contains(name, alternative, StringComparison.Ordinal));
        Assert.All(defaults, name => Assert.DoesNotContain(name, Texts.Decoded(html), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_phase_name_falls_back_to_the_default_of_its_quarter()
    {
        var defaults = Template.Find("development-cycle")!.For("fi").Framework!.Rows.Select(r => r.Title).ToList();

        var html = await RenderAsync("fi", new() { ["Section"] = Template.Find("learning-phases-clock")!, ["Language"] = "fi", ["PhaseNames"] = new[] { "Kartoitus", " " } });

        var items = Regex.Matches(html, "<li>(.*?)</li>", RegexOptions.Singleline).Select(m => Texts.Decoded(m.Groups[1].Value)).ToList();
        Assert.Equal(4, items.Count);
        Assert.StartsWith("Kartoitus (", items[0], StringComparison.Ordinal);
        Assert.StartsWith(defaults[1] + " (", items[1], StringComparison.Ordinal);
        Assert.StartsWith(defaults[3] + " (", items[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LeadershipLanguages))]
    public async Task Leadership_dots_are_drawn_as_distinct_shapes_and_listed_in_a_table(string language)
    {
        LeadershipDot[] dots =
        [
            new(5, 1, false, "Kunta & kumppanit"),
            new(2, 4, true, "Yhdistys"),
            new(5, 1, true, "Kunta & kumppanit"),
            new(9, 0, false, "Rajojen yli"),
        ];

        var html = await RenderAsync(language, new() { ["Section"] = Template.Find("leadership")!, ["Language"] = language, ["Dots"] = dots });

        var start = html.IndexOf("<div class=\"framework__dot-cell", StringComparison.Ordinal);
        var end = html.IndexOf("<ul class=\"framework__legend\"", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "The dots or their legend are missing.");
        var layer = html[start..end];

        Assert.Equal(4, Regex.Count(layer, "<span class=\"framework__dot framework__dot--"));
        Assert.Equal(2, Regex.Count(layer, "<span class=\"framework__dot framework__dot--now\">"));
        Assert.Equal(2, Regex.Count(layer, "<span class=\"framework__dot framework__dot--wanted\">"));
        // Shape as well as colour: circles for now, diamonds for wanted.
        Assert.Equal(2, Regex.Count(layer, "<circle class=\"framework__dot-shape\""));
        Assert.Equal(2, Regex.Count(layer, "<path class=\"framework__dot-shape\""));
        var titles = Regex.Matches(layer, "<title>(.*?)</title>").Select(m => Texts.Decoded(m.Groups[1].Value)).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Contains("Kunta & kumppanit", titles[0], StringComparison.Ordinal);

        // Goal 5 and shared 1 is the top-left position; values outside 1..5 stay on the frame; dots sharing a
        // position share its cell instead of covering each other.
        var cells = Regex.Matches(layer, "<div class=\"framework__dot-cell ([^\"]+)\" aria-hidden=\"true\">(.*?)</div>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        Assert.Equal(2, cells.Count);
        var topLeft = cells["framework__dot-cell--g5 framework__dot-cell--s1"];
        Assert.Equal(3, Regex.Count(topLeft, "<span class=\"framework__dot "));
        Assert.Equal(1, Regex.Count(topLeft, "framework__dot--wanted"));
        var lowerRight = cells["framework__dot-cell--g2 framework__dot-cell--s4"];
        Assert.Contains("framework__dot--wanted", lowerRight, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Framework.Wanted", language), Texts.Decoded(lowerRight), StringComparison.Ordinal);

        var legend = Texts.Decoded(html[end..html.IndexOf("</ul>", end, StringComparison.Ordinal)]);
        Assert.Contains(Texts.Get("Framework.Now", language), legend, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Framework.Wanted", language), legend, StringComparison.Ordinal);

        var rows = Regex.Matches(html, "<tr class=\"framework__dot-row\">(.*?)</tr>", RegexOptions.Singleline).Select(m => Texts.Decoded(m.Groups[1].Value)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("<th scope=\"row\">Yhdistys</th>", rows[1], StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Framework.Wanted", language), rows[1], StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", rows[1], StringComparison.Ordinal);
        Assert.Contains("<td>4</td>", rows[1], StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Framework.Now", language), rows[3], StringComparison.Ordinal);
        AssertIdsAreUniqueAndReferencesResolve(html);
    }

    [Fact]
    public async Task Without_dots_the_leadership_frame_has_no_dot_layer_or_table()
    {
        var html = await RenderAsync("fi", new() { ["Section"] = Template.Find("leadership")!, ["Language"] = "fi", ["Dots"] = Array.Empty<LeadershipDot>() });

        Assert.DoesNotContain("framework__dot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("framework__plane--dots", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_the_template_does_not_have_yet_falls_back_to_finnish_and_says_so()
    {
        var section = new SectionTemplate
        {
            Key = "only-finnish",
            Framework = FrameworkKind.CoordinationFacilitation,
            Texts = new Dictionary<string, SectionTexts> { ["fi"] = Template.Find("coordination-facilitation")!.For("fi") },
        };

        var html = await RenderAsync("en", new() { ["Section"] = section, ["Language"] = "en" });

        Assert.Contains("lang=\"fi\"", html, StringComparison.Ordinal);
        Assert.Contains(section.For("fi").Framework!.Groups[0].Title, Texts.Decoded(html), StringComparison.Ordinal);
    }

    private static void AssertKindSpecifics(FrameworkKind kind, FrameworkContent content, string html, string language)
    {
        var text = Texts.Decoded(html);
        switch (kind)
        {
            case FrameworkKind.SectorLevelMatrix or FrameworkKind.KnowingTrustCommitment or FrameworkKind.WaysOfWorking:
                Assert.Single(Regex.Matches(html, "<table"));
                Assert.Equal(content.Columns.Count, Regex.Count(html, "<th scope=\"col\">"));
                Assert.Equal(content.Rows.Count, Regex.Count(html, "<th scope=\"row\"[^>]*>"));
                if (kind == FrameworkKind.SectorLevelMatrix)
                {
                    Assert.Equal(content.Rows.Count * content.Columns.Count, Regex.Count(html, "class=\"framework__crossing\""));
                    Assert.Contains(Texts.Get("Framework.CrossesSilos", language), text, StringComparison.Ordinal);
                }
                if (kind == FrameworkKind.WaysOfWorking)
                {
                    var steps = content.Groups.Sum(g => g.Items.Count);
                    Assert.Equal(steps, Regex.Count(html, "<li class=\"framework__step framework__step--"));
                    foreach (var id in content.Groups.Select(g => g.Attribution).OfType<string>())
                    {
                        Assert.Matches($"<p class=\"framework__group-source\">{Regex.Escape(Template.Attribution(id, language))}</p>", text);
                    }
                }
                break;
            case FrameworkKind.DevelopmentCycle or FrameworkKind.LearningCycle:
                Assert.Equal(content.Rows.Count, Regex.Count(html, "<g class=\"framework__node\">"));
                Assert.Equal(content.Rows.Count, Regex.Count(html, "class=\"framework__arrow-head\""));
                Assert.Equal(content.Rows.Count, AlternativeItems(html).Count(i => content.Rows.Any(r => r.Title == i)));
                break;
            case FrameworkKind.LearningPhasesClock:
                var defaults = Template.Find("development-cycle")!.For(language).Framework!.Rows.Select(r => r.Title).ToList();
                var items = AlternativeItems(html);
                Assert.Equal(4, items.Count);
                Assert.All(defaults.Zip(items), pair => Assert.StartsWith(pair.First + " (", pair.Second, StringComparison.Ordinal));
                var culture = CultureInfo.GetCultureInfo(language).DateTimeFormat;
                Assert.All(culture.AbbreviatedMonthNames.Take(12), month => Assert.Contains($">{month.TrimEnd('.')}</text>", text, StringComparison.Ordinal));
                Assert.Contains(culture.MonthNames[0], items[0], StringComparison.Ordinal);
                Assert.Contains(culture.MonthNames[11], items[3], StringComparison.Ordinal);
                break;
            case FrameworkKind.LeadershipMatrix:
                Assert.Equal(4, Regex.Count(html, "<div class=\"framework__quadrant framework__quadrant--[1-4]\" role=\"listitem\">"));
                // Each quadrant names its place on both axes in words, not only by where it is drawn.
                Assert.Contains(Texts.Get("Framework.QuadrantPosition", language, content.Axes[0], content.Axes[2]), text, StringComparison.Ordinal);
                Assert.Contains(Texts.Get("Framework.QuadrantPosition", language, content.Axes[1], content.Axes[3]), text, StringComparison.Ordinal);
                break;
            case FrameworkKind.Roles:
                Assert.Contains(Texts.Get("Framework.RolesOrder", language), text, StringComparison.Ordinal);
                var positions = content.Rows.Select(r => text.IndexOf(r.Title, StringComparison.Ordinal)).ToList();
                Assert.Equal(positions.Order(), positions);
                Assert.Equal(content.Rows.Count, Regex.Count(html, "<span class=\"framework__meter\" aria-hidden=\"true\">"));
                break;
            case FrameworkKind.StrongWeakLinks:
                Assert.Contains("framework__link-group--weak", html, StringComparison.Ordinal);
                Assert.Contains("framework__link-group--strong", html, StringComparison.Ordinal);
                Assert.True(text.IndexOf(content.Groups[0].Title, StringComparison.Ordinal) < text.IndexOf(content.Note!, StringComparison.Ordinal)
                    && text.IndexOf(content.Note!, StringComparison.Ordinal) < text.IndexOf(content.Groups[1].Title, StringComparison.Ordinal),
                    "The note belongs between the weak and the strong column.");
                break;
            case FrameworkKind.EvaluationFrame:
                Assert.Equal(content.Groups.Count, Regex.Count(html, "<li class=\"framework__flow-step\">"));
                Assert.Equal(content.Groups.Count - 1, Regex.Count(html, "class=\"framework__flow-arrow\""));
                break;
            case FrameworkKind.NetworkPicture:
                Assert.Equal(content.Groups.Count, Regex.Count(html, "<li class=\"framework__card\">"));
                break;
            case FrameworkKind.CoordinationFacilitation:
                Assert.Equal(content.Groups.Count, Regex.Count(html, "<div class=\"framework__pair-part\">"));
                break;
        }
    }

    /// <summary>
    /// One rule for all drawings: every SVG is hidden from assistive technology (or is an image with a name), and
    /// an SVG that carries words has the same words as HTML: a text alternative or the table of dots.
    /// </summary>
    private static void AssertEverySvgHasATextAlternative(string html)
    {
        foreach (Match svg in SvgRegex().Matches(html))
        {
            var tag = svg.Value[..svg.Value.IndexOf('>', StringComparison.Ordinal)];
            var hidden = tag.Contains("aria-hidden=\"true\"", StringComparison.Ordinal);
            var named = tag.Contains("role=\"img\"", StringComparison.Ordinal)
                && (tag.Contains("aria-label=\"", StringComparison.Ordinal) || tag.Contains("aria-labelledby=\"", StringComparison.Ordinal));
            Assert.True(hidden || named, $"An SVG without a text alternative: {tag}>");
            if (hidden && svg.Value.Contains("<text", StringComparison.Ordinal) && !svg.Value.Contains("framework__dot-number", StringComparison.Ordinal))
            {
                Assert.Contains("<div class=\"framework__alt\">", html, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The UI culture may write decimals with a comma; SVG geometry must not.</summary>
    private static void AssertSvgNumbersUseADecimalPoint(string html)
    {
        foreach (Match svg in SvgRegex().Matches(html))
        {
            var bad = Regex.Matches(svg.Value, "\\s[a-zA-Z-]+=\"[^\"]*\\d,\\d[^\"]*\"").Select(m => m.Value).ToList();
            Assert.True(bad.Count == 0, "Comma decimals in SVG attributes: " + string.Join(" ", bad));
        }
    }

    private static void AssertIdsAreUniqueAndReferencesResolve(string html)
    {
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (Match reference in Regex.Matches(html, "aria-labelledby=\"([^\"]+)\""))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }
        // A region that scrolls can be reached and is named.
        foreach (Match region in Regex.Matches(html, "<div class=\"framework__scroll\"[^>]*>"))
        {
            Assert.Contains("tabindex=\"0\"", region.Value, StringComparison.Ordinal);
            Assert.Contains("role=\"region\"", region.Value, StringComparison.Ordinal);
            Assert.Contains("aria-labelledby=\"", region.Value, StringComparison.Ordinal);
        }
    }

    private static List<string> AlternativeItems(string html)
    {
        var alternative = Regex.Match(html, "<div class=\"framework__alt\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(alternative.Success, "The drawing has no text alternative.");
        var list = Regex.Match(alternative.Value, "<ol class=\"framework__alt-list\">(.*?)</ol>", RegexOptions.Singleline);
        return [.. Regex.Matches(list.Value, "<li[^>]*>(.*?)</li>", RegexOptions.Singleline).Select(m => Texts.Decoded(m.Groups[1].Value).Trim())];
    }

    private static IEnumerable<string> ContentStrings(FrameworkContent content) =>
        new[] { content.Title, content.Subtitle, content.Note }
            .Concat(content.Columns).Concat(content.Axes).Concat(content.Centre)
            .Concat(content.Rows.SelectMany(r => new[] { r.Title, r.Text }.Concat(r.Cells)))
            .Concat(content.Groups.SelectMany(g => new[] { g.Title, g.Text }.Concat(g.Items)))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!);

    /// <summary>Renders the view as the host would for a request in <paramref name="language"/> (culture and UI culture).</summary>
    private static async Task<string> RenderAsync(string language, Dictionary<string, object?> parameters)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        await using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FrameworkView>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgRegex();
}
