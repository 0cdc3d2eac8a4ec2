using System.Net;
using System.Text.Json;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook.Template;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;
using static Verkostamo.Web.Tests.Workbook.ApiCaller;

namespace Verkostamo.Web.Tests.Workbook;

/// <summary>The workbook's JSON API: sections, their fields and answer blocks, steps and history, with the pages' rules.</summary>
public class WorkbookApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private Task<ApiCaller> OwnerAsync() => ApiCaller.OwnerAsync(app);

    [Fact]
    public async Task The_workbook_lists_the_template_sections_in_order_with_version_and_progress()
    {
        var owner = await OwnerAsync();

        var workbook = await owner.GetAsync("/workbook");

        Assert.Equal(WorkbookTemplate.Current.Version, workbook.GetProperty("templateVersion").GetInt32());
        Assert.Equal([.. WorkbookTemplate.Current.Sections.Select(s => s.Key)], Strings(workbook.GetProperty("sections"), "id"));
        Assert.Equal(0, workbook.GetProperty("answered").GetInt32());
        Assert.Equal(WorkbookTemplate.Current.Part1.Count(), workbook.GetProperty("answerableSections").GetInt32());
        Assert.Equal("Owner", workbook.GetProperty("role").GetString());
        Assert.Empty(workbook.GetProperty("deletedSections").EnumerateArray());
    }

    [Fact]
    public async Task Progress_counts_a_section_once_it_has_an_answer()
    {
        var owner = await OwnerAsync();
        await owner.CreateAsync("/sections/picture/solutions", new { text = "Yhteinen kuva" });

        var workbook = await owner.GetAsync("/workbook");

        Assert.Equal(1, workbook.GetProperty("answered").GetInt32());
        var picture = workbook.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "picture");
        Assert.True(picture.GetProperty("answered").GetBoolean());
        Assert.Equal(1, picture.GetProperty("keySolutions").GetInt32());
    }

    [Fact]
    public async Task A_section_answers_its_texts_fields_and_blocks_in_the_requested_language()
    {
        var owner = await OwnerAsync();
        var template = WorkbookTemplate.Current.Find("definition")!;

        var response = await owner.Client.GetAsync($"{owner.Base}/sections/definition?culture=en");

        var section = await JsonAsync(response);
        Assert.Equal("definition", section.GetProperty("id").GetString());
        Assert.Equal(template.For("en").Title, section.GetProperty("texts").GetProperty("title").GetString());
        Assert.False(section.GetProperty("texts").GetProperty("overridden").GetBoolean());
        Assert.Equal("Definition", section.GetProperty("fields").GetProperty("kind").GetString());
        Assert.NotEqual(Guid.Empty, Version(section.GetProperty("responsibilities")));
        Assert.Empty(section.GetProperty("keySolutions").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_section_is_404()
    {
        var owner = await OwnerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/sections/no-such-section")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync("/sections/no-such-section/solutions", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Saving_section_texts_returns_the_new_version_and_overrides_the_template()
    {
        var owner = await OwnerAsync();
        var texts = (await owner.GetAsync("/sections/picture")).GetProperty("texts");

        var response = await owner.PutAsync("/sections/picture", new { title = "Meidän kuva", question = "Mitä näemme?", intro = "", version = Version(texts) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await JsonAsync(response);
        Assert.Equal("Meidän kuva", saved.GetProperty("title").GetString());
        Assert.True(saved.GetProperty("overridden").GetBoolean());
        Assert.NotEqual(Version(texts), Version(saved));
        Assert.Equal("Meidän kuva", (await owner.GetAsync("/sections/picture")).GetProperty("texts").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_stale_text_save_answers_409_with_the_current_server_version()
    {
        var owner = await OwnerAsync();
        var stale = Version((await owner.GetAsync("/sections/picture")).GetProperty("texts"));
        var first = await JsonAsync(await owner.PutAsync("/sections/picture", new { title = "Ensimmäinen", version = stale }));

        var response = await owner.PutAsync("/sections/picture", new { title = "Toinen", version = stale });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict);
        var current = problem.GetProperty("current");
        Assert.Equal("Ensimmäinen", current.GetProperty("title").GetString());
        Assert.Equal(Version(first), Version(current));
        // The version from the conflict lets the client save its merge.
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync("/sections/picture", new { title = "Yhdistetty", version = Version(current) })).StatusCode);
    }

    [Fact]
    public async Task A_too_long_section_title_is_400_and_nothing_changes()
    {
        var owner = await OwnerAsync();
        var texts = (await owner.GetAsync("/sections/picture")).GetProperty("texts");

        var response = await owner.PutAsync("/sections/picture", new { title = new string('x', TextLimits.Title + 1), version = Version(texts) });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.TextTooLong);
        Assert.Equal(texts.GetProperty("title").GetString(), (await owner.GetAsync("/sections/picture")).GetProperty("texts").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Resetting_puts_the_template_texts_back()
    {
        var owner = await OwnerAsync();
        var texts = (await owner.GetAsync("/sections/picture")).GetProperty("texts");
        await owner.PutAsync("/sections/picture", new { title = "Oma otsikko", version = Version(texts) });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync("/sections/picture/reset")).StatusCode);

        var after = (await owner.GetAsync("/sections/picture")).GetProperty("texts");
        Assert.Equal(texts.GetProperty("title").GetString(), after.GetProperty("title").GetString());
        Assert.False(after.GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public async Task Hiding_and_showing_a_section_shows_in_the_workbook_but_the_cover_stays()
    {
        var owner = await OwnerAsync();
        static bool Hidden(JsonElement workbook, string key) =>
            workbook.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == key).GetProperty("hidden").GetBoolean();

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync("/sections/roles/hide")).StatusCode);
        Assert.True(Hidden(await owner.GetAsync("/workbook"), "roles"));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync("/sections/roles/show")).StatusCode);
        Assert.False(Hidden(await owner.GetAsync("/workbook"), "roles"));

        await AssertProblemAsync(await owner.PostAsync("/sections/cover/hide"), HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Moving_a_section_down_swaps_it_with_the_next()
    {
        var owner = await OwnerAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync("/sections/definition/move", new { direction = 1 })).StatusCode);

        var order = Strings((await owner.GetAsync("/workbook")).GetProperty("sections"), "id");
        Assert.Equal(["cover", "picture", "definition"], order.Take(3));
    }

    [Fact]
    public async Task A_custom_section_is_created_deleted_and_restored()
    {
        var owner = await OwnerAsync();

        var created = await CreateSectionAsync(owner, "Oma osio");
        var key = created.GetProperty("id").GetString()!;
        Assert.True(created.GetProperty("custom").GetBoolean());
        Assert.Contains(key, Strings((await owner.GetAsync("/workbook")).GetProperty("sections"), "id"));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/sections/{key}")).StatusCode);
        var workbook = await owner.GetAsync("/workbook");
        Assert.DoesNotContain(key, Strings(workbook.GetProperty("sections"), "id"));
        Assert.Equal([key], Strings(workbook.GetProperty("deletedSections"), "id"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/sections/{key}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/sections/{key}/restore")).StatusCode);
        Assert.Equal("Oma osio", (await owner.GetAsync($"/sections/{key}")).GetProperty("texts").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_custom_section_needs_a_title_and_a_template_section_cannot_be_deleted()
    {
        var owner = await OwnerAsync();

        await AssertProblemAsync(await owner.PostAsync("/sections", new { title = "  ", question = "Kysymys" }), HttpStatusCode.BadRequest, ErrorCodes.TitleRequired);
        await AssertProblemAsync(await owner.DeleteAsync("/sections/picture"), HttpStatusCode.BadRequest, ErrorCodes.SectionNotCustom);
    }

    [Fact]
    public async Task Section_fields_are_saved_with_their_version_and_a_stale_save_gets_the_current_values()
    {
        var owner = await OwnerAsync();
        var stale = Version((await owner.GetAsync("/sections/definition")).GetProperty("fields"));

        var saved = await owner.PutAsync("/sections/definition/fields", new { values = new { shortDescription = "Kuntien verkosto" }, version = stale });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var fields = await JsonAsync(saved);
        Assert.Equal("Kuntien verkosto", fields.GetProperty("values").GetProperty("shortDescription").GetString());

        var conflict = await owner.PutAsync("/sections/definition/fields", new { values = new { shortDescription = "Toinen" }, version = stale });

        var current = (await AssertProblemAsync(conflict, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Kuntien verkosto", current.GetProperty("values").GetProperty("shortDescription").GetString());
        Assert.Equal(Version(fields), Version(current));
    }

    [Fact]
    public async Task Section_fields_follow_the_section_rules()
    {
        var owner = await OwnerAsync();
        var phase = Version((await owner.GetAsync("/sections/development-cycle")).GetProperty("fields"));
        var clock = Version((await owner.GetAsync("/sections/learning-phases-clock")).GetProperty("fields"));

        await AssertProblemAsync(await owner.PutAsync("/sections/development-cycle/fields", new { values = new { currentPhase = 7 }, version = phase }),
            HttpStatusCode.BadRequest, ErrorCodes.PhaseInvalid);
        await AssertProblemAsync(await owner.PutAsync("/sections/learning-phases-clock/fields", new { values = new { learningPhases = new[] { "a", "b" } }, version = clock }),
            HttpStatusCode.BadRequest, ErrorCodes.PhaseNamesRequired);
        // A section without fields has nothing to put.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutAsync("/sections/picture/fields", new { values = new { }, version = Guid.Empty })).StatusCode);

        var roles = Version((await owner.GetAsync("/sections/roles")).GetProperty("fields"));
        var saved = await owner.PutAsync("/sections/roles/fields", new { values = new { roles = new[] { new { role = "Locomotive", inUse = true, holders = "Kaupunki" } } }, version = roles });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var first = (await JsonAsync(saved)).GetProperty("values").GetProperty("roles")[0];
        Assert.Equal("Locomotive", first.GetProperty("role").GetString());
        Assert.Equal("Kaupunki", first.GetProperty("holders").GetString());
    }

    [Fact]
    public async Task A_member_places_the_network_in_section_6_and_a_value_off_the_scale_is_400()
    {
        var owner = await OwnerAsync();

        await AssertProblemAsync(await owner.PutAsync("/sections/leadership/placement", new { nowGoal = 0, nowShared = 2, wantedGoal = 4, wantedShared = 6 }),
            HttpStatusCode.BadRequest, ErrorCodes.PlacementInvalid);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsync("/sections/leadership/placement", new { nowGoal = 2, nowShared = 3, wantedGoal = 4, wantedShared = 5 })).StatusCode);

        var placement = Assert.Single((await owner.GetAsync("/sections/leadership")).GetProperty("placements").EnumerateArray());
        Assert.Equal(owner.User.Id, placement.GetProperty("id").GetString());
        Assert.Equal(5, placement.GetProperty("wantedShared").GetInt32());
    }

    [Fact]
    public async Task Key_solutions_are_added_edited_moved_deleted_and_restored()
    {
        var owner = await OwnerAsync();
        var first = await owner.CreateAsync("/sections/picture/solutions", new { text = "Ensimmäinen" });
        var second = await owner.CreateAsync("/sections/picture/solutions", new { text = "Toinen" });

        var edited = await owner.PutAsync($"/sections/picture/solutions/{Id(first)}", new { text = "Ensimmäinen, tarkennettu", version = Version(first) });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(Version(first), Version(await JsonAsync(edited)));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/sections/picture/solutions/{Id(second)}/move", new { direction = -1 })).StatusCode);
        Assert.Equal(["Toinen", "Ensimmäinen, tarkennettu"], Strings(await owner.GetAsync("/sections/picture/solutions"), "text"));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/sections/picture/solutions/{Id(second)}")).StatusCode);
        Assert.Equal(["Ensimmäinen, tarkennettu"], Strings(await owner.GetAsync("/sections/picture/solutions"), "text"));
        Assert.Equal(["Toinen"], Strings(await owner.GetAsync("/sections/picture/solutions?deleted=true"), "text"));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/sections/picture/solutions/{Id(second)}/restore")).StatusCode);
        Assert.Equal(["Ensimmäinen, tarkennettu", "Toinen"], Strings(await owner.GetAsync("/sections/picture/solutions"), "text"));
    }

    [Fact]
    public async Task A_stale_key_solution_save_answers_409_with_the_saved_text_and_version()
    {
        var owner = await OwnerAsync();
        var item = await owner.CreateAsync("/sections/picture/solutions", new { text = "Alku" });
        var url = $"/sections/picture/solutions/{Id(item)}";
        var saved = await JsonAsync(await owner.PutAsync(url, new { text = "Ensimmäisen muokkaus", version = Version(item) }));

        var response = await owner.PutAsync(url, new { text = "Toisen muokkaus", version = Version(item) });

        var current = (await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Ensimmäisen muokkaus", current.GetProperty("text").GetString());
        Assert.Equal(Version(saved), Version(current));
        Assert.Equal(Id(item), Id(current));
    }

    [Theory]
    [InlineData("", ErrorCodes.TextRequired)]
    [InlineData("   ", ErrorCodes.TextRequired)]
    [InlineData("4001", ErrorCodes.TextTooLong)]
    public async Task A_bad_key_solution_is_400_with_its_code_and_nothing_is_added(string text, string code)
    {
        var owner = await OwnerAsync();
        text = text == "4001" ? new string('k', TextLimits.Answer + 1) : text;

        await AssertProblemAsync(await owner.PostAsync("/sections/picture/solutions", new { text }), HttpStatusCode.BadRequest, code);

        Assert.Empty((await owner.GetAsync("/sections/picture/solutions")).EnumerateArray());
    }

    [Fact]
    public async Task User_text_comes_back_as_typed_and_never_as_raw_markup()
    {
        var owner = await OwnerAsync();
        const string text = "<script>alert('x')</script> & <b>lihavoitu</b>";

        await owner.CreateAsync("/sections/picture/solutions", new { text });
        var response = await owner.Client.GetAsync($"{owner.Base}/sections/picture/solutions");

        var raw = await response.BodyAsync();
        Assert.DoesNotContain("<script>", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", raw, StringComparison.Ordinal);
        Assert.Equal(text, (await JsonAsync(response))[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Responsibilities_are_saved_with_a_token_and_a_stale_token_gets_the_current_text()
    {
        var owner = await OwnerAsync();
        var stale = Version((await owner.GetAsync("/sections/picture")).GetProperty("responsibilities"));
        var saved = await owner.PutAsync("/sections/picture/responsibilities", new { text = "Koordinaattori vastaa", version = stale });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var response = await owner.PutAsync("/sections/picture/responsibilities", new { text = "Joku muu", version = stale });

        var current = (await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Koordinaattori vastaa", current.GetProperty("text").GetString());
        Assert.Equal(Version(await JsonAsync(saved)), Version(current));
    }

    [Fact]
    public async Task A_step_is_created_with_an_iso_date_and_its_status_by_name()
    {
        var owner = await OwnerAsync();

        var step = await owner.CreateAsync("/sections/picture/steps", new { title = "Kutsu koolle", ownerName = "Hanketiimi", dueDate = "2027-01-31", status = "InProgress" });

        Assert.Equal("2027-01-31", step.GetProperty("dueDate").GetString());
        Assert.Equal("InProgress", step.GetProperty("status").GetString());
        Assert.Equal("Hanketiimi", step.GetProperty("ownerDisplay").GetString());
        Assert.Equal([Id(step).ToString()], Strings(await owner.GetAsync("/sections/picture/steps"), "id"));
    }

    [Theory]
    [InlineData("", "2027-01-31", null, ErrorCodes.TitleRequired)]
    [InlineData("Askel", "2027-02-30", null, ErrorCodes.DateInvalid)]
    [InlineData("Askel", "31.1.2027", null, ErrorCodes.DateInvalid)]
    [InlineData("Askel", "1999-12-31", null, ErrorCodes.DateInvalid)]
    [InlineData("Askel", "", "Someday", ErrorCodes.StatusInvalid)]
    [InlineData("Askel", "", "1", ErrorCodes.StatusInvalid)]
    public async Task A_bad_step_is_400_with_its_code_and_nothing_is_added(string title, string dueDate, string? status, string code)
    {
        var owner = await OwnerAsync();

        var response = await owner.PostAsync("/sections/picture/steps", new { title, dueDate, status });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Empty((await owner.GetAsync("/sections/picture/steps")).EnumerateArray());
    }

    [Fact]
    public async Task An_impossible_date_names_the_iso_format_in_the_message()
    {
        var owner = await OwnerAsync();

        var response = await owner.Client.PostAsync($"{owner.Base}/sections/picture/steps?culture=en",
            System.Net.Http.Json.JsonContent.Create(new { title = "Askel", dueDate = "2027-13-01" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal(ErrorCodes.DateInvalid, problem.GetProperty("code").GetString());
        Assert.Equal(Texts.Get("Api.Error.DateInvalid", "en"), problem.GetProperty("title").GetString());
        Assert.Contains("yyyy-MM-dd", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_owner_from_another_network_is_refused()
    {
        var owner = await OwnerAsync();
        var other = await OwnerAsync();
        var outsiderMembership = (await other.GetAsync("/members"))[0].GetProperty("id").GetGuid();

        var response = await owner.PostAsync("/sections/picture/steps", new { title = "Askel", ownerMembershipId = outsiderMembership });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.OwnerInvalid);
    }

    [Fact]
    public async Task A_stale_step_save_answers_409_with_the_saved_step()
    {
        var owner = await OwnerAsync();
        var step = await owner.CreateAsync("/sections/picture/steps", new { title = "Alku" });
        var url = $"/sections/picture/steps/{Id(step)}";
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync(url, new { title = "Valmis", status = "Done", version = Version(step) })).StatusCode);

        var response = await owner.PutAsync(url, new { title = "Myöhässä", version = Version(step) });

        var current = (await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Valmis", current.GetProperty("title").GetString());
        Assert.Equal("Done", current.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Steps_are_deleted_restored_and_moved()
    {
        var owner = await OwnerAsync();
        var first = await owner.CreateAsync("/sections/picture/steps", new { title = "Yksi" });
        var second = await owner.CreateAsync("/sections/picture/steps", new { title = "Kaksi" });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/sections/picture/steps/{Id(second)}/move", new { direction = -1 })).StatusCode);
        Assert.Equal(["Kaksi", "Yksi"], Strings(await owner.GetAsync("/sections/picture/steps"), "title"));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/sections/picture/steps/{Id(first)}")).StatusCode);
        Assert.Equal(["Yksi"], Strings(await owner.GetAsync("/sections/picture/steps?deleted=true"), "title"));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/sections/picture/steps/{Id(first)}/restore")).StatusCode);
        Assert.Equal(["Kaksi", "Yksi"], Strings(await owner.GetAsync("/sections/picture/steps"), "title"));
    }

    [Fact]
    public async Task The_actions_list_has_every_live_step_of_sections_and_themes()
    {
        var owner = await OwnerAsync();
        await owner.CreateAsync("/sections/roles/steps", new { title = "Osion askel" });
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });
        await owner.CreateAsync($"/themes/{Id(theme)}/steps", new { title = "Teeman askel", dueDate = "2027-03-01" });
        var gone = await owner.CreateAsync("/sections/picture/steps", new { title = "Poistettu" });
        await owner.DeleteAsync($"/sections/picture/steps/{Id(gone)}");

        var actions = await owner.GetAsync("/actions");

        Assert.Equal(["Osion askel", "Teeman askel"], Strings(actions, "title"));
        Assert.Equal("roles", actions[0].GetProperty("sectionId").GetString());
        Assert.Equal(Id(theme), actions[1].GetProperty("themeId").GetGuid());
        Assert.All(actions.EnumerateArray(), a => Assert.NotEqual(Guid.Empty, Id(a)));
    }

    [Fact]
    public async Task A_viewer_reads_the_workbook_but_cannot_write()
    {
        var owner = await OwnerAsync();
        var item = await owner.CreateAsync("/sections/picture/solutions", new { text = "Omistajan" });
        var viewer = await owner.JoinAsync(app, NetworkRole.Viewer);

        Assert.Equal(["Omistajan"], Strings(await viewer.GetAsync("/sections/picture/solutions"), "text"));
        Assert.Equal("Viewer", (await viewer.GetAsync("/workbook")).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/sections/picture/solutions", new { text = "Katsojan" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync($"/sections/picture/solutions/{Id(item)}", new { text = "x", version = Version(item) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/sections/picture/steps", new { title = "Askel" })).StatusCode);
        Assert.Equal(["Omistajan"], Strings(await owner.GetAsync("/sections/picture/solutions"), "text"));
    }

    [Fact]
    public async Task A_member_answers_but_only_facilitators_shape_the_workbook()
    {
        var owner = await OwnerAsync();
        var member = await owner.JoinAsync(app, NetworkRole.Member);
        var texts = (await member.GetAsync("/sections/picture")).GetProperty("texts");

        await member.CreateAsync("/sections/picture/solutions", new { text = "Jäsenen vastaus" });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsync("/sections/picture", new { title = "Jäsenen otsikko", version = Version(texts) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/sections/picture/hide")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/sections", new { title = "Jäsenen osio" })).StatusCode);
    }

    [Fact]
    public async Task Another_networks_items_are_404_even_for_an_owner_of_both_ids()
    {
        var owner = await OwnerAsync();
        var item = await owner.CreateAsync("/sections/picture/solutions", new { text = "Salainen" });
        var step = await owner.CreateAsync("/sections/picture/steps", new { title = "Salainen askel" });
        var other = await OwnerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/sections/picture/solutions/{Id(item)}", new { text = "x", version = Version(item) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/sections/picture/solutions/{Id(item)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{other.Base}/sections/picture/steps/{Id(step)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/sections/picture/steps/{Id(step)}", new { title = "x", version = Version(step) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{owner.Base}/workbook")).StatusCode);
        Assert.Equal(["Salainen"], Strings(await owner.GetAsync("/sections/picture/solutions"), "text"));
    }

    [Fact]
    public async Task An_item_is_reachable_only_under_its_own_section_or_theme()
    {
        var owner = await OwnerAsync();
        var item = await owner.CreateAsync("/sections/picture/solutions", new { text = "Kuvan ratkaisu" });
        var step = await owner.CreateAsync("/sections/picture/steps", new { title = "Kuvan askel" });
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });

        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutAsync($"/sections/roles/solutions/{Id(item)}", new { text = "x", version = Version(item) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/themes/{Id(theme)}/solutions/{Id(item)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/sections/roles/steps/{Id(step)}")).StatusCode);
        // A solution id is no step id either.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/sections/picture/steps/{Id(item)}")).StatusCode);

        Assert.Equal(["Kuvan ratkaisu"], Strings(await owner.GetAsync("/sections/picture/solutions"), "text"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"{owner.Base}/sections/picture/steps/{Id(step)}")).StatusCode);
    }

    [Fact]
    public async Task The_history_lists_a_sections_changes_newest_first_with_ids()
    {
        var owner = await OwnerAsync();
        var item = await owner.CreateAsync("/sections/picture/solutions", new { text = "Alku" });
        await owner.PutAsync($"/sections/picture/solutions/{Id(item)}", new { text = "Muutettu", version = Version(item) });

        var history = await owner.GetAsync("/sections/picture/history");

        Assert.Equal(["Updated", "Created"], Strings(history, "action"));
        Assert.All(history.EnumerateArray(), e => Assert.True(e.GetProperty("id").GetInt64() > 0));
        Assert.Empty((await owner.GetAsync("/sections/roles/history")).EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_workbook_and_theme_paths()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet();
        string[] expected =
        [
            "/api/v1/networks/{networkId}/workbook",
            "/api/v1/networks/{networkId}/actions",
            "/api/v1/networks/{networkId}/sections",
            "/api/v1/networks/{networkId}/sections/{key}",
            "/api/v1/networks/{networkId}/sections/{key}/fields",
            "/api/v1/networks/{networkId}/sections/{key}/solutions",
            "/api/v1/networks/{networkId}/sections/{key}/solutions/{itemId}",
            "/api/v1/networks/{networkId}/sections/{key}/steps/{itemId}/move",
            "/api/v1/networks/{networkId}/sections/{key}/responsibilities",
            "/api/v1/networks/{networkId}/sections/{key}/history",
            "/api/v1/networks/{networkId}/sections/leadership/placement",
            "/api/v1/networks/{networkId}/themes",
            "/api/v1/networks/{networkId}/themes/{themeId}",
            "/api/v1/networks/{networkId}/themes/{themeId}/archive",
            "/api/v1/networks/{networkId}/themes/{themeId}/solutions",
            "/api/v1/networks/{networkId}/themes/{themeId}/steps",
        ];
        var missing = expected.Where(e => !paths.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"Missing from the OpenAPI document: {string.Join(", ", missing)}");
    }

    private static async Task<JsonElement> CreateSectionAsync(ApiCaller owner, string title)
    {
        var response = await owner.PostAsync("/sections", new { title, question = "Mitä?" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.BodyAsync());
        var created = await JsonAsync(response);
        Assert.Equal($"{owner.Base}/sections/{created.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return created;
    }
}
