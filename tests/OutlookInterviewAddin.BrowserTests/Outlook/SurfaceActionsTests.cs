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
    public async Task Notes_taken_before_a_meeting_starts_are_kept_without_marking_it_interviewed_or_offering_the_thank_you()
    {
        var email = $"ana.{Guid.NewGuid():N}@contoso.example";
        var start = DateTimeOffset.UtcNow.AddDays(2);
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.AppointmentAttendee) with { From = new Sender("Ana Lima", email), Start = start.ToString("O") });
        var page = pane.Page;
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Ana Lima", email });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{interviewId}", new { plannedStart = start, durationMinutes = 30, placeKind = "online" });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled" });
        await page.ReloadAsync();

        await Expect(page.GetByTestId("meeting-person")).ToHaveTextAsync("With Ana Lima: Scheduled.");
        await Expect(page.GetByTestId("meeting-ahead")).ToBeVisibleAsync();
        await page.GetByLabel("Takeaways", new() { Exact = true }).FillAsync("Ask about the rotation programme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Expect(page.GetByTestId("quick-takeaways-status")).ToHaveTextAsync("Notes saved.");
        await Expect(page.GetByTestId("takeaways-recorded")).ToHaveTextAsync("1 takeaway recorded so far.");

        using var saved = System.Text.Json.JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/interviews/{interviewId}"));
        Assert.Equal("scheduled", saved.RootElement.GetProperty("stage").GetString());
        Assert.Equal("Ask about the rotation programme", Assert.Single(saved.RootElement.GetProperty("takeaways").EnumerateArray().ToList()).GetProperty("text").GetString());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Draft the thank-you" })).ToHaveCountAsync(0);
        var open = page.GetByRole(AriaRole.Link, new() { Name = "Open the conversation" });
        Assert.Contains($"/interviews/{interviewId}", await open.GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suggested_person_the_API_refuses_stays_in_the_form_with_its_reason_and_saving_again_adds_nothing_twice()
    {
        var email = $"ana.{Guid.NewGuid():N}@contoso.example";
        var office = OfficeStub.In(OfficeSurface.AppointmentAttendee) with { From = new Sender("Ana Lima", email), Start = DateTimeOffset.UtcNow.AddHours(-3).ToString("O") };
        await using var pane = await PanePage.OpenAsync(fixture, office);
        var page = pane.Page;
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Ana Lima", email });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled", plannedStart = DateTimeOffset.UtcNow.AddDays(1) });
        await page.ReloadAsync();

        await page.GetByLabel("Takeaways", new() { Exact = true }).FillAsync("Networking events are where roles open first");
        // Ana herself, by her own address: a person cannot be their own referral.
        await page.GetByLabel("People they suggested").FillAsync($"Sam Ortiz, Contoso\nAna L., {email}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();

        await Expect(pane.Error).ToContainTextAsync("one person was not added");
        await Expect(page.Locator("[data-error-for='referrals']")).ToContainTextAsync("cannot be their own referral");
        await Expect(page.GetByLabel("People they suggested")).ToHaveValueAsync($"Ana L., {email}");
        await Expect(page.GetByLabel("Takeaways", new() { Exact = true })).ToHaveValueAsync("");

        await page.GetByLabel("People they suggested").FillAsync("Lee Chan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Expect(page.GetByTestId("quick-takeaways-status")).ToHaveTextAsync("Notes saved.");

        using var saved = System.Text.Json.JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/interviews/{interviewId}"));
        Assert.Single(saved.RootElement.GetProperty("takeaways").EnumerateArray());
        Assert.Equal(["Lee Chan", "Sam Ortiz"], saved.RootElement.GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task After_an_attended_meeting_the_quick_form_records_everything_for_the_organizer_and_the_thank_you_cites_the_tip()
    {
        var email = $"ana.{Guid.NewGuid():N}@contoso.example";
        var referralEmail = $"priya.{Guid.NewGuid():N}@shopify.example";
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        // The organizer is Ana; the other attendee is someone not on the list.
        var office = OfficeStub.In(OfficeSurface.AppointmentAttendee) with { From = new Sender("Ana Lima", email), Start = start.ToString("O"), Minutes = 30, Theme = OfficeTheme.Dark };
        await using var pane = await PanePage.OpenAsync(fixture, office, width: 320);
        var page = pane.Page;
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Ana Lima", email, organisation = "Contoso" });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{interviewId}", new { plannedStart = DateTimeOffset.UtcNow.AddDays(1), durationMinutes = 30, placeKind = "online" });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled" });
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{interviewId}", new { plannedStart = start, durationMinutes = 30, placeKind = "online", confirmPast = true });
        await page.ReloadAsync();

        await Expect(page.GetByTestId("meeting-person")).ToHaveTextAsync("With Ana Lima: Scheduled.");
        await Expect(page.GetByTestId("meeting-ahead")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Draft the thank-you" })).ToHaveCountAsync(0);
        await PageChecks.AssertFitsAsync(page);
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Takeaways", new() { Exact = true }).FillAsync("Product teams hire from the co-op pool\n\nPortfolios matter more than grades");
        await page.GetByLabel("The most helpful tip").FillAsync("Show one shipped project end to end");
        await page.GetByLabel("What I'll do with it").FillAsync("Write up my transit app as a case study");
        await page.GetByLabel("People they suggested").FillAsync($"Priya Shah, Shopify, {referralEmail}\nTom Reed");
        await page.GetByLabel("How did the career sound?").SelectOptionAsync("4");
        await page.GetByLabel("Why").FillAsync("Close to what I enjoy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Expect(page.GetByTestId("quick-takeaways-status")).ToHaveTextAsync("Notes saved.");
        await Expect(page.GetByLabel("Takeaways", new() { Exact = true })).ToHaveValueAsync("");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        using var saved = System.Text.Json.JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/interviews/{interviewId}"));
        var root = saved.RootElement;
        Assert.Equal("scheduled", root.GetProperty("stage").GetString());
        var takeaways = root.GetProperty("takeaways").EnumerateArray().ToList();
        Assert.Equal(["Portfolios matter more than grades", "Product teams hire from the co-op pool", "Show one shipped project end to end"],
            takeaways.Select(t => t.GetProperty("text").GetString()!).Order(StringComparer.Ordinal).ToArray());
        var tip = Assert.Single(takeaways, t => t.GetProperty("isMostHelpful").GetBoolean());
        Assert.Equal("Show one shipped project end to end", tip.GetProperty("text").GetString());
        Assert.Equal("Write up my transit app as a case study", tip.GetProperty("action").GetString());
        Assert.Equal(["Priya Shah", "Tom Reed"], root.GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).Order().ToArray());
        Assert.Equal(4, root.GetProperty("fit").GetProperty("rating").GetInt32());
        Assert.Equal("Close to what I enjoy", root.GetProperty("fit").GetProperty("note").GetString());
        var priya = System.Text.Json.JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/people/{root.GetProperty("referrals").EnumerateArray().First(r => r.GetProperty("name").GetString() == "Priya Shah").GetProperty("id").GetString()}")).RootElement;
        Assert.Equal("Shopify", priya.GetProperty("organisation").GetString());
        Assert.Equal(referralEmail, priya.GetProperty("email").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Draft the thank-you" }).ClickAsync();
        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "Body" });
        await Expect(body).ToContainTextAsync("Show one shipped project end to end");
        // What the user will do, in their words; the sentence that leads into it is the engine's choice of variant.
        await Expect(body).ToContainTextAsync("write up my transit app as a case study.");
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
