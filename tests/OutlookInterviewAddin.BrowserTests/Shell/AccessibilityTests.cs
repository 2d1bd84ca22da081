using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>Usable at the width of an Outlook task pane, with the keyboard alone, and without serious axe findings.</summary>
[Collection(SharedPane.Name)]
public sealed class AccessibilityTests
{
    private readonly PaneFixture fixture;
    private readonly ITestOutputHelper output;

    public AccessibilityTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
        fixture.Sink.Output = output;
    }

    public static TheoryData<string> Surfaces => ["browser", nameof(OfficeSurface.MessageRead), nameof(OfficeSurface.MessageCompose), nameof(OfficeSurface.AppointmentOrganizer), nameof(OfficeSurface.AppointmentAttendee)];

    private static OfficeStub? StubFor(string surface) =>
        surface == "browser" ? null : OfficeStub.In(Enum.Parse<OfficeSurface>(surface)) with { From = new Sender("Dr. Maximiliana Featherstonehaugh-Wolfeschlegelsteinhausen", "maximiliana.featherstonehaugh@very-long-organisation-name.example") };

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task At_320_pixels_wide_nothing_scrolls_sideways(string surface)
    {
        await using var pane = await PanePage.OpenAsync(fixture, StubFor(surface), width: 320);

        var overflow = await pane.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 320px pane.");
        foreach (var link in await pane.Page.Locator("main a.button").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 320, $"A button sticks out of the pane: x={box.X}, width={box.Width}.");
        }
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Axe_finds_no_serious_or_critical_violations(string surface)
    {
        await using var pane = await PanePage.OpenAsync(fixture, StubFor(surface));

        var result = await pane.Page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
            output.WriteLine($"axe {violation.Impact}: {violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(n => n.Html))})");
        Assert.Empty(serious.Select(v => v.Id));
    }

    [Fact]
    public async Task Axe_finds_no_serious_violations_in_the_dark_theme()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead) with { Theme = OfficeTheme.Dark });

        var result = await pane.Page.RunAxe();

        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
    }

    [Fact]
    public async Task The_keyboard_alone_reaches_the_entry_point_and_opens_it_with_focus_on_the_new_heading()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null);

        var visited = new List<string>();
        for (var i = 0; i < 12 && !visited.Contains("Fill in my profile"); i++)
        {
            await pane.Page.Keyboard.PressAsync("Tab");
            visited.Add(await pane.Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
            var outline = await pane.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.True(outline != "none", $"'{visited[^1]}' has focus but no visible focus ring.");
        }
        Assert.Equal("Skip to content", visited[0]);
        Assert.Contains("Home", visited);
        Assert.Contains("Fill in my profile", visited);

        await pane.Page.Keyboard.PressAsync("Enter");

        await Expect(pane.Heading).ToHaveTextAsync("Your profile");
        await Expect(pane.Heading).ToBeFocusedAsync();
        await Expect(pane.Page.GetByRole(AriaRole.Link, new() { Name = "Profile" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Skip_to_content_moves_focus_to_the_main_region()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null);

        await pane.Page.Keyboard.PressAsync("Tab");
        await pane.Page.Keyboard.PressAsync("Enter");

        await Expect(pane.Page.Locator("main")).ToBeFocusedAsync();
    }
}
