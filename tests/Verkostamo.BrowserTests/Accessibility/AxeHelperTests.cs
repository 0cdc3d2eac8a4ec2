using Verkostamo.BrowserTests.Infrastructure;
using Verkostamo.BrowserTests.Pages;
using Xunit.Sdk;

namespace Verkostamo.BrowserTests.Accessibility;

/// <summary>
/// The scans are only worth something if the helper really fails on a violation, under the app's own
/// Content Security Policy; this breaks a real page on purpose and checks the report.
/// </summary>
public sealed class AxeHelperTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_violation_fails_the_scan_with_rule_impact_help_and_target()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/about");
        await page.ExpectHeadingAsync(UiText.Get("About.Title"));
        await page.EvaluateAsync("""
            () => {
                const image = document.createElement('img');
                image.id = 'image-without-alt';
                image.src = '/favicon.svg';
                document.querySelector('main').append(image);
            }
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Axe.AssertAccessibleAsync(page));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Images must have alternative text", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#image-without-alt", failure.Message, StringComparison.Ordinal);
    }
}
