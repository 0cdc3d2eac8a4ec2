using Microsoft.AspNetCore.Authorization;
using Verkostamo.Core.Accounts;
using Verkostamo.Features.Analysis;
using Verkostamo.Features.AnnualClock;
using Verkostamo.Features.Assessments;
using Verkostamo.Features.Exports;
using Verkostamo.Features.Map;
using Verkostamo.Features.Members;
using Verkostamo.Features.Networks;
using Verkostamo.Features.Workbook;
using Verkostamo.Infrastructure;

namespace Verkostamo.Features.Api;

public static class ApiEndpoints
{
    /// <summary>The JSON API under /api/v1: Identity's account endpoints and the feature groups.</summary>
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGroup("/account").WithTags("Account").MapIdentityApi<User>().RequireRateLimiting(RateLimits.Auth)
            // Register, log in, refresh and the e-mail flows serve callers without a token by nature: say so,
            // like every other endpoint. Finally runs after Identity's own conventions, so /manage keeps its
            // RequireAuthorization and only the endpoints that declare nothing become explicitly anonymous.
            .Finally(endpoint =>
            {
                if (!endpoint.Metadata.OfType<IAuthorizeData>().Any())
                {
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }
            });
        api.MapNetworkApi();
        api.MapMemberApi();
        api.MapWorkbookApi();
        api.MapThemeApi();
        api.MapClockApi();
        api.MapNetworkMapApi();
        api.MapMapFilesApi();
        api.MapAnalysisApi();
        api.MapAssessmentApi();
        api.MapExportApi();
        Backup.BackupEndpoints.MapBackupApi(api);
    }
}
