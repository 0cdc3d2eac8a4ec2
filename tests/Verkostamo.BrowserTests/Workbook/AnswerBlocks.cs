using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>
/// The three answer blocks of a section or a theme: key solutions, steps, responsibilities and schedules.
/// </summary>
public sealed class AnswerBlocks(IPage page)
{
    /// <summary>The success message after a save (role status), as opposed to error alerts.</summary>
    public ILocator Status => page.Locator("main [role=status]");

    // Key solutions.
    public ILocator KeySolutions => page.Locator("section#key-solutions");
    public ILocator KeySolutionItems => KeySolutions.Locator("ol.answer-list > li");

    /// <summary>The rendered text of each listed key solution, without its buttons.</summary>
    public ILocator KeySolutionTexts => KeySolutionItems.Locator(".markdown");
    public ILocator NewKeySolution => KeySolutions.GetByLabel(UiText.Get("Answers.AddKeySolution"), new() { Exact = true });
    public ILocator AddKeySolutionButton => KeySolutions.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Answers.AddKeySolutionButton"), Exact = true });
    public ILocator NewKeySolutionError => KeySolutions.Locator("#ks-new-error");
    public ILocator DeletedKeySolutions => KeySolutions.Locator("details.deleted-items");

    /// <summary>The text field of key solution number <paramref name="position"/> (1-based) while it is being edited.</summary>
    public ILocator KeySolutionEditor(int position) => KeySolutions.GetByRole(AriaRole.Textbox, new() { Name = UiText.Format("Answers.EditKeySolution", position), Exact = true });

    public ILocator EditKeySolutionLink(int position) => KeySolutions.GetByRole(AriaRole.Link, new() { Name = UiText.Format("Answers.EditNamed", position), Exact = true });

    public ILocator DeleteKeySolutionButton(int position) => KeySolutions.GetByRole(AriaRole.Button, new() { Name = UiText.Format("Answers.DeleteNamed", position), Exact = true });

    public ILocator SaveButton(ILocator block) => block.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Save"), Exact = true });

    public async Task AddKeySolutionAsync(string text)
    {
        await NewKeySolution.FillAsync(text);
        await AddKeySolutionButton.ClickAsync();
        await Expect(Status).ToHaveTextAsync(UiText.Get("Answers.KeySolutionAdded"));
    }

    // Steps.
    public ILocator Steps => page.Locator("section#steps");
    public ILocator StepItems => Steps.Locator("ol.step-list > li");
    public ILocator NewStepTitle => page.Locator("#step-new-title");
    public ILocator NewStepOwner => page.Locator("#step-new-owner");
    public ILocator NewStepOwnerName => page.Locator("#step-new-owner-name");
    public ILocator NewStepDue => page.Locator("#step-new-due");
    public ILocator NewStepStatus => page.Locator("#step-new-status");
    public ILocator NewStepNotes => page.Locator("#step-new-notes");
    public ILocator AddStepButton => Steps.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Steps.AddButton"), Exact = true });
    public ILocator NewStepErrorSummary => Steps.Locator("form .alert--error");

    public ILocator Step(string title) => StepItems.Filter(new() { Has = page.Locator(".step__title", new() { HasTextString = title }) });

    /// <summary>Adds a step; <paramref name="owner"/> is a member's name as listed in the owner choice.</summary>
    public async Task AddStepAsync(string title, string? owner = null, string? dueDate = null, string status = "Planned")
    {
        await NewStepTitle.FillAsync(title);
        if (owner is not null)
        {
            await NewStepOwner.SelectOptionAsync(new SelectOptionValue { Label = owner });
        }
        if (dueDate is not null)
        {
            await NewStepDue.FillAsync(dueDate);
        }
        await NewStepStatus.SelectOptionAsync(status);
        await AddStepButton.ClickAsync();
        await Expect(Status).ToHaveTextAsync(UiText.Get("Steps.Added"));
        await Expect(Step(title)).ToBeVisibleAsync();
    }

    // Responsibilities and schedules.
    public ILocator Responsibilities => page.Locator("section#responsibilities");
    public ILocator WriteResponsibilities => Responsibilities.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Responsibilities.Write"), Exact = true });
    public ILocator EditResponsibilities => Responsibilities.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Responsibilities.Edit"), Exact = true });
    public ILocator ResponsibilitiesText => Responsibilities.GetByLabel(UiText.Get("Responsibilities.Label"), new() { Exact = true });

    public async Task WriteResponsibilitiesAsync(string text)
    {
        await WriteResponsibilities.ClickAsync();
        await ResponsibilitiesText.FillAsync(text);
        await SaveButton(Responsibilities).ClickAsync();
        await Expect(Status).ToHaveTextAsync(UiText.Get("Responsibilities.Saved"));
    }

    // The merge view after a conflicting save.
    public ILocator MergeView(ILocator block) => block.GetByRole(AriaRole.Group, new() { Name = UiText.Get("Merge.Title"), Exact = true });
}
