using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Map;

/// <summary>The duplicates page: candidate pairs, a confirmation that says what will happen, and the merge itself.</summary>
public class MapDuplicatesPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private ActorService Actors => app.Services.GetRequiredService<ActorService>();

    private async Task<Guid> ActorAsync(TestUser owner, Guid networkId, ActorInput input)
    {
        var result = await Actors.CreateAsync(networkId, owner.Id, input);
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Value;
    }

    [Fact]
    public async Task A_pair_is_listed_confirmed_with_what_will_happen_and_merged()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var client = await app.SignedInClientAsync(owner);
        var keep = await ActorAsync(owner, networkId, new ActorInput("Siun sote"));
        var twin = await ActorAsync(owner, networkId, new ActorInput("SIUN SOTE") { Tags = ["sote"] });
        var partner = await ActorAsync(owner, networkId, new ActorInput("Joensuun kaupunki"));
        Assert.True((await app.Services.GetRequiredService<LinkService>().CreateAsync(networkId, owner.Id, new LinkInput(twin, partner))).Succeeded);

        var tables = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables"));
        Assert.Contains($"href=\"/networks/{networkId}/map/duplicates\"", tables, StringComparison.Ordinal);
        var list = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/duplicates"));
        Assert.Contains(Texts.Get("MapCore.Duplicates.PairsTitle", "fi", "1"), list, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Duplicates.Reason.SameName"), list, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Duplicates.MergeInto", "fi", "SIUN SOTE", "Siun sote"), list, StringComparison.Ordinal);

        var confirmUrl = $"/networks/{networkId}/map/duplicates?merge={twin}&into={keep}";
        var confirm = Texts.Decoded(await client.GetStringAsync(confirmUrl));
        Assert.Contains(Texts.Get("MapCore.Duplicates.ConfirmTitle", "fi", "SIUN SOTE", "Siun sote"), confirm, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Duplicates.WillMove", "fi", "1"), confirm, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("MapCore.Duplicates.WillAddTags", "fi", "sote"), confirm, StringComparison.Ordinal);
        Assert.Null((await Actors.GetAsync(networkId, owner.Id, twin))!.DeletedAt);

        var merged = await client.SubmitFormAsync(confirmUrl, "merge", ("Form.Merged", twin.ToString()), ("Form.Into", keep.ToString()));

        Assert.True(merged.IsRedirect(), $"Expected a redirect, got {(int)merged.StatusCode}");
        Assert.Equal($"/networks/{networkId}/map/duplicates", merged.RedirectPath());
        Assert.NotNull((await Actors.GetAsync(networkId, owner.Id, twin))!.DeletedAt);
        Assert.Equal(1, (await Actors.GetAsync(networkId, owner.Id, keep))!.Links);
        var after = Texts.Decoded(await client.GetStringAsync(merged.RedirectPath()));
        Assert.Contains(Texts.Get("MapCore.Duplicates.Empty"), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_pairs_but_no_merge_buttons_or_confirmation()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var keep = await ActorAsync(owner, networkId, new ActorInput("Kela") { Email = "kela@example.fi" });
        var twin = await ActorAsync(owner, networkId, new ActorInput("Kansaneläkelaitos") { Email = "KELA@example.fi" });
        var client = await app.SignedInClientAsync(viewer);

        var page = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/duplicates?merge={twin}&into={keep}"));

        Assert.Contains(Texts.Get("MapCore.Duplicates.Reason.SameEmail"), page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Merged\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get("MapCore.Duplicates.MergeInto", "fi", "Kansaneläkelaitos", "Kela"), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get("MapCore.Duplicates.ConfirmTitle", "fi", "Kansaneläkelaitos", "Kela"), page, StringComparison.Ordinal);
    }
}
