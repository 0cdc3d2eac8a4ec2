using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Accounts;

namespace Verkostamo.Testing;

public sealed record TestUser(string Id, string Email, string Password);

/// <summary>Creates accounts straight through Identity and signs them in over HTTP like a browser or an API client would.</summary>
public static partial class TestUsers
{
    public const string Password = "kesäinen metsäpolku 2026";

    public static async Task<TestUser> CreateAsync(IServiceProvider services, string? email = null, string? name = null, bool admin = false)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.fi";
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, DisplayName = name ?? email.Split('@')[0], EmailConfirmed = true, IsAdministrator = admin, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        }
        return new TestUser(user.Id, email, Password);
    }

    /// <summary>A bearer token from the Identity API login endpoint.</summary>
    public static async Task<string> BearerTokenAsync(HttpClient client, TestUser user)
    {
        var response = await client.PostAsJsonAsync("/api/v1/account/login", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in through the log-in form; the client must keep cookies (the default for factory clients).</summary>
    public static async Task LogInWithFormAsync(HttpClient client, TestUser user)
    {
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Log-in failed with {(int)response.StatusCode}.");
        }
        var check = await client.GetAsync("/account/manage");
        if (check.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Log-in did not stick: /account/manage answered {(int)check.StatusCode}.");
        }
    }

    /// <summary>The antiforgery token of the first form in an HTML page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
