using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Assessments;
using Verkostamo.Features.Api;
using Verkostamo.Features.Workbook;
using Verkostamo.Infrastructure;
using Verkostamo.Resources;

namespace Verkostamo.Features.Assessments;

/// <summary>A round as the API opens it; dates as yyyy-MM-dd.</summary>
public sealed record RoundRequest(string? Title, IReadOnlyList<string>? Instruments, DateOnly OpensOn, DateOnly ClosesOn, bool ForMembers, bool ByLink, int? Threshold)
{
    public RoundInput ToInput() => new(Title ?? "", Instruments ?? [], OpensOn, ClosesOn, ForMembers, ByLink, Threshold ?? AssessmentScoring.MinimumThreshold);
}

/// <summary>A round just opened: its id and, when it has one, the anonymous link shown only in this answer.</summary>
public sealed record OpenedRoundResponse(Guid Id, string? Link);

public static class AssessmentEndpoints
{
    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/networks/{networkId:guid}/assessments/rounds").WithTags("Assessments");
        rounds.MapGet("/", async (Guid networkId, ClaimsPrincipal user, AssessmentService assessments, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await assessments.ListRoundsAsync(networkId, user.UserId(), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        rounds.MapPost("/", async (Guid networkId, RoundRequest body, HttpContext http, ClaimsPrincipal user, AssessmentService assessments,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var opened = await assessments.OpenRoundAsync(networkId, user.UserId(), body.ToInput(), ct);
            return opened.Succeeded
                ? TypedResults.Created($"{http.Request.Path}/{opened.Value!.Id}",
                    new OpenedRoundResponse(opened.Value.Id, opened.Value.Token is { } token ? AssessmentLinks.Url(http.Request, token) : null))
                : ApiResults.Problem(opened.ErrorCode!, l);
        })
            .RequireAuthorization(NetworkPolicies.Facilitator);
        rounds.MapGet("/{roundId:guid}", async (Guid networkId, Guid roundId, ClaimsPrincipal user, AssessmentService assessments, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await assessments.GetRoundAsync(networkId, user.UserId(), roundId, ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        rounds.MapPost("/{roundId:guid}/close", async (Guid networkId, Guid roundId, ClaimsPrincipal user, AssessmentService assessments,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ApiResults.From(await assessments.CloseRoundAsync(networkId, user.UserId(), roundId, ct), l, () => TypedResults.NoContent()))
            .RequireAuthorization(NetworkPolicies.Facilitator);
        rounds.MapGet("/{roundId:guid}/results", async (Guid networkId, Guid roundId, string? channel, string? item, int? value, ClaimsPrincipal user,
            AssessmentService assessments, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await assessments.ResultsAsync(networkId, user.UserId(), roundId, AssessmentLinks.Filter(channel, item, value), ct)))
            .RequireAuthorization(NetworkPolicies.Viewer);
        rounds.MapGet("/{roundId:guid}/export/{format}", async (Guid networkId, Guid roundId, string format, string? channel, string? item, int? value,
            ClaimsPrincipal user, AssessmentService assessments, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!AssessmentExport.IsFormat(format)
                || await assessments.ResultsAsync(networkId, user.UserId(), roundId, AssessmentLinks.Filter(channel, item, value), ct) is not { } results)
            {
                return Results.NotFound();
            }
            var bytes = AssessmentExport.Write(format, results, WorkbookLanguage.Current, Headings(l));
            return Results.File(bytes, format == AssessmentExport.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
                $"itsearviointi.{format}");
        })
            .RequireAuthorization(NetworkPolicies.Viewer);
        api.MapGet("/networks/{networkId:guid}/assessments/trend", async (Guid networkId, ClaimsPrincipal user, AssessmentService assessments, CancellationToken ct) =>
            ApiResults.OkOrNotFound(await assessments.TrendAsync(networkId, user.UserId(), null, ct)))
            .WithTags("Assessments")
            .RequireAuthorization(NetworkPolicies.Viewer);
    }

    private static AssessmentExport.Headings Headings(IStringLocalizer<SharedResource> l) => new(
        l["Assess.Export.Round"], l["Assess.Export.Instrument"], l["Assess.Item"], l["Assess.N"], l["Assess.Mean"], l["Assess.Distribution"],
        l["Assess.Export.Hidden"], l["Assess.Export.Yes"], l["Assess.Title"]);
}

public static class AssessmentLinks
{
    public static string Path(string token) => "/assessment/" + Uri.EscapeDataString(token);

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path(token)}";

    /// <summary>A results filter from query values; anything unknown means no filter on that part.</summary>
    public static AssessmentFilter Filter(string? channel, string? item, int? value) =>
        new(Enum.TryParse<RespondentChannel>(channel, true, out var c) && Enum.IsDefined(c) ? c : null,
            string.IsNullOrWhiteSpace(item) || item.Length > 100 ? null : item, value);
}
