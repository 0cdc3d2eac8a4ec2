using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

public sealed partial class RegisterPage(IPage page)
{
    public ILocator Name => page.Locator("#DisplayName");
    public ILocator Email => page.Locator("#Email");
    public ILocator Password => page.Locator("#Password");
    public ILocator ConfirmPassword => page.Locator("#ConfirmPassword");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Register.Submit"), Exact = true });

    public static async Task<RegisterPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/register");
        return await ExpectShownAsync(page);
    }

    public static async Task<RegisterPage> ExpectShownAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(RegisterUrl());
        await page.ExpectHeadingAsync(UiText.Get("Register.Title"));
        return new RegisterPage(page);
    }

    public async Task RegisterAsync(string name, string email, string password)
    {
        await Name.FillAsync(name);
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await ConfirmPassword.FillAsync(password);
        await Submit.ClickAsync();
    }

    [GeneratedRegex(@"/account/register(\?.*)?$")]
    private static partial Regex RegisterUrl();
}
