using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Verkostamo.Infrastructure;

/// <summary>
/// Per-address limits on the requests attackers repeat: log-in, registration, two-factor codes and
/// invitation acceptance, and map imports. Only state-changing requests count, so reading a page is never limited.
/// </summary>
public static class RateLimits
{
    public const string Auth = "auth";
    public const string Invitations = "invitations";
    public const string Imports = "imports";

    public static void Configure(RateLimiterOptions options, IConfiguration config)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return ValueTask.CompletedTask;
        };
        options.AddPolicy(Auth, context => Partition(context, config.GetValue("Verkostamo:RateLimits:AuthPerMinute", 10)));
        options.AddPolicy(Invitations, context => Partition(context, config.GetValue("Verkostamo:RateLimits:InvitationsPerMinute", 20)));
        // An import reads up to 20 MB and writes in one transaction: a handful a minute is plenty for a person.
        options.AddPolicy(Imports, context => Partition(context, config.GetValue("Verkostamo:RateLimits:ImportsPerMinute", 10)));
    }

    private static RateLimitPartition<string> Partition(HttpContext context, int perMinute)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }
        var key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
