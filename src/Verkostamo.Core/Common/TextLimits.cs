namespace Verkostamo.Core.Common;

/// <summary>Caps on user text, enforced in Core and mirrored as maxlength in forms.</summary>
public static class TextLimits
{
    public const int Name = 120;
    public const int ShortText = 200;
    public const int Description = 4000;
    public const int Email = 256;
    public const int Message = 4000;

    /// <summary>Workbook answer texts: key solutions, responsibilities, goals, notes (Markdown).</summary>
    public const int Answer = 4000;

    /// <summary>A step's or a section's title.</summary>
    public const int Title = 200;

    /// <summary>A guiding question.</summary>
    public const int Question = 1000;
}
