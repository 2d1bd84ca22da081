using System.Text.Json;
using Microsoft.Playwright;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>
/// The pane open in its own browser context. Office.js is either served by the stub the test
/// describes, or unreachable as in a plain browser without a network. Nothing leaves loopback.
/// </summary>
public sealed class PanePage : IAsyncDisposable
{
    public const string OfficeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    private readonly IBrowserContext context;

    private PanePage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    private readonly List<string> requests = [];

    /// <summary>Every address the page asked for so far, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (requests) return [.. requests]; }
    }

    /// <summary>Office.js requests the pane made: 0 when it never asked, for example.</summary>
    public int OfficeJsRequests { get; private set; }

    public ILocator SignedInUser => Page.GetByTestId("signed-in-user");

    public ILocator Surface => Page.GetByTestId("surface");

    public ILocator Heading => Page.Locator("main h1");

    public ILocator Error => Page.GetByTestId("error");

    /// <summary>Opens the pane at <paramref name="path"/> (a hash route such as "#/profile") and waits until it has rendered.</summary>
    /// <remarks><paramref name="colorScheme"/>: what <c>prefers-color-scheme</c> answers (the pane follows it when Office gives no theme).</remarks>
    /// <param name="timezoneId">The browser's time zone (IANA); the machine's when null.</param>
    /// <param name="locale">The browser's language (navigator.language); Chromium's own when null.</param>
    public static async Task<PanePage> OpenAsync(PaneFixture fixture, OfficeStub? office, string path = "", int width = 360, int height = 720,
        ColorScheme? colorScheme = null, string? timezoneId = null, string? locale = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme ?? ColorScheme.Light,
            TimezoneId = timezoneId,
            Locale = locale,
        });
        var page = await context.NewPageAsync();
        var pane = new PanePage(context, page);
        page.Console += (_, message) => fixture.Sink.WriteLine($"[browser {message.Type}] {message.Text}");
        page.Request += (_, request) => { lock (pane.requests) pane.requests.Add(request.Url); };
        page.PageError += (_, error) => fixture.Sink.WriteLine($"[browser page error] {error}");

        var host = fixture.Host.BaseAddress;
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (route.Request.Url.StartsWith(OfficeJsUrl, StringComparison.Ordinal))
            {
                pane.OfficeJsRequests++;
                if (office is null) await route.AbortAsync("internetdisconnected");
                else await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = OfficeStub.ScriptText });
            }
            else if (url.Host == host.Host && url.Port == host.Port)
            {
                await route.ContinueAsync();
            }
            else
            {
                fixture.Sink.WriteLine($"[browser] blocked a request off this machine: {route.Request.Url}");
                await route.AbortAsync("blockedbyclient");
            }
        });
        if (office is not null) await page.AddInitScriptAsync(office.ConfigScript());

        await page.GotoAsync("/" + path);
        await page.Locator("html[data-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return pane;
    }

    /// <summary>Waits for the view a navigation leads to.</summary>
    public async Task WaitForViewAsync(string view) =>
        await Page.Locator($"main [data-view='{view}']").WaitForAsync();

    /// <summary>Adds a person by name through the "add a person" screen and waits for their page.</summary>
    public async Task AddPersonAsync(string name)
    {
        await Page.GotoAsync("/#/people/new");
        await WaitForViewAsync("person-new");
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await WaitForViewAsync("person");
    }

    /// <summary>From a person's page, starts a conversation with them and waits for its page.</summary>
    public async Task PlanConversationAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Plan a conversation" }).ClickAsync();
        await WaitForViewAsync("interview");
    }

    /// <summary>The arguments of each call the pane made to one Office API method, in order.</summary>
    public async Task<IReadOnlyList<JsonElement>> OfficeCallArgumentsAsync(string method)
    {
        var json = await Page.EvaluateAsync<JsonElement>("m => window.__officeStub ? window.__officeStub.calls.filter(c => c.method === m).map(c => c.args) : []", method);
        return json.EnumerateArray().ToList();
    }

    /// <summary>The Office API calls the pane made, in order, by method name.</summary>
    public async Task<IReadOnlyList<string>> OfficeCallsAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.__officeStub ? window.__officeStub.calls.map(c => c.method) : []");
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
