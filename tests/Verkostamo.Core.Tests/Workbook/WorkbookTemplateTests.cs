using System.Text;
using System.Text.Json;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Tests.Workbook;

public class WorkbookTemplateTests
{
    private static readonly string[] ExpectedKeys =
    [
        "cover", "definition", "picture", "boundaries-levels", "strong-weak-links", "development-cycle", "leadership", "roles",
        "knowing-trust-commitment", "learning-cycle", "learning-phases-clock", "ways-of-working", "coordination-facilitation",
        "evaluation", "themes",
    ];

    private static WorkbookTemplate Template => WorkbookTemplate.Current;

    public static TheoryData<string> AllLanguages() => ["fi", "sv", "en"];

    public static TheoryData<string> Translations() => ["sv", "en"];

    [Fact]
    public void The_embedded_template_loads_once_with_a_version()
    {
        Assert.NotNull(Template);
        Assert.Same(Template, WorkbookTemplate.Current);
        Assert.True(Template.Version >= 1, $"Version is {Template.Version}.");
        Assert.Equal(["fi", "sv", "en"], WorkbookTemplate.Languages);
    }

    [Fact]
    public void Sections_are_the_workbook_sections_in_order()
    {
        var keys = Template.Sections.Select(s => s.Key).ToList();

        Assert.Equal(ExpectedKeys, keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());

        var part1 = Template.Part1.ToList();
        Assert.Equal(ExpectedKeys[1..^1], part1.Select(s => s.Key));
        Assert.Equal(Enumerable.Range(1, 13), part1.Select(s => s.Number));

        var cover = Template.Sections[0];
        var themes = Template.Sections[^1];
        Assert.Equal((0, 0, FrameworkKind.Cover, false), (cover.Part, cover.Number, cover.Framework, cover.HasAnswerBlocks));
        Assert.Equal((2, 0, FrameworkKind.Themes, false), (themes.Part, themes.Number, themes.Framework, themes.HasAnswerBlocks));
        Assert.All(part1, s => Assert.True(s.HasAnswerBlocks, s.Key));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_section_has_complete_texts(string language)
    {
        var problems = new List<string>();
        foreach (var section in Template.Sections)
        {
            if (!section.Texts.TryGetValue(language, out var texts))
            {
                problems.Add($"{section.Key}: no texts");
                continue;
            }
            foreach (var (path, value) in Strings(texts))
            {
                if (value is null)
                {
                    continue;
                }
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{section.Key}.{path} is empty");
                }
                else if (value.Trim() != value)
                {
                    problems.Add($"{section.Key}.{path} is not trimmed: '{value}'");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translations_have_exactly_the_shape_of_the_finnish_texts(string language)
    {
        foreach (var section in Template.Sections)
        {
            var finnish = Shape(section.Key, section.Texts["fi"]);
            var translated = Shape(section.Key, Assert.Contains(language, section.Texts));

            Assert.Equal(finnish, translated);
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translated_titles_differ_from_the_finnish_ones(string language)
    {
        var untranslated = Template.Sections
            .Where(s => s.Texts.TryGetValue(language, out var texts) && texts.Title == s.Texts["fi"].Title)
            .Select(s => s.Key);

        Assert.Empty(untranslated);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_drawn_framework_has_content(string language)
    {
        var undrawn = new[] { FrameworkKind.None, FrameworkKind.Cover, FrameworkKind.Themes };
        var missing = Template.Sections
            .Where(s => !undrawn.Contains(s.Framework))
            .Where(s => !s.Texts.TryGetValue(language, out var texts) || texts.Framework is null)
            .Select(s => s.Key);

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Frameworks_have_the_parts_their_drawing_needs(string language)
    {
        var sectors = Drawing(FrameworkKind.SectorLevelMatrix, language);
        Assert.Equal(3, sectors.Columns.Count);
        Assert.Equal(5, sectors.Rows.Count);
        Assert.All(sectors.Rows, r => Assert.NotNull(r.Text));

        var links = Drawing(FrameworkKind.StrongWeakLinks, language);
        Assert.Equal([5, 7], links.Groups.Select(g => g.Items.Count));

        var cycle = Drawing(FrameworkKind.DevelopmentCycle, language);
        Assert.Equal(4, cycle.Rows.Count);
        Assert.NotEmpty(cycle.Centre);

        var leadership = Drawing(FrameworkKind.LeadershipMatrix, language);
        Assert.Equal(4, leadership.Groups.Count);
        Assert.Equal(4, leadership.Axes.Count);

        var roles = Drawing(FrameworkKind.Roles, language);
        Assert.Equal(4, roles.Rows.Count);

        var core = Drawing(FrameworkKind.KnowingTrustCommitment, language);
        Assert.Equal(3, core.Columns.Count);
        Assert.Equal(4, core.Rows.Count);

        var ways = Drawing(FrameworkKind.WaysOfWorking, language);
        Assert.Equal(3, ways.Columns.Count);
        Assert.Equal(4, ways.Rows.Count);
        var dialogue = Assert.Single(ways.Groups, g => g.Attribution == "isaacs-1999");
        Assert.Equal(4, dialogue.Items.Count);

        foreach (var table in new[] { core, ways })
        {
            Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Cells.Count));
        }

        var coordination = Drawing(FrameworkKind.CoordinationFacilitation, language);
        Assert.Equal(2, coordination.Groups.Count);
    }

    [Fact]
    public void Every_cited_attribution_exists_in_every_language()
    {
        var cited = Template.Sections
            .SelectMany(s => s.Attributions.Concat(s.Texts.Values
                .SelectMany(t => t.Framework?.Groups ?? [])
                .Select(g => g.Attribution)
                .OfType<string>()))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(cited);
        foreach (var id in cited)
        {
            var texts = Assert.Contains(id, Template.Attributions);
            foreach (var language in WorkbookTemplate.Languages)
            {
                var text = Assert.Contains(language, texts);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{id} is empty in {language}.");
            }
            Assert.NotEqual(texts["fi"], texts["sv"]);
            Assert.NotEqual(texts["fi"], texts["en"]);
        }
    }

    [Fact]
    public void Sections_cite_their_sources()
    {
        var framed = Template.Part1.Where(s => s.Number is >= 3 and <= 13).ToList();
        Assert.Equal(11, framed.Count);
        Assert.All(framed, s => Assert.Contains("jarvensivu-2019", s.Attributions));

        var ways = Template.Find("ways-of-working");
        Assert.NotNull(ways);
        Assert.Contains("kaner-2007", ways.Attributions);
        Assert.Contains("isaacs-1999", ways.Attributions);

        Assert.Contains("kasvupok-2021", Template.Sections[0].Attributions);
    }

    [Fact]
    public void Texts_and_attributions_resolve_by_language_and_fall_back_to_finnish()
    {
        var roles = Template.Find("roles");
        Assert.NotNull(roles);

        Assert.Equal(roles.Texts["sv"].Title, roles.For("sv").Title);
        Assert.Equal(roles.Texts["fi"].Title, roles.For("de").Title);
        Assert.Equal(Template.Attributions["kaner-2007"]["en"], Template.Attribution("kaner-2007", "en"));
        Assert.Equal(Template.Attributions["kaner-2007"]["fi"], Template.Attribution("kaner-2007", "de"));
        Assert.Equal("no-such-source", Template.Attribution("no-such-source", "fi"));
        Assert.Null(Template.Find("no-such-section"));
    }

    [Fact]
    public void Parse_reads_kebab_case_kinds()
    {
        var template = Parse("""{ "version": 2, "sections": [{ "key": "x", "framework": "sector-level-matrix", "fields": "learning-phases" }] }""");

        Assert.Equal(2, template.Version);
        var section = Assert.Single(template.Sections);
        Assert.Equal(FrameworkKind.SectorLevelMatrix, section.Framework);
        Assert.Equal(SectionFieldsKind.LearningPhases, section.Fields);
        Assert.True(section.HasAnswerBlocks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{ "version": 1, "sections": [""")]
    [InlineData("""{ "version": "one" }""")]
    [InlineData("""{ "sections": [{ "key": "x", "framework": "no-such-kind" }] }""")]
    [InlineData("""{ "sections": [{ "key": "x", "texts": { "fi": "Otsikko" } }] }""")]
    public void Parse_refuses_malformed_json(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void Parse_refuses_an_empty_document() =>
        Assert.Throws<InvalidDataException>(() => Parse("null"));

    private static WorkbookTemplate Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return WorkbookTemplate.Parse(stream);
    }

    private static FrameworkContent Drawing(FrameworkKind kind, string language)
    {
        var section = Assert.Single(Template.Sections, s => s.Framework == kind);
        var texts = Assert.Contains(language, section.Texts);
        Assert.NotNull(texts.Framework);
        return texts.Framework;
    }

    /// <summary>Every text of a section with its path; optional texts that are absent come with a null value.</summary>
    private static IEnumerable<(string Path, string? Value)> Strings(SectionTexts texts)
    {
        yield return ("title", texts.Title);
        yield return ("question", texts.Question);
        yield return ("intro", texts.Intro);
        yield return ("explanation", texts.Explanation);
        yield return ("keySolutionsLabel", texts.KeySolutionsLabel);
        yield return ("nextStepsLabel", texts.NextStepsLabel);
        yield return ("responsibilitiesLabel", texts.ResponsibilitiesLabel);
        if (texts.Framework is not { } framework)
        {
            yield break;
        }
        yield return ("framework.title", framework.Title);
        yield return ("framework.subtitle", framework.Subtitle);
        yield return ("framework.note", framework.Note);
        foreach (var (i, column) in framework.Columns.Index())
        {
            yield return ($"framework.columns[{i}]", column);
        }
        foreach (var (i, row) in framework.Rows.Index())
        {
            yield return ($"framework.rows[{i}].title", row.Title);
            yield return ($"framework.rows[{i}].text", row.Text);
            foreach (var (j, cell) in row.Cells.Index())
            {
                yield return ($"framework.rows[{i}].cells[{j}]", cell);
            }
        }
        foreach (var (i, group) in framework.Groups.Index())
        {
            yield return ($"framework.groups[{i}].title", group.Title);
            yield return ($"framework.groups[{i}].text", group.Text);
            foreach (var (j, item) in group.Items.Index())
            {
                yield return ($"framework.groups[{i}].items[{j}]", item);
            }
        }
        foreach (var (i, word) in framework.Centre.Index())
        {
            yield return ($"framework.centre[{i}]", word);
        }
        foreach (var (i, axis) in framework.Axes.Index())
        {
            yield return ($"framework.axes[{i}]", axis);
        }
    }

    /// <summary>
    /// The structure of a section's texts without their wording: which texts are present, how many of each
    /// list there are, and the parts that are not translated (numbered row titles, group attributions).
    /// </summary>
    private static List<string> Shape(string key, SectionTexts texts)
    {
        var shape = Strings(texts).Select(s => $"{key}.{s.Path}{(s.Value is null ? " (absent)" : "")}").ToList();
        if (texts.Framework is not { } framework)
        {
            shape.Add($"{key}.framework (absent)");
            return shape;
        }
        shape.AddRange(framework.Rows.Index()
            .Where(r => r.Item.Title.All(char.IsAsciiDigit))
            .Select(r => $"{key}.framework.rows[{r.Index}].title = {r.Item.Title}"));
        shape.AddRange(framework.Groups.Index()
            .Select(g => $"{key}.framework.groups[{g.Index}].attribution = {g.Item.Attribution ?? "(none)"}"));
        return shape;
    }
}
