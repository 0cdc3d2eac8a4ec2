using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Operations;

/// <summary>The app with a log-in limit low enough to reach in a test.</summary>
public sealed class RateLimitedAppFactory : VerkostamoAppFactory
{
    public const int Limit = 3;

    public RateLimitedAppFactory()
    {
        AuthPerMinute = Limit;
    }
}

/// <summary>
/// Log-in attempts are limited per client address. Each test speaks from an address of its own, so the
/// tests share one app without sharing a limit, and a neighbour's address shows the limit is per address.
/// </summary>
public class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task The_login_form_answers_429_after_the_limit()
    {
        var client = ClientFrom(IPAddress.Parse("10.0.0.1"));
        var user = await TestUsers.CreateAsync(app.Services);

        for (var i = 0; i < RateLimitedAppFactory.Limit; i++)
        {
            var allowed = await client.SubmitFormAsync("/account/login", "login", ("Input.Email", user.Email), ("Input.Password", "väärä salasana"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        var refused = await client.SubmitFormAsync("/account/login", "login", ("Input.Email", user.Email), ("Input.Password", user.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "A 429 should say when to retry.");
        // The browser gets a page that says what happened, in Finnish.
        Assert.Contains("Liian monta yritystä", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Reading the page is never limited, and another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        var neighbour = await ClientFrom(IPAddress.Parse("10.0.0.2"))
            .SubmitFormAsync("/account/login", "login", ("Input.Email", user.Email), ("Input.Password", user.Password));
        Assert.Equal(HttpStatusCode.Redirect, neighbour.StatusCode);
    }

    [Fact]
    public async Task The_api_login_answers_429_after_the_limit()
    {
        var client = ClientFrom(IPAddress.Parse("10.0.1.1"));
        var user = await TestUsers.CreateAsync(app.Services);

        for (var i = 0; i < RateLimitedAppFactory.Limit; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/account/login", new { email = user.Email, password = "väärä salasana" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        var refused = await client.PostAsJsonAsync("/api/v1/account/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "A 429 should say when to retry.");
        var neighbour = await ClientFrom(IPAddress.Parse("10.0.1.2")).PostAsJsonAsync("/api/v1/account/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    /// <summary>A cookie-keeping, non-redirecting client whose requests arrive from <paramref name="address"/>.</summary>
    private HttpClient ClientFrom(IPAddress address) =>
        new(new CookieContainerHandler { InnerHandler = app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = app.Server.BaseAddress,
        };
}
