using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.Workbook;

/// <summary>The answer blocks of sections and themes: key solutions and the responsibilities text.</summary>
public class AnswerServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private AnswerService Service => new(fixture.Factory, clock);
    private WorkbookService Workbook => new(fixture.Factory, clock);
    private ThemeService Themes => new(fixture.Factory, clock);

    private static readonly AnswerOwner Picture = AnswerOwner.Section("picture");

    private async Task<Guid> AddAsync(TestNetwork network, AnswerOwner owner, string text)
    {
        var added = await Service.AddKeySolutionAsync(network.Id, network.Member.Id, owner, text);
        Assert.True(added.Succeeded, added.ErrorCode);
        return added.Value;
    }

    private async Task<Guid> ThemeAsync(TestNetwork network, string title = "Hyvinvointi")
    {
        var created = await Themes.CreateAsync(network.Id, network.Member.Id, new ThemeInput(title, "Tavoite"));
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task<IReadOnlyList<KeySolutionView>> SolutionsAsync(TestNetwork network, string key = "picture") =>
        (await Workbook.GetSectionAsync(network.Id, network.Viewer.Id, key))!.KeySolutions;

    // --- Key solutions ---

    [Fact]
    public async Task Key_solutions_are_added_in_order_as_typed_and_audited_in_the_sections_scope()
    {
        var network = await fixture.NetworkAsync(clock);
        clock.Advance(TimeSpan.FromMinutes(2));

        var first = await AddAsync(network, Picture, "  **Yhteinen** tavoite\r\n- kunnat\r\n- järjestöt  ");
        var second = await AddAsync(network, Picture, "[Linkki](https://example.fi) ja `koodi`");

        var solutions = await SolutionsAsync(network);
        Assert.Equal([first, second], solutions.Select(s => s.Id));
        Assert.Equal("**Yhteinen** tavoite\n- kunnat\n- järjestöt", solutions[0].Text);
        Assert.Equal("[Linkki](https://example.fi) ja `koodi`", solutions[1].Text);
        Assert.True(solutions[0].Order < solutions[1].Order);
        Assert.Equal(TestTime.Start.AddMinutes(2), solutions[0].UpdatedAt);
        await using var db = fixture.Db();
        var row = await db.KeySolutions.SingleAsync(k => k.Id == first);
        Assert.Equal((network.Member.Id, network.Member.Id), (row.CreatedByUserId, row.UpdatedByUserId));
        var audit = await fixture.AuditAsync(network.Id, "section:picture");
        Assert.Equal(["Created", "Created"], audit.Select(a => a.Action));
        Assert.Equal((nameof(KeySolution), first.ToString(), network.Member.Id), (audit[0].Entity, audit[0].EntityId, audit[0].UserId));
        Assert.Equal("**Yhteinen** tavoite\n- kunnat\n- järjestöt", WorkbookData.Value(audit[0].After, "text"));
        Assert.True((await Workbook.GetAsync(network.Id, network.Viewer.Id))!.Sections.Single(s => s.Key == "picture").Answered);
    }

    [Fact]
    public async Task Script_and_event_handler_markup_is_stored_verbatim_for_the_renderer_to_make_safe()
    {
        var network = await fixture.NetworkAsync(clock);
        const string text = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> [a](javascript:alert(1))";

        var id = await AddAsync(network, Picture, text);

        var stored = await Service.GetKeySolutionAsync(network.Id, network.Viewer.Id, id);
        Assert.Equal(text, stored!.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public async Task An_empty_key_solution_is_refused(string? text)
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Picture, "Alkuperäinen");
        var version = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Version;

        Assert.Equal(ErrorCodes.TextRequired, (await Service.AddKeySolutionAsync(network.Id, network.Member.Id, Picture, text)).ErrorCode);
        Assert.Equal(ErrorCodes.TextRequired, (await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, text, version)).ErrorCode);

        Assert.Equal("Alkuperäinen", Assert.Single(await SolutionsAsync(network)).Text);
    }

    [Fact]
    public async Task A_key_solution_over_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var network = await fixture.NetworkAsync(clock);

        var over = await Service.AddKeySolutionAsync(network.Id, network.Member.Id, Picture, new string('x', TextLimits.Answer + 1));
        var at = await Service.AddKeySolutionAsync(network.Id, network.Member.Id, Picture, "  " + new string('x', TextLimits.Answer) + "  ");

        Assert.Equal(ErrorCodes.TextTooLong, over.ErrorCode);
        Assert.True(at.Succeeded, at.ErrorCode);
        Assert.Equal(TextLimits.Answer, Assert.Single(await SolutionsAsync(network)).Text.Length);
        var version = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, at.Value))!.Version;
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, at.Value, new string('y', TextLimits.Answer + 1), version)).ErrorCode);
    }

    [Fact]
    public async Task A_block_holds_at_most_the_maximum_number_of_key_solutions()
    {
        var network = await fixture.NetworkAsync(clock);
        var sectionId = (await fixture.SectionRowAsync(network.Id, "picture")).Id;
        await fixture.AddRowsAsync(AnswerService.MaxKeySolutions, i => new KeySolution
        {
            Id = Guid.NewGuid(), NetworkId = network.Id, SectionId = sectionId, Order = i, Text = $"Ratkaisu {i}",
            Version = Guid.NewGuid(), CreatedAt = TestTime.Start, UpdatedAt = TestTime.Start,
        });

        Assert.Equal(ErrorCodes.SectionLimit, (await Service.AddKeySolutionAsync(network.Id, network.Member.Id, Picture, "Yksi liikaa")).ErrorCode);
        Assert.True((await Service.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), "Muualle mahtuu")).Succeeded);
    }

    [Fact]
    public async Task Editing_a_key_solution_returns_a_new_version_and_audits_the_old_and_new_text()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Picture, "Vanha");
        var before = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!;
        clock.Advance(TimeSpan.FromMinutes(7));

        var result = await Service.UpdateKeySolutionAsync(network.Id, network.Owner.Id, id, " Uusi _teksti_ ", before.Version);

        Assert.True(result.Succeeded, result.ErrorCode);
        var after = (await Service.GetKeySolutionAsync(network.Id, network.Viewer.Id, id))!;
        Assert.Equal(("Uusi _teksti_", result.Value, TestTime.Start.AddMinutes(7)), (after.Text, after.Version, after.UpdatedAt));
        Assert.NotEqual(before.Version, after.Version);
        var entry = (await fixture.AuditAsync(network.Id, "section:picture"))[^1];
        Assert.Equal(("Updated", network.Owner.Id, "Vanha", "Uusi _teksti_"),
            (entry.Action, entry.UserId, WorkbookData.Value(entry.Before, "text"), WorkbookData.Value(entry.After, "text")));
    }

    [Fact]
    public async Task Saving_the_same_text_keeps_the_version_and_writes_no_audit()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Picture, "Sama");
        var version = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Version;

        var result = await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Sama  ", version);

        Assert.Equal(version, result.Value);
        Assert.Single(await fixture.AuditAsync(network.Id, "section:picture"));
    }

    [Fact]
    public async Task A_stale_key_solution_version_is_a_conflict_carrying_the_current_version()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Picture, "Alku");
        var stale = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Version;
        var first = await Service.UpdateKeySolutionAsync(network.Id, network.Facilitator.Id, id, "Fannin versio", stale);

        var second = await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Jussin versio", stale);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, second.ErrorCode);
        Assert.Equal(first.Value, second.Value);
        var stored = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(("Fannin versio", first.Value), (stored.Text, stored.Version));
        Assert.Equal(["Created", "Updated"], (await fixture.AuditAsync(network.Id, "section:picture")).Select(a => a.Action));
    }

    [Fact]
    public async Task Two_people_saving_the_same_key_solution_at_once_do_not_both_win()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Picture, "Alku");
        var version = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Version;

        var results = await Concurrently.RunAsync(
            () => Service.UpdateKeySolutionAsync(network.Id, network.Facilitator.Id, id, "Fannin versio", version),
            () => Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Jussin versio", version));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(ErrorCodes.ConcurrencyConflict, loser.ErrorCode);
        Assert.Equal(winner.Value, loser.Value);
        var stored = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(winner.Value, stored.Version);
        Assert.Single(await fixture.AuditAsync(network.Id, "section:picture"), a => a.Action == "Updated");
    }

    [Fact]
    public async Task Key_solutions_move_up_and_down_and_stay_at_the_ends()
    {
        var network = await fixture.NetworkAsync(clock);
        var a = await AddAsync(network, Picture, "A");
        var b = await AddAsync(network, Picture, "B");
        var c = await AddAsync(network, Picture, "C");

        Assert.True((await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, c, -1)).Succeeded);
        Assert.Equal([a, c, b], (await SolutionsAsync(network)).Select(s => s.Id));
        Assert.True((await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, a, 1)).Succeeded);
        Assert.Equal([c, a, b], (await SolutionsAsync(network)).Select(s => s.Id));
        Assert.True((await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, c, -1)).Succeeded);
        Assert.True((await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, b, 1)).Succeeded);

        Assert.Equal([c, a, b], (await SolutionsAsync(network)).Select(s => s.Id));
        var moves = (await fixture.AuditAsync(network.Id, "section:picture")).Where(e => e.Action == "Moved").ToList();
        Assert.Equal([c.ToString(), a.ToString()], moves.Select(m => m.EntityId));
    }

    [Fact]
    public async Task Simultaneous_moves_keep_every_key_solution_in_a_place_of_its_own()
    {
        var network = await fixture.NetworkAsync(clock);
        var ids = new List<Guid>();
        foreach (var text in new[] { "A", "B", "C", "D", "E" })
        {
            ids.Add(await AddAsync(network, Picture, text));
        }

        var results = await Concurrently.RunAsync(
            () => Service.MoveKeySolutionAsync(network.Id, network.Member.Id, ids[0], 1),
            () => Service.MoveKeySolutionAsync(network.Id, network.Facilitator.Id, ids[2], -1),
            () => Service.MoveKeySolutionAsync(network.Id, network.Owner.Id, ids[3], 1),
            () => Service.MoveKeySolutionAsync(network.Id, network.Member.Id, ids[4], -1));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        var solutions = await SolutionsAsync(network);
        Assert.Equal([0, 1, 2, 3, 4], solutions.Select(s => s.Order).Order());
        Assert.Equal(ids.Order(), solutions.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task A_deleted_key_solution_is_listed_apart_and_restored_to_the_end()
    {
        var network = await fixture.NetworkAsync(clock);
        var a = await AddAsync(network, Picture, "A");
        var b = await AddAsync(network, Picture, "B");
        var c = await AddAsync(network, Picture, "C");
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True((await Service.DeleteKeySolutionAsync(network.Id, network.Member.Id, a)).Succeeded);
        Assert.True((await Service.DeleteKeySolutionAsync(network.Id, network.Member.Id, a)).Succeeded);

        var section = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "picture"))!;
        Assert.Equal([b, c], section.KeySolutions.Select(s => s.Id));
        var deleted = Assert.Single(section.DeletedKeySolutions);
        Assert.Equal((a, TestTime.Start.AddMinutes(1)), (deleted.Id, deleted.DeletedAt));
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, a, "Muokkaus", deleted.Version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, a, 1)).ErrorCode);

        Assert.True((await Service.RestoreKeySolutionAsync(network.Id, network.Facilitator.Id, a)).Succeeded);

        Assert.Equal([b, c, a], (await SolutionsAsync(network)).Select(s => s.Id));
        var audit = (await fixture.AuditAsync(network.Id, "section:picture")).Where(e => e.EntityId == a.ToString()).ToList();
        Assert.Equal(["Created", "Deleted", "Restored"], audit.Select(e => e.Action));
        Assert.Equal("A", WorkbookData.Value(audit[1].Before, "text"));
        Assert.Equal("A", WorkbookData.Value(audit[2].After, "text"));
        Assert.Equal(network.Facilitator.Id, audit[2].UserId);
    }

    [Fact]
    public async Task Viewers_cannot_write_answers_and_outsiders_and_other_networks_find_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var id = await AddAsync(network, Picture, "Vastaus");
        var view = (await Service.GetKeySolutionAsync(network.Id, network.Viewer.Id, id))!;
        var responsibilities = (await Workbook.GetSectionAsync(network.Id, network.Viewer.Id, "picture"))!.ResponsibilitiesVersion;

        Assert.Equal(ErrorCodes.Forbidden, (await Service.AddKeySolutionAsync(network.Id, network.Viewer.Id, Picture, "Katsoja")).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateKeySolutionAsync(network.Id, network.Viewer.Id, id, "Katsoja", view.Version)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.MoveKeySolutionAsync(network.Id, network.Viewer.Id, id, 1)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.DeleteKeySolutionAsync(network.Id, network.Viewer.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateResponsibilitiesAsync(network.Id, network.Viewer.Id, Picture, "Katsoja", responsibilities)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddKeySolutionAsync(network.Id, outsider.Id, Picture, "Ulkopuolinen")).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteKeySolutionAsync(network.Id, outsider.Id, id)).ErrorCode);
        Assert.Null(await Service.GetKeySolutionAsync(network.Id, outsider.Id, id));
        // The other network's member names their own network but this network's item.
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateKeySolutionAsync(other.Id, other.Owner.Id, id, "Toinen", view.Version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteKeySolutionAsync(other.Id, other.Owner.Id, id)).ErrorCode);
        Assert.Null(await Service.GetKeySolutionAsync(other.Id, other.Owner.Id, id));

        Assert.Equal(("Vastaus", view.Version), ((await Service.GetKeySolutionAsync(network.Id, network.Viewer.Id, id))!.Text, (await Service.GetKeySolutionAsync(network.Id, network.Viewer.Id, id))!.Version));
        Assert.Single(await fixture.AuditAsync(network.Id, "section:picture"));
    }

    [Theory]
    [InlineData("cover")]
    [InlineData("themes")]
    [InlineData("no-such-section")]
    public async Task Sections_without_answer_blocks_take_no_answers(string key)
    {
        var network = await fixture.NetworkAsync(clock);
        var version = Guid.NewGuid();

        Assert.Equal(ErrorCodes.NotFound, (await Service.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section(key), "Ei tänne")).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section(key), "Ei tänne", version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddKeySolutionAsync(network.Id, network.Member.Id, default, "Ei omistajaa")).ErrorCode);
        await using var db = fixture.Db();
        Assert.False(await db.KeySolutions.AnyAsync(k => k.NetworkId == network.Id));
    }

    [Fact]
    public async Task Items_of_a_deleted_custom_section_are_not_found_until_the_section_is_restored()
    {
        var network = await fixture.NetworkAsync(clock);
        var key = (await Workbook.AddCustomAsync(network.Id, network.Owner.Id, new SectionTextsInput("Oma", null, null))).Value!;
        var id = await AddAsync(network, AnswerOwner.Section(key), "Vastaus");
        var version = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Version;
        Assert.True((await Workbook.DeleteCustomAsync(network.Id, network.Owner.Id, key)).Succeeded);

        Assert.Null(await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id));
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Muutos", version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, id, 1)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteKeySolutionAsync(network.Id, network.Member.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreKeySolutionAsync(network.Id, network.Member.Id, id)).ErrorCode);

        Assert.True((await Workbook.RestoreCustomAsync(network.Id, network.Owner.Id, key)).Succeeded);

        Assert.Equal("Vastaus", (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Text);
        Assert.True((await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Muutos", version)).Succeeded);
    }

    [Fact]
    public async Task Items_of_a_deleted_theme_are_not_found_until_the_theme_is_restored()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network);
        var id = await AddAsync(network, AnswerOwner.Theme(theme), "Teeman ratkaisu");
        var version = (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Version;
        Assert.True((await Themes.DeleteAsync(network.Id, network.Member.Id, theme)).Succeeded);

        Assert.Null(await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id));
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Muutos", version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, id, -1)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteKeySolutionAsync(network.Id, network.Member.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), "Uusi")).ErrorCode);

        Assert.True((await Themes.RestoreAsync(network.Id, network.Member.Id, theme)).Succeeded);

        Assert.True((await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Muutos", version)).Succeeded);
        Assert.Equal("Muutos", (await Service.GetKeySolutionAsync(network.Id, network.Member.Id, id))!.Text);
    }

    [Fact]
    public async Task Answers_of_an_archived_theme_are_read_only()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network);
        var id = await AddAsync(network, AnswerOwner.Theme(theme), "Ratkaisu");
        var view = (await Themes.GetAsync(network.Id, network.Member.Id, theme))!;
        Assert.True((await Themes.ArchiveAsync(network.Id, network.Facilitator.Id, theme)).Succeeded);

        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), "Uusi")).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.UpdateKeySolutionAsync(network.Id, network.Member.Id, id, "Muutos", view.KeySolutions[0].Version)).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.MoveKeySolutionAsync(network.Id, network.Member.Id, id, 1)).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.DeleteKeySolutionAsync(network.Id, network.Member.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), "Vastuut", view.ResponsibilitiesVersion)).ErrorCode);

        var archived = (await Themes.GetAsync(network.Id, network.Viewer.Id, theme))!;
        Assert.Equal("Ratkaisu", Assert.Single(archived.KeySolutions).Text);
        Assert.Equal("", archived.Responsibilities);
        Assert.False(archived.CanEdit);
    }

    [Fact]
    public async Task Theme_key_solutions_are_audited_in_the_themes_scope()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network);

        var id = await AddAsync(network, AnswerOwner.Theme(theme), "Teemaan");

        var entry = (await fixture.AuditAsync(network.Id, "theme:" + theme)).Single(e => e.Entity == nameof(KeySolution));
        Assert.Equal(("Created", id.ToString()), (entry.Action, entry.EntityId));
        Assert.Equal("Teemaan", Assert.Single((await Themes.GetAsync(network.Id, network.Viewer.Id, theme))!.KeySolutions).Text);
        Assert.Empty(await SolutionsAsync(network));
    }

    // --- Responsibilities ---

    [Fact]
    public async Task Responsibilities_are_saved_with_a_new_version_and_may_be_emptied()
    {
        var network = await fixture.NetworkAsync(clock);
        var section = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "roles"))!;

        var saved = await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"),
            " | Kuka | Milloin |\r\n|---|---|\r\n| Fanni | 3/2026 | ", section.ResponsibilitiesVersion);

        Assert.True(saved.Succeeded, saved.ErrorCode);
        var after = (await Workbook.GetSectionAsync(network.Id, network.Viewer.Id, "roles"))!;
        Assert.Equal(("| Kuka | Milloin |\n|---|---|\n| Fanni | 3/2026 |", saved.Value), (after.Responsibilities, after.ResponsibilitiesVersion));
        Assert.Equal((section.TextsVersion, section.FieldsVersion), (after.TextsVersion, after.FieldsVersion));

        var emptied = await Service.UpdateResponsibilitiesAsync(network.Id, network.Owner.Id, AnswerOwner.Section("roles"), "  ", saved.Value);

        Assert.True(emptied.Succeeded, emptied.ErrorCode);
        Assert.Equal("", (await fixture.SectionRowAsync(network.Id, "roles")).Responsibilities);
        var audit = await fixture.AuditAsync(network.Id, "section:roles");
        Assert.Equal(["ResponsibilitiesUpdated", "ResponsibilitiesUpdated"], audit.Select(a => a.Action));
        Assert.Equal(("", "| Kuka | Milloin |\n|---|---|\n| Fanni | 3/2026 |"), (WorkbookData.Value(audit[0].Before, "text"), WorkbookData.Value(audit[0].After, "text")));
        Assert.Equal(network.Owner.Id, audit[1].UserId);
    }

    [Fact]
    public async Task Unchanged_responsibilities_keep_their_version_and_write_no_audit()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "roles"))!.ResponsibilitiesVersion;

        var result = await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), "", version);

        Assert.Equal(version, result.Value);
        Assert.Equal(version, (await fixture.SectionRowAsync(network.Id, "roles")).ResponsibilitiesVersion);
        Assert.Empty(await fixture.AuditAsync(network.Id, "section:roles"));
    }

    [Fact]
    public async Task Responsibilities_over_the_limit_are_refused()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "roles"))!.ResponsibilitiesVersion;

        var result = await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), new string('v', TextLimits.Answer + 1), version);

        Assert.Equal(ErrorCodes.TextTooLong, result.ErrorCode);
        Assert.Equal("", (await fixture.SectionRowAsync(network.Id, "roles")).Responsibilities);
    }

    [Fact]
    public async Task A_stale_responsibilities_version_is_a_conflict_carrying_the_current_version()
    {
        var network = await fixture.NetworkAsync(clock);
        var stale = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "roles"))!.ResponsibilitiesVersion;
        var first = await Service.UpdateResponsibilitiesAsync(network.Id, network.Facilitator.Id, AnswerOwner.Section("roles"), "Fanni vastaa", stale);

        var second = await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), "Jussi vastaa", stale);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, second.ErrorCode);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal("Fanni vastaa", (await fixture.SectionRowAsync(network.Id, "roles")).Responsibilities);
        Assert.Single(await fixture.AuditAsync(network.Id, "section:roles"));
    }

    [Fact]
    public async Task Theme_responsibilities_have_their_own_version_apart_from_the_themes_texts()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network);
        var view = (await Themes.GetAsync(network.Id, network.Member.Id, theme))!;
        var edited = await Themes.UpdateAsync(network.Id, network.Facilitator.Id, theme, new ThemeInput("Uusi nimi", "Uusi tavoite"), view.Version);
        Assert.True(edited.Succeeded, edited.ErrorCode);

        var saved = await Service.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), "Jussi", view.ResponsibilitiesVersion);
        var stale = await Service.UpdateResponsibilitiesAsync(network.Id, network.Owner.Id, AnswerOwner.Theme(theme), "Olli", view.ResponsibilitiesVersion);

        Assert.True(saved.Succeeded, saved.ErrorCode);
        Assert.Equal((ErrorCodes.ConcurrencyConflict, saved.Value), (stale.ErrorCode, stale.Value));
        var after = (await Themes.GetAsync(network.Id, network.Viewer.Id, theme))!;
        Assert.Equal(("Uusi nimi", "Jussi", edited.Value, saved.Value), (after.Title, after.Responsibilities, after.Version, after.ResponsibilitiesVersion));
        var entry = (await fixture.AuditAsync(network.Id, "theme:" + theme)).Single(e => e.Action == "ResponsibilitiesUpdated");
        Assert.Equal((nameof(Theme), theme.ToString()), (entry.Entity, entry.EntityId));
    }
}
