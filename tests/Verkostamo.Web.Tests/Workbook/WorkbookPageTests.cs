using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Workbook;

/// <summary>The workbook's pages and their forms, posted as a browser posts them.</summary>
public partial class WorkbookPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private async Task<(TestUser Owner, Guid NetworkId, HttpClient Client)> ArrangeAsync()
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        return (owner, networkId, await app.SignedInClientAsync(owner));
    }

    public static TheoryData<string, string> SectionsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var section in WorkbookTemplate.Current.Sections.Where(s => s.Key != "themes"))
        {
            foreach (var language in WorkbookTemplate.Languages)
            {
                data.Add(section.Key, language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SectionsAndLanguages))]
    public async Task Every_section_page_shows_its_texts_framework_and_blocks_in_each_language(string key, string language)
    {
        var (_, networkId, client) = await ArrangeAsync();
        var section = WorkbookTemplate.Current.Find(key)!;
        var texts = section.For(language);

        var response = await client.GetAsync($"/networks/{networkId}/workbook/{key}?culture={language}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(texts.Title, html, StringComparison.Ordinal);
        if (key != "cover")
        {
            Assert.Contains(texts.Question, html, StringComparison.Ordinal);
        }
        if (texts.Framework is { } framework && section.Framework is not (FrameworkKind.None or FrameworkKind.Cover or FrameworkKind.Themes))
        {
            Assert.Contains(framework.Title, html, StringComparison.Ordinal);
        }
        foreach (var attribution in section.Attributions)
        {
            Assert.Contains(WorkbookTemplate.Current.Attribution(attribution, language), html, StringComparison.Ordinal);
        }
        if (section.HasAnswerBlocks)
        {
            Assert.Contains(texts.KeySolutionsLabel ?? Texts.Get("Answers.KeySolutionsTitle", language), html, StringComparison.Ordinal);
            Assert.Contains(texts.NextStepsLabel ?? Texts.Get("Steps.TitleNext", language), html, StringComparison.Ordinal);
            Assert.Contains(texts.ResponsibilitiesLabel ?? Texts.Get("Responsibilities.Title", language), html, StringComparison.Ordinal);
            Assert.Contains("name=\"AddForm.Text\"", html, StringComparison.Ordinal);
            Assert.Contains("name=\"AddStep.Title\"", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<img src=\"/", html.Replace("/api/v1/networks/", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_section_is_not_found()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var response = await client.GetAsync($"/networks/{networkId}/workbook/no-such-section");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_key_solution_with_markup_is_saved_as_written_and_rendered_inert()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var page = $"/networks/{networkId}/workbook/roles";
        const string text = "**Veturi** vaihtuu vuosittain <script>alert('x')</script> <img src=x onerror=alert(1)> [linkki](javascript:alert(2))";

        var response = await client.SubmitFormAsync(page, "ks-add", ("AddForm.Text", text));

        Assert.True(response.IsRedirect(), $"Expected a redirect, got {(int)response.StatusCode}");
        var stored = await SingleKeySolutionAsync(networkId, "roles");
        Assert.Equal(text, stored.Text);
        var html = await client.GetStringAsync(page);
        Assert.Contains("<strong>Veturi</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", html, StringComparison.Ordinal);
        Assert.False(OnErrorAttribute().IsMatch(html), "An onerror attribute reached the page as markup.");
    }

    [Theory]
    [InlineData("", "Error.TextRequired")]
    [InlineData("   ", "Error.TextRequired")]
    [InlineData("4001", "Error.TextTooLong")]
    public async Task A_bad_key_solution_is_explained_and_nothing_is_saved(string text, string messageKey)
    {
        var (_, networkId, client) = await ArrangeAsync();
        text = text == "4001" ? new string('a', 4001) : text;

        var response = await client.SubmitFormAsync($"/networks/{networkId}/workbook/evaluation", "ks-add", ("AddForm.Text", text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get(messageKey), Texts.Decoded(await response.BodyAsync()), StringComparison.Ordinal);
        await using var db = await Arrange.Db(app.Services);
        Assert.Equal(0, await db.KeySolutions.CountAsync(k => k.NetworkId == networkId));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_shows_both_versions_side_by_side()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var answers = app.Services.GetRequiredService<AnswerService>();
        var id = (await answers.AddKeySolutionAsync(networkId, owner.Id, AnswerOwner.Section("leadership"), "Alkuperäinen")).Value;
        var original = await answers.GetKeySolutionAsync(networkId, owner.Id, id);
        Assert.True((await answers.UpdateKeySolutionAsync(networkId, owner.Id, id, "Toisen käyttäjän versio", original!.Version)).Succeeded);

        var response = await client.SubmitFormAsync($"/networks/{networkId}/workbook/leadership", "ks-edit",
            ("EditForm.Id", id.ToString()), ("EditForm.Version", original.Version.ToString()), ("EditForm.Text", "Minun versioni"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get("Merge.Title"), html, StringComparison.Ordinal);
        Assert.Contains("Toisen käyttäjän versio", html, StringComparison.Ordinal);
        Assert.Contains("Minun versioni</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("Toisen käyttäjän versio", (await answers.GetKeySolutionAsync(networkId, owner.Id, id))!.Text);

        // The merge form carries the stored version, so saving the merged text now succeeds.
        var current = (await answers.GetKeySolutionAsync(networkId, owner.Id, id))!.Version;
        Assert.Contains($"value=\"{current}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31.2.2027", "", "Error.DateInvalid")]
    [InlineData("huomenna", "", "Error.DateInvalid")]
    [InlineData("2027-01-31", "", "Error.TitleRequired")]
    [InlineData("2027-01-31", "Finished", "Error.StatusInvalid")]
    public async Task A_bad_step_is_explained_and_nothing_is_saved(string due, string status, string messageKey)
    {
        var (_, networkId, client) = await ArrangeAsync();
        var title = messageKey == "Error.TitleRequired" ? "" : "Kutsu kumppanit";

        var response = await client.SubmitFormAsync($"/networks/{networkId}/workbook/definition", "step-add",
            ("AddStep.Title", title), ("AddStep.DueDate", due), ("AddStep.Status", status), ("AddStep.Notes", "Muistiinpano jää talteen"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Texts.Decoded(await response.BodyAsync());
        Assert.Contains(Texts.Get(messageKey), html, StringComparison.Ordinal);
        Assert.Contains("Muistiinpano jää talteen</textarea>", html, StringComparison.Ordinal);
        await using var db = await Arrange.Db(app.Services);
        Assert.Equal(0, await db.Actions.CountAsync(a => a.NetworkId == networkId));
    }

    [Fact]
    public async Task A_step_is_saved_with_owner_date_and_status_and_shows_as_overdue_when_late()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        await using (var db = await Arrange.Db(app.Services))
        {
            var membershipId = await db.Memberships.Where(m => m.NetworkId == networkId && m.UserId == owner.Id).Select(m => m.Id).SingleAsync();
            var response = await client.SubmitFormAsync($"/networks/{networkId}/workbook/development-cycle", "step-add",
                ("AddStep.Title", "Arviointityöpaja"), ("AddStep.Owner", membershipId.ToString()), ("AddStep.DueDate", "2020-05-04"), ("AddStep.Status", "InProgress"));
            Assert.True(response.IsRedirect(), $"Expected a redirect, got {(int)response.StatusCode}");
        }
        await using var check = await Arrange.Db(app.Services);
        var step = await check.Actions.SingleAsync(a => a.NetworkId == networkId);
        Assert.Equal("Arviointityöpaja", step.Title);
        Assert.Equal(new DateOnly(2020, 5, 4), step.DueDate);
        Assert.Equal(ActionStatus.InProgress, step.Status);
        var html = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/workbook/development-cycle"));
        Assert.Contains(Texts.Get("Steps.Overdue"), html, StringComparison.Ordinal);
        var overview = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}"));
        Assert.Contains("Arviointityöpaja", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_the_section_without_forms_and_cannot_post_answers()
    {
        var (owner, networkId, _) = await ArrangeAsync();
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        await app.Services.GetRequiredService<AnswerService>().AddKeySolutionAsync(networkId, owner.Id, AnswerOwner.Section("roles"), "Näkyy katsojalle");
        var client = await app.SignedInClientAsync(viewer);
        var page = $"/networks/{networkId}/workbook/roles";

        var html = await client.GetStringAsync(page);
        Assert.Contains("Näkyy katsojalle", html, StringComparison.Ordinal);
        Assert.DoesNotContain("AddForm.Text", html, StringComparison.Ordinal);

        var response = await client.PostAsync(page, TestHttp.Form(TestUsers.AntiforgeryToken(html), "ks-add", ("AddForm.Text", "Ei saa tallentua")));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        await using var db = await Arrange.Db(app.Services);
        Assert.Equal(1, await db.KeySolutions.CountAsync(k => k.NetworkId == networkId));
    }

    [Fact]
    public async Task Fields_of_the_definition_and_the_phase_are_saved_and_a_bad_phase_is_refused()
    {
        var (_, networkId, client) = await ArrangeAsync();
        var workbook = app.Services.GetRequiredService<WorkbookService>();
        var definition = await SectionAsync(networkId, "definition");

        var saved = await client.SubmitFormAsync($"/networks/{networkId}/workbook/definition", "fields",
            ("Fields.Version", definition.FieldsVersion.ToString()), ("Fields.ShortDescription", "Työllisyyspalvelujen verkosto"), ("Fields.ActorsDescription", "Kunnat ja järjestöt"));
        Assert.True(saved.IsRedirect(), $"Expected a redirect, got {(int)saved.StatusCode}");
        var after = await SectionAsync(networkId, "definition");
        Assert.Equal("Työllisyyspalvelujen verkosto", after.Fields.ShortDescription);

        var phase = await SectionAsync(networkId, "development-cycle");
        var refused = await client.SubmitFormAsync($"/networks/{networkId}/workbook/development-cycle", "fields",
            ("Fields.Version", phase.FieldsVersion.ToString()), ("Fields.CurrentPhase", "7"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Texts.Get("Error.PhaseInvalid"), Texts.Decoded(await refused.BodyAsync()), StringComparison.Ordinal);
        Assert.Null((await SectionAsync(networkId, "development-cycle")).Fields.CurrentPhase);
        Assert.NotNull(workbook);
    }

    [Fact]
    public async Task A_theme_is_created_from_the_form_and_listed()
    {
        var (_, networkId, client) = await ArrangeAsync();

        var response = await client.SubmitFormAsync($"/networks/{networkId}/themes", "new-theme", ("NewTheme.Title", "Nuorten palvelupolku"), ("NewTheme.Goal", "Jokainen nuori löytää reitin"));

        Assert.True(response.IsRedirect(), $"Expected a redirect, got {(int)response.StatusCode}");
        var themePath = response.RedirectPath()!;
        Assert.StartsWith($"/networks/{networkId}/themes/", themePath, StringComparison.Ordinal);
        var page = Texts.Decoded(await client.GetStringAsync(themePath));
        Assert.Contains("Jokainen nuori löytää reitin", page, StringComparison.Ordinal);
        var list = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/themes"));
        Assert.Contains("Nuorten palvelupolku", list, StringComparison.Ordinal);

        var empty = await client.SubmitFormAsync($"/networks/{networkId}/themes", "new-theme", ("NewTheme.Title", " "), ("NewTheme.Goal", "Tavoite ei katoa"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = Texts.Decoded(await empty.BodyAsync());
        Assert.Contains(Texts.Get("Error.TitleRequired"), html, StringComparison.Ordinal);
        Assert.Contains("Tavoite ei katoa</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_page_shows_who_changed_what()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        await client.SubmitFormAsync($"/networks/{networkId}/workbook/learning-cycle", "ks-add", ("AddForm.Text", "Opintopiiri kerran kuussa"));

        var html = Texts.Decoded(await client.GetStringAsync($"/networks/{networkId}/workbook/learning-cycle/history"));

        Assert.Contains(Texts.Get("History.KeySolution.Created"), html, StringComparison.Ordinal);
        Assert.Contains("Opintopiiri kerran kuussa", html, StringComparison.Ordinal);
        Assert.Contains(owner.Email.Split('@')[0], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_item_buttons_move_delete_and_restore_through_one_command_form()
    {
        var (owner, networkId, client) = await ArrangeAsync();
        var answers = app.Services.GetRequiredService<AnswerService>();
        var first = (await answers.AddKeySolutionAsync(networkId, owner.Id, AnswerOwner.Section("evaluation"), "Ensimmäinen")).Value;
        var second = (await answers.AddKeySolutionAsync(networkId, owner.Id, AnswerOwner.Section("evaluation"), "Toinen")).Value;
        var page = $"/networks/{networkId}/workbook/evaluation";

        Assert.True((await client.SubmitFormAsync(page, "ks-cmd", ("Cmd.Command", $"up:{second}"))).IsRedirect());
        var section = await SectionAsync(networkId, "evaluation");
        Assert.Equal([second, first], section.KeySolutions.Select(k => k.Id));

        Assert.True((await client.SubmitFormAsync(page, "ks-cmd", ("Cmd.Command", $"delete:{first}"))).IsRedirect());
        Assert.Equal([second], (await SectionAsync(networkId, "evaluation")).KeySolutions.Select(k => k.Id));

        Assert.True((await client.SubmitFormAsync(page, "ks-cmd", ("Cmd.Command", $"restore:{first}"))).IsRedirect());
        Assert.Equal([second, first], (await SectionAsync(networkId, "evaluation")).KeySolutions.Select(k => k.Id));
    }

    private async Task<SectionView> SectionAsync(Guid networkId, string key)
    {
        await using var db = await Arrange.Db(app.Services);
        var ownerId = await db.Memberships.Where(m => m.NetworkId == networkId && m.Role == NetworkRole.Owner).Select(m => m.UserId).FirstAsync();
        return (await app.Services.GetRequiredService<WorkbookService>().GetSectionAsync(networkId, ownerId, key))!;
    }

    private async Task<KeySolution> SingleKeySolutionAsync(Guid networkId, string key)
    {
        await using var db = await Arrange.Db(app.Services);
        var sectionId = await db.WorkbookSections.Where(s => s.NetworkId == networkId && s.Key == key).Select(s => s.Id).SingleAsync();
        return await db.KeySolutions.SingleAsync(k => k.SectionId == sectionId);
    }

    [GeneratedRegex("<[^>]*\\sonerror\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex OnErrorAttribute();
}
