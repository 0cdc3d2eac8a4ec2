using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Tests.Workbook;

/// <summary>A network's workbook: its sections, their order, visibility, texts and section fields.</summary>
public class WorkbookServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] TemplateKeys = [.. WorkbookTemplate.Current.Sections.Select(s => s.Key)];

    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private WorkbookService Service => new(fixture.Factory, clock);
    private AnswerService Answers => new(fixture.Factory, clock);

    private static SectionTextsInput Texts(string? title, string? question = null, string? intro = null) => new(title, question, intro);

    // --- Creating and reading ---

    [Fact]
    public async Task A_new_network_has_every_template_section_in_order_and_the_template_version()
    {
        var network = await fixture.NetworkAsync(clock);

        var view = await Service.GetAsync(network.Id, network.Viewer.Id);

        Assert.NotNull(view);
        Assert.Equal(WorkbookTemplate.Current.Version, view.TemplateVersion);
        Assert.Equal(NetworkRole.Viewer, view.Role);
        Assert.Equal(TemplateKeys, view.Sections.OrderBy(s => s.Order).Select(s => s.Key));
        Assert.All(view.Sections, s => Assert.False(s.Hidden || s.IsCustom || s.Answered || s.DeletedAt is not null, s.Key));
        Assert.Equal(WorkbookTemplate.Current.Part1.Select(s => s.Key), view.Part1.Select(s => s.Key));
        await using var db = fixture.Db();
        var workbook = await db.Workbooks.SingleAsync(w => w.NetworkId == network.Id);
        Assert.Equal((WorkbookTemplate.Current.Version, TestTime.Start), (workbook.TemplateVersion, workbook.CreatedAt));
    }

    [Fact]
    public async Task First_read_creates_the_workbook_of_a_network_that_has_none()
    {
        var network = await fixture.NetworkAsync(clock);
        await fixture.ForgetWorkbookAsync(network.Id);
        clock.Advance(TimeSpan.FromDays(3));

        var view = await Service.GetAsync(network.Id, network.Member.Id);

        Assert.NotNull(view);
        Assert.Equal(WorkbookTemplate.Current.Version, view.TemplateVersion);
        Assert.Equal(TemplateKeys, await fixture.OrderAsync(network.Id));
        await using var db = fixture.Db();
        Assert.Equal(TestTime.Start.AddDays(3), (await db.Workbooks.SingleAsync(w => w.NetworkId == network.Id)).CreatedAt);
    }

    [Fact]
    public async Task Simultaneous_first_reads_neither_fail_nor_duplicate_sections()
    {
        var network = await fixture.NetworkAsync(clock);
        await fixture.ForgetWorkbookAsync(network.Id);
        var overview = new WorkbookOverviewService(fixture.Factory, clock);

        var views = await Concurrently.RunAsync<object?>(
            async () => await Service.GetAsync(network.Id, network.Owner.Id),
            async () => await Service.GetAsync(network.Id, network.Member.Id),
            async () => await Service.GetSectionAsync(network.Id, network.Viewer.Id, "roles"),
            async () => await overview.GetAsync(network.Id, network.Facilitator.Id),
            async () => await Service.GetAsync(network.Id, network.Facilitator.Id),
            async () => await Service.GetSectionAsync(network.Id, network.Member.Id, "cover"));

        Assert.All(views, Assert.NotNull);
        Assert.Equal(TemplateKeys, await fixture.OrderAsync(network.Id));
        await using var db = fixture.Db();
        Assert.Equal(1, await db.Workbooks.CountAsync(w => w.NetworkId == network.Id));
        Assert.Equal(TemplateKeys.Length, await db.WorkbookSections.CountAsync(s => s.NetworkId == network.Id));
    }

    [Fact]
    public async Task A_section_the_template_gained_is_added_once_even_when_read_at_the_same_moment()
    {
        var network = await fixture.NetworkAsync(clock);
        await using (var db = fixture.Db())
        {
            await db.WorkbookSections.Where(s => s.NetworkId == network.Id && s.Key == "evaluation").ExecuteDeleteAsync();
        }

        var views = await Concurrently.RunAsync(
            () => Service.GetAsync(network.Id, network.Owner.Id),
            () => Service.GetAsync(network.Id, network.Member.Id),
            () => Service.GetAsync(network.Id, network.Viewer.Id));

        Assert.All(views, v => Assert.Contains(v!.Sections, s => s.Key == "evaluation"));
        // A part-1 section comes before the themes, not after them.
        Assert.Equal(TemplateKeys, await fixture.OrderAsync(network.Id));
        await using var check = fixture.Db();
        Assert.Equal(1, await check.WorkbookSections.CountAsync(s => s.NetworkId == network.Id && s.Key == "evaluation"));
        Assert.Equal(TemplateKeys.Length, await check.WorkbookSections.CountAsync(s => s.NetworkId == network.Id));
    }

    [Fact]
    public async Task Outsiders_and_other_networks_see_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        Assert.Null(await Service.GetAsync(network.Id, outsider.Id));
        Assert.Null(await Service.GetAsync(network.Id, other.Owner.Id));
        Assert.Null(await Service.GetAsync(Guid.NewGuid(), network.Owner.Id));
        Assert.Null(await Service.GetSectionAsync(network.Id, outsider.Id, "roles"));
        Assert.Null(await Service.GetSectionAsync(network.Id, network.Owner.Id, "no-such-section"));
    }

    [Fact]
    public async Task Section_view_gives_template_texts_tokens_and_neighbours_skipping_hidden_sections()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.True((await Service.SetHiddenAsync(network.Id, network.Facilitator.Id, "boundaries-levels", true)).Succeeded);

        var section = await Service.GetSectionAsync(network.Id, network.Member.Id, "picture");

        Assert.NotNull(section);
        var template = WorkbookTemplate.Current.Find("picture")!;
        Assert.Equal(template.For("en").Title, section.TitleFor("en"));
        Assert.Equal(template.For("fi").Question, section.QuestionFor("fi"));
        Assert.False(section.HasOverrides);
        Assert.True(section.HasAnswerBlocks);
        Assert.True(section.CanEdit);
        Assert.False(section.CanManage);
        Assert.Equal("definition", section.PreviousKey);
        Assert.Equal("strong-weak-links", section.NextKey);
        Assert.NotEqual(section.TextsVersion, section.FieldsVersion);
        Assert.NotEqual(section.FieldsVersion, section.ResponsibilitiesVersion);
        var viewer = await Service.GetSectionAsync(network.Id, network.Viewer.Id, "picture");
        Assert.False(viewer!.CanEdit);
        Assert.Null((await Service.GetSectionAsync(network.Id, network.Member.Id, "evaluation"))!.NextKey);
    }

    // --- Hiding and showing ---

    [Fact]
    public async Task Facilitator_hides_and_shows_a_section_and_each_change_is_audited_once()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.True((await Service.SetHiddenAsync(network.Id, network.Facilitator.Id, "picture", true)).Succeeded);
        Assert.True((await Service.SetHiddenAsync(network.Id, network.Facilitator.Id, "picture", true)).Succeeded);

        Assert.True((await fixture.SectionRowAsync(network.Id, "picture")).Hidden);
        var view = await Service.GetAsync(network.Id, network.Member.Id);
        Assert.True(view!.Sections.Single(s => s.Key == "picture").Hidden);
        Assert.Contains(view.Part1, s => s.Key == "picture");

        Assert.True((await Service.SetHiddenAsync(network.Id, network.Owner.Id, "picture", false)).Succeeded);

        Assert.False((await fixture.SectionRowAsync(network.Id, "picture")).Hidden);
        var audit = await fixture.AuditAsync(network.Id, "section:picture");
        Assert.Equal(["Hidden", "Shown"], audit.Select(a => a.Action));
        Assert.Equal([network.Facilitator.Id, network.Owner.Id], audit.Select(a => a.UserId));
    }

    [Fact]
    public async Task Cover_and_themes_cannot_be_hidden()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.SetHiddenAsync(network.Id, network.Owner.Id, "cover", true)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.SetHiddenAsync(network.Id, network.Owner.Id, "themes", true)).ErrorCode);
        Assert.False((await fixture.SectionRowAsync(network.Id, "cover")).Hidden);
    }

    [Fact]
    public async Task Members_viewers_and_outsiders_cannot_shape_the_workbook()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var custom = (await Service.AddCustomAsync(other.Id, other.Owner.Id, Texts("Toisen verkoston osio"))).Value!;

        foreach (var user in new[] { network.Member, network.Viewer })
        {
            Assert.Equal(ErrorCodes.Forbidden, (await Service.SetHiddenAsync(network.Id, user.Id, "picture", true)).ErrorCode);
            Assert.Equal(ErrorCodes.Forbidden, (await Service.MoveAsync(network.Id, user.Id, "picture", 1)).ErrorCode);
            Assert.Equal(ErrorCodes.Forbidden, (await Service.AddCustomAsync(network.Id, user.Id, Texts("Oma"))).ErrorCode);
            Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateTextsAsync(network.Id, user.Id, "picture", Texts("Uusi"), Guid.Empty)).ErrorCode);
            Assert.Equal(ErrorCodes.Forbidden, (await Service.ResetTextsAsync(network.Id, user.Id, "picture")).ErrorCode);
        }
        Assert.Equal(ErrorCodes.NotFound, (await Service.SetHiddenAsync(network.Id, other.Owner.Id, "picture", true)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteCustomAsync(network.Id, network.Owner.Id, custom)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MoveAsync(network.Id, network.Owner.Id, custom, -1)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteCustomAsync(other.Id, network.Owner.Id, custom)).ErrorCode);
        Assert.Empty(await fixture.AuditAsync(network.Id, "section:picture"));
        Assert.False((await fixture.SectionRowAsync(network.Id, "picture")).Hidden);
        Assert.NotNull(await Service.GetSectionAsync(other.Id, other.Member.Id, custom));
    }

    // --- Ordering ---

    [Fact]
    public async Task Moving_a_section_down_and_up_swaps_it_with_its_neighbour()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.True((await Service.MoveAsync(network.Id, network.Facilitator.Id, "picture", 1)).Succeeded);

        var order = await fixture.OrderAsync(network.Id);
        Assert.Equal(["cover", "definition", "boundaries-levels", "picture", "strong-weak-links"], order.Take(5));
        Assert.Equal("themes", order[^1]);

        Assert.True((await Service.MoveAsync(network.Id, network.Facilitator.Id, "picture", -1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Facilitator.Id, "picture", -1)).Succeeded);

        Assert.Equal(["cover", "picture", "definition", "boundaries-levels"], (await fixture.OrderAsync(network.Id)).Take(4));
        var moves = await fixture.AuditAsync(network.Id, "section:picture");
        Assert.Equal(3, moves.Count(a => a.Action == "Moved"));
        Assert.Contains("\"position\":1", moves[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sections_at_the_ends_of_part_one_stay_put_and_cover_and_themes_do_not_move()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, "definition", -1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, "evaluation", 1)).Succeeded);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.MoveAsync(network.Id, network.Owner.Id, "cover", 1)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.MoveAsync(network.Id, network.Owner.Id, "themes", -1)).ErrorCode);

        Assert.Equal(TemplateKeys, await fixture.OrderAsync(network.Id));
        Assert.DoesNotContain(await fixture.AuditAsync(network.Id), a => a.Action == "Moved");
    }

    [Fact]
    public async Task Hidden_sections_keep_their_place_and_can_be_moved()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.True((await Service.SetHiddenAsync(network.Id, network.Owner.Id, "leadership", true)).Succeeded);

        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, "leadership", -1)).Succeeded);

        var order = await fixture.OrderAsync(network.Id);
        Assert.Equal(order.IndexOf("development-cycle") - 1, order.IndexOf("leadership"));
    }

    [Fact]
    public async Task Simultaneous_moves_keep_every_section_in_a_place_of_its_own()
    {
        var network = await fixture.NetworkAsync(clock);
        var custom = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Oma"))).Value!;

        var results = await Concurrently.RunAsync(
            () => Service.MoveAsync(network.Id, network.Owner.Id, "picture", 1),
            () => Service.MoveAsync(network.Id, network.Facilitator.Id, "roles", -1),
            () => Service.MoveAsync(network.Id, network.Owner.Id, "evaluation", 1),
            () => Service.MoveAsync(network.Id, network.Facilitator.Id, custom, -1),
            () => Service.MoveAsync(network.Id, network.Owner.Id, "leadership", 1),
            () => Service.MoveAsync(network.Id, network.Facilitator.Id, "definition", 1));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        await using var db = fixture.Db();
        var rows = await db.WorkbookSections.AsNoTracking().Where(s => s.NetworkId == network.Id).OrderBy(s => s.Order).ToListAsync();
        Assert.Equal(rows.Count, rows.Select(r => r.Order).Distinct().Count());
        Assert.Equal(("cover", "themes"), (rows[0].Key, rows[^1].Key));
        Assert.Equal(TemplateKeys.Append(custom).Order(), rows.Select(r => r.Key).Order());
        // Every move is audited, but when the custom section has already moved above it, the evaluation is last and stays.
        Assert.InRange((await fixture.AuditAsync(network.Id)).Count(a => a.Action == "Moved"), 5, 6);
    }

    [Fact]
    public async Task Custom_sections_added_at_the_same_moment_each_get_a_place_before_the_themes()
    {
        var network = await fixture.NetworkAsync(clock);

        var results = await Concurrently.RunAsync(
            () => Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Yksi")),
            () => Service.AddCustomAsync(network.Id, network.Facilitator.Id, Texts("Kaksi")),
            () => Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Kolme")),
            () => Service.AddCustomAsync(network.Id, network.Facilitator.Id, Texts("Neljä")));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        var order = await fixture.OrderAsync(network.Id);
        Assert.Equal(TemplateKeys[..^1], order[..(TemplateKeys.Length - 1)]);
        Assert.Equal(results.Select(r => r.Value!).Order(), order[(TemplateKeys.Length - 1)..^1].Order());
        Assert.Equal("themes", order[^1]);
        await using var db = fixture.Db();
        var orders = await db.WorkbookSections.Where(s => s.NetworkId == network.Id).Select(s => s.Order).ToListAsync();
        Assert.Equal(orders.Count, orders.Distinct().Count());
    }

    // --- Texts ---

    [Fact]
    public async Task Renaming_a_section_stores_its_own_texts_and_a_new_version_and_audits_before_and_after()
    {
        var network = await fixture.NetworkAsync(clock);
        var before = (await Service.GetSectionAsync(network.Id, network.Facilitator.Id, "picture"))!;
        clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Service.UpdateTextsAsync(network.Id, network.Facilitator.Id, "picture",
            Texts("  Meidän kuvamme  ", "Miltä verkosto näyttää?\r\nKerro.", "**Johdanto**"), before.TextsVersion);

        Assert.True(result.Succeeded, result.ErrorCode);
        Assert.NotEqual(before.TextsVersion, result.Value);
        var after = (await Service.GetSectionAsync(network.Id, network.Member.Id, "picture"))!;
        Assert.Equal(result.Value, after.TextsVersion);
        Assert.Equal(("Meidän kuvamme", "Miltä verkosto näyttää?\nKerro.", "**Johdanto**"), (after.TitleFor("sv"), after.QuestionFor("en"), after.IntroFor("fi")));
        Assert.True(after.HasOverrides);
        Assert.Equal((before.FieldsVersion, before.ResponsibilitiesVersion), (after.FieldsVersion, after.ResponsibilitiesVersion));
        var view = await Service.GetAsync(network.Id, network.Member.Id);
        Assert.Equal("Meidän kuvamme", view!.Sections.Single(s => s.Key == "picture").TitleFor("fi"));
        var entry = Assert.Single(await fixture.AuditAsync(network.Id, "section:picture"));
        Assert.Equal(("TextsUpdated", network.Facilitator.Id, TestTime.Start.AddMinutes(5)), (entry.Action, entry.UserId, entry.At));
        Assert.Null(WorkbookData.Value(entry.Before, "title"));
        Assert.Equal("Meidän kuvamme", WorkbookData.Value(entry.After, "title"));
        var row = await fixture.SectionRowAsync(network.Id, "picture");
        Assert.Equal((network.Facilitator.Id, TestTime.Start.AddMinutes(5)), (row.UpdatedByUserId, row.UpdatedAt));
    }

    [Fact]
    public async Task Texts_equal_to_the_templates_in_any_language_and_empty_texts_follow_the_template()
    {
        var network = await fixture.NetworkAsync(clock);
        var template = WorkbookTemplate.Current.Find("roles")!;
        var version = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "roles"))!.TextsVersion;

        var result = await Service.UpdateTextsAsync(network.Id, network.Owner.Id, "roles", Texts(template.For("en").Title, "   ", null), version);

        Assert.True(result.Succeeded, result.ErrorCode);
        var row = await fixture.SectionRowAsync(network.Id, "roles");
        Assert.Equal((null, null, null), (row.Title, row.Question, row.Intro));
        var section = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "roles"))!;
        Assert.Equal(template.For("fi").Title, section.TitleFor("fi"));
        Assert.False(section.HasOverrides);
    }

    [Theory]
    [InlineData(TextLimits.Title + 1, 0, 0)]
    [InlineData(0, TextLimits.Question + 1, 0)]
    [InlineData(0, 0, TextLimits.Answer + 1)]
    public async Task Texts_over_their_limits_are_refused(int title, int question, int intro)
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!.TextsVersion;

        var result = await Service.UpdateTextsAsync(network.Id, network.Owner.Id, "picture",
            Texts(title > 0 ? new string('t', title) : "Otsikko", question > 0 ? new string('q', question) : null, intro > 0 ? new string('i', intro) : null), version);

        Assert.Equal(ErrorCodes.TextTooLong, result.ErrorCode);
        Assert.Null((await fixture.SectionRowAsync(network.Id, "picture")).Title);
        Assert.Empty(await fixture.AuditAsync(network.Id, "section:picture"));
    }

    [Fact]
    public async Task Texts_exactly_at_their_limits_are_kept()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!.TextsVersion;

        var result = await Service.UpdateTextsAsync(network.Id, network.Owner.Id, "picture",
            Texts(new string('t', TextLimits.Title), new string('q', TextLimits.Question), new string('i', TextLimits.Answer)), version);

        Assert.True(result.Succeeded, result.ErrorCode);
        var row = await fixture.SectionRowAsync(network.Id, "picture");
        Assert.Equal((TextLimits.Title, TextLimits.Question, TextLimits.Answer), (row.Title!.Length, row.Question!.Length, row.Intro!.Length));
    }

    [Fact]
    public async Task A_stale_texts_version_is_a_conflict_carrying_the_current_version_and_changes_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var stale = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!.TextsVersion;
        var first = await Service.UpdateTextsAsync(network.Id, network.Facilitator.Id, "picture", Texts("Fannin otsikko"), stale);
        Assert.True(first.Succeeded, first.ErrorCode);

        var second = await Service.UpdateTextsAsync(network.Id, network.Owner.Id, "picture", Texts("Ollin otsikko"), stale);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, second.ErrorCode);
        Assert.Equal(first.Value, second.Value);
        var row = await fixture.SectionRowAsync(network.Id, "picture");
        Assert.Equal(("Fannin otsikko", first.Value), (row.Title, row.TextsVersion));
        Assert.Single(await fixture.AuditAsync(network.Id, "section:picture"));
    }

    [Fact]
    public async Task Resetting_a_template_section_puts_back_the_template_texts_and_keeps_the_answers()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!.TextsVersion;
        var renamed = await Service.UpdateTextsAsync(network.Id, network.Owner.Id, "picture", Texts("Oma", "Oma kysymys", "Oma johdanto"), version);
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("picture"), "Ratkaisu")).Succeeded);

        var result = await Service.ResetTextsAsync(network.Id, network.Facilitator.Id, "picture");

        Assert.True(result.Succeeded, result.ErrorCode);
        var section = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!;
        Assert.False(section.HasOverrides);
        Assert.Equal(WorkbookTemplate.Current.Find("picture")!.For("fi").Title, section.TitleFor("fi"));
        Assert.NotEqual(renamed.Value, section.TextsVersion);
        Assert.Equal("Ratkaisu", Assert.Single(section.KeySolutions).Text);
        var reset = (await fixture.AuditAsync(network.Id, "section:picture")).Single(a => a.Action == "TextsReset");
        Assert.Equal("Oma kysymys", WorkbookData.Value(reset.Before, "question"));
        Assert.Equal(network.Facilitator.Id, reset.UserId);
    }

    // --- Custom sections ---

    [Fact]
    public async Task A_custom_section_has_the_shape_of_a_template_section_and_comes_before_themes()
    {
        var network = await fixture.NetworkAsync(clock);

        var added = await Service.AddCustomAsync(network.Id, network.Facilitator.Id, Texts(" Viestintä ", "Miten viestimme?", "Oma osio"));

        Assert.True(added.Succeeded, added.ErrorCode);
        Assert.StartsWith(WorkbookService.CustomPrefix, added.Value, StringComparison.Ordinal);
        var order = await fixture.OrderAsync(network.Id);
        Assert.Equal([.. TemplateKeys[..^1], added.Value!, "themes"], order);
        var section = (await Service.GetSectionAsync(network.Id, network.Member.Id, added.Value!))!;
        Assert.True(section.IsCustom);
        Assert.True(section.HasAnswerBlocks);
        Assert.Null(section.Template);
        Assert.Equal(SectionFieldsKind.None, section.FieldsKind);
        Assert.Equal(("Viestintä", "Miten viestimme?", "Oma osio"), (section.TitleFor("sv"), section.QuestionFor("fi"), section.IntroFor("en")));
        Assert.Equal("evaluation", section.PreviousKey);
        Assert.Null(section.NextKey);
        var summary = (await Service.GetAsync(network.Id, network.Member.Id))!.Part1.Last();
        Assert.Equal((added.Value, true, "Viestintä"), (summary.Key, summary.IsCustom, summary.TitleFor("fi")));
        var created = Assert.Single(await fixture.AuditAsync(network.Id, "section:" + added.Value));
        Assert.Equal(("Created", network.Facilitator.Id), (created.Action, created.UserId));

        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section(added.Value!), "Uutiskirje")).Succeeded);
        var version = section.ResponsibilitiesVersion;
        Assert.True((await Answers.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section(added.Value!), "Fanni", version)).Succeeded);
    }

    [Fact]
    public async Task A_custom_section_needs_a_title_and_can_be_moved_and_renamed()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.Equal(ErrorCodes.TitleRequired, (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("  ", "Kysymys"))).ErrorCode);
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts(new string('x', TextLimits.Title + 1)))).ErrorCode);
        var key = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Oma"))).Value!;
        var version = (await Service.GetSectionAsync(network.Id, network.Owner.Id, key))!.TextsVersion;

        Assert.Equal(ErrorCodes.TitleRequired, (await Service.UpdateTextsAsync(network.Id, network.Owner.Id, key, Texts(""), version)).ErrorCode);
        Assert.True((await Service.UpdateTextsAsync(network.Id, network.Owner.Id, key, Texts("Uusi nimi"), version)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, key, -1)).Succeeded);
        Assert.Equal(ErrorCodes.SectionNotCustom, (await Service.ResetTextsAsync(network.Id, network.Owner.Id, key)).ErrorCode);

        var order = await fixture.OrderAsync(network.Id);
        Assert.Equal([key, "evaluation", "themes"], order[^3..]);
        Assert.Equal("Uusi nimi", (await fixture.SectionRowAsync(network.Id, key)).Title);
        Assert.Equal(1, (await fixture.AuditAsync(network.Id)).Count(a => a.Action == "Created" && a.Entity == nameof(WorkbookSection)));
    }

    [Fact]
    public async Task Custom_sections_stop_at_the_limit()
    {
        var network = await fixture.NetworkAsync(clock);
        for (var i = 0; i < WorkbookService.MaxCustomSections; i++)
        {
            Assert.True((await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts($"Osio {i}"))).Succeeded);
        }

        var over = await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Yksi liikaa"));

        Assert.Equal(ErrorCodes.SectionLimit, over.ErrorCode);
        await using var db = fixture.Db();
        Assert.Equal(WorkbookService.MaxCustomSections, await db.WorkbookSections.CountAsync(s => s.NetworkId == network.Id && s.IsCustom));
        var order = await fixture.OrderAsync(network.Id);
        Assert.Equal("themes", order[^1]);
        Assert.Equal(order.Count, order.Distinct().Count());
    }

    [Fact]
    public async Task Deleting_a_custom_section_hides_it_and_its_answers_until_restored()
    {
        var network = await fixture.NetworkAsync(clock);
        var key = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Poistettava"))).Value!;
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section(key), "Vastaus")).Succeeded);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.True((await Service.DeleteCustomAsync(network.Id, network.Facilitator.Id, key)).Succeeded);

        Assert.Null(await Service.GetSectionAsync(network.Id, network.Owner.Id, key));
        var view = (await Service.GetAsync(network.Id, network.Owner.Id))!;
        Assert.DoesNotContain(view.Part1, s => s.Key == key);
        Assert.Equal(TestTime.Start.AddHours(1), view.Sections.Single(s => s.Key == key).DeletedAt);
        var row = await fixture.SectionRowAsync(network.Id, key);
        Assert.Equal(network.Facilitator.Id, row.DeletedByUserId);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteCustomAsync(network.Id, network.Owner.Id, key)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section(key), "Lisää")).ErrorCode);

        Assert.True((await Service.RestoreCustomAsync(network.Id, network.Owner.Id, key)).Succeeded);

        var restored = (await Service.GetSectionAsync(network.Id, network.Member.Id, key))!;
        Assert.Equal("Vastaus", Assert.Single(restored.KeySolutions).Text);
        Assert.Null((await fixture.SectionRowAsync(network.Id, key)).DeletedByUserId);
        Assert.Equal(["Created", "Deleted", "Restored"], (await fixture.AuditAsync(network.Id, "section:" + key)).Where(a => a.Entity == nameof(WorkbookSection)).Select(a => a.Action));
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreCustomAsync(network.Id, network.Owner.Id, key)).ErrorCode);
    }

    [Fact]
    public async Task A_restored_custom_section_returns_to_its_former_position()
    {
        var network = await fixture.NetworkAsync(clock);
        var first = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Ensimmäinen"))).Value!;
        var middle = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Keskimmäinen"))).Value!;
        var last = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Viimeinen"))).Value!;
        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, first, -1)).Succeeded);
        var before = await fixture.OrderAsync(network.Id);
        Assert.True((await Service.DeleteCustomAsync(network.Id, network.Owner.Id, middle)).Succeeded);
        // Meanwhile the workbook changes around the gap: sections move and another one is added.
        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, "picture", 1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Owner.Id, "picture", -1)).Succeeded);
        var later = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Myöhempi"))).Value!;

        Assert.True((await Service.RestoreCustomAsync(network.Id, network.Owner.Id, middle)).Succeeded);

        var after = await fixture.OrderAsync(network.Id);
        Assert.Equal([.. before[..^1], later, "themes"], after);
        Assert.Equal(before.IndexOf(middle), after.IndexOf(middle));
        Assert.Equal(after.IndexOf(last) - 1, after.IndexOf(middle));
        await using var db = fixture.Db();
        var orders = await db.WorkbookSections.Where(s => s.NetworkId == network.Id && s.DeletedAt == null).Select(s => s.Order).ToListAsync();
        Assert.Equal(orders.Count, orders.Distinct().Count());
    }

    [Fact]
    public async Task Template_sections_cannot_be_deleted_and_unknown_sections_are_not_found()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.Equal(ErrorCodes.SectionNotCustom, (await Service.DeleteCustomAsync(network.Id, network.Owner.Id, "picture")).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteCustomAsync(network.Id, network.Owner.Id, "custom-missing")).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreCustomAsync(network.Id, network.Owner.Id, "picture")).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.RestoreCustomAsync(network.Id, network.Member.Id, "picture")).ErrorCode);
        Assert.Null((await fixture.SectionRowAsync(network.Id, "picture")).DeletedAt);
        Assert.Empty(await fixture.AuditAsync(network.Id, "section:picture"));
    }

    // --- Section fields ---

    [Fact]
    public async Task Definition_fields_are_trimmed_versioned_and_audited()
    {
        var network = await fixture.NetworkAsync(clock);
        var section = (await Service.GetSectionAsync(network.Id, network.Member.Id, "definition"))!;
        Assert.Equal(SectionFieldsKind.Definition, section.FieldsKind);

        var result = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "definition",
            new SectionFields { ShortDescription = "  Hoivan verkosto ", ActorsDescription = "Kunnat", CurrentPhase = 3, LeadershipNote = "ei kuulu tänne" }, section.FieldsVersion);

        Assert.True(result.Succeeded, result.ErrorCode);
        var after = (await Service.GetSectionAsync(network.Id, network.Viewer.Id, "definition"))!;
        Assert.Equal(result.Value, after.FieldsVersion);
        Assert.Equal(new SectionFields { ShortDescription = "Hoivan verkosto", ActorsDescription = "Kunnat" }, after.Fields);
        Assert.Equal(section.TextsVersion, after.TextsVersion);
        Assert.True((await Service.GetAsync(network.Id, network.Member.Id))!.Sections.Single(s => s.Key == "definition").Answered);
        var entry = Assert.Single(await fixture.AuditAsync(network.Id, "section:definition"));
        Assert.Equal(("FieldsUpdated", network.Member.Id, null), (entry.Action, entry.UserId, entry.Before));
        Assert.Equal("Hoivan verkosto", WorkbookData.Value(entry.After, "shortDescription"));

        var same = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "definition",
            new SectionFields { ShortDescription = "Hoivan verkosto", ActorsDescription = "Kunnat " }, result.Value);
        Assert.Equal(result.Value, same.Value);
        Assert.Single(await fixture.AuditAsync(network.Id, "section:definition"));

        var changed = await Service.UpdateFieldsAsync(network.Id, network.Owner.Id, "definition", new SectionFields { ShortDescription = "Uusi" }, result.Value);
        Assert.True(changed.Succeeded, changed.ErrorCode);
        var second = (await fixture.AuditAsync(network.Id, "section:definition"))[^1];
        Assert.Equal("Hoivan verkosto", WorkbookData.Value(second.Before, "shortDescription"));
        Assert.Equal("Uusi", WorkbookData.Value(second.After, "shortDescription"));
    }

    [Fact]
    public async Task A_stale_fields_version_is_a_conflict_carrying_the_current_version()
    {
        var network = await fixture.NetworkAsync(clock);
        var stale = (await Service.GetSectionAsync(network.Id, network.Member.Id, "development-cycle"))!.FieldsVersion;
        var first = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "development-cycle", new SectionFields { CurrentPhase = 2 }, stale);

        var second = await Service.UpdateFieldsAsync(network.Id, network.Owner.Id, "development-cycle", new SectionFields { CurrentPhase = 4 }, stale);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, second.ErrorCode);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(2, (await Service.GetSectionAsync(network.Id, network.Member.Id, "development-cycle"))!.Fields.CurrentPhase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public async Task Development_phase_outside_one_to_four_is_invalid(int phase)
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Member.Id, "development-cycle"))!.FieldsVersion;

        var result = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "development-cycle", new SectionFields { CurrentPhase = phase }, version);

        Assert.Equal(ErrorCodes.PhaseInvalid, result.ErrorCode);
        Assert.Null((await fixture.SectionRowAsync(network.Id, "development-cycle")).FieldsJson);
    }

    [Fact]
    public async Task Development_phase_keeps_the_phase_and_its_note()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Member.Id, "development-cycle"))!.FieldsVersion;

        var result = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "development-cycle", new SectionFields { CurrentPhase = 4, PhaseNote = " Vakiintunut " }, version);

        Assert.True(result.Succeeded, result.ErrorCode);
        var fields = (await Service.GetSectionAsync(network.Id, network.Member.Id, "development-cycle"))!.Fields;
        Assert.Equal((4, "Vakiintunut"), (fields.CurrentPhase, fields.PhaseNote));
        Assert.Equal(4, SectionFields.FromJson((await fixture.SectionRowAsync(network.Id, "development-cycle")).FieldsJson).CurrentPhase);
    }

    [Fact]
    public async Task Field_texts_over_the_limit_are_refused()
    {
        var network = await fixture.NetworkAsync(clock);
        var tooLong = new string('x', TextLimits.Description + 1);
        async Task<string?> Try(string key, SectionFields fields) =>
            (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, key, fields, (await Service.GetSectionAsync(network.Id, network.Member.Id, key))!.FieldsVersion)).ErrorCode;

        Assert.Equal(ErrorCodes.TextTooLong, await Try("definition", new SectionFields { ActorsDescription = tooLong }));
        Assert.Equal(ErrorCodes.TextTooLong, await Try("development-cycle", new SectionFields { CurrentPhase = 1, PhaseNote = tooLong }));
        Assert.Equal(ErrorCodes.TextTooLong, await Try("leadership", new SectionFields { LeadershipNote = tooLong }));
        Assert.Equal(ErrorCodes.TextTooLong, await Try("cover", new SectionFields { CoverAnswers = [tooLong] }));
        Assert.Equal(ErrorCodes.TextTooLong, await Try("roles", new SectionFields { Roles = [new RoleUse(ParticipationRole.Locomotive, true, new string('h', TextLimits.ShortText * 5 + 1))] }));
        Assert.Null(await Try("definition", new SectionFields { ActorsDescription = new string('x', TextLimits.Description) }));
    }

    [Fact]
    public async Task Roles_are_stored_for_every_role_and_duplicates_are_refused()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Member.Id, "roles"))!.FieldsVersion;

        var duplicate = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "roles",
            new SectionFields { Roles = [new RoleUse(ParticipationRole.Locomotive, true, "A"), new RoleUse(ParticipationRole.Locomotive, false, "B")] }, version);
        var undefined = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "roles",
            new SectionFields { Roles = [new RoleUse((ParticipationRole)42, true, "A")] }, version);
        var result = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "roles",
            new SectionFields { Roles = [new RoleUse(ParticipationRole.InformationRelay, true, " Viestintätiimi ")] }, version);

        Assert.Equal(ErrorCodes.RoleNotAllowed, duplicate.ErrorCode);
        Assert.Equal(ErrorCodes.RoleNotAllowed, undefined.ErrorCode);
        Assert.True(result.Succeeded, result.ErrorCode);
        var roles = (await Service.GetSectionAsync(network.Id, network.Member.Id, "roles"))!.Fields.Roles!;
        Assert.Equal(Enum.GetValues<ParticipationRole>(), roles.Select(r => r.Role));
        Assert.Equal(new RoleUse(ParticipationRole.InformationRelay, true, "Viestintätiimi"), roles.Single(r => r.Role == ParticipationRole.InformationRelay));
        Assert.All(roles.Where(r => r.Role != ParticipationRole.InformationRelay), r => Assert.False(r.InUse));
    }

    [Fact]
    public async Task Learning_phases_need_four_names_and_fall_back_to_the_development_phases()
    {
        var network = await fixture.NetworkAsync(clock);
        var section = (await Service.GetSectionAsync(network.Id, network.Member.Id, "learning-phases-clock"))!;
        Assert.Equal(SectionView.DefaultLearningPhases("sv"), section.LearningPhasesFor("sv"));
        Assert.Equal(SectionFields.PhaseCount, section.LearningPhasesFor("fi").Count);

        Assert.Equal(ErrorCodes.PhaseNamesRequired, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "learning-phases-clock",
            new SectionFields { LearningPhases = ["Yksi", "Kaksi", "Kolme"] }, section.FieldsVersion)).ErrorCode);
        Assert.Equal(ErrorCodes.PhaseNamesRequired, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "learning-phases-clock",
            new SectionFields { LearningPhases = ["Yksi", " ", "Kolme", "Neljä"] }, section.FieldsVersion)).ErrorCode);
        Assert.Equal(ErrorCodes.PhaseNamesRequired, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "learning-phases-clock",
            new SectionFields(), section.FieldsVersion)).ErrorCode);
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "learning-phases-clock",
            new SectionFields { LearningPhases = ["Yksi", "Kaksi", "Kolme", new string('n', TextLimits.ShortText + 1)] }, section.FieldsVersion)).ErrorCode);

        var saved = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "learning-phases-clock",
            new SectionFields { LearningPhases = [" Kevät", "Kesä", "Syksy", "Talvi "] }, section.FieldsVersion);

        Assert.True(saved.Succeeded, saved.ErrorCode);
        var after = (await Service.GetSectionAsync(network.Id, network.Member.Id, "learning-phases-clock"))!;
        Assert.Equal(["Kevät", "Kesä", "Syksy", "Talvi"], after.LearningPhasesFor("en"));
    }

    [Fact]
    public async Task Cover_answers_are_three_at_most_and_padded_to_three()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Member.Id, "cover"))!.FieldsVersion;

        Assert.Equal(ErrorCodes.TextTooLong, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "cover",
            new SectionFields { CoverAnswers = ["1", "2", "3", "4"] }, version)).ErrorCode);
        var saved = await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "cover", new SectionFields { CoverAnswers = ["Miksi", " Mitä "] }, version);

        Assert.True(saved.Succeeded, saved.ErrorCode);
        Assert.Equal(["Miksi", "Mitä", ""], (await Service.GetSectionAsync(network.Id, network.Member.Id, "cover"))!.Fields.CoverAnswers);
    }

    [Fact]
    public async Task Fields_of_sections_without_fields_are_not_found_and_viewers_cannot_write_fields()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Member.Id, "definition"))!.FieldsVersion;
        var fields = new SectionFields { ShortDescription = "Kuvaus" };
        var custom = (await Service.AddCustomAsync(network.Id, network.Owner.Id, Texts("Oma"))).Value!;

        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "picture", fields, version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, custom, fields, version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateFieldsAsync(network.Id, network.Member.Id, "no-such", fields, version)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateFieldsAsync(network.Id, network.Viewer.Id, "definition", fields, version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateFieldsAsync(network.Id, other.Member.Id, "definition", fields, version)).ErrorCode);
        Assert.Null((await fixture.SectionRowAsync(network.Id, "definition")).FieldsJson);
    }

    [Fact]
    public async Task Each_member_places_the_network_once_and_can_change_the_placement()
    {
        var network = await fixture.NetworkAsync(clock);

        Assert.True((await Service.SetPlacementAsync(network.Id, network.Member.Id, new PlacementInput(1, 2, 4, 5))).Succeeded);
        Assert.True((await Service.SetPlacementAsync(network.Id, network.Owner.Id, new PlacementInput(3, 3, 3, 3))).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Service.SetPlacementAsync(network.Id, network.Member.Id, new PlacementInput(2, 2, 5, 5))).Succeeded);

        var placements = (await Service.GetSectionAsync(network.Id, network.Viewer.Id, "leadership"))!.Placements;
        Assert.Equal(2, placements.Count);
        var member = placements.Single(p => p.UserId == network.Member.Id);
        Assert.Equal(("Jussi Jäsen", 2, 2, 5, 5, TestTime.Start.AddMinutes(1)), (member.Name, member.NowGoal, member.NowShared, member.WantedGoal, member.WantedShared, member.UpdatedAt));
        Assert.Equal(["Created", "Created", "Updated"], (await fixture.AuditAsync(network.Id, "section:leadership")).Select(a => a.Action));
        Assert.Empty((await Service.GetSectionAsync(network.Id, network.Viewer.Id, "roles"))!.Placements);
    }

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, 6, 1, 1)]
    [InlineData(1, 1, -3, 1)]
    [InlineData(1, 1, 1, 99)]
    public async Task Placements_outside_one_to_five_are_invalid(int nowGoal, int nowShared, int wantedGoal, int wantedShared)
    {
        var network = await fixture.NetworkAsync(clock);

        var result = await Service.SetPlacementAsync(network.Id, network.Member.Id, new PlacementInput(nowGoal, nowShared, wantedGoal, wantedShared));

        Assert.Equal(ErrorCodes.PlacementInvalid, result.ErrorCode);
        Assert.Empty((await Service.GetSectionAsync(network.Id, network.Member.Id, "leadership"))!.Placements);
    }

    [Fact]
    public async Task Viewers_cannot_place_the_network()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        Assert.Equal(ErrorCodes.Forbidden, (await Service.SetPlacementAsync(network.Id, network.Viewer.Id, new PlacementInput(1, 1, 1, 1))).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.SetPlacementAsync(network.Id, outsider.Id, new PlacementInput(1, 1, 1, 1))).ErrorCode);
        await using var db = fixture.Db();
        Assert.False(await db.LeadershipPlacements.AnyAsync(p => p.NetworkId == network.Id));
    }

    // --- Blocks of one row ---

    [Fact]
    public async Task Different_blocks_of_one_section_saved_at_the_same_moment_all_succeed()
    {
        var network = await fixture.NetworkAsync(clock);
        for (var round = 0; round < 5; round++)
        {
            var section = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "development-cycle"))!;

            var results = await Concurrently.RunAsync(
                () => Service.UpdateTextsAsync(network.Id, network.Owner.Id, "development-cycle", Texts($"Otsikko {round}"), section.TextsVersion),
                () => Service.UpdateFieldsAsync(network.Id, network.Member.Id, "development-cycle", new SectionFields { CurrentPhase = round % 4 + 1 }, section.FieldsVersion),
                () => Answers.UpdateResponsibilitiesAsync(network.Id, network.Facilitator.Id, AnswerOwner.Section("development-cycle"), $"Vastuut {round}", section.ResponsibilitiesVersion));

            Assert.All(results, r => Assert.True(r.Succeeded, $"round {round}: {r.ErrorCode}"));
            var row = await fixture.SectionRowAsync(network.Id, "development-cycle");
            Assert.Equal(($"Otsikko {round}", round % 4 + 1, $"Vastuut {round}"), (row.Title, SectionFields.FromJson(row.FieldsJson).CurrentPhase, row.Responsibilities));
            Assert.Equal((results[0].Value, results[1].Value, results[2].Value), (row.TextsVersion, row.FieldsVersion, row.ResponsibilitiesVersion));
        }
    }

    [Fact]
    public async Task Saving_one_block_checks_only_that_blocks_token()
    {
        var network = await fixture.NetworkAsync(clock);
        await using var mine = fixture.Db();
        var section = await mine.WorkbookSections.SingleAsync(s => s.NetworkId == network.Id && s.Key == "picture");
        section.Title = "Minun otsikkoni";
        section.TextsVersion = Guid.NewGuid();
        var fields = Guid.NewGuid();
        await using (var theirs = fixture.Db())
        {
            await theirs.WorkbookSections.Where(s => s.Id == section.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.FieldsVersion, fields).SetProperty(s => s.Hidden, true));
        }

        var saved = await WorkbookStore.SaveBlockAsync(mine, section, nameof(WorkbookSection.TextsVersion), default);

        Assert.True(saved.Succeeded, saved.ErrorCode);
        Assert.Equal(section.TextsVersion, saved.Value);
        var row = await fixture.SectionRowAsync(network.Id, "picture");
        Assert.Equal(("Minun otsikkoni", section.TextsVersion, fields, true), (row.Title, row.TextsVersion, row.FieldsVersion, row.Hidden));
    }

    [Fact]
    public async Task Saving_a_block_someone_else_changed_meanwhile_is_a_conflict_carrying_their_version()
    {
        var network = await fixture.NetworkAsync(clock);
        await using var mine = fixture.Db();
        var section = await mine.WorkbookSections.SingleAsync(s => s.NetworkId == network.Id && s.Key == "picture");
        section.Title = "Minun otsikkoni";
        section.TextsVersion = Guid.NewGuid();
        var theirVersion = Guid.NewGuid();
        await using (var theirs = fixture.Db())
        {
            await theirs.WorkbookSections.Where(s => s.Id == section.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.TextsVersion, theirVersion).SetProperty(s => s.Title, "Heidän otsikkonsa"));
        }

        var saved = await WorkbookStore.SaveBlockAsync(mine, section, nameof(WorkbookSection.TextsVersion), default);

        Assert.Equal(ErrorCodes.ConcurrencyConflict, saved.ErrorCode);
        Assert.Equal(theirVersion, saved.Value);
        var row = await fixture.SectionRowAsync(network.Id, "picture");
        Assert.Equal(("Heidän otsikkonsa", theirVersion), (row.Title, row.TextsVersion));
    }

    [Fact]
    public async Task Hiding_while_someone_saves_texts_does_not_fail()
    {
        var network = await fixture.NetworkAsync(clock);
        for (var round = 0; round < 4; round++)
        {
            var section = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!;

            var results = await Concurrently.RunAsync(
                () => Service.SetHiddenAsync(network.Id, network.Owner.Id, "picture", round % 2 == 0),
                async () => (ServiceResult)await Service.UpdateTextsAsync(network.Id, network.Facilitator.Id, "picture", Texts($"Nimi {round}"), section.TextsVersion),
                () => Service.MoveAsync(network.Id, network.Facilitator.Id, "picture", round % 2 == 0 ? 1 : -1));

            Assert.All(results, r => Assert.True(r.Succeeded, $"round {round}: {r.ErrorCode}"));
            var row = await fixture.SectionRowAsync(network.Id, "picture");
            Assert.Equal((round % 2 == 0, $"Nimi {round}"), (row.Hidden, row.Title));
        }
    }

    [Fact]
    public async Task Audit_of_section_changes_is_scoped_to_the_section_and_serialised_as_json()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Service.GetSectionAsync(network.Id, network.Owner.Id, "roles"))!.TextsVersion;
        Assert.True((await Service.UpdateTextsAsync(network.Id, network.Owner.Id, "roles", Texts("Roolit meillä"), version)).Succeeded);
        Assert.True((await Service.SetHiddenAsync(network.Id, network.Owner.Id, "picture", true)).Succeeded);

        var roles = Assert.Single(await fixture.AuditAsync(network.Id, "section:roles"));
        var picture = Assert.Single(await fixture.AuditAsync(network.Id, "section:picture"));

        Assert.Equal((nameof(WorkbookSection), "roles"), (roles.Entity, roles.EntityId));
        Assert.Equal("Roolit meillä", JsonDocument.Parse(roles.After!).RootElement.GetProperty("title").GetString());
        Assert.Equal(("Hidden", null, null), (picture.Action, picture.Before, picture.After));
    }
}
