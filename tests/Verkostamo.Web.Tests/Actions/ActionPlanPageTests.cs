using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;
using Verkostamo.Testing;
using Verkostamo.Web.Tests.Support;

namespace Verkostamo.Web.Tests.Actions;

/// <summary>The action plan, a step's page with comments, and "my actions", through their pages.</summary>
public class ActionPlanPageTests(VerkostamoAppFactory app) : IClassFixture<VerkostamoAppFactory>
{
    private async Task<(TestUser Owner, Guid NetworkId, Guid StepId, HttpClient Client)> ArrangeAsync(string title = "Kutsutaan kumppanit koolle")
    {
        var owner = await TestUsers.CreateAsync(app.Services);
        var networkId = await Arrange.NetworkAsync(app.Services, owner);
        var added = await app.Services.GetRequiredService<ActionService>().AddAsync(networkId, owner.Id, AnswerOwner.Section("roles"),
            new ActionInput(title, null, "Kela", new DateOnly(2020, 1, 31), ActionStatus.Planned));
        Assert.True(added.Succeeded, added.ErrorCode);
        return (owner, networkId, added.Value, await app.SignedInClientAsync(owner));
    }

    private async Task<ActionView> StepAsync(Guid networkId, string userId, Guid id) =>
        (await app.Services.GetRequiredService<ActionService>().GetAsync(networkId, userId, id))!;

    [Fact]
    public async Task The_plan_lists_a_section_step_with_a_link_back_and_changes_its_status_inline()
    {
        var (owner, networkId, stepId, client) = await ArrangeAsync();
        var page = $"/networks/{networkId}/plan";

        var html = Texts.Decoded(await (await client.GetAsync(page)).BodyAsync());
        Assert.Contains("Kutsutaan kumppanit koolle", html, StringComparison.Ordinal);
        Assert.Contains($"/networks/{networkId}/workbook/roles#step-{stepId}", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get("Steps.Overdue", "fi"), html, StringComparison.Ordinal);
        var version = (await StepAsync(networkId, owner.Id, stepId)).Version;

        var response = await client.SubmitFormAsync(page, "plan-cmd", ("Cmd.Command", $"status:{stepId}"),
            ($"Cmd.Statuses[{stepId}]", "Done"), ($"Cmd.Versions[{stepId}]", version.ToString()));

        Assert.True(response.IsRedirect(), $"Expected a redirect, got {(int)response.StatusCode}");
        var step = await StepAsync(networkId, owner.Id, stepId);
        Assert.Equal((ActionStatus.Done, "Kela"), (step.Status, step.OwnerName));
        // A second save from the same (stale) page is refused and says so.
        var stale = await client.SubmitFormAsync(page, "plan-cmd", ("Cmd.Command", $"status:{stepId}"),
            ($"Cmd.Statuses[{stepId}]", "Dropped"), ($"Cmd.Versions[{stepId}]", version.ToString()));
        Assert.True(stale.IsRedirect());
        Assert.Equal(ActionStatus.Done, (await StepAsync(networkId, owner.Id, stepId)).Status);
    }

