using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Security;

public enum Actor
{
    Anonymous,
    Viewer,
    Member,
    Facilitator,
    Owner,

    /// <summary>Signed in and the owner of a network of their own, but not a member of this one.</summary>
    OtherNetwork,

    /// <summary>This network's owner, asking for a network id that does not exist.</summary>
    MissingNetwork,
}

/// <summary>
/// Every network-scoped endpoint and page, run as every kind of caller, against one table of expected
/// outcomes. Rows that change state get a network of their own, so no row depends on another; and on
/// every state-changing row a refusal must leave the network exactly as it was.
/// </summary>
public partial class RoleMatrixTests(RoleMatrixAppFactory app) : IClassFixture<RoleMatrixAppFactory>
{
    private static readonly Outcome Ok = new(HttpStatusCode.OK, Changes: true);
    private static readonly Outcome NoContent = new(HttpStatusCode.NoContent, Changes: true);
    private static readonly Outcome Created = new(HttpStatusCode.Created, Changes: true);
    private static readonly Outcome Unauthorized = new(HttpStatusCode.Unauthorized);
    private static readonly Outcome Forbidden = new(HttpStatusCode.Forbidden);
    private static readonly Outcome NotFound = new(HttpStatusCode.NotFound);
    private static readonly Outcome Conflict = new(HttpStatusCode.Conflict);
    private static readonly Outcome BadForm = new(HttpStatusCode.BadRequest);
    private static readonly Outcome ToLogin = new(HttpStatusCode.Found, "/account/login");
    private static readonly Outcome ToDenied = new(HttpStatusCode.Found, "/account/access-denied");

    private static Outcome DoneThen(string path) => new(HttpStatusCode.Found, path, Changes: true);

    private static Outcome RefusedThen(string path) => new(HttpStatusCode.Found, path);

