using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Common;
using Verkostamo.Core.Map.Formats;
using Verkostamo.Core.Map.Import;
using Verkostamo.Features.Api;
using Verkostamo.Features.Map.ImportExport;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Map;

/// <summary>A file message as the API gives it: the stable code, the words, and where.</summary>
public sealed record MapFileMessageDto(string Code, string Message, string? Part, int? Line, string? Element, string? Detail, int Count);

public sealed record ImportPreviewDto(
    string Format, bool Applied, bool CanApply, int ActorsAdded, int ActorsUpdated, int ActorsUnchanged, int LinksAdded, int LinksUpdated, int LinksUnchanged,
    IReadOnlyList<ImportActorChange> Actors, IReadOnlyList<ImportLinkChange> Links, IReadOnlyList<MapFileMessageDto> Warnings, IReadOnlyList<MapFileMessageDto> Errors)
{
    public static ImportPreviewDto Of(MapImportPreview p, bool applied, IStringLocalizer<SharedResource> l) => new(
        p.Format.ToString().ToLowerInvariant(), applied, p.CanApply, p.ActorsAdded, p.ActorsUpdated, p.ActorsUnchanged, p.LinksAdded, p.LinksUpdated, p.LinksUnchanged,
        [.. p.Actors.Where(a => a.Change != ImportChange.Unchanged)], [.. p.Links.Where(a => a.Change != ImportChange.Unchanged)],
        [.. p.Warnings.Select(m => Dto(m, l))], [.. p.Errors.Select(m => Dto(m, l))]);

    private static MapFileMessageDto Dto(MapFileMessage m, IStringLocalizer<SharedResource> l) =>
        new(m.Code, MapFileTexts.Message(m, l), m.At?.Part, m.At?.Line, m.At?.Element, m.Detail, m.Count);
}

public static class MapFilesApi
{
    public static void MapMapFilesApi(this RouteGroupBuilder api)
    {
        var map = api.MapGroup("/networks/{networkId:guid}/map").WithTags("Map files");
        // A multipart upload with a bearer token: no cookie form, so no antiforgery token either.
        map.MapPost("/import", async (Guid networkId, IFormFile file, bool? dryRun, ClaimsPrincipal user, MapImportService import,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var result = dryRun == true
                    ? await import.PreviewAsync(networkId, user.UserId(), stream, file.FileName, ct)
                    : await import.ApplyAsync(networkId, user.UserId(), stream, file.FileName, ct);
                if (result.Value is { CanApply: false } invalid)
                {
                    var dto = ImportPreviewDto.Of(invalid, false, l);
                    return TypedResults.Problem(title: dto.Errors[0].Message, statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["code"] = MapImportService.ImportInvalid, ["errors"] = dto.Errors, ["warnings"] = dto.Warnings });
                }
                return result.Succeeded ? TypedResults.Ok(ImportPreviewDto.Of(result.Value!, dryRun != true, l)) : ApiResults.Problem(result.ErrorCode!, l);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportPreviewDto>()
            .DisableAntiforgery()
            .RequireAuthorization(NetworkPolicies.Facilitator)
            .RequireRateLimiting(RateLimits.Imports);
        map.MapGet("/export/{format}", async (Guid networkId, string format, ClaimsPrincipal user, MapExportService export, CancellationToken ct) =>
                MapFileWriter.Parse(format) is { } f && await export.ExportAsync(networkId, user.UserId(), f, ct) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : Results.NotFound())
            .RequireAuthorization(NetworkPolicies.Viewer);
    }
}
