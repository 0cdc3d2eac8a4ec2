using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Common;
using Verkostamo.Resources;

namespace Verkostamo.Features.Api;

/// <summary>Maps Core results to HTTP answers with a localised problem detail.</summary>
public static class ApiResults
{
    public static IResult Problem(string code, IStringLocalizer<SharedResource> l)
    {
        var status = code switch
        {
            ErrorCodes.NotFound => StatusCodes.Status404NotFound,
            ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
            ErrorCodes.ConcurrencyConflict or ErrorCodes.LastOwner or ErrorCodes.AlreadyMember or ErrorCodes.InvitationUsed => StatusCodes.Status409Conflict,
            ErrorCodes.InvitationExpired or ErrorCodes.RestoreExpired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status400BadRequest,
        };
        if (status == StatusCodes.Status404NotFound)
        {
            // Identical for "does not exist" and "not yours": no hint either way.
            return TypedResults.NotFound();
        }
        return TypedResults.Problem(title: l["Error." + code], statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    public static IResult From(ServiceResult result, IStringLocalizer<SharedResource> l, Func<IResult> ok) =>
        result.Succeeded ? ok() : Problem(result.ErrorCode!, l);

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id claim.");
}
