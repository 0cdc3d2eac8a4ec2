using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Workbook;

/// <summary>A signed-in API caller on one network, with the JSON helpers the workbook and theme API tests share.</summary>
public sealed record ApiCaller(TestUser User, Guid NetworkId, HttpClient Client)
{
    public string Base => $"/api/v1/networks/{NetworkId}";

    public static async Task<ApiCaller> OwnerAsync(VerkostamoAppFactory app)
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return new(owner, networkId, await app.BearerClientAsync(owner));
    }

    /// <summary>Another user joined to this network with <paramref name="role"/>, calling with their own token.</summary>
    public async Task<ApiCaller> JoinAsync(VerkostamoAppFactory app, Core.Networks.NetworkRole role)
    {
        var user = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, NetworkId, User, user, role);
        return new(user, NetworkId, await app.BearerClientAsync(user));
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Client.GetAsync(Base + path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {await response.BodyAsync()}");
        return await JsonAsync(response);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => Client.PostAsJsonAsync(Base + path, body ?? new { });

    public Task<HttpResponseMessage> PutAsync(string path, object body) => Client.PutAsJsonAsync(Base + path, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => Client.DeleteAsync(Base + path);

    /// <summary>Creates through the API and returns the created resource, checking the 201 and its Location.</summary>
    public async Task<JsonElement> CreateAsync(string path, object body)
    {
        var response = await PostAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path} answered {(int)response.StatusCode}: {await response.BodyAsync()}");
        var created = await JsonAsync(response);
        Assert.Equal($"{Base}{path}/{created.GetProperty("id")}", response.Headers.Location?.OriginalString);
        return created;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.BodyAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a problem answer with <paramref name="status"/> and error <paramref name="code"/>, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.BodyAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var key = Texts.Read("fi").ContainsKey("Api.Error." + code) ? "Api.Error." + code : "Error." + code;
        Assert.Equal(Texts.Get(key), problem.GetProperty("title").GetString());
        return problem;
    }

    public static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    public static Guid Version(JsonElement item) => item.GetProperty("version").GetGuid();

    public static List<string?> Strings(JsonElement array, string property) => [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString())];
}
