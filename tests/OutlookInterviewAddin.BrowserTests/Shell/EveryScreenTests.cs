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

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Every_screen_passes_axe_and_fits_320_pixels(string theme)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var pane = await PanePage.OpenAsync(fixture, Office(theme), width: 320, colorScheme: SchemeOf(theme)))
        {
            var page = pane.Page;
            await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
            var screens = await ScreenTour.SeedAsync(page, tag, $"ana.{tag}@contoso.example", ScreenTourData.English);
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
