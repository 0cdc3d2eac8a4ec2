using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Analysis;
using Verkostamo.Core.Common;
using Verkostamo.Features.Api;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Analysis;

/// <summary>An analysis still running in the background: poll again, or cancel.</summary>
public sealed record AnalysisProgress(string Status, int Percent);

public static class AnalysisApi
{
    public static void MapAnalysisApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/networks/{networkId:guid}/analysis").WithTags("Analysis");
        // version and strength are strings on purpose: "current" stands for the live map, and a typed Guid
        // parameter would both refuse it and break the OpenAPI document.
        group.MapGet("/", async (Guid networkId, string? version, string? strength, ClaimsPrincipal user, AnalysisJobs jobs,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ParseStrength(strength) is not { } filter
                ? (IResult)BadStrength(l)
                : Answer(await jobs.RunAsync(networkId, user.UserId(), version ?? "current", filter, ct), jobs, l))
            .RequireAuthorization(NetworkPolicies.Viewer);
        group.MapPost("/cancel", (Guid networkId, string? version, string? strength, AnalysisJobs jobs, IStringLocalizer<SharedResource> l) =>
            ParseStrength(strength) is not { } filter ? (IResult)BadStrength(l)
                : jobs.Cancel(networkId, version ?? "current", filter) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequireAuthorization(NetworkPolicies.Viewer);
        group.MapGet("/versions", async (Guid networkId, ClaimsPrincipal user, AnalysisService analyses, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await analyses.CompareVersionsAsync(networkId, user.UserId(), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
    }

    /// <summary>all, strong or weak (any case); missing means all; anything else is null.</summary>
    public static StrengthFilter? ParseStrength(string? strength) =>
        string.IsNullOrEmpty(strength) ? StrengthFilter.All
        : Enum.TryParse<StrengthFilter>(strength, true, out var f) && Enum.IsDefined(f) && !int.TryParse(strength, out _) ? f : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadStrength(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(title: l["Analysis.Error.Strength"], statusCode: StatusCodes.Status400BadRequest);

    private static IResult Answer(AnalysisRun run, AnalysisJobs jobs, IStringLocalizer<SharedResource> l) => run switch
    {
        { Result: { } result } => TypedResults.Ok(result),
        { Percent: { } percent } => TypedResults.Accepted((string?)null, new AnalysisProgress("running", percent)),
        { ErrorCode: AnalysisService.TooLarge } => TypedResults.Problem(
            title: string.Format(l["Analysis.Error.TooLarge"], jobs.Limits.MaxActors, jobs.Limits.MaxLinks), statusCode: StatusCodes.Status422UnprocessableEntity),
        { ErrorCode: AnalysisErrors.Cancelled } => TypedResults.Problem(title: l["Analysis.Error.Cancelled"], statusCode: StatusCodes.Status409Conflict),
        _ => ApiResults.Problem(run.ErrorCode ?? ErrorCodes.NotFound, l),
    };
}
