using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Exports;
using Verkostamo.Features.Analysis;
using Verkostamo.Features.Api;
using Verkostamo.Features.AnnualClock;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Exports;

public static class ExportEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/networks/{id}/exports/{format}</c>: the network as a file, for anyone who can read it. <c>view</c> picks the
    /// saved map view that positions the map; <c>sections</c> (repeated) picks the workbook sections, all visible ones when absent.
    /// </summary>
    public static void MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/networks/{networkId:guid}/exports/{format}", async (Guid networkId, string format, string? view, string[]? sections,
                ClaimsPrincipal user, ExportService exports, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await exports.ExportAsync(networkId, user.UserId(), format, ExportWords.For(l), Options(view, sections), ct) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : Results.NotFound())
            .WithTags("Exports")
            .RequireAuthorization(NetworkPolicies.Viewer);
    }

    /// <summary>The choices from a query string; a view id that is not a GUID means no view, like an unknown one.</summary>
    public static ExportOptions Options(string? view, IReadOnlyCollection<string>? sections) =>
        new(Guid.TryParse(view, out var id) ? id : null, sections is { Count: > 0 } ? sections : null);
}

/// <summary>The documents' words from the resources, in the network's language rather than the reader's.</summary>
public static class ExportWords
{
    public static Func<string, ExportTexts> For(IStringLocalizer<SharedResource> l) => language =>
    {
        var ui = CultureInfo.GetCultureInfo(language is "sv" or "en" ? language : "fi");
        var format = CultureInfo.GetCultureInfo(ExportContent.CultureOf(language));
        T In<T>(Func<T> read)
        {
            var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
            try
            {
                return read();
            }
            finally
            {
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (previousUi, previous);
            }
        }
        return new ExportTexts(key => In(() => l[key].Value), insight => In(() => InsightText.Format(insight, l)), In(() => ClockEndpoints.Texts(l)));
    };
}
