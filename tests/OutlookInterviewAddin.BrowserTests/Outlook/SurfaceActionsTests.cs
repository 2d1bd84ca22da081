using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Outlook;

/// <summary>The pane knows what the user is looking at: a message from someone on the list, a meeting with them.</summary>
public sealed class SurfaceActionsTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public SurfaceActionsTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task A_message_from_someone_on_the_list_shows_their_stage_and_the_action_that_fits_and_never_offers_to_add_them()
    {
        var email = $"Priya.Shah.{Guid.NewGuid():N}@Metrolinx.example";
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead) with { From = new Sender("Priya Shah", email.ToUpperInvariant()) });
        var page = pane.Page;
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add Priya Shah to my people" })).ToBeVisibleAsync();

        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Priya Shah", email });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await page.ReloadAsync();

        await Expect(pane.Heading).ToHaveTextAsync("Priya Shah");
        await Expect(page.GetByTestId("sender-stage")).ToHaveTextAsync("Stage: Prospect.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add Priya Shah to my people" })).ToHaveCountAsync(0);
        var reply = page.GetByRole(AriaRole.Link, new() { Name = "Draft the outreach as a reply" });
        Assert.Contains($"/interviews/{interviewId}/drafts/outreach", await reply.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains("replyTo=", await reply.GetAttributeAsync("href"), StringComparison.Ordinal);

        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        await page.ReloadAsync();
        await Expect(page.GetByTestId("sender-stage")).ToHaveTextAsync("Stage: Contacted.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Record their reply" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_meeting_organized_by_someone_on_the_list_leads_to_recording_takeaways_for_that_conversation()
    {
        var email = $"ana.{Guid.NewGuid():N}@contoso.example";
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.AppointmentAttendee) with { From = new Sender("Ana Lima", email) });
        var page = pane.Page;
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Ana Lima", email });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{interviewId}", new { plannedStart = DateTimeOffset.UtcNow.AddDays(2), durationMinutes = 30, placeKind = "online" });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled" });
        await page.ReloadAsync();

        await Expect(page.GetByTestId("meeting-person")).ToHaveTextAsync("With Ana Lima: Scheduled.");
        var record = page.GetByRole(AriaRole.Link, new() { Name = "Record takeaways" });
        Assert.Contains($"/interviews/{interviewId}", await record.GetAttributeAsync("href"), StringComparison.Ordinal);
        await record.ClickAsync();
        await pane.WaitForViewAsync("interview");
    }

    [Fact]
    public async Task Writing_to_someone_on_the_list_inserts_the_request_at_the_cursor_and_checks_what_the_user_then_writes()
    {
        var email = $"li.wei.{Guid.NewGuid():N}@shopify.example";
        var office = OfficeStub.In(OfficeSurface.MessageCompose) with { To = [new Sender("Li Wei", email)], BodyType = "text" };
        await using var pane = await PanePage.OpenAsync(fixture, office);
        var page = pane.Page;
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Li Wei", email, organisation = "Shopify", role = "product designer" });
        await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await page.GotoAsync("/#/outreach");
        await pane.WaitForViewAsync("outreach-entry");

        await page.GetByRole(AriaRole.Button, new() { Name = "Insert outreach request" }).ClickAsync();
        await Expect(page.GetByTestId("compose-status")).ToContainTextAsync("The request is in your message");
        await Expect(page.GetByTestId("findings-summary")).ToHaveTextAsync("No problems found.");
        var inserted = await pane.OfficeCallArgumentsAsync("body.setSelectedDataAsync");
        var only = Assert.Single(inserted);
        Assert.Matches("^(Dear|Hello|Hi) Li,\n", only[0].GetString());
        Assert.Equal("text", only[1].GetProperty("coercionType").GetString());
        Assert.Single(await pane.OfficeCallArgumentsAsync("subject.setAsync"));

        // The user adds a line in Outlook, then comes back to the pane.
        await page.EvaluateAsync("() => { window.__officeStub.state.body += '\\n\\nAre there any job openings on your team?'; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check what I wrote" }).ClickAsync();
        await Expect(page.GetByTestId("findings")).ToContainTextAsync("“job");
    }
}
