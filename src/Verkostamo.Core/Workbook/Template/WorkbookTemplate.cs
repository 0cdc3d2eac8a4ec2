using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verkostamo.Core.Workbook.Template;

/// <summary>
/// The workbook template: every section of the original workbook as data, in Finnish, Swedish and English.
/// Loaded once from the embedded <c>workbook-template.json</c>; networks copy its section list when their
/// workbook is created and record <see cref="Version"/>.
/// </summary>
public sealed class WorkbookTemplate
{
    public const string ResourceName = "Verkostamo.Core.Workbook.Template.workbook-template.json";
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "en"];

    private static readonly Lazy<WorkbookTemplate> Embedded = new(LoadEmbedded);

    public int Version { get; init; }
    public IReadOnlyList<SectionTemplate> Sections { get; init; } = [];

    /// <summary>Attribution lines by id (e.g. <c>jarvensivu-2019</c>), each in every language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Attributions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public static WorkbookTemplate Current => Embedded.Value;

    public SectionTemplate? Find(string key) => Sections.FirstOrDefault(s => s.Key == key);

    /// <summary>The sections of part 1, in template order (no cover, no themes).</summary>
    public IEnumerable<SectionTemplate> Part1 => Sections.Where(s => s.Part == 1);

    public string Attribution(string id, string language) =>
        Attributions.TryGetValue(id, out var texts) ? Localized(texts, language) : id;

    internal static string Localized(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) ? text : texts.TryGetValue("fi", out var fi) ? fi : "";

    public static WorkbookTemplate Parse(Stream json) =>
        JsonSerializer.Deserialize<WorkbookTemplate>(json, JsonOptions) ?? throw new InvalidDataException("The workbook template is empty.");

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static WorkbookTemplate LoadEmbedded()
    {
        using var stream = typeof(WorkbookTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The workbook template resource is missing from the build.");
        return Parse(stream);
    }
}

/// <summary>How a section's framework is drawn; each kind has its own native HTML/SVG rendering.</summary>
public enum FrameworkKind
{
    None,
    Cover,
    NetworkPicture,
    SectorLevelMatrix,
    StrongWeakLinks,
    DevelopmentCycle,
    LeadershipMatrix,
    Roles,
    KnowingTrustCommitment,
    LearningCycle,
    LearningPhasesClock,
    WaysOfWorking,
    CoordinationFacilitation,
    EvaluationFrame,
    Themes,
}

/// <summary>Fields a section records besides the three common answer blocks.</summary>
public enum SectionFieldsKind
{
    None,
    Cover,
    Definition,
    DevelopmentPhase,
    Leadership,
    Roles,
    LearningPhases,
}

public sealed class SectionTemplate
{
    public string Key { get; init; } = "";

    /// <summary>The section's number in part 1 (1–13); 0 for the cover and the themes.</summary>
    public int Number { get; init; }

    /// <summary>0 = cover, 1 = structures and ways of working, 2 = themes.</summary>
    public int Part { get; init; }

    public FrameworkKind Framework { get; init; }
    public SectionFieldsKind Fields { get; init; }

    /// <summary>Whether the three answer blocks (key solutions, next steps, responsibilities) belong here.</summary>
    public bool HasAnswerBlocks { get; init; } = true;

    public IReadOnlyList<string> Attributions { get; init; } = [];
    public IReadOnlyDictionary<string, SectionTexts> Texts { get; init; } = new Dictionary<string, SectionTexts>();

    public SectionTexts For(string language) =>
        Texts.TryGetValue(language, out var t) ? t : Texts["fi"];
}

/// <summary>A section's texts in one language.</summary>
public sealed class SectionTexts
{
    public string Title { get; init; } = "";

    /// <summary>The guiding question the answer blocks respond to.</summary>
    public string Question { get; init; } = "";

    /// <summary>The lead sentence that opens the section (the slide's headline).</summary>
    public string Intro { get; init; } = "";

    /// <summary>Explanatory text under the framework, in plain paragraphs.</summary>
    public string? Explanation { get; init; }

    /// <summary>Block headings that differ from the common ones in this section.</summary>
    public string? KeySolutionsLabel { get; init; }
    public string? NextStepsLabel { get; init; }
    public string? ResponsibilitiesLabel { get; init; }

    public FrameworkContent? Framework { get; init; }
}

/// <summary>
/// The content of a framework drawing. One shape serves every kind: a kind uses the parts it needs
/// (a table uses columns and rows, a list frame uses groups, a cycle uses steps and centre).
/// </summary>
public sealed class FrameworkContent
{
    public string Title { get; init; } = "";
    public string? Subtitle { get; init; }

    /// <summary>Column headings (table columns, matrix sectors, axis ends).</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Rows: a title, an optional text, and cells under the columns.</summary>
    public IReadOnlyList<FrameworkItem> Rows { get; init; } = [];

    /// <summary>Titled lists (strong/weak marks, coordination/facilitation, dialogue steps, quadrants).</summary>
    public IReadOnlyList<FrameworkGroup> Groups { get; init; } = [];

    /// <summary>Words in the centre of a cycle.</summary>
    public IReadOnlyList<string> Centre { get; init; } = [];

    /// <summary>A note that sits between or under the parts.</summary>
    public string? Note { get; init; }

    /// <summary>Axis names of a two-dimensional frame: [vertical high, vertical low, horizontal left, horizontal right].</summary>
    public IReadOnlyList<string> Axes { get; init; } = [];
}

public sealed class FrameworkItem
{
    public string Title { get; init; } = "";
    public string? Text { get; init; }
    public IReadOnlyList<string> Cells { get; init; } = [];
}

public sealed class FrameworkGroup
{
    public string Title { get; init; } = "";
    public string? Text { get; init; }
    public IReadOnlyList<string> Items { get; init; } = [];
    public string? Attribution { get; init; }
}
