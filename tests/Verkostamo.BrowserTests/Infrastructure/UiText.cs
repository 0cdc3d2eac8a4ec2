using System.Globalization;
using System.Resources;
using Verkostamo.Resources;

namespace Verkostamo.BrowserTests.Infrastructure;

/// <summary>
/// The app's own UI texts, read from its resources, so tests find buttons and headings the way a user
/// does (by visible text) without copying strings that translators may change.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Resources = new("Verkostamo.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Get(string key, string language = "fi") =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language))
        ?? throw new KeyNotFoundException($"No UI text '{key}' in the app's resources.");

    public static string Format(string key, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo("fi"), Get(key), args);
}
