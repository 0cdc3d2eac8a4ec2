using Microsoft.Extensions.Primitives;
using Verkostamo.Core.Assessments;

namespace Verkostamo.Features.Assessments;

/// <summary>
/// Reads a posted answer form. Field names carry the question's key ("v:instrument/item", "t:instrument/item"),
/// so a form built from the round's own questions needs no model class per instrument; Core checks every key.
/// </summary>
public static class AnswerFields
{
    public const string ValuePrefix = "v:";
    public const string TextPrefix = "t:";

    /// <summary>The answers, or null when a value is not a number at all (the form was tampered with).</summary>
    public static AnswerSet? Read(IFormCollection form)
    {
        var set = new AnswerSet();
        foreach (var (name, values) in form)
        {
            if (name.StartsWith(ValuePrefix, StringComparison.Ordinal))
            {
                if (Single(values) is not { } raw || !int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }
                set.Values[name[ValuePrefix.Length..]] = value;
            }
            else if (name.StartsWith(TextPrefix, StringComparison.Ordinal))
            {
                if (Single(values) is not { } text)
                {
                    return null;
                }
                set.Texts[name[TextPrefix.Length..]] = text;
            }
        }
        return set;
    }

    public static bool Complete(IFormCollection form) => form["Complete"] == "true";

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;
}
