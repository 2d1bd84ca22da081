using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>The pane detects where it runs, signs in as the local user, and shows the home view for that surface.</summary>
[Collection(SharedPane.Name)]
public sealed class SurfaceTests
{
    private readonly PaneFixture fixture;

    public SurfaceTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task In_a_plain_browser_without_office_js_the_pane_signs_in_and_shows_the_dashboard()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null);

        // Waiting for Office.onReady would take the pane's 5 s fallback; a plain browser must not wait at
        // all. The pane marks how it decided, so this needs no time bound a slow machine could cross.
        var detection = await pane.Page.EvaluateAsync<string?>("() => performance.getEntriesByName('office-detected')[0]?.detail ?? null");
        Assert.Equal("no-office-js", detection);
        Assert.Equal(1, pane.OfficeJsRequests);
        await Expect(pane.SignedInUser).ToHaveTextAsync("Local user");
        await Expect(pane.Surface).ToHaveTextAsync("Browser");
        await Expect(pane.Page.Locator("[data-view='home-dashboard']")).ToBeVisibleAsync();
        await Expect(pane.Page.GetByRole(AriaRole.Link, new() { Name = "Fill in my profile" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_office_js_loaded_outside_Outlook_the_pane_runs_as_a_browser_app()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.OutsideOffice);

        Assert.Contains("onReady", await pane.OfficeCallsAsync());
        await Expect(pane.Surface).ToHaveTextAsync("Browser");
        await Expect(pane.Page.Locator("[data-view='home-dashboard']")).ToBeVisibleAsync();
        await Expect(pane.SignedInUser).ToHaveTextAsync("Local user");
    }

    [Fact]
    public async Task Reading_a_message_the_pane_asks_who_the_sender_is_and_offers_to_add_them()
    {
        var office = OfficeStub.In(OfficeSurface.MessageRead) with { From = new Sender("Priya Natarajan", "priya@fabrikam.example") };
        await using var pane = await PanePage.OpenAsync(fixture, office);

        await Expect(pane.Surface).ToHaveTextAsync("Reading a message");
        await Expect(pane.Heading).ToHaveTextAsync("Who is this sender?");
        await Expect(pane.Page.GetByTestId("sender-name")).ToHaveTextAsync("Priya Natarajan");
        await Expect(pane.Page.GetByTestId("sender-email")).ToHaveTextAsync("priya@fabrikam.example");
        var add = pane.Page.GetByRole(AriaRole.Link, new() { Name = "Add Priya Natarajan to my people" });
        await Expect(add).ToHaveAttributeAsync("href", "#/people/new?name=Priya+Natarajan&email=priya%40fabrikam.example");
        await Expect(pane.SignedInUser).ToHaveTextAsync("Local user");
    }

    [Fact]
    public async Task Writing_a_message_the_pane_offers_an_outreach_request()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageCompose));

        await Expect(pane.Surface).ToHaveTextAsync("Writing a message");
        await Expect(pane.Heading).ToHaveTextAsync("Ask for a conversation");
        await Expect(pane.Page.GetByRole(AriaRole.Link, new() { Name = "Write an outreach request" })).ToBeVisibleAsync();
        Assert.Contains("onReady", await pane.OfficeCallsAsync());
    }

    [Fact]
    public async Task Organizing_a_meeting_the_pane_offers_to_attach_the_question_list()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.AppointmentOrganizer));

        await Expect(pane.Surface).ToHaveTextAsync("Organizing a meeting");
        await Expect(pane.Heading).ToHaveTextAsync("Plan the conversation");
        await Expect(pane.Page.GetByRole(AriaRole.Link, new() { Name = "Attach the question list" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Attending_a_meeting_with_someone_not_on_the_list_the_pane_offers_to_add_the_organizer()
    {
        var email = $"priya.{Guid.NewGuid():N}@metrolinx.example";
        var office = OfficeStub.In(OfficeSurface.AppointmentAttendee) with { Subject = "Coffee with Priya", From = new Sender("Priya Shah", email) };
        await using var pane = await PanePage.OpenAsync(fixture, office);

        await Expect(pane.Surface).ToHaveTextAsync("Attending a meeting");
        await Expect(pane.Heading).ToHaveTextAsync("Take notes");
        await Expect(pane.Page.GetByTestId("meeting-subject")).ToHaveTextAsync("Coffee with Priya");
        var add = pane.Page.GetByRole(AriaRole.Link, new() { Name = "Add Priya Shah to my people" });
        Assert.Contains(Uri.EscapeDataString(email), await add.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Expect(pane.Page.GetByTestId("quick-takeaways")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Selecting_another_item_in_a_pinned_pane_switches_the_home_view()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead));
        await Expect(pane.Heading).ToHaveTextAsync("Who is this sender?");
        Assert.Contains("mailbox.addHandlerAsync", await pane.OfficeCallsAsync());

        await pane.Page.EvaluateAsync("() => window.__officeStub.selectItem('appointmentAttendee')");

        await Expect(pane.Surface).ToHaveTextAsync("Attending a meeting");
        await Expect(pane.Heading).ToHaveTextAsync("Take notes");
    }

    [Fact]
    public async Task A_sender_name_with_markup_is_shown_as_text()
    {
        var office = OfficeStub.In(OfficeSurface.MessageRead) with { From = new Sender("<img src=x onerror=\"window.__pwned=1\">Eve", "eve@example.test") };
        await using var pane = await PanePage.OpenAsync(fixture, office);

        await Expect(pane.Page.GetByTestId("sender-name")).ToHaveTextAsync("<img src=x onerror=\"window.__pwned=1\">Eve");
        Assert.Equal(0, await pane.Page.Locator("main img").CountAsync());
        Assert.False(await pane.Page.EvaluateAsync<bool>("() => window.__pwned === 1"));
    }

    [Fact]
    public async Task A_dark_Office_theme_turns_the_pane_dark()
    {
        var office = OfficeStub.In(OfficeSurface.MessageCompose) with { Theme = OfficeTheme.Dark };
        await using var pane = await PanePage.OpenAsync(fixture, office);

        await Expect(pane.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        var background = await pane.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(38, 38, 38)", background);
    }
}
