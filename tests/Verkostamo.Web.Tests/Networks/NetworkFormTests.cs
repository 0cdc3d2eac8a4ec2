using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Networks;

/// <summary>The new-network and settings forms, posted as a browser posts them.</summary>
public class NetworkFormTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private static readonly string TooLongName = new('x', 121);

    [Fact]
    public async Task The_new_network_form_posts_the_fields_the_page_binds()
    {
        // The field names are the contract between the rendered form and [SupplyParameterFromForm].
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var html = await client.GetStringAsync("/networks/new");
        Assert.Contains("name=\"Input.Name\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Language\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_network_through_the_form_makes_the_user_its_owner()
    {
        var user = await TestUsers.CreateAsync(app.Services);
        var client = await app.SignedInClientAsync(user);

        var response = await client.SubmitFormAsync("/networks/new", "new-network",
            ("Input.Name", "Pohjois-Karjalan kasvuverkosto"), ("Input.EventName", "Kevään työpaja"), ("Input.Language", "fi"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mine = await app.Services.GetRequiredService<NetworkService>().ListMineAsync(user.Id);
        var created = Assert.Single(mine);
        Assert.Equal("Pohjois-Karjalan kasvuverkosto", created.Name);
        Assert.Equal(NetworkRole.Owner, created.Role);
        Assert.Equal($"/networks/{created.Id}", response.RedirectPath());
    }

    [Theory]
    [InlineData("", "Error.NameRequired")]
    [InlineData("   ", "Error.NameRequired")]
    [InlineData("121", "Error.NameTooLong")]
    public async Task A_bad_name_on_the_new_network_form_is_explained_and_creates_nothing(string name, string messageKey)
    {
        name = name == "121" ? TooLongName : name;
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var before = await Arrange.NetworkCountAsync(app.Services);

        var response = await client.SubmitFormAsync("/networks/new", "new-network", ("Input.Name", name), ("Input.Language", "fi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get(messageKey), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task A_bad_name_is_explained_in_the_users_language()
    {
        var client = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        var before = await Arrange.NetworkCountAsync(app.Services);

        var response = await client.SubmitFormAsync("/networks/new?culture=sv", "new-network", ("Input.Name", ""), ("Input.Language", "sv"));

        var page = Texts.Decoded(await response.BodyAsync());
        Assert.Contains("<html lang=\"sv\"", page, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Error.NameRequired", "sv"), page, StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.NetworkCountAsync(app.Services));
    }

    [Fact]
    public async Task The_settings_form_saves_the_details()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner, "Vanha nimi");
        var client = await app.SignedInClientAsync(owner);
        var version = (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!.Version;

        var response = await client.SubmitFormAsync($"/networks/{networkId}/settings", "network-details",
            ("Input.Version", version.ToString()), ("Input.Name", "Uusi nimi"), ("Input.ShortDescription", "Kuvaus"), ("Input.Language", "en"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!;
        Assert.Equal(("Uusi nimi", "Kuvaus", "en"), (saved.Name, saved.ShortDescription, saved.Language));
    }

    [Fact]
    public async Task An_over_long_name_on_the_settings_form_is_explained_and_changes_nothing()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var client = await app.SignedInClientAsync(owner);
        var before = await Arrange.SnapshotAsync(app.Services, networkId);
        var version = (await app.Services.GetRequiredService<NetworkService>().GetAsync(networkId, owner.Id))!.Version;

        var response = await client.SubmitFormAsync($"/networks/{networkId}/settings", "network-details",
            ("Input.Version", version.ToString()), ("Input.Name", TooLongName), ("Input.Language", "fi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get("Error.NameTooLong"), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await Arrange.SnapshotAsync(app.Services, networkId));
    }
}
