using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.Workbook;

/// <summary>Part 2 of the workbook: themes with a goal, answers and steps; archived, deleted and restored.</summary>
public class ThemeServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private ThemeService Service => new(fixture.Factory, clock);
    private AnswerService Answers => new(fixture.Factory, clock);
    private ActionService Actions => new(fixture.Factory, clock);

    private async Task<Guid> CreateAsync(TestNetwork network, string title = "Hyvinvointi", string goal = "Tavoite")
    {
        var created = await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput(title, goal));
        Assert.True(created.Succeeded, created.ErrorCode);
        return created.Value;
    }

    private async Task<List<Guid>> LiveOrderAsync(TestNetwork network) =>
        [.. (await Service.ListAsync(network.Id, network.Viewer.Id))!.Where(t => t.DeletedAt is null && t.ArchivedAt is null).Select(t => t.Id)];

    private async Task<List<string>> ActionsOfAsync(TestNetwork network, Guid theme) =>
        [.. (await fixture.AuditAsync(network.Id, "theme:" + theme)).Where(e => e.Entity == nameof(Theme)).Select(e => e.Action)];

    [Fact]
    public async Task A_member_creates_a_theme_that_is_listed_and_audited()
    {
        var network = await fixture.NetworkAsync(clock);
        clock.Advance(TimeSpan.FromHours(2));

        var created = await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput("  Nuorten osallisuus ", " Nuoret mukaan\r\npäätöksiin "));

        Assert.True(created.Succeeded, created.ErrorCode);
        var theme = (await Service.GetAsync(network.Id, network.Viewer.Id, created.Value))!;
        Assert.Equal(("Nuorten osallisuus", "Nuoret mukaan\npäätöksiin", "", null), (theme.Title, theme.Goal, theme.Responsibilities, theme.ArchivedAt));
        Assert.NotEqual(theme.Version, theme.ResponsibilitiesVersion);
        Assert.False(theme.CanEdit);
        Assert.True((await Service.GetAsync(network.Id, network.Member.Id, created.Value))!.CanEdit);
        var summary = Assert.Single((await Service.ListAsync(network.Id, network.Viewer.Id))!);
        Assert.Equal((created.Value, "Nuorten osallisuus", 0, 0, 0), (summary.Id, summary.Title, summary.KeySolutions, summary.OpenActions, summary.Actions));
        var entry = Assert.Single(await fixture.AuditAsync(network.Id, "theme:" + created.Value));
        Assert.Equal(("Created", network.Member.Id, TestTime.Start.AddHours(2)), (entry.Action, entry.UserId, entry.At));
        Assert.Equal("Nuorten osallisuus", WorkbookData.Value(entry.After, "title"));
        await using var db = fixture.Db();
        var row = await db.Themes.SingleAsync(t => t.Id == created.Value);
        Assert.Equal((network.Member.Id, TestTime.Start.AddHours(2)), (row.CreatedByUserId, row.CreatedAt));
    }

    [Theory]
    [InlineData(null, "Tavoite", ErrorCodes.TitleRequired)]
    [InlineData("   ", "Tavoite", ErrorCodes.TitleRequired)]
    [InlineData("x", null, null)]
    [InlineData("TITLE", "", null)]
    public async Task A_theme_needs_a_title_but_not_a_goal(string? title, string? goal, string? error)
    {
        var network = await fixture.NetworkAsync(clock);

        var result = await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput(title == "TITLE" ? new string('t', TextLimits.Title) : title, goal));

        Assert.Equal(error, result.ErrorCode);
        Assert.Equal(error is null ? 1 : 0, (await Service.ListAsync(network.Id, network.Member.Id))!.Count);
    }

    [Fact]
    public async Task Theme_texts_over_their_limits_are_refused()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        Assert.Equal(ErrorCodes.TextTooLong, (await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput(new string('t', TextLimits.Title + 1), ""))).ErrorCode);
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Teema", new string('g', TextLimits.Answer + 1)))).ErrorCode);
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("Teema", new string('g', TextLimits.Answer + 1)), version)).ErrorCode);
        Assert.Equal(ErrorCodes.TitleRequired, (await Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("", "Tavoite"), version)).ErrorCode);

        Assert.Single((await Service.ListAsync(network.Id, network.Member.Id))!);
        Assert.Equal("Hyvinvointi", (await Service.GetAsync(network.Id, network.Member.Id, id))!.Title);
    }

    [Fact]
    public async Task Viewers_cannot_change_themes_and_outsiders_and_other_networks_find_none()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var id = await CreateAsync(network);
        var version = (await Service.GetAsync(network.Id, network.Viewer.Id, id))!.Version;
        var input = new ThemeInput("Muutettu", "");

        Assert.Equal(ErrorCodes.Forbidden, (await Service.CreateAsync(network.Id, network.Viewer.Id, input)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateAsync(network.Id, network.Viewer.Id, id, input, version)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.MoveAsync(network.Id, network.Viewer.Id, id, 1)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.ArchiveAsync(network.Id, network.Viewer.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.DeleteAsync(network.Id, network.Viewer.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.CreateAsync(network.Id, outsider.Id, input)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(network.Id, outsider.Id, id)).ErrorCode);
        Assert.Null(await Service.ListAsync(network.Id, outsider.Id));
        Assert.Null(await Service.GetAsync(network.Id, outsider.Id, id));
        Assert.Null(await Service.GetAsync(other.Id, other.Owner.Id, id));
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(other.Id, other.Owner.Id, id, input, version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.ArchiveAsync(other.Id, other.Owner.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(other.Id, other.Owner.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(network.Id, network.Member.Id, Guid.NewGuid(), input, version)).ErrorCode);

        Assert.Equal(["Created"], await ActionsOfAsync(network, id));
        Assert.Empty((await Service.ListAsync(other.Id, other.Owner.Id))!);
    }

    [Fact]
    public async Task Editing_a_theme_returns_a_new_version_and_audits_before_and_after()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network, "Vanha", "Vanha tavoite");
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        var result = await Service.UpdateAsync(network.Id, network.Facilitator.Id, id, new ThemeInput("Uusi", "Uusi tavoite"), version);

        Assert.True(result.Succeeded, result.ErrorCode);
        var theme = (await Service.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(("Uusi", "Uusi tavoite", result.Value), (theme.Title, theme.Goal, theme.Version));
        var entry = (await fixture.AuditAsync(network.Id, "theme:" + id))[^1];
        Assert.Equal(("Updated", network.Facilitator.Id), (entry.Action, entry.UserId));
        Assert.Equal(("Vanha tavoite", "Uusi tavoite"), (WorkbookData.Value(entry.Before, "goal"), WorkbookData.Value(entry.After, "goal")));
    }

    [Fact]
    public async Task A_stale_theme_version_is_a_conflict_carrying_the_current_version()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        var stale = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;
        var first = await Service.UpdateAsync(network.Id, network.Facilitator.Id, id, new ThemeInput("Fannin", ""), stale);

        var second = await Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("Jussin", ""), stale);

        Assert.Equal((ErrorCodes.ConcurrencyConflict, first.Value), (second.ErrorCode, second.Value));
        Assert.Equal("Fannin", (await Service.GetAsync(network.Id, network.Member.Id, id))!.Title);
        Assert.Equal(["Created", "Updated"], await ActionsOfAsync(network, id));
    }

    [Fact]
    public async Task Simultaneous_edits_with_the_same_version_let_exactly_one_win()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        var results = await Concurrently.RunAsync(
            () => Service.UpdateAsync(network.Id, network.Facilitator.Id, id, new ThemeInput("Fannin", ""), version),
            () => Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("Jussin", ""), version),
            () => Service.UpdateAsync(network.Id, network.Owner.Id, id, new ThemeInput("Ollin", ""), version));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal((ErrorCodes.ConcurrencyConflict, winner.Value), (r.ErrorCode, r.Value)));
        Assert.Equal(winner.Value, (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version);
        Assert.Single(await ActionsOfAsync(network, id), a => a == "Updated");
    }

    [Fact]
    public async Task Editing_a_theme_and_its_responsibilities_at_the_same_moment_both_succeed()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        for (var round = 0; round < 5; round++)
        {
            var view = (await Service.GetAsync(network.Id, network.Member.Id, id))!;

            var results = await Concurrently.RunAsync<ServiceResult>(
                async () => await Service.UpdateAsync(network.Id, network.Facilitator.Id, id, new ThemeInput($"Nimi {round}", ""), view.Version),
                async () => await Answers.UpdateResponsibilitiesAsync(network.Id, network.Member.Id, AnswerOwner.Theme(id), $"Vastuut {round}", view.ResponsibilitiesVersion),
                () => Service.MoveAsync(network.Id, network.Owner.Id, id, 1));

            Assert.All(results, r => Assert.True(r.Succeeded, $"round {round}: {r.ErrorCode}"));
            var after = (await Service.GetAsync(network.Id, network.Viewer.Id, id))!;
            Assert.Equal(($"Nimi {round}", $"Vastuut {round}", ((ServiceResult<Guid>)results[0]).Value, ((ServiceResult<Guid>)results[1]).Value),
                (after.Title, after.Responsibilities, after.Version, after.ResponsibilitiesVersion));
        }
    }

    [Fact]
    public async Task Themes_move_up_and_down_and_stay_at_the_ends()
    {
        var network = await fixture.NetworkAsync(clock);
        var a = await CreateAsync(network, "A");
        var b = await CreateAsync(network, "B");
        var c = await CreateAsync(network, "C");

        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, a, 1)).Succeeded);
        Assert.Equal([b, a, c], await LiveOrderAsync(network));
        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, c, -1)).Succeeded);
        Assert.Equal([b, c, a], await LiveOrderAsync(network));
        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, b, -1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, a, 1)).Succeeded);

        Assert.Equal([b, c, a], await LiveOrderAsync(network));
        Assert.Equal(["Created", "Moved"], await ActionsOfAsync(network, a));
        Assert.Equal(["Created", "Moved"], await ActionsOfAsync(network, c));
        Assert.Equal(["Created"], await ActionsOfAsync(network, b));
    }

    [Fact]
    public async Task Simultaneous_theme_moves_keep_every_theme_in_a_place_of_its_own()
    {
        var network = await fixture.NetworkAsync(clock);
        var ids = new List<Guid>();
        foreach (var title in new[] { "A", "B", "C", "D", "E" })
        {
            ids.Add(await CreateAsync(network, title));
        }

        var results = await Concurrently.RunAsync(
            () => Service.MoveAsync(network.Id, network.Member.Id, ids[0], 1),
            () => Service.MoveAsync(network.Id, network.Facilitator.Id, ids[2], -1),
            () => Service.MoveAsync(network.Id, network.Owner.Id, ids[3], 1),
            () => Service.MoveAsync(network.Id, network.Member.Id, ids[4], -1));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        await using var db = fixture.Db();
        var orders = await db.Themes.Where(t => t.NetworkId == network.Id).Select(t => t.Order).ToListAsync();
        Assert.Equal([0, 1, 2, 3, 4], orders.Order());
        Assert.Equal(ids.Order(), (await LiveOrderAsync(network)).Order());
    }

    [Fact]
    public async Task Archived_themes_move_among_themselves_and_live_themes_skip_them()
    {
        var network = await fixture.NetworkAsync(clock);
        var a = await CreateAsync(network, "A");
        var b = await CreateAsync(network, "B");
        var c = await CreateAsync(network, "C");
        var d = await CreateAsync(network, "D");
        Assert.True((await Service.ArchiveAsync(network.Id, network.Member.Id, b)).Succeeded);
        Assert.True((await Service.ArchiveAsync(network.Id, network.Member.Id, d)).Succeeded);

        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, c, -1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, d, -1)).Succeeded);

        Assert.Equal([c, a], await LiveOrderAsync(network));
        var archived = (await Service.ListAsync(network.Id, network.Member.Id))!.Where(t => t.ArchivedAt is not null).Select(t => t.Id);
        Assert.Equal([d, b], archived);
    }

    [Fact]
    public async Task An_archived_theme_is_read_only_until_unarchived()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;
        clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await Service.ArchiveAsync(network.Id, network.Facilitator.Id, id)).Succeeded);

        var archived = (await Service.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(TestTime.Start.AddDays(1), archived.ArchivedAt);
        Assert.False(archived.CanEdit);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("Muutos", ""), archived.Version)).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Actions.AddAsync(network.Id, network.Member.Id, AnswerOwner.Theme(id), new ActionInput("Askel", null, null, null, ActionStatus.Planned))).ErrorCode);
        Assert.Equal(archived.ArchivedAt, Assert.Single((await Service.ListAsync(network.Id, network.Viewer.Id))!).ArchivedAt);

        Assert.True((await Service.UnarchiveAsync(network.Id, network.Member.Id, id)).Succeeded);

        var live = (await Service.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Null(live.ArchivedAt);
        Assert.True(live.CanEdit);
        // An edit form opened before the archiving is out of date.
        Assert.Equal((ErrorCodes.ConcurrencyConflict, live.Version), await UpdateErrorAsync(version));
        Assert.True((await Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("Muutos", ""), live.Version)).Succeeded);
        Assert.Equal(["Created", "Archived", "Unarchived", "Updated"], await ActionsOfAsync(network, id));

        async Task<(string?, Guid)> UpdateErrorAsync(Guid v)
        {
            var r = await Service.UpdateAsync(network.Id, network.Member.Id, id, new ThemeInput("Vanhalla lomakkeella", ""), v);
            return (r.ErrorCode, r.Value);
        }
    }

    [Fact]
    public async Task A_deleted_theme_leaves_the_workbook_until_restored_with_its_answers()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Theme(id), "Ratkaisu")).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.True((await Service.DeleteAsync(network.Id, network.Member.Id, id)).Succeeded);

        Assert.Null(await Service.GetAsync(network.Id, network.Member.Id, id));
        var listed = Assert.Single((await Service.ListAsync(network.Id, network.Member.Id))!);
        Assert.Equal(TestTime.Start.AddMinutes(30), listed.DeletedAt);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(network.Id, network.Member.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.ArchiveAsync(network.Id, network.Member.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MoveAsync(network.Id, network.Member.Id, id, 1)).ErrorCode);
        await using (var db = fixture.Db())
        {
            Assert.Equal(network.Member.Id, (await db.Themes.SingleAsync(t => t.Id == id)).DeletedByUserId);
        }

        Assert.True((await Service.RestoreAsync(network.Id, network.Facilitator.Id, id)).Succeeded);

        var restored = (await Service.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal("Ratkaisu", Assert.Single(restored.KeySolutions).Text);
        Assert.Null(Assert.Single((await Service.ListAsync(network.Id, network.Member.Id))!).DeletedAt);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreAsync(network.Id, network.Facilitator.Id, id)).ErrorCode);
        Assert.Equal(["Created", "Deleted", "Restored"], await ActionsOfAsync(network, id));
        var restoredEntry = (await fixture.AuditAsync(network.Id, "theme:" + id))[^1];
        Assert.Equal(network.Facilitator.Id, restoredEntry.UserId);
    }

    [Fact]
    public async Task A_network_holds_at_most_the_maximum_number_of_themes()
    {
        var network = await fixture.NetworkAsync(clock);
        await fixture.AddRowsAsync(ThemeService.MaxThemes, i => new Theme
        {
            Id = Guid.NewGuid(), NetworkId = network.Id, Order = i, Title = $"Teema {i}", Version = Guid.NewGuid(),
            ResponsibilitiesVersion = Guid.NewGuid(), CreatedAt = TestTime.Start, UpdatedAt = TestTime.Start,
        });

        Assert.Equal(ErrorCodes.SectionLimit, (await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Yksi liikaa", ""))).ErrorCode);
        var last = (await Service.ListAsync(network.Id, network.Member.Id))![^1];
        Assert.True((await Service.DeleteAsync(network.Id, network.Member.Id, last.Id)).Succeeded);
        Assert.True((await Service.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Nyt mahtuu", ""))).Succeeded);
    }

    [Fact]
    public async Task The_theme_list_counts_live_key_solutions_and_open_and_all_steps()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await CreateAsync(network);
        var other = await CreateAsync(network, "Toinen");
        Assert.True((await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Theme(id), "Yksi")).Succeeded);
        var deleted = (await Answers.AddKeySolutionAsync(network.Id, network.Member.Id, AnswerOwner.Theme(id), "Poistettu")).Value;
        Assert.True((await Answers.DeleteKeySolutionAsync(network.Id, network.Member.Id, deleted)).Succeeded);
        foreach (var status in new[] { ActionStatus.Planned, ActionStatus.InProgress, ActionStatus.Done, ActionStatus.Dropped })
        {
            Assert.True((await Actions.AddAsync(network.Id, network.Member.Id, AnswerOwner.Theme(id), new ActionInput($"Askel {status}", null, null, null, status))).Succeeded);
        }

        var themes = (await Service.ListAsync(network.Id, network.Member.Id))!;

        var summary = themes.Single(t => t.Id == id);
        Assert.Equal((1, 2, 4), (summary.KeySolutions, summary.OpenActions, summary.Actions));
        var empty = themes.Single(t => t.Id == other);
        Assert.Equal((0, 0, 0), (empty.KeySolutions, empty.OpenActions, empty.Actions));
        var view = (await Service.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(4, view.Actions.Count);
        Assert.Equal(deleted, Assert.Single(view.DeletedKeySolutions).Id);
        Assert.Contains(view.Members, m => m.Name == "Jussi Jäsen");
        Assert.Equal(4, view.Members.Count);
    }
}
