using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Assessments;
using Verkostamo.Core.Common;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Assessments;

/// <summary>Self-assessments in the browser: answered anonymously on a phone by keyboard; results and comparison pass axe.</summary>
public sealed class AssessmentBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<OpenedRound> OpenAsync(WorkbookNetwork network, string title, params string[] instruments)
    {
        var opened = await Service<AssessmentService>().OpenRoundAsync(network.Id, network.Owner.Id,
            new RoundInput(title, instruments, Today.AddDays(-1), Today.AddDays(7), true, true));
        Assert.True(opened.Succeeded, opened.ErrorCode);
        return opened.Value!;
    }

    [Fact]
    public async Task An_anonymous_respondent_answers_on_a_phone_by_keyboard_only()
    {
        var network = await CreateNetworkAsync();
        var round = await OpenAsync(network, "Kevään arviointi", "learning-cycle", AssessmentTemplate.Open);
        var page = await NewPageAsync(Phone);
        await page.GotoAsync("/assessment/" + round.Token);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kevään arviointi");
        await Axe.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The answer page scrolls sideways at 360 px.");

        // Tab reaches the first option of the first statement; arrow keys move the choice within the group.
        await page.TabToAsync(page.Locator("#q-learning-cycle-step-1-1"));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#q-learning-cycle-step-1-3")).ToBeCheckedAsync();
        await page.TabToAsync(page.Locator("#q-open-works"));
        await page.Keyboard.TypeAsync("Yhteiset asiakastapaukset");
        var later = page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Assess.SaveLater"), Exact = true });
        await page.TabToAsync(later);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main [role=status]").First).ToHaveTextAsync(UiText.Get("Assess.Saved"));

        // Continue later in the same browser: the answer so far is there; add one more and send.
        await Expect(page.Locator("#q-learning-cycle-step-1-3")).ToBeCheckedAsync();
        await Expect(page.Locator("#q-open-works")).ToHaveValueAsync("Yhteiset asiakastapaukset");
        await page.TabToAsync(page.Locator("#q-learning-cycle-step-2-1"));
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#q-learning-cycle-step-2-1")).ToBeCheckedAsync();
        var send = page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Assess.Send"), Exact = true });
        await page.TabToAsync(send);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main [role=status]").First).ToHaveTextAsync(UiText.Get("Assess.Sent"));
        await Axe.AssertAccessibleAsync(page);

        var summary = (await Service<AssessmentService>().GetRoundAsync(network.Id, network.Owner.Id, round.Id))!;
        Assert.Equal((1, 1), (summary.Respondents, summary.Completed));
    }

    [Fact]
    public async Task Rounds_results_and_comparison_pass_axe()
    {
        var network = await CreateNetworkAsync();
        var service = Service<AssessmentService>();
        foreach (var (title, trust) in new[] { ("Ensimmäinen", 2), ("Toinen", 4) })
        {
            var round = await OpenAsync(network, title, AssessmentTemplate.Leadership, "knowing-trust-commitment", AssessmentTemplate.Roles, AssessmentTemplate.Open);
            for (var i = 0; i < 4; i++)
            {
                var answers = new AnswerSet();
                answers.Values["knowing-trust-commitment/c2r1"] = Math.Clamp(trust + i % 2, 1, 5);
                answers.Values["leadership/now-x"] = 2 + i % 2;
                answers.Values["leadership/now-y"] = 4;
                answers.Values["leadership/wanted-x"] = 4;
                answers.Values["leadership/wanted-y"] = 4 + i % 2;
                answers.Values["roles/now"] = i % 4 + 1;
                answers.Texts["open/works"] = "Avoin keskustelu " + i;
                Assert.True((await service.SaveByLinkAsync(round.Token, SecretTokens.New(), answers, true)).Succeeded);
            }
        }
        var rounds = (await service.ListRoundsAsync(network.Id, network.Owner.Id))!;
        var page = await SignedInPageAsync(network.Owner);

        await page.GotoAsync($"/networks/{network.Id}/assessments");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Get("Assess.Title"));
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/assessments/{rounds[0].Id}/results");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Format("Assess.ResultsTitle", "Toinen"));
        await Expect(page.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // A filter that leaves fewer than three respondents hides the results.
        await page.GotoAsync($"/networks/{network.Id}/assessments/{rounds[0].Id}/results?role=1");
        await Expect(page.GetByText(UiText.Format("Assess.GroupHidden", 3))).ToBeVisibleAsync();

        await page.GotoAsync($"/networks/{network.Id}/assessments/compare");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Get("Assess.CompareTitle"));
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/assessments/instruments");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Get("Assess.InstrumentsTitle"));
        await Axe.AssertAccessibleAsync(page);

        var memberRound = await OpenAsync(network, "Jäsenten kierros", "learning-cycle");
        var memberPage = await SignedInPageAsync(network.Member);
        await memberPage.GotoAsync($"/networks/{network.Id}/assessments/{memberRound.Id}/answer");
        await Expect(memberPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jäsenten kierros");
        await Axe.AssertAccessibleAsync(memberPage);

        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/networks/{network.Id}/assessments/{rounds[0].Id}/results");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The results page scrolls sideways at 360 px.");
    }
}
