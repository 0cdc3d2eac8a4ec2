using System.Net;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Testing;
using static Verkostamo.Web.Tests.Workbook.ApiCaller;

namespace Verkostamo.Web.Tests.Workbook;

/// <summary>Themes (part 2 of the workbook) through the JSON API: create, edit, archive, delete, and their answer blocks.</summary>
public class ThemeApiTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private Task<ApiCaller> OwnerAsync() => ApiCaller.OwnerAsync(app);

    [Fact]
    public async Task A_theme_is_created_and_listed_with_its_id()
    {
        var owner = await OwnerAsync();

        var theme = await owner.CreateAsync("/themes", new { title = "Nuorten osallisuus", goal = "Jokainen nuori kuulluksi" });

        Assert.Equal("Nuorten osallisuus", theme.GetProperty("title").GetString());
        Assert.Equal("Jokainen nuori kuulluksi", theme.GetProperty("goal").GetString());
        Assert.Equal([Id(theme).ToString()], Strings(await owner.GetAsync("/themes"), "id"));
        Assert.Equal("Nuorten osallisuus", (await owner.GetAsync($"/themes/{Id(theme)}")).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("", ErrorCodes.TitleRequired)]
    [InlineData("201", ErrorCodes.TextTooLong)]
    public async Task A_bad_theme_is_400_with_its_code_and_nothing_is_created(string title, string code)
    {
        var owner = await OwnerAsync();
        title = title == "201" ? new string('t', TextLimits.Title + 1) : title;

        await AssertProblemAsync(await owner.PostAsync("/themes", new { title, goal = "Tavoite" }), HttpStatusCode.BadRequest, code);

        Assert.Empty((await owner.GetAsync("/themes")).EnumerateArray());
    }

    [Fact]
    public async Task Editing_a_theme_returns_the_new_version_and_a_stale_edit_gets_the_current_theme()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Alku" });
        var saved = await owner.PutAsync($"/themes/{Id(theme)}", new { title = "Ensimmäinen", goal = "Tavoite", version = Version(theme) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var response = await owner.PutAsync($"/themes/{Id(theme)}", new { title = "Toinen", version = Version(theme) });

        var current = (await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Ensimmäinen", current.GetProperty("title").GetString());
        Assert.Equal("Tavoite", current.GetProperty("goal").GetString());
        Assert.Equal(Version(await JsonAsync(saved)), Version(current));
    }

    [Fact]
    public async Task An_archived_theme_is_listed_only_on_request_and_is_read_only_until_unarchived()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Arkistoon" });
        var id = Id(theme);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/themes/{id}/archive")).StatusCode);

        Assert.Empty((await owner.GetAsync("/themes")).EnumerateArray());
        Assert.Equal([id.ToString()], Strings(await owner.GetAsync("/themes?archived=true"), "id"));
        var current = await owner.GetAsync($"/themes/{id}");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, current.GetProperty("archivedAt").ValueKind);
        await AssertProblemAsync(await owner.PostAsync($"/themes/{id}/solutions", new { text = "Uusi" }), HttpStatusCode.BadRequest, ErrorCodes.ThemeArchived);
        await AssertProblemAsync(await owner.PutAsync($"/themes/{id}", new { title = "Muutos", version = Version(current) }), HttpStatusCode.BadRequest, ErrorCodes.ThemeArchived);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/themes/{id}/unarchive")).StatusCode);
        await owner.CreateAsync($"/themes/{id}/solutions", new { text = "Uusi" });
    }

    [Fact]
    public async Task A_deleted_theme_is_gone_until_restored()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Poistoon" });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/themes/{Id(theme)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/themes/{Id(theme)}")).StatusCode);
        Assert.Empty((await owner.GetAsync("/themes")).EnumerateArray());
        Assert.Equal(["Poistoon"], Strings(await owner.GetAsync("/themes?deleted=true"), "title"));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/themes/{Id(theme)}/restore")).StatusCode);
        Assert.Equal(["Poistoon"], Strings(await owner.GetAsync("/themes"), "title"));
    }

    [Fact]
    public async Task Moving_a_theme_changes_the_order()
    {
        var owner = await OwnerAsync();
        await owner.CreateAsync("/themes", new { title = "A" });
        var b = await owner.CreateAsync("/themes", new { title = "B" });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/themes/{Id(b)}/move", new { direction = -1 })).StatusCode);

        Assert.Equal(["B", "A"], Strings(await owner.GetAsync("/themes"), "title"));
    }

    [Fact]
    public async Task A_themes_key_solutions_and_steps_live_under_the_theme()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });
        var id = Id(theme);

        var solution = await owner.CreateAsync($"/themes/{id}/solutions", new { text = "Ratkaisu" });
        var step = await owner.CreateAsync($"/themes/{id}/steps", new { title = "Askel", dueDate = "2027-06-15" });
        var edited = await owner.PutAsync($"/themes/{id}/steps/{Id(step)}", new { title = "Askel", status = "Done", dueDate = "2027-06-15", version = Version(step) });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var view = await owner.GetAsync($"/themes/{id}");
        Assert.Equal(["Ratkaisu"], Strings(view.GetProperty("keySolutions"), "text"));
        Assert.Equal(["Done"], Strings(view.GetProperty("steps"), "status"));
        Assert.Equal([Id(solution).ToString()], Strings(await owner.GetAsync($"/themes/{id}/solutions"), "id"));
        Assert.Empty((await owner.GetAsync("/sections/picture/solutions")).EnumerateArray());
        var summary = (await owner.GetAsync("/themes"))[0];
        Assert.Equal(1, summary.GetProperty("keySolutions").GetInt32());
        Assert.Equal(1, summary.GetProperty("actions").GetInt32());
    }

    [Fact]
    public async Task A_themes_responsibilities_conflict_carries_the_current_text()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });
        var stale = Version(theme.GetProperty("responsibilities"));
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync($"/themes/{Id(theme)}/responsibilities", new { text = "Rehtori", version = stale })).StatusCode);

        var response = await owner.PutAsync($"/themes/{Id(theme)}/responsibilities", new { text = "Opettaja", version = stale });

        var current = (await AssertProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.ConcurrencyConflict)).GetProperty("current");
        Assert.Equal("Rehtori", current.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_theme_step_without_a_title_or_with_an_impossible_date_is_400()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });

        await AssertProblemAsync(await owner.PostAsync($"/themes/{Id(theme)}/steps", new { title = " " }), HttpStatusCode.BadRequest, ErrorCodes.TitleRequired);
        await AssertProblemAsync(await owner.PostAsync($"/themes/{Id(theme)}/steps", new { title = "Askel", dueDate = "2027-04-31" }), HttpStatusCode.BadRequest, ErrorCodes.DateInvalid);
        Assert.Empty((await owner.GetAsync($"/themes/{Id(theme)}/steps")).EnumerateArray());
    }

    [Fact]
    public async Task A_viewer_reads_themes_but_cannot_create_or_change_them()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });
        var viewer = await owner.JoinAsync(app, NetworkRole.Viewer);

        Assert.Equal(["Teema"], Strings(await viewer.GetAsync("/themes"), "title"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/themes", new { title = "Katsojan" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync($"/themes/{Id(theme)}", new { title = "Muutos", version = Version(theme) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/themes/{Id(theme)}/archive")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/themes/{Id(theme)}")).StatusCode);
        Assert.Equal(["Teema"], Strings(await owner.GetAsync("/themes"), "title"));
    }

    [Fact]
    public async Task A_member_manages_themes()
    {
        var owner = await OwnerAsync();
        var member = await owner.JoinAsync(app, NetworkRole.Member);

        var theme = await member.CreateAsync("/themes", new { title = "Jäsenen teema" });

        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsync($"/themes/{Id(theme)}/archive")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync($"/themes/{Id(theme)}")).StatusCode);
    }

    [Fact]
    public async Task Another_networks_theme_is_404_everywhere()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Salainen teema" });
        var other = await OwnerAsync();
        var id = Id(theme);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{other.Base}/themes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/themes/{id}", new { title = "x", version = Version(theme) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/themes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/themes/{id}/solutions", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{other.Base}/themes/{id}/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{owner.Base}/themes")).StatusCode);
        Assert.Equal(["Salainen teema"], Strings(await owner.GetAsync("/themes"), "title"));
    }

    [Fact]
    public async Task A_themes_history_lists_its_changes()
    {
        var owner = await OwnerAsync();
        var theme = await owner.CreateAsync("/themes", new { title = "Teema" });
        await owner.PostAsync($"/themes/{Id(theme)}/archive");

        var history = await owner.GetAsync($"/themes/{Id(theme)}/history");

        Assert.Equal(["Archived", "Created"], Strings(history, "action"));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{owner.Base}/themes/{Guid.NewGuid()}/history")).StatusCode);
    }
}
