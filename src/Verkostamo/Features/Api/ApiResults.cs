using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Verkostamo.Core.Common;
using Verkostamo.Resources;

namespace Verkostamo.Features.Api;

/// <summary>Maps Core results to HTTP answers with a localised problem detail.</summary>
public static class ApiResults
{
    public static IResult Problem(string code, IStringLocalizer<SharedResource> l, object? current = null)
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
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (current is not null)
        {
            extensions["current"] = current;
        }
        return TypedResults.Problem(title: Message(code, l), statusCode: status, extensions: extensions);
    }

    /// <summary>The message of an error code; an API client gets its own wording where the UI's speaks of forms (dates, merging).</summary>
    private static string Message(string code, IStringLocalizer<SharedResource> l) =>
        l["Api.Error." + code] is { ResourceNotFound: false } api ? api : l["Error." + code];

    public static IResult From(ServiceResult result, IStringLocalizer<SharedResource> l, Func<IResult> ok) =>
        result.Succeeded ? ok() : Problem(result.ErrorCode!, l);

    /// <summary>
    /// The answer to a save: 200 with the saved state; on a stale version 409 whose problem carries that
    /// same current state (with its new version), so a client can merge and save again.
    /// </summary>
    public static async Task<IResult> SavedAsync(ServiceResult result, IStringLocalizer<SharedResource> l, Func<Task<object?>> current)
    {
        if (result.Succeeded)
        {
            return await current() is { } saved ? TypedResults.Ok(saved) : TypedResults.NotFound();
        }
        return Problem(result.ErrorCode!, l, result.ErrorCode == ErrorCodes.ConcurrencyConflict ? await current() : null);
    }

    /// <summary>The answer to a create: 201 at <paramref name="location"/> with the new resource.</summary>
    public static async Task<IResult> CreatedAsync<T>(ServiceResult<T> result, IStringLocalizer<SharedResource> l, Func<T, string> location, Func<T, Task<object?>> load) =>
        result.Succeeded ? TypedResults.Created(location(result.Value!), await load(result.Value!)) : Problem(result.ErrorCode!, l);

    public static IResult OkOrNotFound(object? value) => value is null ? TypedResults.NotFound() : TypedResults.Ok(value);

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id claim.");
}
