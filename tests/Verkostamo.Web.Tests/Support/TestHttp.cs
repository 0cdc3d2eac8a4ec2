using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Verkostamo.Testing;

namespace Verkostamo.Web.Tests.Support;

/// <summary>HTTP helpers shared by the integration tests: clients that show redirects, form posts as a browser sends them.</summary>
public static class TestHttp
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>A cookie-keeping client that reports redirects instead of following them, so tests see where the app sends the user.</summary>
    public static HttpClient NoRedirectClient(this VerkostamoAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInClientAsync(this VerkostamoAppFactory app, TestUser user)
    {
        var client = app.NoRedirectClient();
        await TestUsers.LogInWithFormAsync(client, user);
        return client;
    }

    public static async Task<HttpClient> BearerClientAsync(this VerkostamoAppFactory app, TestUser user)
    {
        var client = app.NoRedirectClient();
        var token = await TestUsers.BearerTokenAsync(client, user);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/> and posts one of its statically rendered forms back to it, the way a
    /// browser submits a Blazor form: the form's name in <c>_handler</c> plus the page's antiforgery token.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string handler, params (string Name, string Value)[] fields)
    {
        var token = await TokenFromAsync(client, pageUrl);
        return await client.PostAsync(pageUrl, Form(token, handler, fields));
    }

    public static async Task<string> TokenFromAsync(HttpClient client, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.StatusCode}, expected the page with its form.");
        return TestUsers.AntiforgeryToken(await page.Content.ReadAsStringAsync());
    }

    public static FormUrlEncodedContent Form(string token, string? handler, params (string Name, string Value)[] fields)
    {
        var values = new List<KeyValuePair<string, string>> { new(TokenField, token) };
        if (handler is not null)
        {
            values.Add(new("_handler", handler));
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return new FormUrlEncodedContent(values);
    }

    public static bool IsRedirect(this HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.TemporaryRedirect;

    /// <summary>The path a redirect points to, whether the app wrote it absolute or relative; null when not a redirect.</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        if (!response.IsRedirect() || response.Headers.Location is not { } location)
        {
            return null;
        }
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return absolute.AbsolutePath;
    }

    /// <summary>The decoded value of a cookie the response sets, or null.</summary>
    public static string? SetCookieValue(this HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return null;
        }
        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq].Trim() == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }
        return null;
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
