namespace Verkostamo.Core.Exports;

/// <summary>A paragraph laid out on a slide: a block heading, a bulleted item or plain text.</summary>
internal sealed record FlowParagraph(string Text, FlowKind Kind);

internal enum FlowKind
{
    Heading,
    Bullet,
    Plain,
}

/// <summary>
/// Splits paragraphs into pages of a slide's size, estimating lines from characters per line, so a long answer flows
/// onto continuation slides instead of running off the slide. A paragraph longer than a page is cut between words.
/// </summary>
internal static class TextFlow
{
    public static List<List<FlowParagraph>> Pages(IEnumerable<FlowParagraph> paragraphs, int charsPerLine, int linesPerPage)
    {
        var pages = new List<List<FlowParagraph>>();
        var page = new List<FlowParagraph>();
        var used = 0;
        foreach (var paragraph in paragraphs.SelectMany(p => Cut(p, charsPerLine, linesPerPage)))
        {
            var lines = Lines(paragraph.Text, charsPerLine);
            // A heading never ends a page: it moves on with the first line after it.
            var needed = paragraph.Kind == FlowKind.Heading ? lines + 1 : lines;
            if (page.Count > 0 && used + needed > linesPerPage)
            {
                pages.Add(page);
                page = [];
                used = 0;
            }
            page.Add(paragraph);
            used += lines;
        }
        if (page.Count > 0)
        {
            pages.Add(page);
        }
        return pages;
    }

    public static int Lines(string text, int charsPerLine) => Math.Max(1, (text.Length + charsPerLine - 1) / charsPerLine);

    private static IEnumerable<FlowParagraph> Cut(FlowParagraph paragraph, int charsPerLine, int linesPerPage)
    {
        var max = charsPerLine * (linesPerPage - 1);
        var text = paragraph.Text;
        while (text.Length > max)
        {
            var cut = text.LastIndexOf(' ', max);
            if (cut <= max / 2)
            {
                cut = max;
            }
            yield return paragraph with { Text = text[..cut].TrimEnd() };
            text = text[cut..].TrimStart();
            // The rest of a cut item continues it: no second bullet.
            paragraph = paragraph with { Kind = FlowKind.Plain };
        }
        yield return paragraph with { Text = text };
    }
}