    [Fact]
    public async Task Filters_come_from_the_query_and_unknown_values_are_ignored()
    {
        var (owner, networkId, _, client) = await ArrangeAsync();
        var actions = app.Services.GetRequiredService<ActionService>();
        Assert.True((await actions.AddAsync(networkId, owner.Id, AnswerOwner.Section("definition"), new ActionInput("Toinen askel", null, null, null, ActionStatus.Done))).Succeeded);
        var page = $"/networks/{networkId}/plan";

        var overdue = Texts.Decoded(await (await client.GetAsync(page + "?due=Overdue")).BodyAsync());
        Assert.Contains("Kutsutaan kumppanit koolle", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Toinen askel", overdue, StringComparison.Ordinal);
        var bySection = Texts.Decoded(await (await client.GetAsync(page + "?source=section:definition&status=Done")).BodyAsync());
        Assert.Contains("Toinen askel", bySection, StringComparison.Ordinal);
        Assert.DoesNotContain("Kutsutaan kumppanit koolle", bySection, StringComparison.Ordinal);
        var byName = Texts.Decoded(await (await client.GetAsync(page + "?owner=" + Uri.EscapeDataString("name:Kela"))).BodyAsync());
        Assert.Contains("Kutsutaan kumppanit koolle", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Toinen askel", byName, StringComparison.Ordinal);
        var junk = await client.GetAsync(page + "?status=Nope&due=42&owner=x&source=theme:y");
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        Assert.Contains("Toinen askel", Texts.Decoded(await junk.BodyAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_page_takes_comments_from_members_and_shows_them_to_viewers()
    {
        var (owner, networkId, stepId, client) = await ArrangeAsync();
        var viewer = await TestUsers.CreateAsync(app.Services);
        await Arrange.MemberAsync(app.Services, networkId, owner, viewer, NetworkRole.Viewer);
        var viewerClient = await app.SignedInClientAsync(viewer);
        var page = $"/networks/{networkId}/plan/{stepId}";

        var empty = await client.SubmitFormAsync(page, "comment-add", ("NewComment.Text", "   "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains(Texts.Get("Error.TextRequired", "fi"), Texts.Decoded(await empty.BodyAsync()), StringComparison.Ordinal);
        var added = await client.SubmitFormAsync(page, "comment-add", ("NewComment.Text", "Kela <b>vahvisti</b> ajan."));
        Assert.True(added.IsRedirect());

        var html = await (await viewerClient.GetAsync(page)).BodyAsync();
        Assert.Contains("Kela &lt;b&gt;vahvisti&lt;/b&gt; ajan.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"NewComment.Text\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"delete:", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/networks/{networkId}/plan/{Guid.NewGuid()}")).StatusCode);
        var outsider = await app.SignedInClientAsync(await TestUsers.CreateAsync(app.Services));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/networks/{networkId}/plan")).StatusCode);
    }

    [Fact]
    public async Task My_actions_show_steps_given_to_me()
    {
        var (owner, networkId, _, client) = await ArrangeAsync();
        var membershipId = await OwnerMembershipAsync(networkId, owner);
        Assert.True((await app.Services.GetRequiredService<ActionService>().AddAsync(networkId, owner.Id, AnswerOwner.Section("definition"),
            new ActionInput("Minun askeleeni", membershipId, null, null, ActionStatus.InProgress))).Succeeded);

        var html = Texts.Decoded(await (await client.GetAsync("/my-actions")).BodyAsync());

        Assert.Contains("Minun askeleeni", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kutsutaan kumppanit koolle", html, StringComparison.Ordinal);
        Assert.True((await app.NoRedirectClient().GetAsync("/my-actions")).IsRedirect());
    }

    [Fact]
    public async Task The_home_page_reminds_me_of_my_overdue_steps_only()
    {
        var (owner, networkId, _, client) = await ArrangeAsync();
        var membershipId = await OwnerMembershipAsync(networkId, owner);
        var actions = app.Services.GetRequiredService<ActionService>();
        Assert.True((await actions.AddAsync(networkId, owner.Id, AnswerOwner.Section("definition"),
            new ActionInput("Myöhässä oleva askeleeni", membershipId, null, new DateOnly(2020, 2, 1), ActionStatus.Planned))).Succeeded);
        Assert.True((await actions.AddAsync(networkId, owner.Id, AnswerOwner.Section("definition"),
            new ActionInput("Kaukainen askeleeni", membershipId, null, new DateOnly(2099, 2, 1), ActionStatus.Planned))).Succeeded);

        var html = Texts.Decoded(await (await client.GetAsync("/")).BodyAsync());

        Assert.Contains("Myöhässä oleva askeleeni", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kaukainen askeleeni", html, StringComparison.Ordinal);
        // The free-text owner's overdue step of the arrangement is not mine.
        Assert.DoesNotContain("Kutsutaan kumppanit koolle", html, StringComparison.Ordinal);
    }

    private async Task<Guid> OwnerMembershipAsync(Guid networkId, TestUser owner)
    {
        await using var db = await Arrange.Db(app.Services);
        return db.Memberships.Single(m => m.NetworkId == networkId && m.UserId == owner.Id).Id;
    }
}
