using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Assessments;

/// <summary>Self-assessment rounds through their pages and API: opened by a facilitator, answered by link and by members, results from the threshold on.</summary>
public partial class AssessmentPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private const string Trust = "v:knowing-trust-commitment/c2r1";

    [GeneratedRegex("id=\"created-link\"[^>]*value=\"[^\"]*(/assessment/[^\"]+)\"")]
    private static partial Regex CreatedLink();

    private async Task<(TestUser Owner, Guid NetworkId, HttpClient Client)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return (owner, networkId, await app.SignedInClientAsync(owner));
    }

    private async Task<string> OpenWithLinkAsync(HttpClient client, Guid networkId)
    {
        var page = $"/networks/{networkId}/assessments";
        var opened = await client.SubmitFormAsync(page, "round-open",
            ("RoundTitle", "Kevät"), ("OpensOn", Today.AddDays(-1).ToString("yyyy-MM-dd")), ("ClosesOn", Today.AddDays(7).ToString("yyyy-MM-dd")),
            ("Instruments", "knowing-trust-commitment"), ("Instruments", "open"), ("Instruments", "leadership"),
            ("ForMembers", "true"), ("ByLink", "true"), ("Threshold", "3"));
        Assert.Equal(page, opened.RedirectPath());
        var html = await (await client.GetAsync(page)).BodyAsync();
        var match = CreatedLink().Match(html);
        Assert.True(match.Success, "The answer link is shown once after the redirect.");
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(CreatedLink(), await (await client.GetAsync(page)).BodyAsync());
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task Anonymous_respondents_answer_by_link_once_each_and_results_appear_from_the_threshold()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var path = await OpenWithLinkAsync(client, networkId);
        var roundId = (await Db(db => db.AssessmentRounds.Where(r => r.NetworkId == networkId).Select(r => r.Id).SingleAsync()));

        var first = app.NoRedirectClient();
        var form = Texts.Decoded(await (await first.GetAsync(path)).BodyAsync());
        Assert.Contains("Luottamus: Hyväntahtoisuus", form, StringComparison.Ordinal);
        Assert.Equal(path, (await first.SubmitFormAsync(path, "assess-link-answer", (Trust, "2"), ("Complete", "false"))).RedirectPath());
        // The same browser comes back and changes its answer: still one stored answer.
        Assert.Contains("checked", Regex.Match(await (await first.GetAsync(path)).BodyAsync(), "<input[^>]*c2r1-2\"[^>]*>").Value, StringComparison.Ordinal);
        Assert.Equal(path, (await first.SubmitFormAsync(path, "assess-link-answer", (Trust, "4"), ("t:open/works", "Avoimuus"), ("Complete", "true"))).RedirectPath());

        var second = app.NoRedirectClient();
        Assert.Equal(path, (await second.SubmitFormAsync(path, "assess-link-answer", (Trust, "5"), ("Complete", "true"))).RedirectPath());
        var results = $"/networks/{networkId}/assessments/{roundId}/results";
        var hidden = Texts.Decoded(await (await client.GetAsync(results)).BodyAsync());
        Assert.Contains(Texts.Get("Assess.GroupHidden", "fi", 3), hidden, StringComparison.Ordinal);

        var third = app.NoRedirectClient();
        Assert.Equal(path, (await third.SubmitFormAsync(path, "assess-link-answer", (Trust, "3"), ("Complete", "true"))).RedirectPath());
        var shown = Texts.Decoded(await (await client.GetAsync(results)).BodyAsync());
        Assert.DoesNotContain(Texts.Get("Assess.GroupHidden", "fi", 3), shown, StringComparison.Ordinal);
        Assert.Contains("<td>4,00</td>", shown, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", shown, StringComparison.Ordinal);
        // Filtering to members (none answered) hides the group again.
        Assert.Contains(Texts.Get("Assess.GroupHidden", "fi", 3), Texts.Decoded(await (await client.GetAsync(results + "?channel=members")).BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(3, await Db(db => db.AssessmentResponses.CountAsync(r => r.RoundId == roundId && r.UserId == null)));
    }

    [Fact]
    public async Task The_evaluation_section_shows_the_maps_figures_and_their_change_since_the_round_closed()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var actors = app.Services.GetRequiredService<Verkostamo.Core.Map.ActorService>();
        var kunta = (await actors.CreateAsync(networkId, owner.Id, new Verkostamo.Core.Map.ActorInput("Kunta"))).Value;
        var section = $"/networks/{networkId}/workbook/evaluation";
        var before = Texts.Decoded(await (await client.GetAsync(section)).BodyAsync());
        Assert.Contains(Texts.Get("Assess.SectionMapTitle"), before, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Assess.SectionMapNoVersion"), before, StringComparison.Ordinal);

        // Closing a round keeps the map; two more actors and a link later, the section tells the change.
        var service = app.Services.GetRequiredService<AssessmentService>();
        var round = await service.OpenRoundAsync(networkId, owner.Id, new RoundInput("Syksy", ["open"], Today, Today.AddDays(7), true, false, 3));
        Assert.True((await service.CloseRoundAsync(networkId, owner.Id, round.Value!.Id)).Succeeded);
        var yhdistys = (await actors.CreateAsync(networkId, owner.Id, new Verkostamo.Core.Map.ActorInput("Yhdistys ry"))).Value;
        await actors.CreateAsync(networkId, owner.Id, new Verkostamo.Core.Map.ActorInput("Yritys Oy"));
        await app.Services.GetRequiredService<Verkostamo.Core.Map.LinkService>().CreateAsync(networkId, owner.Id, new Verkostamo.Core.Map.LinkInput(kunta, yhdistys));

        var after = Texts.Decoded(await (await client.GetAsync(section)).BodyAsync());
        Assert.Contains(Texts.Get("Assess.SectionMapChange"), after, StringComparison.Ordinal);
        Assert.Matches(new Regex("<th scope=\"row\">" + Regex.Escape(Texts.Get("Analysis.Versions.Change")) + "</th>\\s*<td>\\+2</td>\\s*<td>\\+1</td>"), after);
        Assert.Contains("Syksy (", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_answers_and_bad_links_change_nothing()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var path = await OpenWithLinkAsync(client, networkId);
        var anonymous = app.NoRedirectClient();

        var outOfRange = await anonymous.SubmitFormAsync(path, "assess-link-answer", (Trust, "7"), ("Complete", "true"));
        Assert.Equal(HttpStatusCode.OK, outOfRange.StatusCode);
        Assert.Contains(Texts.Get("Error.ValueInvalid", "fi"), Texts.Decoded(await outOfRange.BodyAsync()), StringComparison.Ordinal);
        var tooLong = await anonymous.SubmitFormAsync(path, "assess-link-answer", ("t:open/works", new string('x', AssessmentService.MaxTextAnswer + 1)));
        Assert.Contains(Texts.Get("Error.TextTooLong", "fi"), Texts.Decoded(await tooLong.BodyAsync()), StringComparison.Ordinal);
        var notNumber = await anonymous.SubmitFormAsync(path, "assess-link-answer", (Trust, "kolme"));
        Assert.Contains(Texts.Get("Error.ValueInvalid", "fi"), Texts.Decoded(await notNumber.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await Db(db => db.AssessmentResponses.CountAsync(r => r.NetworkId == networkId)));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/assessment/" + new string('a', 300))).StatusCode);

        var roundId = await Db(db => db.AssessmentRounds.Where(r => r.NetworkId == networkId).Select(r => r.Id).SingleAsync());
        Assert.True((await client.SubmitFormAsync($"/networks/{networkId}/assessments", "round-cmd", ("Cmd.Command", $"close:{roundId}"))).IsRedirect());
        var closed = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Contains(Texts.Get("Assess.RoundClosed", "fi"), Texts.Decoded(await closed.BodyAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_answer_and_save_to_continue_while_other_networks_get_404()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var member = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, member, NetworkRole.Member);
        var opened = await app.Services.GetRequiredService<AssessmentService>().OpenRoundAsync(networkId, owner.Id,
            new RoundInput("Syksy", ["knowing-trust-commitment", "roles"], Today.AddDays(-1), Today.AddDays(7), true, false));
        Assert.True(opened.Succeeded, opened.ErrorCode);
        var roundId = opened.Value!.Id;
        var memberClient = await app.SignedInClientAsync(member);
        var answer = $"/networks/{networkId}/assessments/{roundId}/answer";

        Assert.Equal(answer, (await memberClient.SubmitFormAsync(answer, "assess-answer", (Trust, "3"), ("v:roles/now", "2"), ("Complete", "false"))).RedirectPath());
        var again = Texts.Decoded(await (await memberClient.GetAsync(answer)).BodyAsync());
        Assert.Contains(Texts.Get("Assess.Progress", "fi", 2, 14), again, StringComparison.Ordinal);
        var stored = await Db(db => db.AssessmentResponses.SingleAsync(r => r.RoundId == roundId));
        Assert.Equal((member.Id, false), (stored.UserId, stored.Completed));

        var stranger = await TestUsers.CreateAsync(app.Services);
        await Arrange.NetworkAsync(app.Services, stranger);
        var strangerClient = await app.SignedInClientAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync(answer)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/networks/{networkId}/assessments/{roundId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/networks/{networkId}/assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/networks/{networkId}/assessments/{Guid.NewGuid()}/results")).StatusCode);
    }

    [Fact]
    public async Task The_api_opens_lists_and_scores_rounds()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var api = await app.BearerClientAsync(owner);
        var url = $"/api/v1/networks/{networkId}/assessments/rounds";

        var created = await api.PostAsJsonAsync(url, new { title = "API", instruments = new[] { "learning-cycle" }, opensOn = Today.AddDays(-1), closesOn = Today.AddDays(3), forMembers = true, byLink = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/assessment/", body.GetProperty("link").GetString(), StringComparison.Ordinal);
        var roundId = body.GetProperty("id").GetGuid();
        var bad = await api.PostAsJsonAsync(url, new { title = "API", instruments = new[] { "learning-cycle" }, opensOn = Today, closesOn = Today, forMembers = true, byLink = true, threshold = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(roundId, list.EnumerateArray().Single().GetProperty("id").GetGuid());
        var results = await api.GetFromJsonAsync<JsonElement>($"{url}/{roundId}/results");
        Assert.True(results.GetProperty("results").GetProperty("hidden").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{url}/{Guid.NewGuid()}/results")).StatusCode);
        var csv = await api.GetAsync($"{url}/{roundId}/export/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{url}/{roundId}/export/xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{url}/{roundId}/export/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_facilitator_edits_a_question_set_and_adds_one_of_the_networks_own()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var page = $"/networks/{networkId}/assessments/instruments";

        var saved = await client.SubmitFormAsync(page, "instrument-open", ("Title", "Avoimet"), ("item:works", "Mikä toimii?"), ("item:develop", "Mitä kehitämme?"),
            ("NewQuestion", "Mitä toivot ensi vuodelta?"), ("NewKind", "Text"));
        Assert.Equal(page, saved.RedirectPath());
        var added = await client.SubmitFormAsync(page, "instrument-new", ("Title", "Kokoukset"), ("NewQuestion", "Kokoukset ovat hyödyllisiä"), ("NewKind", "Scale"));
        Assert.Equal(page, added.RedirectPath());
        var refused = await client.SubmitFormAsync(page, "instrument-new", ("Title", ""), ("NewQuestion", ""));
        Assert.Contains(Texts.Get("Assess.InstrumentInvalid", "fi"), Texts.Decoded(await refused.BodyAsync()), StringComparison.Ordinal);

        var instruments = (await app.Services.GetRequiredService<AssessmentService>().ListInstrumentsAsync(networkId, owner.Id))!;
        var open = instruments.Single(i => i.Key == AssessmentTemplate.Open);
        Assert.Equal(("Avoimet", "Open questions"), (open.TitleIn("fi"), open.TitleIn("en")));
        Assert.Equal(["Mikä toimii?", "Mitä kehitämme?", "Mitä toivot ensi vuodelta?"], open.Items.Select(i => i.TextIn("fi")));
        Assert.Equal(AssessmentItemKind.Text, open.Items[2].Kind);
        var own = instruments[^1];
        Assert.StartsWith("own-", own.Key, StringComparison.Ordinal);
        Assert.Equal(("Kokoukset", AssessmentItemKind.Scale), (own.TitleIn("fi"), Assert.Single(own.Items).Kind));

        var member = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, member, NetworkRole.Member);
        var memberHtml = await (await (await app.SignedInClientAsync(member)).GetAsync(page)).BodyAsync();
        Assert.DoesNotContain("instrument-new", memberHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_reorders_and_removes_questions_and_the_text_typed_meanwhile_is_kept()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var page = $"/networks/{networkId}/assessments/instruments";
        async Task<InstrumentDefinition> OpenSetAsync() =>
            (await app.Services.GetRequiredService<AssessmentService>().ListInstrumentsAsync(networkId, owner.Id))!.Single(i => i.Key == AssessmentTemplate.Open);
        var html = await (await client.GetAsync(page)).BodyAsync();
        Assert.Contains("value=\"down:works\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"up:develop\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"up:works\"", html, StringComparison.Ordinal);

        // Moving the second question up saves the text just typed in the first as well.
        var moved = await client.SubmitFormAsync(page, "instrument-open", ("Title", "Avoimet"), ("item:works", "Mikä toimii hyvin?"),
            ("item:develop", "Mitä kehitämme?"), ("Move", "up:develop"));
        Assert.Equal(page, moved.RedirectPath());
        var open = await OpenSetAsync();
        Assert.Equal(["develop", "works"], open.Items.Select(i => i.Key));
        Assert.Equal("Mikä toimii hyvin?", open.Items[1].TextIn("fi"));

        var removed = await client.SubmitFormAsync(page, "instrument-open", ("Title", "Avoimet"), ("item:develop", "Mitä kehitämme?"),
            ("item:works", "Mikä toimii hyvin?"), ("Remove", "develop"));
        Assert.Equal(page, removed.RedirectPath());
        Assert.Equal(["works"], (await OpenSetAsync()).Items.Select(i => i.Key));

        // A set keeps at least one question: removing the last is refused and changes nothing.
        var refused = await client.SubmitFormAsync(page, "instrument-open", ("Title", "Avoimet"), ("item:works", "Muutettu"), ("Remove", "works"));
        var refusedHtml = Texts.Decoded(await refused.BodyAsync());
        Assert.Contains(Texts.Get("Assess.InstrumentInvalid", "fi"), refusedHtml, StringComparison.Ordinal);
        // The form comes back as it was sent: nothing typed is lost.
        Assert.Contains(">Muutettu</textarea>", refusedHtml, StringComparison.Ordinal);
        var untitled = Texts.Decoded(await (await client.SubmitFormAsync(page, "instrument-new", ("Title", ""), ("NewQuestion", "Uusi luonnos"))).BodyAsync());
        Assert.Contains(Texts.Get("Assess.InstrumentInvalid", "fi"), untitled, StringComparison.Ordinal);
        Assert.Contains(">Uusi luonnos</textarea>", untitled, StringComparison.Ordinal);
        var kept = Assert.Single((await OpenSetAsync()).Items);
        Assert.Equal(("works", "Mikä toimii hyvin?"), (kept.Key, kept.TextIn("fi")));
    }

    [Fact]
    public async Task The_daily_pass_closes_a_round_past_its_closing_day_for_good_with_the_map_kept()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        await OpenWithLinkAsync(client, networkId);
        Assert.True((await app.Services.GetRequiredService<Core.Map.ActorService>().CreateAsync(networkId, owner.Id, new Core.Map.ActorInput("Kunta"))).Succeeded);
        // The round ended two days ago and nobody closed it.
        await using (var db = await Arrange.Db(app.Services))
        {
            var round = await db.AssessmentRounds.SingleAsync(r => r.NetworkId == networkId);
            round.OpensOn = Today.AddDays(-20);
            round.ClosesOn = Today.AddDays(-2);
            await db.SaveChangesAsync();
        }
        var pass = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Verkostamo.Features.Assessments.EndedRoundsService>().Single();

        Assert.True(await pass.RunOnceAsync() >= 1);

        Assert.NotNull(await Db(db => db.AssessmentRounds.Where(r => r.NetworkId == networkId).Select(r => r.ClosedAt).SingleAsync()));
        var version = Assert.Single((await app.Services.GetRequiredService<Core.Map.MapVersionService>().ListAsync(networkId, owner.Id))!);
        Assert.Equal((Core.Map.MapVersionReason.Evaluation, "Kevät"), (version.Reason, version.Name));
    }

    private async Task<T> Db<T>(Func<Core.Data.VerkostamoDbContext, Task<T>> query)
    {
        await using var db = await Arrange.Db(app.Services);
        return await query(db);
    }
}
