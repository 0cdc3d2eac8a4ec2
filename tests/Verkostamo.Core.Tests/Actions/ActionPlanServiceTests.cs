using Microsoft.Extensions.Time.Testing;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Common;
using Verkostamo.Core.Tests.Support;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Tests.Actions;

/// <summary>One action plan over every section and theme: filters, inline status, comments and "my actions".</summary>
public class ActionPlanServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider clock = TestTime.NewClock();
    private ActionService Actions => new(fixture.Factory, clock);
    private ActionPlanService Service => new(fixture.Factory, Actions, clock);
    private ThemeService Themes => new(fixture.Factory, clock);
    private WorkbookService Workbook => new(fixture.Factory, clock);

    private static readonly DateOnly Today = DateOnly.FromDateTime(TestTime.Start.UtcDateTime);

    private async Task<Guid> StepAsync(TestNetwork network, AnswerOwner owner, string title, DateOnly? due = null, ActionStatus status = ActionStatus.Planned,
        Guid? ownerMembership = null, string? ownerName = null)
    {
        var added = await Actions.AddAsync(network.Id, network.Member.Id, owner, new ActionInput(title, ownerMembership, ownerName, due, status));
        Assert.True(added.Succeeded, added.ErrorCode);
        return added.Value;
    }

    [Fact]
    public async Task The_plan_lists_steps_of_sections_and_themes_open_first_by_due_date_and_filters_them()
    {
        var network = await fixture.NetworkAsync(clock);
        var memberId = await fixture.MembershipIdAsync(network.Id, network.Member);
        var theme = (await Themes.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Nuoret", ""))).Value;
        var overdue = await StepAsync(network, AnswerOwner.Section("definition"), "Myöhässä", Today.AddDays(-3), ownerMembership: memberId);
        var soon = await StepAsync(network, AnswerOwner.Section("roles"), "Pian", Today.AddDays(10), ActionStatus.InProgress, ownerName: "Kela");
        var later = await StepAsync(network, AnswerOwner.Theme(theme), "Myöhemmin", Today.AddDays(60));
        var undated = await StepAsync(network, AnswerOwner.Theme(theme), "Ilman päivää");
        var done = await StepAsync(network, AnswerOwner.Section("roles"), "Tehty", Today.AddDays(-30), ActionStatus.Done);

        var plan = (await Service.GetAsync(network.Id, network.Viewer.Id))!;

        Assert.Equal([overdue, soon, later, undated, done], plan.Items.Select(i => i.Action.Id));
        Assert.Equal((5, false), (plan.Total, plan.CanEdit));
        Assert.Equal(["Kela"], plan.FreeTextOwners);
        var first = plan.Items[0];
        Assert.Equal(("definition", true, false), (first.Section!.Key, first.Action.IsOverdue, first.IsDueSoon));
        Assert.True(plan.Items[1].IsDueSoon);
        Assert.False(plan.Items[2].IsDueSoon);
        Assert.Equal("Nuoret", plan.Items[2].Theme!.Title);

        async Task<IEnumerable<Guid>> Filter(ActionPlanQuery q) => (await Service.GetAsync(network.Id, network.Viewer.Id, q))!.Items.Select(i => i.Action.Id);
        Assert.Equal([overdue], await Filter(new() { OwnerMembershipId = memberId }));
        Assert.Equal([soon], await Filter(new() { OwnerName = " kela " }));
        Assert.Equal([soon, done], await Filter(new() { SectionKey = "roles" }));
        Assert.Equal([later, undated], await Filter(new() { ThemeId = theme }));
        Assert.Equal([done], await Filter(new() { Status = ActionStatus.Done }));
        Assert.Equal([overdue, soon, later, undated], await Filter(new() { OpenOnly = true }));
        Assert.Equal([overdue], await Filter(new() { Due = DueFilter.Overdue }));
        Assert.Equal([soon], await Filter(new() { Due = DueFilter.DueSoon }));
        Assert.Equal([undated], await Filter(new() { Due = DueFilter.NoDate }));
        Assert.Empty(await Filter(new() { SectionKey = "roles", Due = DueFilter.Overdue }));
    }

    [Fact]
    public async Task Steps_of_deleted_sections_and_themes_leave_the_plan_and_come_back_on_restore()
    {
        var network = await fixture.NetworkAsync(clock);
        var theme = (await Themes.CreateAsync(network.Id, network.Member.Id, new ThemeInput("Nuoret", ""))).Value;
        var step = await StepAsync(network, AnswerOwner.Theme(theme), "Teeman askel");
        Assert.True((await Themes.DeleteAsync(network.Id, network.Member.Id, theme)).Succeeded);

        Assert.Empty((await Service.GetAsync(network.Id, network.Member.Id))!.Items);
        Assert.Null(await Service.GetActionAsync(network.Id, network.Member.Id, step));

        Assert.True((await Themes.RestoreAsync(network.Id, network.Member.Id, theme)).Succeeded);
        Assert.Equal(step, Assert.Single((await Service.GetAsync(network.Id, network.Member.Id))!.Items).Action.Id);
    }

    [Fact]
    public async Task Status_changes_inline_keep_the_rest_and_refuse_stale_versions_and_viewers()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await StepAsync(network, AnswerOwner.Section("definition"), "Askel", Today.AddDays(5), ownerName: "Kela");
        var version = (await Actions.GetAsync(network.Id, network.Member.Id, id))!.Version;

        Assert.Equal(ErrorCodes.Forbidden, (await Service.SetStatusAsync(network.Id, network.Viewer.Id, id, ActionStatus.Done, version)).ErrorCode);
        var changed = await Service.SetStatusAsync(network.Id, network.Member.Id, id, ActionStatus.Done, version);
        Assert.True(changed.Succeeded, changed.ErrorCode);
        var stale = await Service.SetStatusAsync(network.Id, network.Owner.Id, id, ActionStatus.Dropped, version);
        Assert.Equal((ErrorCodes.ConcurrencyConflict, changed.Value), (stale.ErrorCode, stale.Value));
        Assert.Equal(ErrorCodes.StatusInvalid, (await Service.SetStatusAsync(network.Id, network.Member.Id, id, (ActionStatus)9, changed.Value)).ErrorCode);

        var step = (await Actions.GetAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal((ActionStatus.Done, "Askel", "Kela", Today.AddDays(5)), (step.Status, step.Title, step.OwnerName, step.DueDate));
        var other = await fixture.NetworkAsync(clock);
        Assert.Equal(ErrorCodes.NotFound, (await Service.SetStatusAsync(other.Id, other.Owner.Id, id, ActionStatus.Planned, step.Version)).ErrorCode);
    }

    [Fact]
    public async Task Members_comment_authors_and_facilitators_delete_and_viewers_only_read()
    {
        var network = await fixture.NetworkAsync(clock);
        var id = await StepAsync(network, AnswerOwner.Section("definition"), "Askel");

        Assert.Equal(ErrorCodes.TextRequired, (await Service.AddCommentAsync(network.Id, network.Member.Id, id, "  ")).ErrorCode);
        Assert.Equal(ErrorCodes.TextTooLong, (await Service.AddCommentAsync(network.Id, network.Member.Id, id, new string('k', ActionPlanService.MaxCommentLength + 1))).ErrorCode);
        Assert.Equal(ErrorCodes.Forbidden, (await Service.AddCommentAsync(network.Id, network.Viewer.Id, id, "Hei")).ErrorCode);
        Assert.Equal(ErrorCodes.NotFound, (await Service.AddCommentAsync(network.Id, network.Member.Id, Guid.NewGuid(), "Hei")).ErrorCode);
        var first = await Service.AddCommentAsync(network.Id, network.Member.Id, id, " Sovitaan tapaaminen\r\nensi viikolle. ");
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await Service.AddCommentAsync(network.Id, network.Facilitator.Id, id, "Hyvä!");

        var view = (await Service.GetActionAsync(network.Id, network.Member.Id, id))!;
        Assert.Equal(["Sovitaan tapaaminen\nensi viikolle.", "Hyvä!"], view.Comments.Select(c => c.Text));
        Assert.Equal([true, false], view.Comments.Select(c => c.CanDelete));
        Assert.Equal(2, (await Service.GetAsync(network.Id, network.Viewer.Id))!.Items.Single().Comments);

        Assert.Equal(ErrorCodes.Forbidden, (await Service.DeleteCommentAsync(network.Id, network.Member.Id, second.Value)).ErrorCode);
        Assert.True((await Service.DeleteCommentAsync(network.Id, network.Facilitator.Id, first.Value)).Succeeded);
        Assert.Equal(ErrorCodes.NotFound, (await Service.DeleteCommentAsync(network.Id, network.Facilitator.Id, first.Value)).ErrorCode);
        Assert.Equal(["Hyvä!"], (await Service.GetActionAsync(network.Id, network.Viewer.Id, id))!.Comments.Select(c => c.Text));
        var audit = await fixture.AuditAsync(network.Id, ActionPlanService.PlanScope);
        Assert.Equal(["Created", "Created", "Deleted"], audit.Select(e => e.Action));
    }

    [Fact]
    public async Task My_actions_gather_my_open_steps_from_all_my_networks()
    {
        var first = await fixture.NetworkAsync(clock, "Ensimmäinen");
        var second = await fixture.NetworkAsync(clock, "Toinen");
        var me = first.Member;
        await fixture.AddMemberAsync(second.Id, me, Verkostamo.Core.Networks.NetworkRole.Member, clock);
        var inFirst = await fixture.MembershipIdAsync(first.Id, me);
        var inSecond = await fixture.MembershipIdAsync(second.Id, me);
        var a = await StepAsync(first, AnswerOwner.Section("definition"), "A", Today.AddDays(20), ownerMembership: inFirst);
        var addedB = await Actions.AddAsync(second.Id, me.Id, AnswerOwner.Section("roles"), new ActionInput("B", inSecond, null, Today.AddDays(-1), ActionStatus.Planned));
        var done = await StepAsync(first, AnswerOwner.Section("definition"), "Tehty", null, ActionStatus.Done, ownerMembership: inFirst);
        await StepAsync(first, AnswerOwner.Section("definition"), "Jonkun muun", ownerName: "Kela");

        var mine = await Service.MyActionsAsync(me.Id);

        Assert.Equal([addedB.Value, a], mine.Select(i => i.Action.Id));
        Assert.Equal(["Toinen", "Ensimmäinen"], mine.Select(i => i.NetworkName));
        Assert.Equal([addedB.Value, a, done], (await Service.MyActionsAsync(me.Id, includeClosed: true)).Select(i => i.Action.Id));
        Assert.Empty(await Service.MyActionsAsync(first.Viewer.Id));
    }
}
