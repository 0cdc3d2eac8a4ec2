using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Map;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Map;

/// <summary>The map's accessible twin: the tables page, the actor page and the link page, posted as a browser posts them.</summary>
public class MapTablePageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private ActorService Actors => app.Services.GetRequiredService<ActorService>();
    private LinkService Links => app.Services.GetRequiredService<LinkService>();

    private async Task<(TestUser Owner, Guid NetworkId, HttpClient Client)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return (owner, networkId, await app.SignedInClientAsync(owner));
    }

    private async Task<Guid> ActorAsync(TestUser owner, Guid networkId, string name, Sector sector = Sector.Public, ParticipationRole? role = null, params string[] tags)
    {
        var result = await Actors.CreateAsync(networkId, owner.Id, new ActorInput(name) { Sector = sector, RoleNow = role, Tags = tags, Levels = Level.Strategy });
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Value;
    }

    private async Task<Guid> LinkAsync(TestUser owner, Guid networkId, Guid a, Guid b, LinkStrength strength = LinkStrength.Weak)
    {
        var result = await Links.CreateAsync(networkId, owner.Id, new LinkInput(a, b) { Strength = strength });
        Assert.True(result.Succeeded, result.ErrorCode);
        return result.Value;
    }

    /// <summary>Actors and links of the network with their versions and deletion times: equal strings mean nothing changed.</summary>
    private async Task<string> MapStateAsync(Guid networkId)
    {
        await using var db = await Arrange.Db(app.Services);
        var actors = (await db.Actors.AsNoTracking().Where(a => a.NetworkId == networkId).Select(a => new { a.Id, a.Version, a.DeletedAt }).ToListAsync())
            .OrderBy(a => a.Id).Select(a => a.ToString());
        var links = (await db.Links.AsNoTracking().Where(l => l.NetworkId == networkId).Select(l => new { l.Id, l.Version, l.DeletedAt }).ToListAsync())
            .OrderBy(l => l.Id).Select(l => l.ToString());
        return string.Join("\n", actors.Concat(links));
    }

    [Fact]
    public async Task The_tables_page_shows_the_summary_the_actors_and_the_links()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var ely = await ActorAsync(owner, networkId, "ELY-keskus", Sector.Public, ParticipationRole.Locomotive);
        var ry = await ActorAsync(owner, networkId, "Työkykyyhdistys ry", Sector.ThirdSector);
        var oy = await ActorAsync(owner, networkId, "Rakennus Oy", Sector.Private);
        await ActorAsync(owner, networkId, "Yksinäinen susi", Sector.Other);
        await LinkAsync(owner, networkId, ely, ry, LinkStrength.Strong);
        await LinkAsync(owner, networkId, ry, oy);

        var response = await client.GetAsync($"/networks/{networkId}/map/tables");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get("Map.Summary.Counts", "fi", 4, 2, 1, 1), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Summary.CrossSector", "fi", 2, 100), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Summary.Components", "fi", 2, 3), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Summary.Isolated", "fi", 1, "Yksinäinen susi"), html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/networks/{networkId}/actors/{ely}\"", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Participation.Locomotive") + " → " + Texts.Get("Map.Role.None"), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Links.EditNamed", "fi", "ELY-keskus", "Työkykyyhdistys ry"), html, StringComparison.Ordinal);
        Assert.Contains($"/networks/{networkId}/actors/new", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_actor_filters_narrow_the_table_and_explain_an_empty_result()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        await ActorAsync(owner, networkId, "Kunta", Sector.Public, null, "nuoret");
        await ActorAsync(owner, networkId, "Yritys Oy", Sector.Private);

        var bySector = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables?sector=Private"));
        Assert.Contains(">Yritys Oy</a>", bySector, StringComparison.Ordinal);
        Assert.DoesNotContain(">Kunta</a>", bySector, StringComparison.Ordinal);

        var byTag = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables?tag=nuoret&q=kun"));
        Assert.Contains(">Kunta</a>", byTag, StringComparison.Ordinal);
        Assert.DoesNotContain(">Yritys Oy</a>", byTag, StringComparison.Ordinal);

        var none = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables?q=eiole&sector=Nonsense"));
        Assert.Contains(Texts.Get("Map.Actors.NoMatch"), none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_map_says_what_to_do_next()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var html = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables"));
        Assert.Contains(Texts.Get("Map.Summary.Empty"), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Actors.EmptyMember"), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Links.EmptyFewActors"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_actor_is_saved_and_the_browser_is_sent_to_its_page()
    {
        var (_, networkId, client) = await ArrangeAsync();

        var response = await client.SubmitFormAsync($"/networks/{networkId}/actors/new", "actor-edit",
            ("ActorEdit.Name", "  Karelia-ammattikorkeakoulu "), ("ActorEdit.Kind", "Organisation"), ("ActorEdit.Sector", "Public"),
            ("ActorLevels", "Strategy"), ("ActorLevels", "ServicePath"), ("ActorEdit.RoleNow", "StrongParticipant"), ("ActorEdit.RoleWanted", "Locomotive"),
            ("ActorEdit.Email", "info@karelia.fi"), ("ActorEdit.Tags", "koulutus, tutkimus"), ("ActorEdit.Notes", "Mukana alusta asti"));

        Assert.True(response.IsRedirect(), $"Expected a redirect, got {(int)response.StatusCode}");
        await using var db = await Arrange.Db(app.Services);
        var actor = await db.Actors.SingleAsync(a => a.NetworkId == networkId);
        Assert.Equal($"/networks/{networkId}/actors/{actor.Id}", response.RedirectPath());
        Assert.Equal("Karelia-ammattikorkeakoulu", actor.Name);
        Assert.Equal(Level.Strategy | Level.ServicePath, actor.Levels);
        Assert.Equal(ParticipationRole.StrongParticipant, actor.RoleNow);
        Assert.Equal(ParticipationRole.Locomotive, actor.RoleWanted);
        Assert.Equal(["koulutus", "tutkimus"], actor.Tags);
        var page = Texts.Decoded(await client.GetStringAsync(response.RedirectPath()));
        Assert.Contains("value=\"Karelia-ammattikorkeakoulu\"", page, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Neighbours.NoOthers"), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_actor_and_a_new_link_answer_with_a_redirect_to_their_pages()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Vanha nimi");
        var b = await ActorAsync(owner, networkId, "Kumppani");
        var version = (await Actors.GetAsync(networkId, owner.Id, a))!.Version;

        var saved = await client.SubmitFormAsync($"/networks/{networkId}/actors/{a}", "actor-edit",
            ("ActorEdit.Version", version.ToString()), ("ActorEdit.Name", "Uusi nimi"), ("ActorEdit.Kind", "Unit"), ("ActorEdit.Sector", "Other"));

        Assert.Equal($"/networks/{networkId}/actors/{a}", saved.RedirectPath());
        Assert.Equal(("Uusi nimi", ActorKind.Unit, Sector.Other), ((await Actors.GetAsync(networkId, owner.Id, a))! is var v ? (v.Name, v.Kind, v.Sector) : default));

        var created = await client.SubmitFormAsync($"/networks/{networkId}/links/new?source={a}", "link-edit",
            ("LinkEdit.Source", a.ToString()), ("LinkEdit.Target", b.ToString()), ("LinkEdit.Strength", "Weak"), ("LinkEdit.Kinds", "tiedonvaihto"));

        var link = (await Links.ListAsync(networkId, owner.Id))!.Single();
        Assert.Equal($"/networks/{networkId}/links/{link.Id}", created.RedirectPath());
        var html = Texts.Decoded(await client.GetStringAsync(created.RedirectPath()));
        Assert.Contains(Texts.Get("Map.Link.Title", "fi", "Uusi nimi", "Kumppani"), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Organisation", "", "", "Error.NameRequired")]
    [InlineData("Nimi", "Organisation", "ei-osoite", "", "Error.EmailInvalid")]
    [InlineData("Nimi", "7", "", "", "Error.ValueInvalid")]
    [InlineData("Nimi", "Organisation", "", "Everywhere", "Error.ValueInvalid")]
    public async Task A_bad_actor_is_explained_keeps_what_was_typed_and_saves_nothing(string name, string kind, string email, string level, string messageKey)
    {
        var (_, networkId, client) = await ArrangeAsync();

        var response = await client.SubmitFormAsync($"/networks/{networkId}/actors/new", "actor-edit",
            ("ActorEdit.Name", name), ("ActorEdit.Kind", kind), ("ActorEdit.Sector", "Private"), ("ActorEdit.Email", email),
            ("ActorLevels", level.Length == 0 ? "Advocacy" : level), ("ActorEdit.Notes", "Tämä teksti jää talteen"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get(messageKey), html, StringComparison.Ordinal);
        Assert.Contains("Tämä teksti jää talteen</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Private\" selected", html, StringComparison.Ordinal);
        await using var db = await Arrange.Db(app.Services);
        Assert.Equal(0, await db.Actors.CountAsync(a => a.NetworkId == networkId));
    }

    [Fact]
    public async Task A_stale_actor_edit_is_refused_keeps_the_typed_text_and_offers_the_current_version()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var id = await ActorAsync(owner, networkId, "Alkuperäinen");
        var original = (await Actors.GetAsync(networkId, owner.Id, id))!;
        Assert.True((await Actors.UpdateAsync(networkId, owner.Id, id, new ActorInput("Toisen käyttäjän nimi"), original.Version)).Succeeded);

        var response = await client.SubmitFormAsync($"/networks/{networkId}/actors/{id}", "actor-edit",
            ("ActorEdit.Version", original.Version.ToString()), ("ActorEdit.Name", "Minun nimeni"), ("ActorEdit.Kind", "Group"), ("ActorEdit.Sector", "Public"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get("Error.ConcurrencyConflict"), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Merge.Title"), html, StringComparison.Ordinal);
        Assert.Contains("value=\"Minun nimeni\"", html, StringComparison.Ordinal);
        var current = (await Actors.GetAsync(networkId, owner.Id, id))!;
        Assert.Equal("Toisen käyttäjän nimi", current.Name);
        Assert.Contains($"value=\"{current.Version}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_is_added_from_the_actor_page_and_its_marks_edited_on_the_link_page()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Kela");
        var b = await ActorAsync(owner, networkId, "Siun sote");

        var added = await client.SubmitFormAsync($"/networks/{networkId}/actors/{a}", "link-add",
            ("LinkEdit.Target", b.ToString()), ("LinkEdit.Strength", "Strong"), ("LinkMarks", "AgreedRoles"), ("LinkMarks", "SharedForum"),
            ("LinkEdit.Kinds", "asiakasohjaus, rahoitus"), ("LinkLevels", "CustomerInterface"), ("LinkEdit.Direction", "directed"));

        Assert.Equal($"/networks/{networkId}/actors/{a}", added.RedirectPath());
        var link = (await Links.ListAsync(networkId, owner.Id))!.Single();
        Assert.Equal((a, b, LinkStrength.Strong, LinkMark.AgreedRoles | LinkMark.SharedForum, Level.CustomerInterface, true),
            (link.SourceActorId, link.TargetActorId, link.Strength, link.Marks, link.Levels, link.Directed));
        Assert.Equal(["asiakasohjaus", "rahoitus"], link.Kinds);
        var actorPage = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/actors/{a}"));
        Assert.Contains(">Siun sote</a>", actorPage, StringComparison.Ordinal);

        var edited = await client.SubmitFormAsync($"/networks/{networkId}/links/{link.Id}", "link-edit",
            ("LinkEdit.Version", link.Version.ToString()), ("LinkEdit.Source", a.ToString()), ("LinkEdit.Target", b.ToString()),
            ("LinkEdit.Strength", "Weak"), ("LinkMarks", "FlexibleRoles"), ("LinkMarks", "OpenMeetings"));

        Assert.Equal($"/networks/{networkId}/links/{link.Id}", edited.RedirectPath());
        var after = (await Links.GetAsync(networkId, owner.Id, link.Id))!;
        Assert.Equal((LinkStrength.Weak, LinkMark.FlexibleRoles | LinkMark.OpenMeetings, Level.None, false), (after.Strength, after.Marks, after.Levels, after.Directed));
    }

    [Theory]
    [InlineData("self", "Strong", "", "Error.SelfLink")]
    [InlineData("other", "Medium", "", "Error.ValueInvalid")]
    [InlineData("other", "Strong", "Telepathy", "Error.ValueInvalid")]
    [InlineData("", "Strong", "", "Error.ActorInvalid")]
    [InlineData("foreign", "Strong", "", "Error.ActorInvalid")]
    public async Task A_bad_link_is_explained_and_saves_nothing(string target, string strength, string mark, string messageKey)
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Kunta");
        var b = await ActorAsync(owner, networkId, "Seurakunta");
        var otherNetwork = await Arrange.NetworkAsync(app.Services, owner);
        var foreign = await ActorAsync(owner, otherNetwork, "Vieras");
        var targetValue = target switch { "self" => a.ToString(), "other" => b.ToString(), "foreign" => foreign.ToString(), _ => "" };

        var response = await client.SubmitFormAsync($"/networks/{networkId}/links/new", "link-edit",
            ("LinkEdit.Source", a.ToString()), ("LinkEdit.Target", targetValue), ("LinkEdit.Strength", strength), ("LinkMarks", mark.Length == 0 ? "Contracts" : mark),
            ("LinkEdit.Notes", "Muistiinpano säilyy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get(messageKey), html, StringComparison.Ordinal);
        Assert.Contains("Muistiinpano säilyy</textarea>", html, StringComparison.Ordinal);
        await using var db = await Arrange.Db(app.Services);
        Assert.Equal(0, await db.Links.CountAsync(l => l.NetworkId == networkId || l.NetworkId == otherNetwork));
    }

    [Fact]
    public async Task A_stale_link_edit_is_refused_and_keeps_the_ticked_marks()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Ensimmäinen");
        var b = await ActorAsync(owner, networkId, "Toinen");
        var id = await LinkAsync(owner, networkId, a, b);
        var original = (await Links.GetAsync(networkId, owner.Id, id))!;
        Assert.True((await Links.UpdateAsync(networkId, owner.Id, id, new LinkInput(a, b) { Strength = LinkStrength.Strong }, original.Version)).Succeeded);

        var response = await client.SubmitFormAsync($"/networks/{networkId}/links/{id}", "link-edit",
            ("LinkEdit.Version", original.Version.ToString()), ("LinkEdit.Source", a.ToString()), ("LinkEdit.Target", b.ToString()),
            ("LinkEdit.Strength", "Weak"), ("LinkMarks", "Contracts"), ("LinkEdit.Notes", "Oma muistiinpanoni"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get("Error.ConcurrencyConflict"), html, StringComparison.Ordinal);
        Assert.Contains("Oma muistiinpanoni</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"LinkMark-Contracts\"[^>]*checked", html);
        var current = (await Links.GetAsync(networkId, owner.Id, id))!;
        Assert.Equal((LinkStrength.Strong, LinkMark.None), (current.Strength, current.Marks));
        Assert.Contains($"value=\"{current.Version}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_actor_table_is_paged_with_links_to_the_other_pages()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        for (var i = 0; i < 201; i++)
        {
            await ActorAsync(owner, networkId, $"Toimija {i:D3}");
        }

        var first = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables"));
        Assert.Contains(Texts.Get("Map.Actors.Showing", "fi", 1, 200, 201), first, StringComparison.Ordinal);
        Assert.Contains(">Toimija 199</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Toimija 200</a>", first, StringComparison.Ordinal);
        Assert.Contains("apage=2", first, StringComparison.Ordinal);
        Assert.Contains("rows=all", first, StringComparison.Ordinal);

        var second = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables?apage=2"));
        Assert.Contains(">Toimija 200</a>", second, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Actors.Showing", "fi", 201, 201, 201), second, StringComparison.Ordinal);

        var all = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables?rows=all"));
        Assert.Contains(">Toimija 000</a>", all, StringComparison.Ordinal);
        Assert.Contains(">Toimija 200</a>", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_actor_asks_first_then_removes_it_with_its_links_and_the_tables_page_restores_it()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Poistettava");
        var b = await ActorAsync(owner, networkId, "Pysyvä");
        await LinkAsync(owner, networkId, a, b);

        var confirm = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/actors/{a}?confirm=delete"));
        Assert.Contains(Texts.Get("Map.Actor.ConfirmDelete", "fi", "Poistettava"), confirm, StringComparison.Ordinal);
        Assert.Equal(1, (await Actors.ListAsync(networkId, owner.Id))!.Count(x => x.Id == a));

        var deleted = await client.SubmitFormAsync($"/networks/{networkId}/actors/{a}?confirm=delete", "actor-cmd", ("Cmd.Command", "delete"));
        Assert.True(deleted.IsRedirect(), $"Expected a redirect, got {(int)deleted.StatusCode}");
        Assert.Equal($"/networks/{networkId}/map/tables", deleted.RedirectPath());
        Assert.Empty((await Links.ListAsync(networkId, owner.Id))!);
        var tables = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables"));
        Assert.Contains(Texts.Get("Map.Deleted.RestoreNamed", "fi", "Poistettava"), tables, StringComparison.Ordinal);

        var restored = await client.SubmitFormAsync($"/networks/{networkId}/map/tables", "tables-cmd", ("Cmd.Command", $"restore-actor:{a}"));
        Assert.True(restored.IsRedirect(), $"Expected a redirect, got {(int)restored.StatusCode}");
        Assert.Single((await Links.ListAsync(networkId, owner.Id))!);
        Assert.Null((await Actors.GetAsync(networkId, owner.Id, a))!.DeletedAt);
    }

    [Fact]
    public async Task A_link_is_deleted_after_confirmation_and_restored_from_the_tables_page()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var link = await LinkAsync(owner, networkId, await ActorAsync(owner, networkId, "A-talo"), await ActorAsync(owner, networkId, "B-talo"));

        var confirm = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/links/{link}?confirm=delete"));
        Assert.Contains(Texts.Get("Map.Link.ConfirmDelete", "fi", "A-talo", "B-talo"), confirm, StringComparison.Ordinal);

        var deleted = await client.SubmitFormAsync($"/networks/{networkId}/links/{link}", "link-cmd", ("Cmd.Command", "delete"));
        Assert.Equal($"/networks/{networkId}/map/tables", deleted.RedirectPath());
        Assert.NotNull((await Links.GetAsync(networkId, owner.Id, link))!.DeletedAt);

        var restored = await client.SubmitFormAsync($"/networks/{networkId}/map/tables", "tables-cmd", ("Cmd.Command", $"restore-link:{link}"));
        Assert.True(restored.IsRedirect(), $"Expected a redirect, got {(int)restored.StatusCode}");
        Assert.Null((await Links.GetAsync(networkId, owner.Id, link))!.DeletedAt);
    }

    [Fact]
    public async Task A_viewer_reads_everything_but_gets_no_editing_controls_and_cannot_change_the_map()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var a = await ActorAsync(owner, networkId, "Näkyvä toimija");
        var b = await ActorAsync(owner, networkId, "Toinen toimija");
        var link = await LinkAsync(owner, networkId, a, b);
        var deletedActor = await ActorAsync(owner, networkId, "Poistettu toimija");
        Assert.True((await Actors.DeleteAsync(networkId, owner.Id, deletedActor)).Succeeded);
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var client = await app.SignedInClientAsync(viewer);
        var before = await MapStateAsync(networkId);

        var tables = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables"));
        Assert.Contains(">Näkyvä toimija</a>", tables, StringComparison.Ordinal);
        Assert.Contains("Poistettu toimija", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("/actors/new", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("restore-actor:", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm=delete", tables, StringComparison.Ordinal);

        var actorPage = await client.GetStringAsync($"/networks/{networkId}/actors/{a}");
        Assert.Contains("<fieldset class=\"map-fieldset\" disabled", actorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("link-add", actorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/networks/{networkId}/actors/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/networks/{networkId}/links/new")).StatusCode);

        var token = TestUsers.AntiforgeryToken(actorPage);
        var posts = new[]
        {
            await client.PostAsync($"/networks/{networkId}/actors/{a}", TestHttp.Form(token, "actor-edit", ("ActorEdit.Name", "Muutettu"), ("ActorEdit.Kind", "Group"), ("ActorEdit.Sector", "Other"))),
            await client.PostAsync($"/networks/{networkId}/actors/{a}", TestHttp.Form(token, "actor-cmd", ("Cmd.Command", "delete"))),
            await client.PostAsync($"/networks/{networkId}/links/{link}", TestHttp.Form(token, "link-cmd", ("Cmd.Command", "delete"))),
            await client.PostAsync($"/networks/{networkId}/map/tables", TestHttp.Form(token, "tables-cmd", ("Cmd.Command", $"restore-actor:{deletedActor}"))),
        };
        Assert.All(posts, p => Assert.NotEqual(HttpStatusCode.InternalServerError, p.StatusCode));
        Assert.Equal(before, await MapStateAsync(networkId));
    }

    [Fact]
    public async Task Another_networks_actors_and_links_are_not_found_through_this_network()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var stranger = await TestUsers.CreateAsync(app.Services);
        var theirNetwork = await Arrange.NetworkAsync(app.Services, stranger);
        var theirs = await ActorAsync(stranger, theirNetwork, "Salainen toimija");
        var theirLink = await LinkAsync(stranger, theirNetwork, theirs, await ActorAsync(stranger, theirNetwork, "Salainen kumppani"));
        var before = await MapStateAsync(theirNetwork);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/networks/{networkId}/actors/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/networks/{networkId}/links/{theirLink}")).StatusCode);
        var foreign = await client.GetAsync($"/networks/{theirNetwork}/map/tables");
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        Assert.DoesNotContain("Salainen toimija", await foreign.BodyAsync(), StringComparison.Ordinal);

        var token = await TestHttp.TokenFromAsync(client, $"/networks/{networkId}/map/tables");
        var restore = await client.PostAsync($"/networks/{networkId}/map/tables", TestHttp.Form(token, "tables-cmd", ("Cmd.Command", $"restore-actor:{theirs}")));
        Assert.NotEqual(HttpStatusCode.InternalServerError, restore.StatusCode);
        var delete = await client.PostAsync($"/networks/{networkId}/actors/{theirs}", TestHttp.Form(token, "actor-cmd", ("Cmd.Command", "delete")));
        Assert.NotEqual(HttpStatusCode.InternalServerError, delete.StatusCode);
        Assert.Equal(before, await MapStateAsync(theirNetwork));
        Assert.Equal(0, await CountAsync(networkId));
    }

    private async Task<int> CountAsync(Guid networkId)
    {
        await using var db = await Arrange.Db(app.Services);
        return await db.Actors.CountAsync(a => a.NetworkId == networkId);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task The_tables_page_speaks_swedish_and_english(string culture)
    {
        var (owner, networkId, client) = await ArrangeAsync();
        await ActorAsync(owner, networkId, "Kommun", Sector.Public);
        var html = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/map/tables?culture={culture}"));
        Assert.Contains(Texts.Get("Map.Tables.Title", culture), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Sector.Public", culture), html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Map.Summary.Counts", culture, 1, 0, 0, 0), html, StringComparison.Ordinal);
    }
}
