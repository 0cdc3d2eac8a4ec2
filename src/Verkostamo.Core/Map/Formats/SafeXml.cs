using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Verkostamo.Core.Map.Formats;

/// <summary>
/// Loads an uploaded XML file with every door shut: no DTD (so no entity expansion bombs and no external entities),
/// no resolver, a cap on characters, UTF-8 checked before parsing. Problems become errors with a line number.
/// </summary>
internal static partial class SafeXml
{
    public static XmlReaderSettings Settings(MapImportLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredEncoding();

    [GeneratedRegex("<!DOCTYPE", RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();

    public static XDocument? Load(byte[] bytes, string part, MapDocumentBuilder builder, MapImportLimits limits)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF');
        var declared = DeclaredEncoding().Match(head) is { Success: true } m ? m.Groups[1].Value.Trim().ToLowerInvariant() : "utf-8";
        var utf16 = bytes.Length > 1 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        if (!utf16)
        {
            if (declared is not ("utf-8" or "utf8" or "us-ascii" or "ascii"))
            {
                builder.Error(MapFileCodes.EncodingUnsupported, new MapFileLocation(part, 1), declared);
                return null;
            }
            if (MapFileReader.Utf8Text(bytes, part, builder) is null)
            {
                return null;
            }
        }
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings(limits));
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var at = new MapFileLocation(part, ex.LineNumber > 0 ? ex.LineNumber : null);
            if (Doctype().IsMatch(Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024))))
            {
                builder.Error(MapFileCodes.DtdProhibited, at);
            }
            else
            {
                builder.Error(MapFileCodes.XmlInvalid, at, ex.Message);
            }
            return null;
        }
    }

    public static int? Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    public static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    public static XmlWriterSettings WriterSettings => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
    };
}
