using System.Net;
using System.Text.Json;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Operations;

public class OperationsTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_page_is_Finnish_by_default()
    {
        var html = await app.CreateClient().GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"fi\"", html, StringComparison.Ordinal);
        Assert.Contains("Kirjaudu sis", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_network_endpoints()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.BodyAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/api/v1/networks",
            "/api/v1/networks/{networkId}",
            "/api/v1/networks/{networkId}/members",
            "/api/v1/networks/{networkId}/invitations",
            "/api/v1/account/login",
        ];
        var missing = expected.Where(e => !paths.Any(p => p.TrimEnd('/') == e)).ToList();
        Assert.True(missing.Count == 0, $"Missing from the OpenAPI document: {string.Join(", ", missing)}. It lists: {string.Join(", ", paths)}");
    }

    [Fact]
    public async Task An_anonymous_request_to_a_network_page_is_sent_to_log_in_and_back()
    {
        var id = Guid.NewGuid();

        var response = await app.NoRedirectClient().GetAsync($"/networks/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.RedirectPath());
        Assert.Contains(Uri.EscapeDataString($"/networks/{id}"), response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    [InlineData("/api/v1/networks")]
    public async Task Responses_carry_the_security_headers(string url)
    {
        var response = await app.NoRedirectClient().GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var client = app.NoRedirectClient();
        var response = await client.SubmitFormAsync("/account/login", "login", ("Input.Email", user.Email), ("Input.Password", user.Password));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("verkostamo.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_localized_not_found_page()
    {
        var response = await app.NoRedirectClient().GetAsync("/ei-ole-olemassa");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Texts.Get("NotFound.Title"), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_with_bare_status_codes_not_the_html_page()
    {
        // API clients get their status as is; the HTML not-found page is for browsers.
        var client = app.NoRedirectClient();

        var unknown = await client.GetAsync("/api/v1/ei-ole-olemassa");
        var anonymous = await client.PutAsync($"/api/v1/networks/{Guid.NewGuid()}", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("<html", await unknown.BodyAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", await anonymous.BodyAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
