using Microsoft.Playwright;

namespace Verkostamo.BrowserTests.Workbook;

/// <summary>Moves focus with Tab and Shift+Tab only, checking at every stop that the focus can be seen.</summary>
public static class KeyboardOnly
{
    private const string FocusProblem = """
        () => {
            const e = document.activeElement;
            // Between the last element and the first the focus leaves the page, as to a browser's address bar.
            if (!e || e === document.body) return 'outside';
            const where = e.outerHTML.slice(0, 160);
            // Tab inside a date field moves between its day, month and year, which chromium highlights itself.
            if (e.matches('input[type=date]')) return '';
            if (!e.matches(':focus-visible')) return 'focus is not visible (no :focus-visible) on ' + where;
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            if (!outline && s.boxShadow === 'none') return 'no focus indicator on ' + where;
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return 'the focused element has no size: ' + where;
            if (r.bottom <= 0 || r.top >= window.innerHeight) return 'the focused element is outside the viewport: ' + where;
            return '';
        }
        """;

    private const string Reached = "reached";

    private const string StopCheck = "target => (" + FocusProblem + ")() || (target === document.activeElement ? '" + Reached + "' : '')";

    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus; fails when a stop on the way shows no
    /// focus indicator or when the target is not reached within <paramref name="maxPresses"/>.
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, bool backwards = false, int maxPresses = 80)
    {
        var outside = 0;
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            // One round trip per stop: the focus check and whether the target has the focus, answered together.
            var problem = await target.EvaluateAsync<string>(StopCheck);
            outside = problem == "outside" ? outside + 1 : 0;
            Assert.True(outside < 2, $"After {i + 1} × {(backwards ? "Shift+Tab" : "Tab")}: nothing on the page has focus.");
            if (outside > 0)
            {
                continue;
            }
            if (problem == Reached)
            {
                return;
            }
            Assert.True(problem.Length == 0, $"After {i + 1} × {(backwards ? "Shift+Tab" : "Tab")}: {problem}");
        }
        Assert.Fail($"{(backwards ? "Shift+Tab" : "Tab")} did not reach {target} in {maxPresses} presses.");
    }
}
