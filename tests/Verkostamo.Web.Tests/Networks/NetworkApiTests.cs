using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Networks;

/// <summary>Bad input on the networks API: a problem answer the client can show, and no change.</summary>
public class NetworkApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    [Theory]
    [InlineData("", "fi", "Error.NameRequired")]
    [InlineData("121", "fi", "Error.NameTooLong")]
    [InlineData("", "sv", "Error.NameRequired")]
    [InlineData("121", "en", "Error.NameTooLong")]
    public async Task Creating_with_a_bad_name_answers_a_localized_problem_and_creates_nothing(string name, string culture, string messageKey)
    {
        name = name == "121" ? new string('n', 121) : name;
        var client = await app.BearerClientAsync(await TestUsers.CreateAsync(app.Services));
        var before = await Arrange.NetworkCountAsync(app.Services);

        var response = await client.PostAsJsonAsync($"/api/v1/networks?culture={culture}", new { name });

        await AssertProblemAsync(response, Texts.Get(messageKey, culture));
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task Creating_with_a_good_name_answers_201_with_the_network()
    {
        var client = await app.BearerClientAsync(await TestUsers.CreateAsync(app.Services));

        var response = await client.PostAsJsonAsync("/api/v1/networks", new { name = "Verkosto API:sta" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.BodyAsync());
        Assert.Equal("Verkosto API:sta", body.RootElement.GetProperty("name").GetString());
        Assert.Equal($"/api/v1/networks/{body.RootElement.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Roles_travel_as_names_in_the_members_api()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var client = await app.BearerClientAsync(owner);

        using var members = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/networks/{networkId}/members"));
        var me = Assert.Single(members.RootElement.EnumerateArray());
        Assert.Equal("Owner", me.GetProperty("role").GetString());

        var invitation = await client.PostAsJsonAsync($"/api/v1/networks/{networkId}/invitations", new { role = "Facilitator", expiresInDays = 3 });
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        using var created = JsonDocument.Parse(await invitation.BodyAsync());
        Assert.Equal("Facilitator", created.RootElement.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("121")]
    public async Task Renaming_to_a_bad_name_answers_a_problem_and_changes_nothing(string name)
    {
        name = name == "121" ? new string('n', 121) : name;
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var version = (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!.Version;
        var before = await Arrange.SnapshotAsync(app.Services, networkId);
        var client = await app.BearerClientAsync(owner);

        var response = await client.PutAsJsonAsync($"/api/v1/networks/{networkId}", new { name, version });

        await AssertProblemAsync(response, Texts.Get(name.Length == 0 ? "Error.NameRequired" : "Error.NameTooLong"));
        Assert.Equal(before, await Arrange.SnapshotAsync(app.Services, networkId));
    }

    [Fact]
    public async Task Renaming_with_a_stale_version_answers_409_and_keeps_the_newer_save()
    {
        // Optimistic concurrency: the second writer must not silently overwrite the first.
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var stale = (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!.Version;
        var client = await app.BearerClientAsync(owner);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/networks/{networkId}", new { name = "Ensimmäinen", version = stale })).StatusCode);

        var response = await client.PutAsJsonAsync($"/api/v1/networks/{networkId}", new { name = "Toinen", version = stale });

        // An API client has no form: its message speaks of merging with the current version.
        await AssertProblemAsync(response, Texts.Get("Api.Error.ConcurrencyConflict"), HttpStatusCode.Conflict);
        Assert.Equal("Ensimmäinen", (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!.Name);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string expectedTitle, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.BodyAsync());
        Assert.Equal(expectedTitle, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}
