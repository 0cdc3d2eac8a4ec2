using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;

namespace Verkostamo.Core.Tests.Workbook;

/// <summary>The workbook's progress on the network's landing page and the change history per section or theme.</summary>
public class WorkbookOverviewServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestTime.Start.UtcDateTime);

    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private WorkbookOverviewService Service => new(fixture.Factory, clock);
    private WorkbookService Workbook => new(fixture.Factory, clock);
    private AnswerService Answers => new(fixture.Factory, clock);
    private ThemeService Themes => new(fixture.Factory, clock);
    private ActionService Actions => new(fixture.Factory, clock);

    private async Task<Guid> StepAsync(TestNetwork network, AnswerOwner owner, string title, ActionStatus status, int? dueInDays = null)
    {
        var added = await Actions.AddAsync(network.Id, network.Member.Id, owner, new ActionInput(title, null, null, dueInDays is { } d ? Today.AddDays(d) : null, status));
        Assert.True(added.Succeeded, added.ErrorCode);
        return added.Value;
    }

    private async Task<Guid> ThemeAsync(TestNetwork network, string title)
    {
        var created = await Themes.CreateAsync(network.Id, network.Member.Id, new ThemeInput(title, ""));
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    [Fact]
    public async Task A_new_networks_workbook_has_nothing_answered_and_no_steps()
    {
        var network = await fixture.NetworkAsync(clock);

        var overview = await Service.GetAsync(network.Id, network.Viewer.Id);

        Assert.NotNull(overview);
        Assert.Equal(NetworkRole.Viewer, overview.Role);
        Assert.Equal(WorkbookTemplate.Current.Part1.Select(s => s.Key), overview.VisiblePart1.Select(s => s.Key));
        Assert.Equal((0, 0, 0, 0), (overview.Answered, overview.OpenActions, overview.OverdueActions, overview.DoneActions));
        Assert.Empty(overview.Overdue);
        Assert.Empty(overview.Themes);
        Assert.Null(overview.LastChange);
    }

    [Fact]
    public async Task Outsiders_get_no_overview_or_history()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        Assert.Null(await Service.GetAsync(network.Id, outsider.Id));
        Assert.Null(await Service.GetAsync(network.Id, other.Owner.Id));
        Assert.Null(await Service.GetHistoryAsync(network.Id, outsider.Id, "section:picture"));
    }

    [Fact]
    public async Task The_overview_creates_the_workbook_of_a_network_that_has_none()
    {
        var network = await fixture.NetworkAsync(clock);
        await fixture.ForgetWorkbookAsync(network.Id);

        var overview = await Service.GetAsync(network.Id, network.Member.Id);

        Assert.Equal(WorkbookTemplate.Current.Sections.Count, overview!.Sections.Count);
        Assert.Equal(WorkbookTemplate.Current.Sections.Select(s => s.Key), await fixture.OrderAsync(network.Id));
    }

    [Fact]
    public async Task Sections_count_as_answered_by_any_answer_block_and_only_when_visible()
    {
        var network = await fixture.NetworkAsync(clock);
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("picture"), "Ratkaisu")).Succeeded);
        var roles = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "roles"))!;
        Assert.True((await Answers.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), "Fanni", roles.ResponsibilitiesVersion)).Succeeded);
        var definition = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "definition"))!;
        Assert.True((await Workbook.UpdateFieldsAsync(network.Id, network.Member.Id, "definition", new SectionFields { ShortDescription = "Kuvaus" }, definition.FieldsVersion)).Succeeded);
        await StepAsync(network, AnswerOwner.Section("evaluation"), "Arvioi", ActionStatus.Planned);
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("leadership"), "Piilotettu")).Succeeded);
        Assert.True((await Workbook.SetHiddenAsync(network.Id, network.Owner.Id, "leadership", true)).Succeeded);
        var custom = (await Workbook.AddCustomAsync(network.Id, network.Owner.Id, new SectionTextsInput("Oma", null, null))).Value!;
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section(custom), "Oma vastaus")).Succeeded);
        var gone = (await Workbook.AddCustomAsync(network.Id, network.Owner.Id, new SectionTextsInput("Poistuva", null, null))).Value!;
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section(gone), "Poistuva vastaus")).Succeeded);
        Assert.True((await Workbook.DeleteCustomAsync(network.Id, network.Owner.Id, gone)).Succeeded);
        var emptied = (await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("ways-of-working"), "Poistettu")).Value;
        Assert.True((await Answers.DeleteKeySolutionAsync(network.Id, network.Member.Id, emptied)).Succeeded);

        var overview = (await Service.GetAsync(network.Id, network.Member.Id))!;

        Assert.Equal(["definition", "picture", "roles", "evaluation", custom],
            overview.VisiblePart1.Where(s => s.Answered).Select(s => s.Key));
        Assert.Equal(5, overview.Answered);
        Assert.Equal(WorkbookTemplate.Current.Part1.Count(), overview.VisiblePart1.Count());
        var picture = overview.Sections.Single(s => s.Key == "picture");
        Assert.Equal((1, 0, 0), (picture.KeySolutions, picture.OpenActions, picture.Actions));
        Assert.Equal((1, 1), (overview.Sections.Single(s => s.Key == "evaluation").OpenActions, overview.Sections.Single(s => s.Key == "evaluation").Actions));
    }

    [Fact]
    public async Task Open_done_and_overdue_steps_are_counted_across_sections_and_themes()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network, "Nuoret");
        var lateInTheme = await StepAsync(network, AnswerOwner.Theme(theme), "Myöhässä teemassa", ActionStatus.InProgress, -2);
        var lateInSection = await StepAsync(network, AnswerOwner.Section("roles"), "Myöhässä osiossa", ActionStatus.Planned, -5);
        await StepAsync(network, AnswerOwner.Section("roles"), "Tänään", ActionStatus.Planned, 0);
        await StepAsync(network, AnswerOwner.Section("picture"), "Ilman päivää", ActionStatus.InProgress);
        await StepAsync(network, AnswerOwner.Section("picture"), "Tehty myöhään", ActionStatus.Done, -10);
        await StepAsync(network, AnswerOwner.Theme(theme), "Luovuttu", ActionStatus.Dropped, -10);
        var deleted = await StepAsync(network, AnswerOwner.Section("picture"), "Poistettu", ActionStatus.Planned, -3);
        Assert.True((await Actions.DeleteAsync(network.Id, network.Member.Id, deleted)).Succeeded);

        var overview = (await Service.GetAsync(network.Id, network.Member.Id))!;

        Assert.Equal((4, 2, 1), (overview.OpenActions, overview.OverdueActions, overview.DoneActions));
        Assert.Equal([lateInSection, lateInTheme], overview.Overdue.Select(o => o.Action.Id));
        Assert.Equal(("roles", null, null), (overview.Overdue[0].SectionKey, overview.Overdue[0].ThemeId, overview.Overdue[0].ThemeTitle));
        Assert.Equal((null, theme, "Nuoret"), (overview.Overdue[1].SectionKey, overview.Overdue[1].ThemeId, overview.Overdue[1].ThemeTitle));
        var summary = Assert.Single(overview.Themes);
        Assert.Equal((1, 2), (summary.OpenActions, summary.Actions));
    }

    [Fact]
    public async Task Overdue_follows_the_services_clock()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await StepAsync(network, AnswerOwner.Section("roles"), "Ensi kuussa", ActionStatus.Planned, 30);

        Assert.Equal(0, (await Service.GetAsync(network.Id, network.Member.Id))!.OverdueActions);

        clock.Advance(TimeSpan.FromDays(31));

        var overview = (await Service.GetAsync(network.Id, network.Member.Id))!;
        Assert.Equal(1, overview.OverdueActions);
        Assert.Equal(id, Assert.Single(overview.Overdue).Action.Id);
    }

    [Fact]
    public async Task Steps_of_deleted_themes_and_custom_sections_are_not_counted()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network, "Poistuva teema");
        var key = (await Workbook.AddCustomAsync(network.Id, network.Owner.Id, new SectionTextsInput("Poistuva osio", null, null))).Value!;
        await StepAsync(network, AnswerOwner.Theme(theme), "Teeman askel", ActionStatus.Planned, -1);
        await StepAsync(network, AnswerOwner.Section(key), "Osion askel", ActionStatus.Done);
        await StepAsync(network, AnswerOwner.Section("roles"), "Pysyvä", ActionStatus.Planned);
        Assert.Equal((2, 1, 1), await CountsAsync());

        Assert.True((await Themes.DeleteAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.True((await Workbook.DeleteCustomAsync(network.Id, network.Owner.Id, key)).Succeeded);

        Assert.Equal((1, 0, 0), await CountsAsync());
        Assert.True((await Themes.RestoreAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.Equal((2, 1, 0), await CountsAsync());

        async Task<(int, int, int)> CountsAsync()
        {
            var o = (await Service.GetAsync(network.Id, network.Member.Id))!;
            return (o.OpenActions, o.OverdueActions, o.DoneActions);
        }
    }

    [Fact]
    public async Task The_last_change_tells_who_changed_what_and_when()
    {
        var network = await fixture.NetworkAsync(clock);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("picture"), "Ratkaisu")).Succeeded);

        var first = (await Service.GetAsync(network.Id, network.Viewer.Id))!.LastChange;

        Assert.Equal(new LastChange(TestTime.Start.AddHours(1), "Jussi Jäsen", "section:picture"), first);

        clock.Advance(TimeSpan.FromHours(1));
        var theme = (await Themes.CreateAsync(network.Id, network.Facilitator.Id, new ThemeInput("Teema", ""))).Value;

        Assert.Equal(new LastChange(TestTime.Start.AddHours(2), "Fanni Fasilitaattori", "theme:" + theme), (await Service.GetAsync(network.Id, network.Viewer.Id))!.LastChange);
    }

    [Fact]
    public async Task A_user_without_a_display_name_is_named_by_email()
    {
        var network = await fixture.NetworkAsync(clock);
        var nameless = await fixture.UserAsync("", $"nimeton-{Guid.NewGuid():N}@example.fi");
        await fixture.AddMemberAsync(network.Id, nameless, NetworkRole.Member, clock);

        Assert.True((await Answers.AddKeySolutionAsync(network.Id, nameless.Id, AnswerOwner.Section("roles"), "Ratkaisu")).Succeeded);

        Assert.Equal(nameless.Email, (await Service.GetAsync(network.Id, network.Member.Id))!.LastChange!.UserName);
        Assert.Equal(nameless.Email, Assert.Single((await Service.GetHistoryAsync(network.Id, network.Member.Id, "section:roles"))!).UserName);
    }

    [Fact]
    public async Task History_lists_one_scopes_changes_newest_first_with_names()
    {
        var network = await fixture.NetworkAsync(clock);
        var version = (await Workbook.GetSectionAsync(network.Id, network.Owner.Id, "picture"))!.TextsVersion;
        Assert.True((await Workbook.UpdateTextsAsync(network.Id, network.Owner.Id, "picture", new SectionTextsInput("Kuva", null, null), version)).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(1));
        var id = (await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("picture"), "Eka")).Value;
        clock.Advance(TimeSpan.FromMinutes(1));
        var solution = (await Answers.GetKeySolutionAsync(network.Id, network.Member.Id, id))!;
        Assert.True((await Answers.UpdateKeySolutionAsync(network.Id, network.Facilitator.Id, id, "Toka", solution.Version)).Succeeded);
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"), "Muualla")).Succeeded);

        var history = (await Service.GetHistoryAsync(network.Id, network.Viewer.Id, "section:picture"))!;

        Assert.Equal(["Updated", "Created", "TextsUpdated"], history.Select(h => h.Action));
        Assert.Equal(["Fanni Fasilitaattori", "Jussi Jäsen", "Olli Omistaja"], history.Select(h => h.UserName));
        Assert.Equal([TestTime.Start.AddMinutes(2), TestTime.Start.AddMinutes(1), TestTime.Start], history.Select(h => h.At));
        Assert.Equal((nameof(KeySolution), id.ToString()), (history[0].Entity, history[0].EntityId));
        Assert.Equal(("Eka", "Toka"), (WorkbookData.Value(history[0].Before, "text"), WorkbookData.Value(history[0].After, "text")));
        Assert.Equal(2, (await Service.GetHistoryAsync(network.Id, network.Viewer.Id, "section:picture", take: 2))!.Count);
        Assert.Empty((await Service.GetHistoryAsync(network.Id, network.Viewer.Id, "section:evaluation"))!);
    }

    [Fact]
    public async Task Every_kind_of_workbook_change_is_audited_in_its_scope()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = await ThemeAsync(network, "Teema");
        var themeScope = "theme:" + theme;
        var view = (await Themes.GetAsync(network.Id, network.Member.Id, theme))!;
        Assert.True((await Themes.UpdateAsync(network.Id, network.Member.Id, theme, new ThemeInput("Teema 2", ""), view.Version)).Succeeded);
        Assert.True((await Answers.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), "Vastuut", view.ResponsibilitiesVersion)).Succeeded);
        var solution = (await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), "Ratkaisu")).Value;
        var step = await StepAsync(network, AnswerOwner.Theme(theme), "Askel", ActionStatus.Planned);
        Assert.True((await Answers.DeleteKeySolutionAsync(network.Id, network.Member.Id, solution)).Succeeded);
        Assert.True((await Actions.DeleteAsync(network.Id, network.Member.Id, step)).Succeeded);
        Assert.True((await Themes.ArchiveAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.True((await Workbook.SetPlacementAsync(network.Id, network.Member.Id, new PlacementInput(2, 3, 4, 5))).Succeeded);

        var history = (await Service.GetHistoryAsync(network.Id, network.Owner.Id, themeScope))!.Reverse().ToList();

        Assert.Equal(
            [("Theme", "Created"), ("Theme", "Updated"), ("Theme", "ResponsibilitiesUpdated"), ("KeySolution", "Created"),
             ("ActionItem", "Created"), ("KeySolution", "Deleted"), ("ActionItem", "Deleted"), ("Theme", "Archived")],
            history.Select(h => (h.Entity, h.Action)));
        Assert.All(history, h => Assert.Equal("Jussi Jäsen", h.UserName));
        var placement = Assert.Single((await Service.GetHistoryAsync(network.Id, network.Owner.Id, "section:leadership"))!);
        Assert.Equal((nameof(LeadershipPlacement), "Created"), (placement.Entity, placement.Action));
    }
}
