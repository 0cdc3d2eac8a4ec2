using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Actions;
using Verkostamo.Core.Workbook;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Actions;

/// <summary>The action plan in a browser: a step written in a section shows in the plan, changes status by keyboard, takes comments.</summary>
public sealed class ActionPlanBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    [Fact]
    public async Task A_section_step_shows_in_the_plan_changes_status_by_keyboard_and_takes_a_comment()
    {
        var network = await CreateNetworkAsync();
        var stepId = await AddStepAsync(network, AnswerOwner.Section("roles"), "Sovitaan veturin tehtävät", new DateOnly(2020, 1, 31));
        await AddStepAsync(network, AnswerOwner.Section("definition"), "Kootaan yhteystiedot", new DateOnly(2099, 6, 30));
        var page = await SignedInPageAsync(network.Member);

        await page.GotoAsync($"/networks/{network.Id}/plan");
        await page.ExpectHeadingAsync(UiText.Get("Plan.Title"));
        var row = page.Locator($"#action-{stepId}");
        await Expect(row).ToContainTextAsync(UiText.Get("Steps.Overdue"));
        await Axe.AssertAccessibleAsync(page);

        var select = page.GetByLabel(UiText.Format("Plan.StatusOf", "Sovitaan veturin tehtävät"));
        await page.TabToAsync(select, maxPresses: 120);
        await select.SelectOptionAsync("InProgress");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Plan.SaveStatusNamed", "Sovitaan veturin tehtävät"), Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main [role=status]").First).ToHaveTextAsync(UiText.Get("Plan.StatusSaved"));
        Assert.Equal(ActionStatus.InProgress, (await Service<ActionService>().GetAsync(network.Id, network.Member.Id, stepId))!.Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sovitaan veturin tehtävät", Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync("Sovitaan veturin tehtävät");
        await page.GetByLabel(UiText.Get("Plan.AddComment")).FillAsync("Veturi sovitaan maaliskuun foorumissa.");
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Plan.AddCommentButton"), Exact = true }).ClickAsync();
        await Expect(page.Locator(".comment-list")).ToContainTextAsync("Veturi sovitaan maaliskuun foorumissa.");
        await Axe.AssertAccessibleAsync(page);

        // And back to where the step was written.
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Plan.EditInSource") }).ClickAsync();
        await Expect(page.Locator($"#step-{stepId}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task My_actions_pass_axe_on_a_phone()
    {
        var network = await CreateNetworkAsync();
        var owners = await Service<ActionService>().ListOwnerOptionsAsync(network.Id, network.Member.Id);
        var me = owners.Single(o => o.Name == network.MemberName);
        Assert.True((await Service<ActionService>().AddAsync(network.Id, network.Member.Id, AnswerOwner.Section("roles"),
            new ActionInput("Oma askel", me.MembershipId, null, new DateOnly(2099, 1, 1), ActionStatus.Planned))).Succeeded);
        var page = await SignedInPageAsync(network.Member, Phone);

        await page.GotoAsync("/my-actions");
        await page.ExpectHeadingAsync(UiText.Get("MyActions.Title"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Oma askel" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "My actions scroll sideways at 360 px.");
    }
}
