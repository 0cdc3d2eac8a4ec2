using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Workbook;
using Verkostamo.Core.Map;
using Verkostamo.Core.Map.Survey;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Map;

/// <summary>The survey-built map: answered on a phone by keyboard without an account, then reviewed and merged.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapSurveyBrowserTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private async Task<(WorkbookNetwork Network, Guid Kela, string Token)> ArrangeAsync()
    {
        var network = await CreateNetworkAsync();
        var actors = Service<ActorService>();
        var kela = (await actors.CreateAsync(network.Id, network.Owner.Id, new ActorInput("Kela"))).Value;
        Assert.True((await actors.CreateAsync(network.Id, network.Owner.Id, new ActorInput("Pohjois-Karjalan TE-palvelut"))).Succeeded);
        var link = await Service<MapSurveyService>().CreateLinkAsync(network.Id, network.Owner.Id, kela);
        Assert.True(link.Succeeded, link.ErrorCode);
        return (network, kela, link.Value!.Token);
    }

    [Fact]
    public async Task An_actor_answers_on_a_phone_by_keyboard_without_an_account()
    {
        var (network, _, token) = await ArrangeAsync();
        var page = await NewPageAsync(Phone);
        await page.GotoAsync("/map-survey/" + token);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Format("Survey.LinkTitle", "Kela"));
        await Axe.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The answer page scrolls sideways at 360 px.");

        var name = page.Locator("#row0-name");
        await page.TabToAsync(name);
        await page.Keyboard.TypeAsync("Pohjois-Karjalan TE-palvelut");
        // The strength radios: Tab lands on the checked one (weak); an arrow key moves the choice to strong.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = UiText.Get("Survey.Strength.Strong") }).First).ToBeCheckedAsync();
        var referrals = page.GetByRole(AriaRole.Checkbox, new() { Name = UiText.Get("Survey.Kind.Referrals") }).First;
        await page.TabToAsync(referrals);
        await page.Keyboard.PressAsync("Space");
        var note = page.Locator("#row0-note");
        await page.TabToAsync(note);
        await page.Keyboard.TypeAsync("Viikoittainen yhteispalaveri");
        var send = page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Survey.Send"), Exact = true });
        await page.TabToAsync(send);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main [role=status]").First).ToHaveTextAsync(UiText.Get("Survey.Sent"));
        await Expect(page.Locator("#row0-name")).ToHaveValueAsync("Pohjois-Karjalan TE-palvelut");
        await Axe.AssertAccessibleAsync(page);
        var review = Assert.Single((await Service<MapSurveyService>().ListResponsesAsync(network.Id, network.Owner.Id))!);
        var entry = Assert.Single(review.Entries);
        Assert.Equal((LinkStrength.Strong, UiText.Get("Survey.Kind.Referrals"), "Viikoittainen yhteispalaveri"),
            (entry.Entry.Strength, Assert.Single(entry.Entry.Kinds), entry.Entry.Note));
    }

    [Fact]
    public async Task A_facilitator_reviews_and_merges_an_answer_and_the_pages_pass_axe()
    {
        var (network, kela, token) = await ArrangeAsync();
        Assert.True((await Service<MapSurveyService>().SubmitByTokenAsync(token,
            [new SurveyEntry("Joensuun Setlementti", LinkStrength.Weak, ["vapaaehtoistyö"], "Uusi kumppani")])).Succeeded);
        var page = await SignedInPageAsync(network.Owner);

        await page.GotoAsync($"/networks/{network.Id}/map/survey");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Get("Survey.Title"));
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync($"/networks/{network.Id}/map/survey/review");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Get("Survey.ReviewTitle"));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = UiText.Get("Survey.Outcome.NewActorAndLink") })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Survey.ApproveNamed", "Kela"), Exact = true }).ClickAsync();

        await Expect(page.Locator("main [role=status]").First).ToHaveTextAsync(UiText.Format("Survey.Merged", 1, 1, 0));
        await Expect(page.GetByText(UiText.Get("Survey.NoPending"))).ToBeVisibleAsync();
        var link = Assert.Single((await Service<LinkService>().ListAsync(network.Id, network.Owner.Id, kela))!);
        Assert.Equal("Joensuun Setlementti", link.TargetName);

        await page.GetByLabel(UiText.Get("Survey.LinkActor")).SelectOptionAsync(new SelectOptionValue { Label = "Pohjois-Karjalan TE-palvelut" });
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Survey.CreateLink"), Exact = true }).ClickAsync();
        await Expect(page.Locator("#created-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/map-survey/"));
        await Axe.AssertAccessibleAsync(page);
    }
}
