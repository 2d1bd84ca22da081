using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>
/// The sign-in dialog's page runs under its own Content-Security-Policy: its scripts load and run,
/// and nothing it loads is refused.
/// </summary>
public sealed class SignInDialogPageTests : IClassFixture<PaneFixture>
{
    private const string OfficeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    // Office.js outside a dialog: ready, with no UI to message the pane through.
    private const string Stub = "window.Office = { onReady: function () { return Promise.resolve({}); }, context: {} };";

    private readonly PaneFixture fixture;

    public SignInDialogPageTests(PaneFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task The_dialog_page_runs_under_its_policy_and_says_when_the_host_is_not_set_up_for_Microsoft_365()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Host.BaseAddress.ToString() });
        await context.RouteAsync(OfficeJsUrl, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = Stub }));
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(message.Text); };

        var response = await page.GotoAsync("/signin-dialog.html");
        Assert.True(response!.Ok, $"signin-dialog.html answered {response.Status}");
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);

        // The test host runs in local mode: the dialog's script ran, read the settings and says so.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("not set up for Microsoft 365 sign-in");
        Assert.Empty(refused);
    }
}
