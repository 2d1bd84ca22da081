using System.Text.Json;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;

namespace OutlookInterviewAddin.BrowserTests.Outlook;

/// <summary>
/// The Smart Alert handler the host serves (launchevent.html and launchevent.js), run in Chromium
/// against an Office object the test controls: what it tells Outlook for each kind of invite.
/// </summary>
public sealed class SmartAlertTests : IClassFixture<PaneFixture>
{
    private const string OfficeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    // The part of Office.js the handler uses. window.__item is set by each case.
    private const string Stub = """
        window.__completed = [];
        window.Office = {
          AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
          MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
          actions: { associate: function (name, handler) { window.__associated = name; window.__handler = handler; } },
          context: { mailbox: { get item() { if (window.__item === "throws") throw new Error("no item"); return window.__item; } } },
        };
        window.__makeItem = function (spec) {
          function answer(value, fail) { return { status: fail ? "failed" : "succeeded", value: fail ? undefined : value }; }
          return {
            loadCustomPropertiesAsync: function (cb) {
              cb(answer({ get: function (name) { return (spec.properties || {})[name]; } }, spec.failProperties));
            },
            categories: { getAsync: function (cb) { cb(answer((spec.categories || []).map(function (c) { return { displayName: c, color: "Preset0" }; }), spec.failCategories)); } },
            getAttachmentsAsync: function (cb) { cb(answer((spec.attachments || []).map(function (n) { return { name: n, id: n }; }), spec.failAttachments)); },
          };
        };
        """;

    private readonly PaneFixture fixture;

    public SmartAlertTests(PaneFixture fixture) => this.fixture = fixture;

    private async Task<IPage> OpenHandlerAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Host.BaseAddress.ToString() });
        await context.RouteAsync(OfficeJsUrl, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/javascript", Body = Stub }));
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(message.Text); };
        var response = await page.GotoAsync("/launchevent.html");
        Assert.True(response!.Ok, $"launchevent.html answered {response.Status}");
        Assert.NotNull(await response.HeaderValueAsync("content-security-policy"));
        await page.WaitForFunctionAsync("() => typeof window.__handler === 'function'");
        Assert.Empty(refused);
        return page;
    }

    private static async Task<JsonElement[]> SendAsync(IPage page, object spec)
    {
        var json = await page.EvaluateAsync<string>("""
            async (spec) => {
              window.__completed = [];
              window.__item = spec === "throws" ? "throws" : window.__makeItem(spec);
              window.__handler({ completed: function (options) { window.__completed.push(options); } });
              await new Promise(function (resolve) { setTimeout(resolve, 50); });
              return JSON.stringify(window.__completed);
            }
            """, spec);
        return JsonSerializer.Deserialize<JsonElement[]>(json)!;
    }

    private static void AssertAllowed(JsonElement[] completed)
    {
        var only = Assert.Single(completed);
        Assert.True(only.GetProperty("allowEvent").GetBoolean());
    }

    [Fact]
    public async Task The_handler_is_registered_under_the_manifests_name()
    {
        var page = await OpenHandlerAsync();

        Assert.Equal("onAppointmentSendHandler", await page.EvaluateAsync<string>("window.__associated"));
    }

    [Fact]
    public async Task A_meeting_that_is_not_an_informational_interview_is_sent_untouched()
    {
        var page = await OpenHandlerAsync();

        AssertAllowed(await SendAsync(page, new { categories = new[] { "Team" } }));
    }

    [Fact]
    public async Task An_interview_invite_with_the_question_list_is_sent()
    {
        var page = await OpenHandlerAsync();

        AssertAllowed(await SendAsync(page, new { categories = new[] { "Informational interview" }, attachments = new[] { "Questions for Zoë O'Brien.docx" } }));
        AssertAllowed(await SendAsync(page, new { properties = new Dictionary<string, object> { ["interviewId"] = "42", ["questionListAdded"] = true } }));
    }

    [Fact]
    public async Task An_interview_invite_without_the_question_list_is_held_with_the_offer_to_add_it_or_send_anyway()
    {
        var page = await OpenHandlerAsync();

        foreach (var spec in new object[]
        {
            new { properties = new Dictionary<string, object> { ["interviewId"] = "42" } },
            new { categories = new[] { "Informational interview" }, attachments = new[] { "agenda.pdf" } },
        })
        {
            var held = Assert.Single(await SendAsync(page, spec));
            Assert.False(held.GetProperty("allowEvent").GetBoolean());
            Assert.Contains("no question list", held.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
            Assert.Equal("Add question list", held.GetProperty("cancelLabel").GetString());
            Assert.Equal("Interviews.AppointmentOrganizer.OpenPane", held.GetProperty("commandId").GetString());
            Assert.Equal("promptUser", held.GetProperty("sendModeOverride").GetString());
        }
    }

    [Fact]
    public async Task In_a_French_Outlook_the_alert_speaks_French_and_a_French_question_list_counts()
    {
        var page = await OpenHandlerAsync();
        await page.EvaluateAsync("() => { window.Office.context.displayLanguage = 'fr-CA'; }");

        var held = Assert.Single(await SendAsync(page, new { properties = new Dictionary<string, object> { ["interviewId"] = "42" } }));
        Assert.False(held.GetProperty("allowEvent").GetBoolean());
        Assert.Contains("n\u2019a pas encore de liste de questions", held.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        var label = held.GetProperty("cancelLabel").GetString()!;
        Assert.Equal("Ajouter la liste", label);
        Assert.True(label.Length <= 20, "Outlook shows at most 20 characters on the alert's button");

        AssertAllowed(await SendAsync(page, new { categories = new[] { "Informational interview" }, attachments = new[] { "Questions pour Zoë O'Brien.docx" } }));
        AssertAllowed(await SendAsync(page, new { categories = new[] { "Informational interview" }, attachments = new[] { "Questions d'entretien.docx" } }));
    }

    [Fact]
    public async Task An_item_that_cannot_be_read_is_sent_and_the_event_is_always_completed_once()
    {
        var page = await OpenHandlerAsync();

        AssertAllowed(await SendAsync(page, "throws"));
        AssertAllowed(await SendAsync(page, new { failProperties = true, failCategories = true }));
        AssertAllowed(await SendAsync(page, new { categories = new[] { "Informational interview" }, failAttachments = true }));
    }
}
