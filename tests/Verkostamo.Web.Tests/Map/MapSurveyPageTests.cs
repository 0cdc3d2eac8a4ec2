using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Map;

/// <summary>The survey-built map through its pages: a link made by a facilitator, answered without an account, reviewed and merged.</summary>
public partial class MapSurveyPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private async Task<(TestUser Owner, Guid NetworkId, Guid Kela, HttpClient Client)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var actors = app.Services.GetRequiredService<ActorService>();
        var kela = (await actors.CreateAsync(networkId, owner.Id, new ActorInput("Kela"))).Value;
        Assert.True((await actors.CreateAsync(networkId, owner.Id, new ActorInput("Pohjois-Karjalan TE-palvelut"))).Succeeded);
        return (owner, networkId, kela, await app.SignedInClientAsync(owner));
    }

    [GeneratedRegex("id=\"created-link\"[^>]*value=\"[^\"]*(/map-survey/[^\"]+)\"")]
    private static partial Regex CreatedLink();

    private async Task<string> CreateLinkAsync(HttpClient client, Guid networkId, Guid actorId)
    {
        var review = $"/networks/{networkId}/map/survey/review";
        var created = await client.SubmitFormAsync(review, "survey-link", ("NewLink.LinkActorId", actorId.ToString()), ("NewLink.LinkDays", "14"));
        Assert.Equal(review, created.RedirectPath());
        var html = await (await client.GetAsync(review)).BodyAsync();
        var match = CreatedLink().Match(html);
        Assert.True(match.Success, "The created survey link is shown once after the redirect.");
        // Shown once: a reload no longer carries it.
        Assert.DoesNotMatch(CreatedLink(), await (await client.GetAsync(review)).BodyAsync());
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task An_actor_answers_without_an_account_and_the_facilitator_merges_the_answer()
    {
        var (_, networkId, kela, client) = await ArrangeAsync();
        var path = await CreateLinkAsync(client, networkId, kela);
        var anonymous = app.NoRedirectClient();

        var page = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = Texts.Decoded(await page.BodyAsync());
        Assert.Contains("Kela", html, StringComparison.Ordinal);
        Assert.Contains("Pohjois-Karjalan TE-palvelut", html, StringComparison.Ordinal);

        var sent = await anonymous.SubmitFormAsync(path, "survey-link-answer",
            ("Answer.Rows[0].Name", "pohjois-karjalan te-palvelut"), ("Answer.Rows[0].Strength", "Strong"), ("Answer.Rows[0].Referrals", "true"),
            ("Answer.Rows[1].Name", ""), ("Answer.Rows[2].Name", "Joensuun Setlementti"), ("Answer.Rows[2].Strength", "Weak"),
            ("Answer.Rows[2].OtherKind", "vapaaehtoistyö"));
        Assert.Equal(path, sent.RedirectPath());

        var review = Texts.Decoded(await (await client.GetAsync($"/networks/{networkId}/map/survey/review")).BodyAsync());
        Assert.Contains(Texts.Get("Survey.Outcome.NewLink", "fi"), review, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Survey.Outcome.NewActorAndLink", "fi"), review, StringComparison.Ordinal);
        var responseId = (await app.Services.GetRequiredService<MapSurveyService>().ListResponsesAsync(networkId, (await OwnerIdAsync(networkId))))!.Single().Id;

        var merged = await client.SubmitFormAsync($"/networks/{networkId}/map/survey/review", "survey-cmd", ("Cmd.Command", $"approve:{responseId}"));
        Assert.True(merged.IsRedirect());
        await using var db = await Arrange.Db(app.Services);
        var links = await db.Links.Where(l => l.NetworkId == networkId).ToListAsync();
        Assert.Equal(2, links.Count);
        Assert.Contains(links, l => l.Strength == LinkStrength.Strong && l.Kinds.SequenceEqual(new[] { Texts.Get("Survey.Kind.Referrals", "fi") }));
        Assert.Contains(links, l => l.Strength == LinkStrength.Weak && l.Kinds.SequenceEqual(new[] { "vapaaehtoistyö" }));
        Assert.True(await db.Actors.AnyAsync(a => a.NetworkId == networkId && a.Name == "Joensuun Setlementti"));
    }

    [Fact]
    public async Task A_bad_answer_keeps_what_was_typed_and_stores_nothing()
    {
        var (_, networkId, kela, client) = await ArrangeAsync();
        var path = await CreateLinkAsync(client, networkId, kela);
        var anonymous = app.NoRedirectClient();

        var response = await anonymous.SubmitFormAsync(path, "survey-link-answer",
            ("Answer.Rows[0].Name", "Kunta"), ("Answer.Rows[1].Name", " kunta "), ("Answer.Rows[1].Note", "Tärkeä kumppani"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get("Error.SurveyDuplicate", "fi"), html, StringComparison.Ordinal);
        Assert.Contains("Tärkeä kumppani", html, StringComparison.Ordinal);
        await using var db = await Arrange.Db(app.Services);
        Assert.False(await db.MapSurveyResponses.AnyAsync(r => r.NetworkId == networkId));
    }

    [Fact]
    public async Task More_rows_keep_the_typed_partners_without_sending()
    {
        var (_, networkId, kela, client) = await ArrangeAsync();
        var path = await CreateLinkAsync(client, networkId, kela);
        var anonymous = app.NoRedirectClient();

        var response = await anonymous.SubmitFormAsync(path, "survey-link-answer", ("Answer.Rows[0].Name", "Kunta"), ("Answer.Command", "more"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("value=\"Kunta\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Answer.Rows[5].Name\"", html, StringComparison.Ordinal);
        await using var db = await Arrange.Db(app.Services);
        Assert.False(await db.MapSurveyResponses.AnyAsync(r => r.NetworkId == networkId));
    }

    [Theory]
    [InlineData("no-such-token")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_unknown_link_is_not_found_without_a_hint(string token)
    {
        var response = await app.NoRedirectClient().GetAsync("/map-survey/" + token);

        // The generic not-found page: nothing tells a guessed token from a revoked or expired one.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Answer.Rows", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_answer_viewers_read_and_only_facilitators_review()
    {
        var (owner, networkId, kela, client) = await ArrangeAsync();
        var member = await TestUsers.CreateAsync(app.Services);
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, member, NetworkRole.Member);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var memberClient = await app.SignedInClientAsync(member);
        var viewerClient = await app.SignedInClientAsync(viewer);
        var page = $"/networks/{networkId}/map/survey";

        var sent = await memberClient.SubmitFormAsync(page, "survey-answer", ("Answer.RespondentActorId", kela.ToString()),
            ("Answer.Rows[0].Name", "Joensuun kaupunki"), ("Answer.Rows[0].Strength", "Strong"));
        Assert.Equal(page, sent.RedirectPath());
        Assert.Contains(Texts.Get("Survey.Status.Pending", "fi"), Texts.Decoded(await (await memberClient.GetAsync(page)).BodyAsync()), StringComparison.Ordinal);

        var viewerPage = Texts.Decoded(await (await viewerClient.GetAsync(page)).BodyAsync());
        Assert.Contains(Texts.Get("Survey.MembersOnly", "fi"), viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Answer.Rows[0].Name\"", viewerPage, StringComparison.Ordinal);
        var memberReview = Texts.Decoded(await (await memberClient.GetAsync(page + "/review")).BodyAsync());
        Assert.Contains(Texts.Get("Survey.FacilitatorsOnly", "fi"), memberReview, StringComparison.Ordinal);
        Assert.DoesNotContain("Joensuun kaupunki", memberReview, StringComparison.Ordinal);
        Assert.Contains("Joensuun kaupunki", Texts.Decoded(await (await client.GetAsync(page + "/review")).BodyAsync()), StringComparison.Ordinal);

        var outsider = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page + "/review")).StatusCode);
    }

    private async Task<string> OwnerIdAsync(Guid networkId)
    {
        await using var db = await Arrange.Db(app.Services);
        return await db.Memberships.Where(m => m.NetworkId == networkId && m.Role == NetworkRole.Owner).Select(m => m.UserId).FirstAsync();
    }
}
