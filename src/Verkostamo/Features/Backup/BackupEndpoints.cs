using System.IO.Compression;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Backup;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Backup;

/// <summary>What an import made: the new network, and how much of each kind it holds.</summary>
public sealed record BackupImportResponse(Guid Id, BackupSummary Summary);

public static class BackupEndpoints
{
    public static void MapBackupApi(this RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Backup");
        networks.MapGet("/{networkId:guid}/backup", async (Guid networkId, string? format, HttpContext context, NetworkBackupService backup, CancellationToken ct) =>
            {
                var fileName = await backup.FileNameAsync(networkId, ct);
                if (string.Equals(format, "zip", StringComparison.OrdinalIgnoreCase))
                {
                    var zip = await BackupFiles.ZipAsync(backup, networkId, Path.GetFileName(fileName), ct);
                    return zip is null ? Results.NotFound() : TypedResults.File(zip, "application/zip", Path.ChangeExtension(fileName, ".zip"));
                }
                // Streamed straight to the client: the document is never held whole in memory.
                return TypedResults.Stream(stream => backup.WriteAsync(networkId, stream, context.RequestAborted), "application/json", fileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .RequireAuthorization(NetworkPolicies.Owner);

        // A multipart upload with a bearer token: no cookie form, so no antiforgery token either. Any signed-in
        // user may import: the new network is theirs alone.
        networks.MapPost("/import", async Task<Results<Created<BackupImportResponse>, ProblemHttpResult>> (IFormFile file, ClaimsPrincipal user, NetworkBackupService backup, BackupImportLimits limits,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                BackupReadResult read;
                await using (var stream = file.OpenReadStream())
                {
                    read = await BackupFileReader.ReadAsync(stream, limits, ct);
                }
                if (read.Payload is not { } payload)
                {
                    return Problem(read.ErrorCode!, l, limits);
                }
                var summary = BackupSummary.Of(payload);
                var imported = await backup.ImportAsync(payload, new BackupImportOptions(user.UserId(), RestoreMembers: false), ct);
                return imported.Value is { } done
                    ? TypedResults.Created($"/api/v1/networks/{done.NetworkId}", new BackupImportResponse(done.NetworkId, summary))
                    : Problem(imported.ErrorCode!, l, limits);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<BackupImportResponse>(StatusCodes.Status201Created)
            .DisableAntiforgery()
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.Imports);
    }

    private static ProblemHttpResult Problem(string code, IStringLocalizer<SharedResource> l, BackupImportLimits limits) =>
        TypedResults.Problem(title: BackupFiles.Message(code, l, limits), statusCode: code == BackupErrors.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["code"] = code });
}

/// <summary>Backup files as the host hands them out and takes them in.</summary>
public static class BackupFiles
{
    public static string Message(string code, IStringLocalizer<SharedResource> l, BackupImportLimits limits) =>
        l["Backup.Error." + code, limits.MaxBytes / (1024 * 1024)];

    /// <summary>The backup zipped in a temporary file that is deleted when the returned stream closes.</summary>
    public static async Task<Stream?> ZipAsync(NetworkBackupService backup, Guid networkId, string entryName, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "verkostamo-zip-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            bool written;
            await using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                await using var entry = await archive.CreateEntry(entryName, CompressionLevel.Optimal).OpenAsync(ct);
                written = await backup.WriteAsync(networkId, entry, ct);
            }
            if (!written)
            {
                await file.DisposeAsync();
                return null;
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
