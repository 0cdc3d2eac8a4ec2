namespace Verkostamo.Core.Workbook;

/// <summary>A network's copy of the workbook template; records the template version it started from.</summary>
public class NetworkWorkbook
{
    public Guid NetworkId { get; set; }
    public int TemplateVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A section of a network's workbook: a template section by its stable key, or a custom one
/// (<c>custom-…</c>). Null texts mean "as in the template". Each editable block has its own
/// concurrency token so that two people editing different blocks never collide.
/// </summary>
public class WorkbookSection
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Key { get; set; } = "";
    public int Order { get; set; }
    public bool Hidden { get; set; }
    public bool IsCustom { get; set; }

    public string? Title { get; set; }
    public string? Question { get; set; }
    public string? Intro { get; set; }
    public Guid TextsVersion { get; set; }

    /// <summary>Section-specific fields (<see cref="SectionFields"/>) as JSON.</summary>
    public string? FieldsJson { get; set; }
    public Guid FieldsVersion { get; set; }

    /// <summary>The responsibilities and schedules block (Markdown).</summary>
    public string Responsibilities { get; set; } = "";
    public Guid ResponsibilitiesVersion { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}

/// <summary>An ordered answer item of a section or a theme: one of "our key solutions and choices" (Markdown).</summary>
public class KeySolution : IAnswerItem
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public Guid? SectionId { get; set; }
    public Guid? ThemeId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}

/// <summary>Part 2 of the workbook: a theme the network works on, with a goal, key solutions and steps.</summary>
public class Theme
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public string Goal { get; set; } = "";
    public Guid Version { get; set; }
    public string Responsibilities { get; set; } = "";
    public Guid ResponsibilitiesVersion { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedByUserId { get; set; }
}

/// <summary>
/// Section 6: where one member places the network on the leadership 2×2, now and wanted.
/// Both axes run 1..5: goal-orientation (5 = goal-oriented) and shared framing (5 = framed jointly bottom-up).
/// </summary>
public class LeadershipPlacement
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string UserId { get; set; } = "";
    public int NowGoal { get; set; }
    public int NowShared { get; set; }
    public int WantedGoal { get; set; }
    public int WantedShared { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
