using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkostamo.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Verkostamo.BrowserTests.Pages;

public sealed partial class LoginPage(IPage page)
{
    public ILocator Email => page.Locator("#Email");
    public ILocator Password => page.Locator("#Password");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Login.Submit"), Exact = true });
    public ILocator RegisterLink => page.GetByRole(AriaRole.Link, new() { Name = UiText.Get("Login.RegisterLink"), Exact = true });
    public ILocator ErrorSummary => page.Locator("main .alert--error");

    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        return await ExpectShownAsync(page);
    }

    /// <summary>The log-in page, also when reached by a redirect from a page that needs sign-in.</summary>
    public static async Task<LoginPage> ExpectShownAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await page.ExpectHeadingAsync(UiText.Get("Login.Title"));
        return new LoginPage(page);
    }

    public async Task LogInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    public async Task<RegisterPage> GoToRegisterAsync()
    {
        await RegisterLink.ClickAsync();
        return await RegisterPage.ExpectShownAsync(page);
    }

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex LoginUrl();
}
