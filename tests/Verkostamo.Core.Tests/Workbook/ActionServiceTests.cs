using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.Workbook;

/// <summary>Steps of sections and themes: title, owner, due date and status, with overdue judged by the service's clock.</summary>
public class ActionServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly AnswerOwner Roles = AnswerOwner.Section("roles");
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestTime.Start.UtcDateTime);

    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private ActionService Service => new(fixture.Factory, clock);
    private WorkbookService Workbook => new(fixture.Factory, clock);
    private ThemeService Themes => new(fixture.Factory, clock);

    private static ActionInput Step(string? title = "Kutsu koolle", Guid? owner = null, string? ownerName = null, DateOnly? due = null,
        ActionStatus status = ActionStatus.Planned, string? notes = null) => new(title, owner, ownerName, due, status, notes);

    private async Task<Guid> AddAsync(TestNetwork network, ActionInput input, AnswerOwner? owner = null)
    {
        var added = await Service.AddAsync(network.Id, network.Member.Id, owner ?? Roles, input);
        Assert.True(added.Succeeded, added.ErrorCode);
        return added.Value;
    }

    private async Task<IReadOnlyList<ActionView>> StepsAsync(TestNetwork network, string key = "roles") =>
        (await Workbook.GetSectionAsync(network.Id, network.Viewer.Id, key))!.Actions;

    [Fact]
    public async Task A_step_owned_by_a_member_is_stored_shown_by_name_and_audited()
    {
        var network = await fixture.NetworkAsync(clock);
        var membership = await fixture.MembershipIdAsync(network.Id, network.Facilitator);

        var id = await AddAsync(network, Step("  Kutsu ohjausryhmä koolle ", membership, null, Today.AddDays(14), ActionStatus.InProgress, " Muistio\r\nmukaan "));

        var step = (await Service.GetAsync(network.Id, network.Viewer.Id, id))!;
        Assert.Equal(("Kutsu ohjausryhmä koolle", membership, null, "Fanni Fasilitaattori"), (step.Title, step.OwnerMembershipId, step.OwnerName, step.OwnerDisplay));
        Assert.Equal((Today.AddDays(14), ActionStatus.InProgress, "Muistio\nmukaan", false), (step.DueDate, step.Status, step.Notes, step.IsOverdue));
        Assert.Equal(id, Assert.Single(await StepsAsync(network)).Id);
        var entry = Assert.Single(await fixture.AuditAsync(network.Id, "section:roles"));
        Assert.Equal((nameof(ActionItem), id.ToString(), "Created", network.Member.Id), (entry.Entity, entry.EntityId, entry.Action, entry.UserId));
        Assert.Equal(("Kutsu ohjausryhmä koolle", "2026-03-16", "InProgress"),
            (WorkbookData.Value(entry.After, "title"), WorkbookData.Value(entry.After, "dueDate"), WorkbookData.Value(entry.After, "status")));
    }

    [Fact]
    public async Task A_step_can_be_owned_by_a_free_text_name_or_by_no_one()
    {
        var network = await fixture.NetworkAsync(clock);

        var named = await AddAsync(network, Step("Kysy kunnalta", null, "  Kunnan hyvinvointikoordinaattori "));
        var nobody = await AddAsync(network, Step("Selvitä", null, "   "));

        var steps = await StepsAsync(network);
        Assert.Equal(("Kunnan hyvinvointikoordinaattori", "Kunnan hyvinvointikoordinaattori"), (steps[0].OwnerName, steps[0].OwnerDisplay));
        Assert.Equal((named, nobody), (steps[0].Id, steps[1].Id));
        Assert.Equal((null, null, null), (steps[1].OwnerMembershipId, steps[1].OwnerName, steps[1].OwnerDisplay));
    }

    [Fact]
    public async Task An_owner_who_is_not_a_member_of_this_network_is_invalid()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var foreign = await fixture.MembershipIdAsync(other.Id, other.Member);
        var id = await AddAsync(network, Step());
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        Assert.Equal(ErrorCodes.OwnerInvalid, (await Service.AddAsync(network.Id, network.Member.Id, Roles, Step(owner: foreign))).ErrorCode);
        Assert.Equal(ErrorCodes.OwnerInvalid, (await Service.AddAsync(network.Id, network.Member.Id, Roles, Step(owner: Guid.NewGuid()))).ErrorCode);
        Assert.Equal(ErrorCodes.OwnerInvalid, (await Service.UpdateAsync(network.Id, network.Member.Id, id, Step(owner: foreign), version)).ErrorCode);

        var step = Assert.Single(await StepsAsync(network));
        Assert.Equal((null, version), (step.OwnerMembershipId, step.Version));
    }

    [Theory]
    [InlineData(null, 0, 0, ErrorCodes.TitleRequired)]
    [InlineData("   ", 0, 0, ErrorCodes.TitleRequired)]
    [InlineData("LONG", 0, 0, ErrorCodes.TextTooLong)]
    [InlineData("Askel", TextLimits.ShortText + 1, 0, ErrorCodes.TextTooLong)]
    [InlineData("Askel", 0, TextLimits.Answer + 1, ErrorCodes.TextTooLong)]
    [InlineData("Askel", TextLimits.ShortText, TextLimits.Answer, null)]
    public async Task Step_texts_are_checked(string? title, int ownerName, int notes, string? error)
    {
        var network = await fixture.NetworkAsync(clock);
        var input = Step(title == "LONG" ? new string('t', TextLimits.Title + 1) : title, null,
            ownerName > 0 ? new string('o', ownerName) : null, null, ActionStatus.Planned, notes > 0 ? new string('n', notes) : null);

        var result = await Service.AddAsync(network.Id, network.Member.Id, Roles, input);

        Assert.Equal(error, result.ErrorCode);
        Assert.Equal(error is null ? 1 : 0, (await StepsAsync(network)).Count);
    }

    [Theory]
    [InlineData(1999, 12, 31)]
    [InlineData(2101, 1, 1)]
    public async Task Due_dates_outside_the_sensible_range_are_invalid(int year, int month, int day)
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Step(due: Today));
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        Assert.Equal(ErrorCodes.DateInvalid, (await Service.AddAsync(network.Id, network.Member.Id, Roles, Step(due: new DateOnly(year, month, day)))).ErrorCode);
        Assert.Equal(ErrorCodes.DateInvalid, (await Service.UpdateAsync(network.Id, network.Member.Id, id, Step(due: new DateOnly(year, month, day)), version)).ErrorCode);
        Assert.Equal(Today, Assert.Single(await StepsAsync(network)).DueDate);
    }

    [Fact]
    public async Task A_status_outside_the_known_ones_is_invalid()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Step());
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        Assert.Equal(ErrorCodes.StatusInvalid, (await Service.AddAsync(network.Id, network.Member.Id, Roles, Step(status: (ActionStatus)42))).ErrorCode);
        Assert.Equal(ErrorCodes.StatusInvalid, (await Service.UpdateAsync(network.Id, network.Member.Id, id, Step(status: (ActionStatus)(-1)), version)).ErrorCode);
        Assert.Equal(ActionStatus.Planned, Assert.Single(await StepsAsync(network)).Status);
    }

    [Fact]
    public async Task A_step_goes_through_every_status_and_back()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Step());
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        foreach (var status in new[] { ActionStatus.InProgress, ActionStatus.Done, ActionStatus.Planned, ActionStatus.Dropped, ActionStatus.InProgress })
        {
            var result = await Service.UpdateAsync(network.Id, network.Member.Id, id, Step(status: status), version);
            Assert.True(result.Succeeded, result.ErrorCode);
            version = result.Value;
            Assert.Equal(status, (await Service.GetAsync(network.Id, network.Member.Id, id))!.Status);
        }

        var audit = (await fixture.AuditAsync(network.Id, "section:roles")).Where(e => e.Action == "Updated").ToList();
        Assert.Equal(5, audit.Count);
        Assert.Equal(("Done", "Planned"), (WorkbookData.Value(audit[2].Before, "status"), WorkbookData.Value(audit[2].After, "status")));
    }

    [Fact]
    public async Task Overdue_is_judged_by_the_services_clock()
    {
        var network = await fixture.NetworkAsync(clock);
        // Due a month after the test clock's today: long past by the real calendar, not yet by the service's clock.
        var id = await AddAsync(network, Step(due: Today.AddDays(30)));

        Assert.False((await Service.GetAsync(network.Id, network.Member.Id, id))!.IsOverdue);
        Assert.False(Assert.Single(await StepsAsync(network)).IsOverdue);

        clock.Advance(TimeSpan.FromDays(30));
        Assert.False((await Service.GetAsync(network.Id, network.Member.Id, id))!.IsOverdue);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await Service.GetAsync(network.Id, network.Member.Id, id))!.IsOverdue);
        Assert.True(Assert.Single(await StepsAsync(network)).IsOverdue);
        Assert.Equal(Today.AddDays(31), Service.Today);
    }

    [Theory]
    [InlineData(ActionStatus.Planned, -1, true)]
    [InlineData(ActionStatus.InProgress, -1, true)]
    [InlineData(ActionStatus.Done, -1, false)]
    [InlineData(ActionStatus.Dropped, -1, false)]
    [InlineData(ActionStatus.Planned, 0, false)]
    [InlineData(ActionStatus.Planned, null, false)]
    public async Task Only_open_steps_past_their_due_date_are_overdue(ActionStatus status, int? dueInDays, bool overdue)
    {
        var network = await fixture.NetworkAsync(clock);

        var id = await AddAsync(network, Step(status: status, due: dueInDays is { } d ? Today.AddDays(d) : null));

        Assert.Equal(overdue, (await Service.GetAsync(network.Id, network.Member.Id, id))!.IsOverdue);
    }

    [Fact]
    public async Task Editing_a_step_returns_a_new_version_and_a_stale_version_is_a_conflict_that_changes_nothing()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Step("Alku"));
        var stale = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;
        clock.Advance(TimeSpan.FromMinutes(3));

        var first = await Service.UpdateAsync(network.Id, network.Facilitator.Id, id, Step("Fannin", null, "Fanni", Today.AddDays(1), ActionStatus.InProgress), stale);
        var second = await Service.UpdateAsync(network.Id, network.Member.Id, id, Step("Jussin"), stale);

        Assert.True(first.Succeeded, first.ErrorCode);
        Assert.NotEqual(stale, first.Value);
        Assert.Equal((ErrorCodes.ConcurrencyConflict, first.Value), (second.ErrorCode, second.Value));
        var step = (await Service.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(("Fannin", "Fanni", first.Value, TestTime.Start.AddMinutes(3)), (step.Title, step.OwnerName, step.Version, step.UpdatedAt));
        var audit = await fixture.AuditAsync(network.Id, "section:roles");
        Assert.Equal(["Created", "Updated"], audit.Select(a => a.Action));
        Assert.Equal(("Alku", "Fannin", network.Facilitator.Id), (WorkbookData.Value(audit[1].Before, "title"), WorkbookData.Value(audit[1].After, "title"), audit[1].UserId));
    }

    [Fact]
    public async Task Simultaneous_edits_of_a_step_with_the_same_version_let_exactly_one_win()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await AddAsync(network, Step("Alku"));
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;

        var results = await Concurrently.RunAsync(
            () => Service.UpdateAsync(network.Id, network.Facilitator.Id, id, Step("Fannin", status: ActionStatus.Done), version),
            () => Service.UpdateAsync(network.Id, network.Member.Id, id, Step("Jussin", status: ActionStatus.Dropped), version));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal((ErrorCodes.ConcurrencyConflict, winner.Value), (loser.ErrorCode, loser.Value));
        Assert.Equal(winner.Value, (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version);
        Assert.Single(await fixture.AuditAsync(network.Id, "section:roles"), e => e.Action == "Updated");
    }

    [Fact]
    public async Task Steps_move_within_their_own_list_and_stay_at_the_ends()
    {
        var network = await fixture.NetworkAsync(clock);
        var a = await AddAsync(network, Step("A"));
        var b = await AddAsync(network, Step("B"));
        var elsewhere = await AddAsync(network, Step("Muualla"), AnswerOwner.Section("picture"));

        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, b, -1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, b, -1)).Succeeded);
        Assert.True((await Service.MoveAsync(network.Id, network.Member.Id, elsewhere, 1)).Succeeded);

        Assert.Equal([b, a], (await StepsAsync(network)).Select(s => s.Id));
        Assert.Equal([elsewhere], (await StepsAsync(network, "picture")).Select(s => s.Id));
        Assert.Single(await fixture.AuditAsync(network.Id), e => e.Action == "Moved");
    }

    [Fact]
    public async Task A_deleted_step_is_listed_apart_and_restored_to_the_end_of_its_list()
    {
        var network = await fixture.NetworkAsync(clock);
        var a = await AddAsync(network, Step("A"));
        var b = await AddAsync(network, Step("B"));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.True((await Service.DeleteAsync(network.Id, network.Member.Id, a)).Succeeded);

        var section = (await Workbook.GetSectionAsync(network.Id, network.Member.Id, "roles"))!;
        Assert.Equal([b], section.Actions.Select(s => s.Id));
        Assert.Equal((a, TestTime.Start.AddHours(1)), (Assert.Single(section.DeletedActions).Id, section.DeletedActions[0].DeletedAt));
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(network.Id, network.Member.Id, a, Step(), section.DeletedActions[0].Version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.MoveAsync(network.Id, network.Member.Id, a, 1)).ErrorCode);

        Assert.True((await Service.RestoreAsync(network.Id, network.Owner.Id, a)).Succeeded);

        Assert.Equal([b, a], (await StepsAsync(network)).Select(s => s.Id));
        var audit = (await fixture.AuditAsync(network.Id, "section:roles")).Where(e => e.EntityId == a.ToString()).ToList();
        Assert.Equal(["Created", "Deleted", "Restored"], audit.Select(e => e.Action));
        Assert.Equal(("A", "A", network.Owner.Id), (WorkbookData.Value(audit[1].Before, "title"), WorkbookData.Value(audit[2].After, "title"), audit[2].UserId));
    }

    [Fact]
    public async Task Viewers_cannot_write_steps_and_outsiders_and_other_networks_find_none()
    {
        var network = await fixture.NetworkAsync(clock);
        var other = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();
        var id = await AddAsync(network, Step("Oma"));
        var version = (await Service.GetAsync(network.Id, network.Viewer.Id, id))!.Version;

        Assert.Equal(ErrorCodes.Forbidden, (await Service.AddAsync(network.Id, network.Viewer.Id, Roles, Step())).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.UpdateAsync(network.Id, network.Viewer.Id, id, Step("Katsoja"), version)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.MoveAsync(network.Id, network.Viewer.Id, id, 1)).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.DeleteAsync(network.Id, network.Viewer.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddAsync(network.Id, outsider.Id, Roles, Step())).ErrorCode);
        Assert.Null(await Service.GetAsync(network.Id, outsider.Id, id));
        Assert.Null(await Service.GetAsync(other.Id, other.Owner.Id, id));
        Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(other.Id, other.Owner.Id, id, Step("Toinen"), version)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(other.Id, other.Owner.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreAsync(other.Id, other.Owner.Id, id)).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddAsync(network.Id, network.Member.Id, AnswerOwner.Section("cover"), Step())).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddAsync(network.Id, network.Member.Id, AnswerOwner.Theme(Guid.NewGuid()), Step())).ErrorCode);

        var step = (await Service.GetAsync(network.Id, network.Viewer.Id, id))!;
        Assert.Equal(("Oma", version, null), (step.Title, step.Version, step.DeletedAt));
    }

    [Fact]
    public async Task Steps_of_a_deleted_theme_or_custom_section_are_not_found_until_it_is_restored()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = (await Themes.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Teema", ""))).Value;
        var key = (await Workbook.AddCustomAsync(network.Id, network.Owner.Id, new SectionTextsInput("Oma", null, null))).Value!;
        var themeStep = await AddAsync(network, Step("Teeman askel"), AnswerOwner.Theme(theme));
        var sectionStep = await AddAsync(network, Step("Osion askel"), AnswerOwner.Section(key));
        var versions = new Dictionary<Guid, Guid>();
        foreach (var id in new[] { themeStep, sectionStep })
        {
            versions[id] = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;
        }
        Assert.True((await Themes.DeleteAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.True((await Workbook.DeleteCustomAsync(network.Id, network.Owner.Id, key)).Succeeded);

        foreach (var id in versions.Keys)
        {
            Assert.Null(await Service.GetAsync(network.Id, network.Member.Id, id));
            Assert.Equal(ErrorCodes.NotFound, (await Service.UpdateAsync(network.Id, network.Member.Id, id, Step("Muutos"), versions[id])).ErrorCode);
            Assert.Equal(ErrorCodes.NotFound, (await Service.MoveAsync(network.Id, network.Member.Id, id, 1)).ErrorCode);
            Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteAsync(network.Id, network.Member.Id, id)).ErrorCode);
            Assert.Equal(ErrorCodes.NotFound, (await Service.RestoreAsync(network.Id, network.Member.Id, id)).ErrorCode);
        }

        Assert.True((await Themes.RestoreAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.True((await Workbook.RestoreCustomAsync(network.Id, network.Owner.Id, key)).Succeeded);

        foreach (var id in versions.Keys)
        {
            Assert.True((await Service.UpdateAsync(network.Id, network.Member.Id, id, Step("Muutos"), versions[id])).Succeeded);
            Assert.Equal("Muutos", (await Service.GetAsync(network.Id, network.Member.Id, id))!.Title);
        }
    }

    [Fact]
    public async Task Steps_of_an_archived_theme_are_read_only()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = (await Themes.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Teema", ""))).Value;
        var id = await AddAsync(network, Step("Askel"), AnswerOwner.Theme(theme));
        var version = (await Service.GetAsync(network.Id, network.Member.Id, id))!.Version;
        Assert.True((await Themes.ArchiveAsync(network.Id, network.Member.Id, theme)).Succeeded);

        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.AddAsync(network.Id, network.Member.Id, AnswerOwner.Theme(theme), Step())).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.UpdateAsync(network.Id, network.Member.Id, id, Step("Muutos"), version)).ErrorCode);
        Assert.Equal(ErrorCodes.ThemeArchived, (await Service.DeleteAsync(network.Id, network.Member.Id, id)).ErrorCode);
        Assert.Equal("Askel", (await Service.GetAsync(network.Id, network.Viewer.Id, id))!.Title);
        Assert.True((await Themes.UnarchiveAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.True((await Service.UpdateAsync(network.Id, network.Member.Id, id, Step("Muutos"), version)).Succeeded);
    }

    [Fact]
    public async Task Owner_options_are_the_networks_members_by_name()
    {
        var network = await fixture.NetworkAsync(clock);
        var outsider = await fixture.UserAsync();

        var options = await Service.ListOwnerOptionsAsync(network.Id, network.Viewer.Id);

        Assert.Equal(["Fanni Fasilitaattori", "Jussi Jäsen", "Olli Omistaja", "Ville Valvoja"], options.Select(o => o.Name));
        Assert.Equal(await fixture.MembershipIdAsync(network.Id, network.Member), options[1].MembershipId);
        Assert.Empty(await Service.ListOwnerOptionsAsync(network.Id, outsider.Id));
    }

    [Fact]
    public async Task A_step_of_a_member_who_leaves_stays_without_an_owner()
    {
        var network = await fixture.NetworkAsync(clock);
        var membership = await fixture.MembershipIdAsync(network.Id, network.Member);
        var id = await AddAsync(network, Step("Jussin askel", membership));

        await using (var db = fixture.Db())
        {
            await db.Memberships.Where(m => m.Id == membership).ExecuteDeleteAsync();
        }

        var step = (await Service.GetAsync(network.Id, network.Owner.Id, id))!;
        Assert.Equal(("Jussin askel", null, null), (step.Title, step.OwnerMembershipId, step.OwnerDisplay));
    }

    [Fact]
    public async Task A_list_holds_at_most_the_maximum_number_of_steps()
    {
        var network = await fixture.NetworkAsync(clock);
        var sectionId = (await fixture.SectionRowAsync(network.Id, "roles")).Id;
        await fixture.AddRowsAsync(ActionService.MaxActionsPerOwner, i => new ActionItem
        {
            Id = Guid.NewGuid(), NetworkId = network.Id, SectionId = sectionId, Order = i, Title = $"Askel {i}",
            Version = Guid.NewGuid(), CreatedAt = TestTime.Start, UpdatedAt = TestTime.Start,
        });

        Assert.Equal(ErrorCodes.SectionLimit, (await Service.AddAsync(network.Id, network.Member.Id, Roles, Step())).ErrorCode);
        Assert.True((await Service.AddAsync(network.Id, network.Member.Id, AnswerOwner.Section("picture"), Step())).Succeeded);
    }
}