    // Anonymous API callers get 401 and anonymous browsers the log-in page; a network the caller is not in
    // and one that does not exist give the same 404; a role too low gets 403 from the API and the
    // access-denied page in the browser. The owner cannot leave: a network always keeps an owner.
    private static readonly Row[] Table =
    [
        //  method    url                                           anonymous     viewer     member     facilitator owner      other     missing
        Api("GET",    "/api/v1/networks/{id}",                      Unauthorized, Ok,        Ok,        Ok,         Ok,        NotFound, NotFound),
        Api("PUT",    "/api/v1/networks/{id}",                      Unauthorized, Forbidden, Forbidden, Ok,         Ok,        NotFound, NotFound, body: s => new { name = "Uusi nimi", version = s.Version }),
        Api("DELETE", "/api/v1/networks/{id}",                      Unauthorized, Forbidden, Forbidden, Forbidden,  NoContent, NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/members",              Unauthorized, Ok,        Ok,        Ok,         Ok,        NotFound, NotFound),
        Api("PUT",    "/api/v1/networks/{id}/members/{mid}/role",   Unauthorized, Forbidden, Forbidden, Forbidden,  NoContent, NotFound, NotFound, body: _ => new { role = nameof(NetworkRole.Facilitator) }),
        Api("DELETE", "/api/v1/networks/{id}/members/{mid}",        Unauthorized, Forbidden, Forbidden, Forbidden,  NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/leave",                Unauthorized, NoContent, NoContent, NoContent,  Conflict,  NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/invitations",          Unauthorized, Forbidden, Forbidden, Ok,         Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/invitations",          Unauthorized, Forbidden, Forbidden, Ok,         Ok,        NotFound, NotFound, body: _ => new { role = nameof(NetworkRole.Member), expiresInDays = 7 }),
        Api("DELETE", "/api/v1/networks/{id}/invitations/{iid}",    Unauthorized, Forbidden, Forbidden, NoContent,  NoContent, NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/logos/{logoId}",       Unauthorized, Ok,        Ok,        Ok,         Ok,        NotFound, NotFound),
        // Restore works on a network in the bin, which the role policies hide; its service checks the role.
        Api("POST",   "/api/v1/networks/{id}/restore",              Unauthorized, Forbidden, Forbidden, Forbidden,  NoContent, NotFound, NotFound, inBin: true),

        // The workbook: viewers read, members answer and manage themes, facilitators shape the sections.
        Api("GET",    "/api/v1/networks/{id}/workbook",                               Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/assessments/rounds",                     Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/assessments/trend",                      Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/assessments/rounds",                     Unauthorized, Forbidden, Forbidden, Created,   Created,   NotFound, NotFound,
            body: _ => new { title = "Arviointi", instruments = new[] { "roles" }, opensOn = "2026-01-01", closesOn = "2026-01-31", forMembers = true, byLink = true }),
        Api("GET",    "/api/v1/networks/{id}/map/export/csv",                         Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/exports/pptx",                           Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/exports/xlsx",                           Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/actions",                                Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/sections/picture",                       Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/sections/picture/history",               Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("PUT",    "/api/v1/networks/{id}/sections/picture",                       Unauthorized, Forbidden, Forbidden, Ok,        Ok,        NotFound, NotFound, body: s => new { title = "Oma", version = s.Book!.TextsVersion }),
        Api("POST",   "/api/v1/networks/{id}/sections",                               Unauthorized, Forbidden, Forbidden, Created,   Created,   NotFound, NotFound, body: _ => new { title = "Oma osio" }),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/hide",                  Unauthorized, Forbidden, Forbidden, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/roles/show",                    Unauthorized, Forbidden, Forbidden, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/definition/move",               Unauthorized, Forbidden, Forbidden, NoContent, NoContent, NotFound, NotFound, body: _ => new { direction = 1 }),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/reset",                 Unauthorized, Forbidden, Forbidden, NoContent, NoContent, NotFound, NotFound),
        Api("DELETE", "/api/v1/networks/{id}/sections/{custom}",                      Unauthorized, Forbidden, Forbidden, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/{delcustom}/restore",           Unauthorized, Forbidden, Forbidden, NoContent, NoContent, NotFound, NotFound),
        Api("PUT",    "/api/v1/networks/{id}/sections/definition/fields",             Unauthorized, Forbidden, Ok,        Ok,        Ok,        NotFound, NotFound, body: s => new { values = new { shortDescription = "Uusi" }, version = s.Book!.FieldsVersion }),
        Api("PUT",    "/api/v1/networks/{id}/sections/picture/responsibilities",      Unauthorized, Forbidden, Ok,        Ok,        Ok,        NotFound, NotFound, body: s => new { text = "Uusi", version = s.Book!.ResponsibilitiesVersion }),
        Api("PUT",    "/api/v1/networks/{id}/sections/leadership/placement",          Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound, body: _ => new { nowGoal = 1, nowShared = 2, wantedGoal = 3, wantedShared = 4 }),
        Api("GET",    "/api/v1/networks/{id}/sections/picture/solutions",             Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/sections/picture/solutions/{sol}",       Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/solutions",             Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { text = "Uusi" }),
        Api("PUT",    "/api/v1/networks/{id}/sections/picture/solutions/{sol}",       Unauthorized, Forbidden, Ok,        Ok,        Ok,        NotFound, NotFound, body: s => new { text = "Uusi", version = s.Book!.SolutionVersion }),
        Api("DELETE", "/api/v1/networks/{id}/sections/picture/solutions/{sol}",       Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/solutions/{delsol}/restore", Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/solutions/{sol}/move",  Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound, body: _ => new { direction = 1 }),
        Api("GET",    "/api/v1/networks/{id}/sections/picture/steps",                 Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/sections/picture/steps/{step}",          Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/steps",                 Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { title = "Uusi", dueDate = "2027-01-31" }),
        Api("PUT",    "/api/v1/networks/{id}/sections/picture/steps/{step}",          Unauthorized, Forbidden, Ok,        Ok,        Ok,        NotFound, NotFound, body: s => new { title = "Uusi", status = "Done", version = s.Book!.StepVersion }),
        Api("DELETE", "/api/v1/networks/{id}/sections/picture/steps/{step}",          Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/steps/{delstep}/restore", Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/sections/picture/steps/{step}/move",     Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound, body: _ => new { direction = 1 }),
        Api("GET",    "/api/v1/networks/{id}/themes",                                 Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/themes/{theme}",                         Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/themes/{theme}/history",                 Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/themes",                                 Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { title = "Uusi teema" }),
        Api("PUT",    "/api/v1/networks/{id}/themes/{theme}",                         Unauthorized, Forbidden, Ok,        Ok,        Ok,        NotFound, NotFound, body: s => new { title = "Uusi", version = s.Book!.ThemeVersion }),
        Api("DELETE", "/api/v1/networks/{id}/themes/{theme}",                         Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/themes/{deltheme}/restore",              Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/themes/{theme}/archive",                 Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/themes/{archived}/unarchive",            Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/themes/{theme}/move",                    Unauthorized, Forbidden, NoContent, NoContent, NoContent, NotFound, NotFound, body: _ => new { direction = 1 }),
        Api("POST",   "/api/v1/networks/{id}/themes/{theme}/solutions",               Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { text = "Uusi" }),
        Api("POST",   "/api/v1/networks/{id}/themes/{theme}/steps",                   Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { title = "Uusi" }),
        Api("PUT",    "/api/v1/networks/{id}/themes/{theme}/responsibilities",        Unauthorized, Forbidden, Ok,        Ok,        Ok,        NotFound, NotFound, body: s => new { text = "Uusi", version = s.Book!.ThemeResponsibilitiesVersion }),

        // The map: viewers read, members change actors, links, views and versions.
        Api("GET",    "/api/v1/networks/{id}/actors",                                 Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/actors/duplicates",                      Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/actors",                                 Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { name = "Uusi toimija" }),
        Api("GET",    "/api/v1/networks/{id}/links",                                  Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/map/views",                              Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/map/views",                              Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { name = "Näkymä" }),
        Api("GET",    "/api/v1/networks/{id}/map/versions",                           Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/map/versions/compare?from=current&to=current", Unauthorized, Ok,  Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/map/versions",                           Unauthorized, Forbidden, Created,   Created,   Created,   NotFound, NotFound, body: _ => new { name = "Versio" }),
        // The analysis: anyone who can read the network reads its analysis; cancelling finds no running job here.
        Api("GET",    "/api/v1/networks/{id}/analysis",                               Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/analysis/versions",                      Unauthorized, Ok,        Ok,        Ok,        Ok,        NotFound, NotFound),
        Api("POST",   "/api/v1/networks/{id}/analysis/cancel",                        Unauthorized, NotFound,  NotFound,  NotFound,  NotFound,  NotFound, NotFound),

        // The full network backup: owners only, as it holds every member's e-mail and the whole history.
        Api("GET",    "/api/v1/networks/{id}/backup",                                 Unauthorized, Forbidden, Forbidden, Forbidden, Ok,        NotFound, NotFound),
        Api("GET",    "/api/v1/networks/{id}/backup?format=zip",                      Unauthorized, Forbidden, Forbidden, Forbidden, Ok,        NotFound, NotFound),

        //   method   url                          anonymous viewer    member    facilitator owner     other     missing
        Page("GET",   "/networks/{id}",            ToLogin,  Ok,       Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/members",    ToLogin,  Ok,       Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/settings",   ToLogin,  ToDenied, ToDenied, Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/map/duplicates", ToLogin, Ok,     Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/map",        ToLogin,  Ok,       Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/map/versions", ToLogin,  Ok,       Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/map/versions/compare?from=current&to=current", ToLogin, Ok, Ok, Ok, Ok,  NotFound, NotFound),
        Page("GET",   "/networks/{id}/map/analysis", ToLogin, Ok,     Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/map/import-export", ToLogin, Ok,  Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/assessments", ToLogin,   Ok,       Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/assessments/compare", ToLogin, Ok,  Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/export",     ToLogin,  Ok,       Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/export/print", ToLogin, Ok,      Ok,       Ok,         Ok,       NotFound, NotFound),
        Page("GET",   "/networks/{id}/assessments/instruments", ToLogin, Ok, Ok,     Ok,         Ok,       NotFound, NotFound),
        // The forms behind those pages, posted by hand: the page's policy guards the post as well.
        Page("POST",  "/networks/{id}/settings",   ToLogin,  ToDenied, ToDenied, DoneThen("/networks/{id}/settings"), DoneThen("/networks/{id}/settings"), NotFound, NotFound,
            form: s => [("_handler", "network-details"), ("Input.Version", s.Version.ToString()), ("Input.Name", "Uusi nimi"), ("Input.Language", "fi")]),
        // Only owners are shown the delete form; a facilitator's hand-made post finds no such form.
        Page("POST",  "/networks/{id}/settings#delete", ToLogin, ToDenied, ToDenied, BadForm, DoneThen("/networks/bin"), NotFound, NotFound,
            form: _ => [("_handler", "delete-network"), ("ConfirmDelete", "true")]),
        // The members page is open to viewers, but only owners are shown the role forms.
        Page("POST",  "/networks/{id}/members",    ToLogin,  BadForm,  BadForm,  BadForm,    DoneThen("/networks/{id}/members"), NotFound, NotFound,
            form: s => [("_handler", $"role-{s.MemberMembershipId}"), ("NewRole", nameof(NetworkRole.Facilitator))]),
    ];

    public static TheoryData<string, Actor> Cases()
    {
        var data = new TheoryData<string, Actor>();
        foreach (var row in Table)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(row.Name, actor);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_the_outcome_in_the_table(string rowName, Actor actor)
    {
        var row = Table.Single(r => r.Name == rowName);
        var expected = row.Expected[actor];
        var cast = await app.CastAsync();
        // A refused request must change nothing, so refusals share one network (the snapshots below prove it
        // stayed untouched); only requests that succeed in changing state need a network of their own.
        var network = !row.Mutates ? await app.SharedScenarioAsync()
            : expected.Changes || row.InBin ? await app.NewScenarioAsync(row.Workbook) : await app.RefusalScenarioAsync();
        if (row.InBin)
        {
            Assert.True((await app.Services.GetRequiredService<NetworkService>().DeleteAsync(network.Id, cast.Owner.Id)).Succeeded);
        }
        var targetId = actor == Actor.MissingNetwork ? Guid.NewGuid() : network.Id;
        var before = await Arrange.SnapshotAsync(app.Services, network.Id);

        var response = await SendAsync(row, network, targetId, cast, actor);

        var because = $"{row.Name} as {actor}";
        Assert.True(expected.Status == response.StatusCode,
            $"{because}: expected {(int)expected.Status}, got {(int)response.StatusCode} {response.Headers.Location}");
        if (expected.RedirectPath is not null)
        {
            Assert.Equal(Resolve(expected.RedirectPath, targetId, network), response.RedirectPath());
        }
        if (row.Mutates)
        {
            var after = await Arrange.SnapshotAsync(app.Services, network.Id);
            Assert.True(expected.Changes != (before == after),
                expected.Changes ? $"{because}: succeeded but changed nothing." : $"{because}: was refused but changed the network:\n{before}\n→\n{after}");
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_network_the_caller_is_not_in_looks_exactly_like_one_that_does_not_exist(string rowName)
    {
        // Nothing in the answer may tell an outsider that the id is real: same status, same body.
        var row = Table.Single(r => r.Name == rowName);
        var cast = await app.CastAsync();
        var network = row.InBin ? await app.NewScenarioAsync() : await app.RefusalScenarioAsync();
        if (row.InBin)
        {
            Assert.True((await app.Services.GetRequiredService<NetworkService>().DeleteAsync(network.Id, cast.Owner.Id)).Succeeded);
        }

        var real = await SendAsync(row, network, network.Id, cast, Actor.OtherNetwork);
        var missing = await SendAsync(row, network, Guid.NewGuid(), cast, Actor.OtherNetwork);

        Assert.Equal(HttpStatusCode.NotFound, real.StatusCode);
        Assert.Equal(missing.StatusCode, real.StatusCode);
        Assert.Equal(missing.Content.Headers.ContentType?.MediaType, real.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Normalize(await missing.BodyAsync()), Normalize(await real.BodyAsync()));
    }

    public static TheoryData<string> Rows() => [.. Table.Select(r => r.Name)];

    private static async Task<HttpResponseMessage> SendAsync(Row row, Scenario network, Guid targetId, Cast cast, Actor actor)
    {
        var url = Resolve(row.Url, targetId, network).Split('#')[0];
        var client = row.IsApi ? cast.ApiClients[actor] : cast.PageClients[actor];
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        if (row.Body is not null)
        {
            request.Content = JsonContent.Create(row.Body(network));
        }
        if (row.Form is not null)
        {
            // A token this caller could really have: from a page every caller of its kind may open.
            var token = await TestHttp.TokenFromAsync(client, actor == Actor.Anonymous ? "/account/login" : "/account/manage");
            var fields = row.Form(network);
            request.Content = TestHttp.Form(token, null, fields);
        }
        return await client.SendAsync(request);
    }

    private static string Resolve(string template, Guid networkId, Scenario s) => ResolveWorkbook(template, s.Book)
        .Replace("{id}", networkId.ToString(), StringComparison.Ordinal)
        .Replace("{mid}", s.MemberMembershipId.ToString(), StringComparison.Ordinal)
        .Replace("{iid}", s.InvitationId.ToString(), StringComparison.Ordinal)
        .Replace("{logoId}", s.LogoId.ToString(), StringComparison.Ordinal);

    private static string ResolveWorkbook(string template, WorkbookScenario? b) => b is null ? template : template
        .Replace("{sol}", b.SolutionId.ToString(), StringComparison.Ordinal)
        .Replace("{delsol}", b.DeletedSolutionId.ToString(), StringComparison.Ordinal)
        .Replace("{step}", b.StepId.ToString(), StringComparison.Ordinal)
        .Replace("{delstep}", b.DeletedStepId.ToString(), StringComparison.Ordinal)
        .Replace("{theme}", b.ThemeId.ToString(), StringComparison.Ordinal)
        .Replace("{archived}", b.ArchivedThemeId.ToString(), StringComparison.Ordinal)
        .Replace("{deltheme}", b.DeletedThemeId.ToString(), StringComparison.Ordinal)
        .Replace("{delcustom}", b.DeletedCustomKey, StringComparison.Ordinal)
        .Replace("{custom}", b.CustomKey, StringComparison.Ordinal);

    /// <summary>Antiforgery tokens and the requested id differ per request by design; everything else must match.</summary>
    private static string Normalize(string body) =>
        GuidRegex().Replace(TokenValueRegex().Replace(body, "value=\"token\""), "guid");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenValueRegex();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidRegex();

    private static Row Api(string method, string url, Outcome anonymous, Outcome viewer, Outcome member, Outcome facilitator, Outcome owner,
        Outcome other, Outcome missing, Func<Scenario, object>? body = null, bool inBin = false) =>
        new(method, url, true, Expect(anonymous, viewer, member, facilitator, owner, other, missing), body, null, inBin);

    private static Row Page(string method, string url, Outcome anonymous, Outcome viewer, Outcome member, Outcome facilitator, Outcome owner,
        Outcome other, Outcome missing, Func<Scenario, (string, string)[]>? form = null) =>
        new(method, url, false, Expect(anonymous, viewer, member, facilitator, owner, other, missing), null, form, false);

    private static Dictionary<Actor, Outcome> Expect(Outcome anonymous, Outcome viewer, Outcome member, Outcome facilitator, Outcome owner, Outcome other, Outcome missing) => new()
    {
        [Actor.Anonymous] = anonymous,
        [Actor.Viewer] = viewer,
        [Actor.Member] = member,
        [Actor.Facilitator] = facilitator,
        [Actor.Owner] = owner,
        [Actor.OtherNetwork] = other,
        [Actor.MissingNetwork] = missing,
    };

    /// <summary>An expected answer; <paramref name="Changes"/> says whether a state-changing request should have changed the network.</summary>
    private sealed record Outcome(HttpStatusCode Status, string? RedirectPath = null, bool Changes = false);

    private sealed record Row(string Method, string Url, bool IsApi, Dictionary<Actor, Outcome> Expected,
        Func<Scenario, object>? Body, Func<Scenario, (string, string)[]>? Form, bool InBin)
    {
        public string Name => $"{Method} {Url}";
        public bool Mutates => Method != "GET";

        /// <summary>Rows under the workbook need a network with sections, answers and themes to act on.</summary>
        public bool Workbook => Url.Contains("/workbook", StringComparison.Ordinal) || Url.Contains("/sections", StringComparison.Ordinal)
            || Url.Contains("/themes", StringComparison.Ordinal) || Url.Contains("/actions", StringComparison.Ordinal);
    }
}

/// <summary>A network with one member of each role, an open invitation and a logo (and for workbook rows, a workbook to act on).</summary>
public sealed record Scenario(Guid Id, Guid Version, Guid MemberMembershipId, Guid InvitationId, Guid LogoId, WorkbookScenario? Book = null);

/// <summary>
/// A workbook where every workbook row has something to change: overridden texts on "picture" (to reset), "roles"
/// hidden (to show), two key solutions and two steps (to move) plus a deleted one of each, two live themes, an
/// archived and a deleted one, and a live and a deleted custom section.
/// </summary>
public sealed record WorkbookScenario(Guid TextsVersion, Guid FieldsVersion, Guid ResponsibilitiesVersion,
    Guid SolutionId, Guid SolutionVersion, Guid DeletedSolutionId, Guid StepId, Guid StepVersion, Guid DeletedStepId,
    Guid ThemeId, Guid ThemeVersion, Guid ThemeResponsibilitiesVersion, Guid ArchivedThemeId, Guid DeletedThemeId, string CustomKey, string DeletedCustomKey)
{
    public static async Task<WorkbookScenario> CreateAsync(IServiceProvider services, Guid networkId, string ownerId)
    {
        var workbook = services.GetRequiredService<WorkbookService>();
        var answers = services.GetRequiredService<AnswerService>();
        var steps = services.GetRequiredService<ActionService>();
        var themes = services.GetRequiredService<ThemeService>();
        static T Ok<T>(ServiceResult<T> r)
        {
            Assert.True(r.Succeeded, r.ErrorCode);
            return r.Value!;
        }
        static void Done(ServiceResult r) => Assert.True(r.Succeeded, r.ErrorCode);

        var picture = (await workbook.GetSectionAsync(networkId, ownerId, "picture"))!;
        var texts = Ok(await workbook.UpdateTextsAsync(networkId, ownerId, "picture", new SectionTextsInput("Oma kuva", null, null), picture.TextsVersion));
        Done(await workbook.SetHiddenAsync(networkId, ownerId, "roles", true));
        var fields = (await workbook.GetSectionAsync(networkId, ownerId, "definition"))!.FieldsVersion;
        var owner = AnswerOwner.Section("picture");
        var solution = Ok(await answers.AddKeySolutionAsync(networkId, ownerId, owner, "Ratkaisu"));
        Ok(await answers.AddKeySolutionAsync(networkId, ownerId, owner, "Toinen"));
        var deletedSolution = Ok(await answers.AddKeySolutionAsync(networkId, ownerId, owner, "Poistettu"));
        Done(await answers.DeleteKeySolutionAsync(networkId, ownerId, deletedSolution));
        var step = Ok(await steps.AddAsync(networkId, ownerId, owner, new ActionInput("Askel", null, null, null, ActionStatus.Planned)));
        Ok(await steps.AddAsync(networkId, ownerId, owner, new ActionInput("Toinen", null, null, null, ActionStatus.Planned)));
        var deletedStep = Ok(await steps.AddAsync(networkId, ownerId, owner, new ActionInput("Poistettu", null, null, null, ActionStatus.Planned)));
        Done(await steps.DeleteAsync(networkId, ownerId, deletedStep));
        var theme = Ok(await themes.CreateAsync(networkId, ownerId, new ThemeInput("Teema", null)));
        Ok(await themes.CreateAsync(networkId, ownerId, new ThemeInput("Toinen", null)));
        var archived = Ok(await themes.CreateAsync(networkId, ownerId, new ThemeInput("Arkistoitu", null)));
        Done(await themes.ArchiveAsync(networkId, ownerId, archived));
        var deletedTheme = Ok(await themes.CreateAsync(networkId, ownerId, new ThemeInput("Poistettu", null)));
        Done(await themes.DeleteAsync(networkId, ownerId, deletedTheme));
        var custom = Ok(await workbook.AddCustomAsync(networkId, ownerId, new SectionTextsInput("Oma osio", null, null)));
        var deletedCustom = Ok(await workbook.AddCustomAsync(networkId, ownerId, new SectionTextsInput("Poistettu osio", null, null)));
        Done(await workbook.DeleteCustomAsync(networkId, ownerId, deletedCustom));
        var themeView = (await themes.GetAsync(networkId, ownerId, theme))!;
        var solutionView = (await answers.GetKeySolutionAsync(networkId, ownerId, solution))!;
        var stepView = (await steps.GetAsync(networkId, ownerId, step))!;
        return new(texts, fields, picture.ResponsibilitiesVersion, solution, solutionView.Version, deletedSolution, step, stepView.Version, deletedStep,
            theme, themeView.Version, themeView.ResponsibilitiesVersion, archived, deletedTheme, custom, deletedCustom);
    }
}

/// <summary>The callers: one account per role, an outsider who owns another network, and their signed-in clients.</summary>
public sealed record Cast(TestUser Owner, TestUser Facilitator, TestUser Member, TestUser Viewer, TestUser Outsider,
    IReadOnlyDictionary<Actor, HttpClient> ApiClients, IReadOnlyDictionary<Actor, HttpClient> PageClients);

/// <summary>The app for the role matrix: the cast signs in once per test class, not once per case.</summary>
public sealed class RoleMatrixAppFactory : VerkostamoAppFactory
{
    private readonly Lazy<Task<Cast>> cast;
    private readonly Lazy<Task<Scenario>> shared;
    private readonly Lazy<Task<Scenario>> refusals;

    public RoleMatrixAppFactory()
    {
        cast = new(CreateCastAsync);
        shared = new(() => NewScenarioAsync(workbook: true));
        refusals = new(() => NewScenarioAsync(workbook: true));
    }

    public Task<Cast> CastAsync() => cast.Value;

    /// <summary>One network for the rows that only read; rows that change state use <see cref="NewScenarioAsync"/>.</summary>
    public Task<Scenario> SharedScenarioAsync() => shared.Value;

    /// <summary>One network for state-changing rows that must be refused; a refusal that changed it would fail its own row.</summary>
    public Task<Scenario> RefusalScenarioAsync() => refusals.Value;

    public async Task<Scenario> NewScenarioAsync(bool workbook = false)
    {
        var c = await CastAsync();
        var id = await Arrange.NetworkAsync(Services, c.Owner);
        await Arrange.MemberAsync(Services, id, c.Owner, c.Facilitator, NetworkRole.Facilitator);
        var member = await Arrange.MemberAsync(Services, id, c.Owner, c.Member, NetworkRole.Member);
        await Arrange.MemberAsync(Services, id, c.Owner, c.Viewer, NetworkRole.Viewer);
        var invitation = await Services.GetRequiredService<InvitationService>().CreateAsync(id, c.Owner.Id, new InvitationInput(NetworkRole.Member, 7, null));
        var logo = await Services.GetRequiredService<NetworkService>().AddLogoAsync(id, c.Owner.Id, "logo.png", Arrange.Png());
        var version = (await Services.GetRequiredService<NetworkService>().GetAsync(id, c.Owner.Id))!.Version;
        return new Scenario(id, version, member, invitation.Value!.Id, logo.Value,
            workbook ? await WorkbookScenario.CreateAsync(Services, id, c.Owner.Id) : null);
    }

    private async Task<Cast> CreateCastAsync()
    {
        var owner = await TestUsers.CreateAsync(Services, name: "Omistaja");
        var facilitator = await TestUsers.CreateAsync(Services, name: "Fasilitaattori");
        var member = await TestUsers.CreateAsync(Services, name: "Jäsen");
        var viewer = await TestUsers.CreateAsync(Services, name: "Katselija");
        var outsider = await TestUsers.CreateAsync(Services, name: "Ulkopuolinen");
        await Arrange.NetworkAsync(Services, outsider, "Toinen verkosto");

        var users = new Dictionary<Actor, TestUser?>
        {
            [Actor.Anonymous] = null,
            [Actor.Viewer] = viewer,
            [Actor.Member] = member,
            [Actor.Facilitator] = facilitator,
            [Actor.Owner] = owner,
            [Actor.OtherNetwork] = outsider,
            [Actor.MissingNetwork] = owner,
        };
        var api = new Dictionary<Actor, HttpClient>();
        var pages = new Dictionary<Actor, HttpClient>();
        foreach (var (actor, user) in users)
        {
            api[actor] = user is null ? this.NoRedirectClient() : await this.BearerClientAsync(user);
            pages[actor] = user is null ? this.NoRedirectClient() : await this.SignedInClientAsync(user);
        }
        return new Cast(owner, facilitator, member, viewer, outsider, api, pages);
    }
}
