using System.Net;
using System.Xml.Linq;

namespace Verkostamo.Web.Tests.Support;

/// <summary>
/// The UI's own texts, read from the resource files in the repository, so assertions check "the message
/// for this error in this language" rather than a copy of today's wording.
/// </summary>
public static class Texts
{
    public const string ResourceFolder = "src/Verkostamo/Resources";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>The file of a culture: "" is the neutral (Finnish) file, otherwise "sv" or "en".</summary>
    public static string ResxPath(string culture) =>
        Path.Combine(RepositoryRoot, ResourceFolder, culture.Length == 0 || culture == "fi" ? "SharedResource.resx" : $"SharedResource.{culture}.resx");

    public static IReadOnlyDictionary<string, string> Read(string culture) =>
        XDocument.Load(ResxPath(culture)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (fi, sv, en), formatted like IStringLocalizer does.</summary>
    public static string Get(string key, string culture = "fi", params object[] args)
    {
        var value = Read(culture)[key];
        return args.Length == 0 ? value : string.Format(System.Globalization.CultureInfo.GetCultureInfo(culture), value, args);
    }

    /// <summary>A page's text with HTML entities decoded, so messages can be searched for as the user reads them.</summary>
    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verkostamo.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Verkostamo.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
