using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>The checks every screen must pass: it fits the pane's width, and axe finds nothing serious.</summary>
public static class PageChecks
{
    /// <summary>Nothing scrolls sideways at the page's current width (320 px in the pane tests).</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a {width}px pane.");
    }

    /// <summary>No serious or critical axe violation; the message names each with the markup it found.</summary>
    /// <remarks>
    /// Axe checks the pane's own document, not inside frames. The pane's only frames hold stored mail
    /// bodies in <c>sandbox=""</c>: no script runs in them, so axe cannot run there either (Playwright
    /// would wait for a script context that never comes), and what they show is mail, not the pane.
    /// The frame elements themselves (their titles) are still checked.
    /// </remarks>
    public static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})");
        Assert.Empty(serious);
    }
}
