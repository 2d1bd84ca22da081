using System.Text.Json;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using OutlookInterviewAddin.BrowserTests.Outlook;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>
/// Every screen of the pane, at 320 px, in the light theme, the browser's dark theme and Office's
/// dark theme: axe finds nothing serious or critical, and nothing scrolls sideways. The data behind
/// them is set up through the API so that each step of a conversation has a screen to show.
/// </summary>
public sealed class EveryScreenTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;
    private readonly ITestOutputHelper output;

    public EveryScreenTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
        fixture.Sink.Output = output;
    }

    public static TheoryData<string> Themes => ["light", "dark", "officeDark"];

    private static OfficeStub? Office(string theme, OfficeSurface? surface = null) => theme switch
    {
        "officeDark" => (surface is { } s ? OfficeStub.In(s) : new OfficeStub()) with { Theme = OfficeTheme.Dark },
        _ => surface is { } s2 ? OfficeStub.In(s2) : null,
    };

    private static ColorScheme SchemeOf(string theme) => theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    private async Task CheckAsync(IPage page, string theme, string screen)
    {
        // The theme the pane chose is the one under test (Office's colours, or the browser's preference).
        var expected = theme == "light" ? "light" : "dark";
        Assert.Equal(expected, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        try
        {
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
            await PageChecks.AssertFitsAsync(page);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{screen} ({theme}): {e.Message}");
        }
        output.WriteLine($"checked {screen} ({theme})");
    }

    private static async Task<string> PersonAsync(IPage page, string name, string email) =>
        await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name, email, organisation = "Contoso" });

    private static async Task<string> InterviewAsync(IPage page, string personId, params string[] stages)
    {
        var id = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        foreach (var stage in stages)
        {
            if (stage == "scheduled")
                await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{id}", new { plannedStart = DateTimeOffset.UtcNow.AddDays(2), durationMinutes = 30, placeKind = "online" });
            if (stage == "past")
            {
                await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{id}", new { plannedStart = DateTimeOffset.UtcNow.AddHours(-3), durationMinutes = 30, placeKind = "online", confirmPast = true });
                continue;
            }
            if (stage == "takeaway")
            {
                await LocalApi.CallAsync(page, "POST", $"/api/interviews/{id}/takeaways", new { text = "Portfolios matter more than grades", isMostHelpful = true, action = "Write up my transit app" });
                continue;
            }
            if (stage == "touch")
            {
                await LocalApi.CallAsync(page, "POST", $"/api/interviews/{id}/touches", new { note = "Signed up for the course you suggested" });
                continue;
            }
            await LocalApi.CallAsync(page, "POST", $"/api/interviews/{id}/stage", new { stage });
        }
        return id;
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Every_screen_passes_axe_and_fits_320_pixels(string theme)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var pane = await PanePage.OpenAsync(fixture, Office(theme), width: 320, colorScheme: SchemeOf(theme)))
        {
            var page = pane.Page;
            await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
            var ana = await PersonAsync(page, $"Ana Lima {tag}", $"ana.{tag}@contoso.example");
            var steps = new Dictionary<string, string>
            {
                ["ask"] = await InterviewAsync(page, ana),
                ["schedule"] = await InterviewAsync(page, await PersonAsync(page, $"Ben Okafor {tag}", $"ben.{tag}@contoso.example"), "contacted"),
                ["prepare"] = await InterviewAsync(page, await PersonAsync(page, $"Chen Wu {tag}", $"chen.{tag}@contoso.example"), "contacted", "scheduled"),
                ["record"] = await InterviewAsync(page, await PersonAsync(page, $"Dana Roy {tag}", $"dana.{tag}@contoso.example"), "contacted", "scheduled", "past"),
                ["thank"] = await InterviewAsync(page, await PersonAsync(page, $"Eli Moss {tag}", $"eli.{tag}@contoso.example"), "contacted", "scheduled", "past", "interviewed", "takeaway"),
                ["connect"] = await InterviewAsync(page, await PersonAsync(page, $"Fay Dunn {tag}", $"fay.{tag}@contoso.example"), "contacted", "scheduled", "past", "interviewed", "takeaway", "thanked"),
                ["stay in touch"] = await InterviewAsync(page, await PersonAsync(page, $"Gus Hale {tag}", $"gus.{tag}@contoso.example"), "contacted", "scheduled", "past", "interviewed", "takeaway", "thanked", "touch"),
            };
            var lists = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", "/api/question-lists")).RootElement;
            var listId = (lists.ValueKind == JsonValueKind.Array ? lists : lists.GetProperty("items"))[0].GetProperty("id").ToString();

            var screens = new List<(string Hash, string View)>
            {
                ("#/", "home-dashboard"),
                ("#/people", "people"),
                ("#/people/new", "person-new"),
                ($"#/people/{ana}", "person"),
                ($"#/people/{ana}/edit", "person-edit"),
                ($"#/people/{ana}/merge", "person-merge"),
                ("#/profile", "profile"),
                ("#/data", "data"),
                ("#/question-lists", "question-lists"),
                ($"#/question-lists/{listId}", "question-list"),
                ($"#/interviews/{steps["prepare"]}/questions", "interview-questions"),
                ($"#/interviews/{steps["ask"]}/drafts/outreach", "draft"),
                ($"#/interviews/{steps["prepare"]}/drafts/invite", "draft"),
                ($"#/interviews/{steps["thank"]}/drafts/thankYou", "draft"),
                ("#/mailbox", "mailbox"),
                ("#/outreach", "outreach-entry"),
                ("#/questions/attach", "attach-entry"),
                ("#/no-such-screen", "not-found"),
            };
            screens.AddRange(steps.Select(s => ($"#/interviews/{s.Value}", "interview")));
            foreach (var (hash, view) in screens)
            {
                await page.GotoAsync("/" + hash);
                await pane.WaitForViewAsync(view);
                await Expect(page.Locator("main[aria-busy]")).ToHaveCountAsync(0);
                await CheckAsync(page, theme, hash);
            }
        }

        // The Outlook surfaces' homes, with a sender and an organizer on the list (the attendee home is the quick notes form).
        var email = $"ana.{tag}@contoso.example";
        foreach (var (surface, view) in new[]
        {
            (OfficeSurface.MessageRead, "home-message-read"),
            (OfficeSurface.MessageCompose, "home-message-compose"),
            (OfficeSurface.AppointmentOrganizer, "home-appointment-organizer"),
            (OfficeSurface.AppointmentAttendee, "home-appointment-attendee"),
        })
        {
            var stub = (Office(theme, surface) ?? OfficeStub.In(surface)) with
            {
                From = new Sender($"Ana Lima {tag}", email),
                To = [new Sender($"Ana Lima {tag}", email)],
                Attendees = [new Sender($"Ana Lima {tag}", email)],
                Start = DateTimeOffset.UtcNow.AddHours(-2).ToString("O"),
                Minutes = 30,
            };
            await using var pane = await PanePage.OpenAsync(fixture, stub, width: 320, colorScheme: SchemeOf(theme));
            await pane.WaitForViewAsync(view);
            await CheckAsync(pane.Page, theme, surface.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Every_control_of_the_first_view_is_reached_by_Tab_with_a_visible_focus_indicator(string theme)
    {
        await using var pane = await PanePage.OpenAsync(fixture, Office(theme), width: 320, colorScheme: SchemeOf(theme));
        var page = pane.Page;
        await pane.WaitForViewAsync("home-dashboard");
        const string Controls = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary";
        var controls = await page.EvaluateAsync<int>($"() => [...document.querySelectorAll('{Controls}')].filter(e => e.checkVisibility()).length");

        for (var i = 0; i < controls + 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  e.dataset.tabbed = "true";
                  const s = getComputedStyle(e);
                  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
                  const ring = s.boxShadow && s.boxShadow !== "none";
                  return { html: e.outerHTML.slice(0, 120), visible: outline || ring, focusVisible: e.matches(":focus-visible") };
                }
                """);
            if (focused.ValueKind == JsonValueKind.Null) continue;
            Assert.True(focused.GetProperty("focusVisible").GetBoolean() && focused.GetProperty("visible").GetBoolean(), $"No visible focus on {focused.GetProperty("html").GetString()} ({theme})");
        }
        var missed = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{Controls}')].filter(e => e.checkVisibility() && !e.dataset.tabbed).map(e => e.outerHTML.slice(0, 120))");
        Assert.True(missed.Length == 0, $"Tab never reached ({theme}): {string.Join(" | ", missed)}");
    }
}
