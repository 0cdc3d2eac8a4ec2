using Microsoft.Extensions.Localization;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Resources;

namespace Verkostamo.Features.Map.ImportExport;

/// <summary>A file message in the user's language: what is wrong, then where (file or sheet, row, id).</summary>
public static class MapFileTexts
{
    public static string Message(MapFileMessage message, IStringLocalizer<SharedResource> l)
    {
        var detail = message.Detail ?? "";
        if (message.Code == MapFileCodes.ValueInvalid && l["Error." + detail] is { ResourceNotFound: false } rule)
        {
            detail = rule.Value;
        }
        var text = l["MapFiles.Code." + message.Code, detail].Value;
        if (message.At is { } at)
        {
            var where = new List<string>();
            if (at.Part is { } part)
            {
                where.Add(part);
            }
            if (at.Line is { } line)
            {
                where.Add(l["MapFiles.At.Line", line]);
            }
            if (at.Element is { } element)
            {
                where.Add(l["MapFiles.At.Element", element]);
            }
            if (where.Count > 0)
            {
                text = $"{string.Join(", ", where)}: {text}";
            }
        }
        return message.Count > 1 ? $"{text} {l["MapFiles.At.Count", message.Count]}" : text;
    }
}
