using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Verkostamo.Core.Workbook;
using Verkostamo.Core.Workbook.Template;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>Editing answers: conflicting saves, unsafe input, deleting and restoring, archiving, refused input.</summary>
[Collection(WorkbookBrowserCollection.Name)]
public sealed class WorkbookEditingTests(BrowserFixture fixture) : WorkbookTest(fixture)
{
    private const string SectionKey = "ways-of-working";

    private static string SectionTitle => WorkbookTemplate.Current.Find(SectionKey)!.For("fi").Title;

    [Fact]
    public async Task A_conflicting_save_shows_both_versions_side_by_side_and_the_merge_keeps_both()
    {
        var network = await CreateNetworkAsync();
        await AddKeySolutionAsync(network, AnswerOwner.Section(SectionKey), "Kokoonnumme kuukausittain.");
        var first = await SignedInPageAsync(network.Owner);
        var second = await SignedInPageAsync(network.Member);

        // Both open the same key solution for editing.
        var mine = await OpenEditorAsync(first, network);
        var theirs = await OpenEditorAsync(second, network);

        await mine.KeySolutionEditor(1).FillAsync("Kokoonnumme kuukausittain, etänä.");
        await mine.SaveButton(mine.KeySolutions).ClickAsync();
        await Expect(mine.Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionSaved"));

        await theirs.KeySolutionEditor(1).FillAsync("Kokoonnumme kuukausittain Joensuussa.");
        await theirs.SaveButton(theirs.KeySolutions).ClickAsync();

        // The second sees the stored version beside their own, which is still in the form.
        var merge = theirs.MergeView(theirs.KeySolutions);
        await Expect(merge).ToBeVisibleAsync();
        await Expect(merge).ToContainTextAsync("Kokoonnumme kuukausittain, etänä.");
        await Expect(theirs.KeySolutionEditor(1)).ToHaveValueAsync("Kokoonnumme kuukausittain Joensuussa.");
        await Expect(second.Locator("#ks-text-" + await ItemIdAsync(theirs) + "-error")).ToHaveTextAsync(UiText.Get("Error.ConcurrencyConflict"));
        await AssertSideBySideAsync(theirs.KeySolutionEditor(1), merge);
        await Axe.AssertAccessibleAsync(second);

        await theirs.KeySolutionEditor(1).FillAsync("Kokoonnumme kuukausittain, etänä tai Joensuussa.");
        await theirs.SaveButton(theirs.KeySolutions).ClickAsync();
        await Expect(theirs.Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionSaved"));
        await Expect(theirs.KeySolutionTexts).ToHaveTextAsync(["Kokoonnumme kuukausittain, etänä tai Joensuussa."]);

        // Nothing is lost: the history holds the first person's version as the merge's "before".
        await new SectionPage(second).HistoryLink.ClickAsync();
        var history = await HistoryPage.ExpectShownAsync(second, SectionTitle);
        var updates = history.RowsOf("History.KeySolution.Updated");
        await Expect(updates).ToHaveCountAsync(2);
        await Expect(updates.First).ToContainTextAsync("Kokoonnumme kuukausittain, etänä.");
        await Expect(updates.First).ToContainTextAsync("Kokoonnumme kuukausittain, etänä tai Joensuussa.");
    }

    [Fact]
    public async Task A_conflicting_save_of_responsibilities_shows_the_merge_view()
    {
        var network = await CreateNetworkAsync();
        var first = await SignedInPageAsync(network.Owner);
        var second = await SignedInPageAsync(network.Member);
        var mine = (await SectionPage.OpenAsync(first, network.Id, SectionKey)).Blocks;
        var theirs = (await SectionPage.OpenAsync(second, network.Id, SectionKey)).Blocks;
        await mine.WriteResponsibilities.ClickAsync();
        await theirs.WriteResponsibilities.ClickAsync();

        await mine.ResponsibilitiesText.FillAsync("Aino kutsuu koolle.");
        await mine.SaveButton(mine.Responsibilities).ClickAsync();
        await Expect(mine.Status).ToHaveTextAsync(UiText.Get("Responsibilities.Saved"));

        await theirs.ResponsibilitiesText.FillAsync("Bertta kirjoittaa muistion.");
        await theirs.SaveButton(theirs.Responsibilities).ClickAsync();
        var merge = theirs.MergeView(theirs.Responsibilities);
        await Expect(merge).ToContainTextAsync("Aino kutsuu koolle.");
        await Expect(theirs.ResponsibilitiesText).ToHaveValueAsync("Bertta kirjoittaa muistion.");
        await AssertSideBySideAsync(theirs.ResponsibilitiesText, merge);

        await theirs.ResponsibilitiesText.FillAsync("Aino kutsuu koolle. Bertta kirjoittaa muistion.");
        await theirs.SaveButton(theirs.Responsibilities).ClickAsync();
        await Expect(theirs.Status).ToHaveTextAsync(UiText.Get("Responsibilities.Saved"));
        await Expect(theirs.Responsibilities.Locator(".markdown")).ToHaveTextAsync("Aino kutsuu koolle. Bertta kirjoittaa muistion.");
    }

    [Fact]
    public async Task Script_and_image_tags_in_a_key_solution_stay_inert_text()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        const string script = "<script>alert('script')</script>";
        const string image = "<img src=x onerror=alert('img')>";
        const string link = "[lue](javascript:alert('link'))";

        var blocks = (await SectionPage.OpenAsync(page, network.Id, SectionKey)).Blocks;
        await blocks.AddKeySolutionAsync($"{script}\n\n{image}\n\n{link}");

        var item = blocks.KeySolutionItems.First;
        await Expect(item).ToContainTextAsync(script);
        await Expect(item).ToContainTextAsync(image);
        await Expect(item.Locator("script, img, iframe, [onerror]")).ToHaveCountAsync(0);
        await Expect(item.Locator("a[href^='javascript']")).ToHaveCountAsync(0);
        // The edit form and the history show the same text, just as inert.
        await blocks.EditKeySolutionLink(1).ClickAsync();
        await Expect(blocks.KeySolutionEditor(1)).ToHaveValueAsync($"{script}\n\n{image}\n\n{link}");
        await page.GotoAsync($"/networks/{network.Id}/workbook/{SectionKey}/history");
        await HistoryPage.ExpectShownAsync(page, SectionTitle);
        await Expect(page.Locator("main")).ToContainTextAsync(image);
        await Expect(page.Locator("main img, main script:not([src])")).ToHaveCountAsync(0);

        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_deleted_key_solution_is_restored_and_the_history_shows_both()
    {
        var network = await CreateNetworkAsync();
        await AddKeySolutionAsync(network, AnswerOwner.Section(SectionKey), "Ensimmäinen ratkaisu");
        await AddKeySolutionAsync(network, AnswerOwner.Section(SectionKey), "Toinen ratkaisu");
        var page = await SignedInPageAsync(network.Member);
        var blocks = (await SectionPage.OpenAsync(page, network.Id, SectionKey)).Blocks;

        await blocks.DeleteKeySolutionButton(1).ClickAsync();
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionDeleted"));
        await Expect(blocks.KeySolutionTexts).ToHaveTextAsync(["Toinen ratkaisu"]);

        var deleted = blocks.DeletedKeySolutions;
        await deleted.GetByText(UiText.Format("Answers.DeletedKeySolutions", 1), new() { Exact = true }).ClickAsync();
        await Expect(deleted).ToContainTextAsync("Ensimmäinen ratkaisu");
        await deleted.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Answers.RestoreNamed", "Ensimmäinen ratkaisu"), Exact = true }).ClickAsync();
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionRestored"));
        // A restored item goes back to the end of the list.
        await Expect(blocks.KeySolutionTexts).ToHaveTextAsync(["Toinen ratkaisu", "Ensimmäinen ratkaisu"]);
        await Expect(blocks.DeletedKeySolutions).ToHaveCountAsync(0);

        // Editing the restored item through its named Edit link works as well.
        await blocks.EditKeySolutionLink(2).ClickAsync();
        await Expect(blocks.KeySolutionEditor(2)).ToHaveValueAsync("Ensimmäinen ratkaisu");
        await blocks.KeySolutionEditor(2).FillAsync("Ensimmäinen ratkaisu, tarkennettu");
        await blocks.SaveButton(blocks.KeySolutions).ClickAsync();
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionSaved"));
        await Expect(blocks.KeySolutionTexts).ToHaveTextAsync(["Toinen ratkaisu", "Ensimmäinen ratkaisu, tarkennettu"]);

        await new SectionPage(page).HistoryLink.ClickAsync();
        var history = await HistoryPage.ExpectShownAsync(page, SectionTitle);
        await Expect(history.RowsOf("History.KeySolution.Deleted")).ToHaveCountAsync(1);
        await Expect(history.RowsOf("History.KeySolution.Restored")).ToHaveCountAsync(1);
        await Expect(history.RowsOf("History.KeySolution.Updated")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_theme_is_archived_and_restored_from_the_archive()
    {
        var network = await CreateNetworkAsync();
        var kept = await CreateThemeAsync(network, "Hyvinvointi");
        await CreateThemeAsync(network, "Osaaminen");
        var page = await SignedInPageAsync(network.Member);

        // Archive from the list; restore from the list's archive.
        var themes = await ThemesPage.OpenAsync(page, network.Id);
        await themes.ArchiveButton("Osaaminen").ClickAsync();
        await Expect(themes.Status).ToHaveTextAsync(UiText.Get("Themes.ArchivedDone"));
        await Expect(themes.ActiveThemes.GetByRole(AriaRole.Heading)).ToHaveTextAsync(["Hyvinvointi"]);
        await Expect(themes.ArchivedSection).ToContainTextAsync("Osaaminen");
        // axe checks here too that the Restore-from-archive button's name contains its visible text (WCAG 2.5.3).
        await Axe.AssertAccessibleAsync(page);
        await themes.UnarchiveButton("Osaaminen").ClickAsync();
        await Expect(themes.Status).ToHaveTextAsync(UiText.Get("Themes.UnarchivedDone"));
        await Expect(themes.ActiveThemes.GetByRole(AriaRole.Heading)).ToHaveTextAsync(["Hyvinvointi", "Osaaminen"]);
        await Expect(themes.ArchivedSection).ToHaveCountAsync(0);

        // Archive on the theme's own page: it becomes read-only until restored there.
        var theme = await ThemePage.OpenAsync(page, network.Id, kept, "Hyvinvointi");
        await theme.ArchiveButton.ClickAsync();
        await Expect(theme.ArchivedNotice).ToContainTextAsync(UiText.Get("Themes.ArchivedNotice"));
        await Expect(theme.Blocks.AddStepButton).ToHaveCountAsync(0);
        await theme.UnarchiveButton.ClickAsync();
        await Expect(theme.Blocks.Status).ToHaveTextAsync(UiText.Get("Themes.UnarchivedDone"));
        await Expect(theme.ArchivedNotice).ToHaveCountAsync(0);
        await Expect(theme.Blocks.AddStepButton).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Refused_input_shows_a_clear_error_and_keeps_what_was_typed()
    {
        var network = await CreateNetworkAsync();
        var page = await SignedInPageAsync(network.Member);
        var blocks = (await SectionPage.OpenAsync(page, network.Id, SectionKey)).Blocks;

        // An empty key solution.
        await blocks.NewKeySolution.FillAsync("   ");
        await blocks.AddKeySolutionButton.ClickAsync();
        await Expect(blocks.NewKeySolutionError).ToHaveTextAsync(UiText.Get("Error.TextRequired"));
        await Expect(blocks.NewKeySolution).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(blocks.NewKeySolution).ToHaveAttributeAsync("aria-describedby", "ks-new-hint ks-new-error");
        await Expect(blocks.KeySolutionItems).ToHaveCountAsync(0);

        // A step without a title: everything else typed stays, and the summary's link leads to the title field.
        await blocks.NewStepOwner.SelectOptionAsync("other");
        await blocks.NewStepOwnerName.FillAsync("Kunnan nuorisotoimi");
        await blocks.NewStepDue.FillAsync("2027-05-31");
        await blocks.NewStepStatus.SelectOptionAsync("InProgress");
        await blocks.NewStepNotes.FillAsync("Muista kutsua myös järjestöt.");
        await blocks.AddStepButton.ClickAsync();

        await Expect(blocks.NewStepErrorSummary).ToContainTextAsync(UiText.Get("Error.TitleRequired"));
        await Expect(page.Locator("#step-new-title-error")).ToHaveTextAsync(UiText.Get("Error.TitleRequired"));
        await Expect(blocks.NewStepTitle).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(blocks.NewStepOwner).ToHaveValueAsync("other");
        await Expect(blocks.NewStepOwnerName).ToHaveValueAsync("Kunnan nuorisotoimi");
        await Expect(blocks.NewStepDue).ToHaveValueAsync("2027-05-31");
        await Expect(blocks.NewStepStatus).ToHaveValueAsync("InProgress");
        await Expect(blocks.NewStepNotes).ToHaveValueAsync("Muista kutsua myös järjestöt.");
        await Expect(blocks.StepItems).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);

        await page.EvaluateAsync("() => { window.verkostamoTestMarker = true; }");
        await blocks.NewStepErrorSummary.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Error.TitleRequired"), Exact = true }).ClickAsync();
        await Expect(blocks.NewStepTitle).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.verkostamoTestMarker === true"), "The error link loaded the page again instead of moving focus.");
        await Expect(blocks.NewStepNotes).ToHaveValueAsync("Muista kutsua myös järjestöt.");

        // Typing the title and sending again saves the step with everything else.
        await blocks.NewStepTitle.FillAsync("Kutsutaan nuorisotoimi mukaan");
        await blocks.AddStepButton.ClickAsync();
        await Expect(blocks.Status).ToHaveTextAsync(UiText.Get("Steps.Added"));
        var step = blocks.Step("Kutsutaan nuorisotoimi mukaan");
        await Expect(step).ToContainTextAsync("Kunnan nuorisotoimi");
        await Expect(step).ToContainTextAsync("31.5.2027");
    }

    private static async Task<AnswerBlocks> OpenEditorAsync(IPage page, WorkbookNetwork network)
    {
        var blocks = (await SectionPage.OpenAsync(page, network.Id, SectionKey)).Blocks;
        await blocks.EditKeySolutionLink(1).ClickAsync();
        await Expect(blocks.KeySolutionEditor(1)).ToHaveValueAsync("Kokoonnumme kuukausittain.");
        return blocks;
    }

    private static async Task<string> ItemIdAsync(AnswerBlocks blocks) =>
        (await blocks.KeySolutionItems.First.GetAttributeAsync("id"))!["ks-".Length..];

    /// <summary>At desktop width the user's own version and the stored one stand beside each other, not stacked.</summary>
    private static async Task AssertSideBySideAsync(ILocator own, ILocator stored)
    {
        var a = await own.BoundingBoxAsync();
        var b = await stored.BoundingBoxAsync();
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.True(b.X >= a.X + a.Width - 1, $"The stored version (x={b.X}) is not beside the form (x={a.X}, width={a.Width}).");
        Assert.True(b.Y < a.Y + a.Height && a.Y < b.Y + b.Height, "The two versions do not overlap vertically, so they are not side by side.");
    }
}
