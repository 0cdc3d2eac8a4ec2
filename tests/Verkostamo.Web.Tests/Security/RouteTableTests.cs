using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Testing;

namespace Verkostamo.Web.Tests.Security;

/// <summary>
/// Every endpoint must say who may call it. An endpoint that declares nothing is open by accident, so
/// the route table itself is the test subject: a new page or endpoint without [Authorize] or
/// [AllowAnonymous] fails here before it ships.
/// </summary>
public class RouteTableTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    /// <summary>
    /// Framework endpoints we do not own and cannot annotate, by exact route pattern. Each is anonymous by
    /// design and serves none of our data; any other endpoint without a declaration is a failure.
    /// </summary>
    private static readonly HashSet<string> FrameworkAllowList = new(StringComparer.Ordinal)
    {
        // Blazor Server's SignalR hub and its negotiation, for the interactive islands. Components rendered
        // over the circuit are still authorized by AuthorizeRouteView and their own [Authorize] attributes.
        "_blazor",
        "_blazor/negotiate",
        // Blazor circuit bookkeeping: the list of JS initializers and the disconnect beacon. No data.
        "_blazor/initializers",
        "_blazor/disconnect",
        // Blazor's helper that turns a server redirect into one the enhanced-navigation fetch can follow.
        "_framework/opaque-redirect",
        // MapStaticAssets' fallback for wwwroot files added after the build; it exists only when the app runs
        // from build output (not from a published app) and serves nothing but static files.
        "{**path:file}",
    };

    [Fact]
    public void Every_endpoint_declares_its_authorization()
    {
        var endpoints = AllRouteEndpoints();
        Assert.NotEmpty(endpoints);

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !FrameworkAllowList.Contains(Pattern(e)))
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(undeclared.Count == 0,
            "These endpoints declare neither [Authorize]/RequireAuthorization nor [AllowAnonymous]/AllowAnonymous:\n  " + string.Join("\n  ", undeclared));
    }

    [Fact]
    public void The_allow_list_names_only_endpoints_that_exist()
    {
        // A stale entry would silently allow a future endpoint that happens to reuse the pattern.
        var patterns = AllRouteEndpoints().Select(Pattern).ToHashSet(StringComparer.Ordinal);
        var stale = FrameworkAllowList.Where(p => !patterns.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "Allow-list entries with no such endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public void Network_scoped_routes_require_a_network_role_policy()
    {
        // A route carrying {networkId} but guarded only by "signed in" would let any user reach any network.
        // The one exception is restore, which must see networks in the bin that the role policies hide; its
        // service checks ownership itself (the role matrix covers it).
        var unguarded = AllRouteEndpoints()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == NetworkPolicyRouteKey))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.StartsWith("network:", StringComparison.Ordinal) == true))
            .Where(e => !Pattern(e).EndsWith("/restore", StringComparison.Ordinal))
            .Select(Describe)
            .ToList();

        Assert.True(unguarded.Count == 0, "Network-scoped routes without a network role policy:\n  " + string.Join("\n  ", unguarded));
    }

    private const string NetworkPolicyRouteKey = Infrastructure.NetworkPolicies.RouteKey;

    private List<RouteEndpoint> AllRouteEndpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string Pattern(RouteEndpoint e) => e.RoutePattern.RawText?.Trim('/') ?? "";

    private static string Describe(RouteEndpoint e)
    {
        var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return $"{(methods is { Count: > 0 } ? string.Join(",", methods) : "ANY")} /{Pattern(e)}";
    }
}
