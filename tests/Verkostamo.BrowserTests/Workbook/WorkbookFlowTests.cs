using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>
/// The workbook's main flow: a member answers a section's three blocks, starts a theme with two steps, and
/// the network's overview counts it all. Once with the mouse, once with the keyboard alone.
/// </summary>
[Collection(WorkbookBrowserCollection.Name)]
public sealed class WorkbookFlowTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private const string SectionKey = "definition";

    [Fact]
    public async Task A_member_answers_a_section_and_a_theme_and_the_overview_counts_them()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);

        var section = await SectionPage.OpenAsync(page, network.Id, SectionKey);
        var blocks = section.Blocks;
        await blocks.AddKeySolutionAsync("Verkostomme **yhteinen tavoite** on nuorten työllisyys.\n\n- Ohjaamo\n- Kunta");
        await Expect(blocks.KeySolutionItems).ToHaveCountAsync(1);
        await Expect(blocks.KeySolutionItems.Locator("strong")).ToHaveTextAsync("yhteinen tavoite");
        await Expect(blocks.KeySolutionItems.Locator("ul > li")).ToHaveTextAsync(["Ohjaamo", "Kunta"]);

        await blocks.AddStepAsync("Kutsutaan kumppanit koolle", network.MemberName, "2027-01-31", "InProgress");
        var step = blocks.Step("Kutsutaan kumppanit koolle");
        await Expect(step).ToContainTextAsync(network.MemberName);
        await Expect(step).ToContainTextAsync("31.1.2027");
        await Expect(step).ToContainTextAsync(UiText.Get("Status.InProgress"));

        await blocks.WriteResponsibilitiesAsync("Koordinaattori vastaa **aikataulusta**.");
        await Expect(blocks.Responsibilities.Locator(".markdown strong")).ToHaveTextAsync("aikataulusta");
        // The steps' owners and dates are listed beside the text.
        var row = blocks.Responsibilities.Locator("table tbody tr");
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Kutsutaan kumppanit koolle");
        await Expect(row.Locator("td")).ToHaveTextAsync([network.MemberName, "31.1.2027", UiText.Get("Status.InProgress")]);

        var themes = await ThemesPage.OpenAsync(page, network.Id);
        var theme = await themes.AddThemeAsync("Nuorten työllisyys", "Jokainen nuori löytää polkunsa.");
        await theme.Blocks.AddStepAsync("Kartoitetaan palvelut", network.MemberName, "2099-03-01");
        await theme.Blocks.AddStepAsync("Sovitaan työnjako", dueDate: "2099-04-15", status: "InProgress");
        await Expect(theme.Blocks.StepItems).ToHaveCountAsync(2);

        await new NetworkPage(page, network.Id).OverviewTab.ClickAsync();
        await ExpectOverviewAsync(page, network, "Nuorten työllisyys");
    }

    [Fact]
    public async Task The_same_works_with_the_keyboard_alone()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);
        await page.GotoAsync($"/networks/{network.Id}");
        var overview = await NetworkPage.ExpectShownAsync(page, network.Name);
        var blocks = new AnswerBlocks(page);

        // Overview → Workbook tab → first section.
        await page.TabToAsync(overview.Tabs.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Workbook.Title"), Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectHeadingAsync(UiText.Get("Workbook.Title"));
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = SectionPage.HeadingOf(SectionKey), Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await SectionPage.ExpectShownAsync(page, SectionKey);

        // Key solution: type into the field, Tab to the button, Enter.
        await page.TabToAsync(blocks.NewKeySolution);
        await page.Keyboard.TypeAsync("Sovimme **yhteiset** pelisäännöt.");
        await page.TabToAsync(blocks.AddKeySolutionButton);
        await page.Keyboard.PressAsync("Enter");
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionAdded"));
        await Expect(blocks.KeySolutionItems.Locator("strong")).ToHaveTextAsync("yhteiset");

        // Step: title, owner and status chosen by typing, the date typed digit by digit, Space on the button.
        await page.TabToAsync(blocks.NewStepTitle);
        await page.Keyboard.TypeAsync("Kutsutaan kumppanit koolle");
        await page.TabToAsync(blocks.NewStepOwner);
        await page.Keyboard.TypeAsync(network.MemberName[..7]);
        await page.TabToAsync(blocks.NewStepDue);
        // Headless chromium lays the date out as month/day/year whatever the page's language; the first of January
        // reads the same either way.
        await page.Keyboard.TypeAsync("01012027");
        await Expect(blocks.NewStepDue).ToHaveValueAsync("2027-01-01");
        await page.TabToAsync(blocks.NewStepStatus);
        await page.Keyboard.TypeAsync(UiText.Get("Status.InProgress")[..3]);
        await page.TabToAsync(blocks.AddStepButton);
        await page.Keyboard.PressAsync(" ");
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Steps.Added"));
        var step = blocks.Step("Kutsutaan kumppanit koolle");
        await Expect(step).ToContainTextAsync(network.MemberName);
        await Expect(step).ToContainTextAsync("1.1.2027");
        await Expect(step).ToContainTextAsync(UiText.Get("Status.InProgress"));

        // Responsibilities: the link opens the form, Enter on Save.
        await page.TabToAsync(blocks.WriteResponsibilities);
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync(blocks.ResponsibilitiesText);
        await page.Keyboard.TypeAsync("Koordinaattori vastaa aikataulusta.");
        await page.TabToAsync(blocks.SaveButton(blocks.Responsibilities));
        await page.Keyboard.PressAsync("Enter");
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Responsibilities.Saved"));
        await Expect(blocks.Responsibilities.Locator(".markdown")).ToHaveTextAsync("Koordinaattori vastaa aikataulusta.");

        // Back up to the Themes tab, add a theme and two steps (the second submitted with Enter in its title field).
        await page.TabToAsync(overview.Tabs.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Themes.Title"), Exact = true }), backwards: true, maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        var themes = await ThemesPage.ExpectShownAsync(page);
        await page.TabToAsync(themes.NewTitle);
        await page.Keyboard.TypeAsync("Nuorten työllisyys");
        await page.TabToAsync(themes.NewGoal);
        await page.Keyboard.TypeAsync("Jokainen nuori löytää polkunsa.");
        await page.TabToAsync(themes.AddButton);
        await page.Keyboard.PressAsync("Enter");
        var theme = await ThemePage.ExpectShownAsync(page, "Nuorten työllisyys");
        await page.TabToAsync(theme.Blocks.NewStepTitle);
        await page.Keyboard.TypeAsync("Kartoitetaan palvelut");
        await page.TabToAsync(theme.Blocks.AddStepButton);
        await page.Keyboard.PressAsync("Enter");
        await Expect(theme.Blocks.Status).ToHaveTextAsync(UiText.Get("Steps.Added"));
        await page.TabToAsync(theme.Blocks.NewStepTitle);
        await page.Keyboard.TypeAsync("Sovitaan työnjako");
        await page.Keyboard.PressAsync("Enter");
        await Expect(theme.Blocks.Status).ToHaveTextAsync(UiText.Get("Steps.Added"));
        await Expect(theme.Blocks.StepItems).ToHaveCountAsync(2);

        // And to the overview through its tab.
        await page.TabToAsync(overview.OverviewTab, backwards: true, maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await ExpectOverviewAsync(page, network, "Nuorten työllisyys");
    }

    /// <summary>One section answered of the visible ones, three open steps (one in the section, two in the theme).</summary>
    private static async Task ExpectOverviewAsync(IPage page, WorkbookNetwork network, string themeTitle)
    {
        await NetworkPage.ExpectShownAsync(page, network.Name);
        var overview = new WorkbookOverview(page);
        var sections = Core.Workbook.Template.WorkbookTemplate.Current.Part1.Count();
        await Expect(overview.Progress).ToContainTextAsync(UiText.Format("Overview.Answered", 1, sections));
        await Expect(overview.ProgressBar).ToHaveAttributeAsync("value", "1");
        await Expect(overview.StatValue("Overview.OpenSteps")).ToHaveTextAsync("3");
        await Expect(overview.StatValue("Overview.Themes")).ToHaveTextAsync("1");
        var answered = overview.Section(SectionKey);
        await Expect(answered).ToContainTextAsync(UiText.Get("Workbook.Answered"));
        await Expect(answered).ToContainTextAsync(UiText.Format("Overview.OpenInSection", 1));
        await Expect(overview.Section("picture")).ToContainTextAsync(UiText.Get("Workbook.NotAnswered"));
        var theme = overview.Themes.Locator("li");
        await Expect(theme.GetByRole(AriaRole.Link)).ToHaveTextAsync(themeTitle);
        await Expect(theme).ToContainTextAsync(UiText.Format("Workbook.Counts", 0, 2));
    }
}
