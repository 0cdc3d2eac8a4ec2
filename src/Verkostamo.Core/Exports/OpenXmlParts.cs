using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Verkostamo.Core.Exports;

/// <summary>Helpers shared by the writers: XML escaping that also drops characters XML cannot hold, and feeding a part its XML.</summary>
internal static class OpenXmlParts
{
    public const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string P = "http://schemas.openxmlformats.org/presentationml/2006/main";

    /// <summary>Text for an element or attribute: escaped, with control characters (which XML 1.0 forbids) removed.</summary>
    public static string X(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\t': sb.Append(' '); break;
                case '\n' or '\r': sb.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c >= 0x20 && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF')
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    public static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(stream);
    }

    public static PartTypeInfo ImageType(string contentType) => contentType == "image/png" ? ImagePartType.Png : ImagePartType.Jpeg;
}
