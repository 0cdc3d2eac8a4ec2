using Ganss.Xss;
using Markdig;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Turns answer text (Markdown) into safe HTML. Raw HTML in the source is escaped by Markdig, and the
/// result passes an allow-list sanitizer as a second line of defence (no scripts, no event handlers,
/// only http(s) and mailto links).
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // Answers are text: no pictures (tracking pixels), no form controls, no page styling.
        sanitizer.AllowedTags.ExceptWith(["img", "form", "input", "button", "textarea", "select"]);
        sanitizer.AllowedAttributes.ExceptWith(["style", "class", "id"]);
        // Links written by network members open normally but never hand the opener to another site.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
