using System.Globalization;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Features.Workbook;

/// <summary>The template language matching the UI language (fi, sv, en; Finnish otherwise).</summary>
public static class WorkbookLanguage
{
    public static string Current
    {
        get
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return WorkbookTemplate.Languages.Contains(language) ? language : "fi";
        }
    }
}
