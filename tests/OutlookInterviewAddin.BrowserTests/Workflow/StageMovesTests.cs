using System.Globalization;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using OutlookInterviewAddin.BrowserTests.Outlook;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// Stage moves that would make the record lie ask first, a wrong click can be undone, and a plan in
/// the past never reads as upcoming. One host for the class; each test has its own person.
/// </summary>
public sealed class StageMovesTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public StageMovesTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_conversation_walks_from_prospect_to_staying_in_touch_with_the_moves_that_ask_first_and_an_undo()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320);
        var page = pane.Page;
        await pane.AddPersonAsync("Steps Amina Diallo");
        await pane.PlanConversationAsync();
        var stage = page.GetByTestId("stage");
        await Expect(stage).ToHaveTextAsync("Prospect");
        await Expect(page.GetByTestId("next-step")).ToHaveTextAsync("Ask for the conversation");
        await Expect(page.Locator("[aria-current='step']")).ToHaveTextAsync("Ask for the conversation");

        // Asked: contacted, then undone, then contacted again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark contacted" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Contacted");
        await page.GetByTestId("stage-undo").ClickAsync();
        await Expect(stage).ToHaveTextAsync("Prospect");
        await Expect(page.GetByTestId("stage-undo")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark contacted" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Contacted");
        // The API says the move can still be undone, and until when: the offer survives a reload.
        await page.ReloadAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("stage-undo")).ToHaveTextAsync("Undo: back to prospect");
        await Expect(page.GetByTestId("stage-undo-row")).ToContainTextAsync("you can undo it until");

        // "Mark scheduled" without a time asks for one, and an empty time is refused beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark scheduled" }).ClickAsync();
        var schedule = page.GetByTestId("schedule-form");
        await Expect(schedule.GetByLabel("When you will meet")).ToBeFocusedAsync();
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Save the time and mark scheduled" }).ClickAsync();
        await Expect(schedule.Locator("[data-error-for='plannedStart']")).ToContainTextAsync("Choose when you will meet");
        await Expect(stage).ToHaveTextAsync("Contacted");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await schedule.GetByLabel("When you will meet").FillAsync(Local(DateTime.Now.AddDays(3).Date.AddHours(10)));
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Save the time and mark scheduled" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Scheduled");
        await Expect(page.GetByTestId("planned-start")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("next-step")).ToHaveTextAsync("Prepare");

        // "Mark interviewed" three days before the meeting asks; Cancel leaves the stage as it was.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark interviewed" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-early");
        await Expect(confirm).ToContainTextAsync("has not started yet");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(stage).ToHaveTextAsync("Scheduled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark interviewed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark interviewed" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Interviewed");

        // Undo goes back one move only: scheduled, with the time kept.
        await Expect(page.GetByTestId("stage-undo")).ToHaveTextAsync("Undo: back to scheduled");
        await page.GetByTestId("stage-undo").ClickAsync();
        await Expect(stage).ToHaveTextAsync("Scheduled");
        await Expect(page.GetByTestId("planned-start")).Not.ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark interviewed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark interviewed" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Interviewed");

        // Record, thank (asks: the planned start is still ahead), connect, stay in touch.
        await Expect(page.GetByTestId("next-step")).ToHaveTextAsync("Record the takeaways");
        var takeaways = page.GetByRole(AriaRole.Form, new() { Name = "Takeaways" });
        await takeaways.GetByLabel("A takeaway").FillAsync("Volunteer with the open-data group");
        await takeaways.GetByRole(AriaRole.Button, new() { Name = "Add takeaway" }).ClickAsync();
        await Expect(page.GetByTestId("takeaways")).ToContainTextAsync("Volunteer with the open-data group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark thanked" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark thanked" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Thanked");
        await Expect(page.GetByTestId("next-step")).ToHaveTextAsync("Connect on LinkedIn");
        await Expect(page.GetByTestId("connect-note")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Hi Steps,"));
        var update = page.GetByRole(AriaRole.Form, new() { Name = "Record an update" });
        await update.GetByLabel("What you told them").FillAsync("Joined the open-data group's first meetup");
        await update.GetByRole(AriaRole.Button, new() { Name = "Record update" }).ClickAsync();
        await Expect(stage).ToHaveTextAsync("Staying in touch");
        await Expect(page.GetByTestId("next-step")).ToHaveTextAsync("Stay in touch");
        // Staying in touch began with an update, not a stage move: nothing to undo.
        await Expect(page.GetByTestId("stage-undo")).ToHaveCountAsync(0);
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);
    }

    [Fact]
    public async Task A_2020_plan_asks_for_a_confirmation_and_then_shows_its_year_as_past_not_upcoming()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 360);
        var page = pane.Page;
        await pane.AddPersonAsync("Steps Tomas Novak");
        await pane.PlanConversationAsync();

        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Plan" });
        await plan.GetByLabel("When").FillAsync("2020-03-01T10:00");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Expect(plan.Locator("[data-error-for='plannedStart']")).ToContainTextAsync("in the past");
        await Expect(page.GetByTestId("planned-start")).ToHaveCountAsync(0);
        await Expect(plan.GetByTestId("form-status")).ToBeEmptyAsync();

        // Editing the time clears its message; the tick saves it.
        await plan.GetByLabel("When").FillAsync("2020-03-01T10:30");
        await Expect(plan.Locator("[data-error-for='plannedStart']")).ToBeEmptyAsync();
        await plan.GetByLabel("It already happened: save this past time").CheckAsync();
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Plan" }).GetByTestId("form-status")).ToHaveTextAsync("Plan saved.");
        await Expect(page.GetByTestId("planned-start")).ToContainTextAsync("2020");
        await Expect(page.GetByTestId("planned-start")).ToContainTextAsync("10:30");
        await Expect(page.GetByTestId("planned-past")).ToHaveTextAsync("In the past");
        // Scheduling it asks for a time still to come rather than taking the 2020 one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark scheduled" }).ClickAsync();
        await Expect(page.GetByTestId("schedule-form")).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        // The person page's list says the year and that it is past; next actions do not call it upcoming.
        await page.GetByRole(AriaRole.Link, new() { Name = "Steps Tomas Novak" }).First.ClickAsync();
        await pane.WaitForViewAsync("person");
        var row = page.GetByTestId("person-interviews").GetByRole(AriaRole.Listitem);
        await Expect(row).ToContainTextAsync("2020");
        await Expect(row).ToContainTextAsync("In the past");
        await page.GotoAsync("/#/");
        await pane.WaitForViewAsync("home-dashboard");
        await Expect(page.Locator("[data-kind='upcomingMeeting']", new() { HasText = "Steps Tomas Novak" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_long_name_and_email_wrap_at_320_px_and_the_person_page_shows_the_link_and_zone()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320, path: "#/people/new");
        var page = pane.Page;
        await pane.WaitForViewAsync("person-new");
        var name = "Steps" + new string('W', 195);
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync("a.very.long.address.without.breaks.for.testing@an-organisation-with-a-long-domain.example");
        await page.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await page.GetByLabel("LinkedIn profile").FillAsync("https://www.linkedin.com/in/a-very-long-profile-name-that-does-not-break-anywhere-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await pane.WaitForViewAsync("person");

        await Expect(page.GetByTestId("person-linkedin")).ToHaveAttributeAsync("href", "https://www.linkedin.com/in/a-very-long-profile-name-that-does-not-break-anywhere-at-all");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Europe/Paris");
        await PageChecks.AssertFitsAsync(page);
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task Deletes_confirm_what_goes_and_a_takeaway_or_a_person_without_conversations_comes_back_with_undo()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320);
        var page = pane.Page;
        await pane.AddPersonAsync("Steps Ines Duarte");
        await pane.PlanConversationAsync();

        // A takeaway: confirm, then undo puts it back with its most helpful mark; a second one takes the mark by editing.
        // Before the meeting the takeaways sit folded under their heading, one click away.
        await page.Locator("summary", new() { HasText = "Takeaways" }).ClickAsync();
        var takeaways = page.GetByRole(AriaRole.Form, new() { Name = "Takeaways" });
        await takeaways.GetByLabel("A takeaway").FillAsync("Ask for a portfolio review");
        await takeaways.GetByLabel("This was the most helpful tip").CheckAsync();
        await takeaways.GetByRole(AriaRole.Button, new() { Name = "Add takeaway" }).ClickAsync();
        await Expect(page.GetByTestId("takeaways")).ToContainTextAsync("Most helpful");
        takeaways = page.GetByRole(AriaRole.Form, new() { Name = "Takeaways" });
        await takeaways.GetByLabel("A takeaway").FillAsync("Read the city's open-data plan");
        await takeaways.GetByRole(AriaRole.Button, new() { Name = "Add takeaway" }).ClickAsync();
        var list = page.GetByTestId("takeaways").GetByRole(AriaRole.Listitem);
        await Expect(list).ToHaveCountAsync(2);
        await Expect(list.Filter(new() { HasText = "Ask for a portfolio review" })).ToContainTextAsync("Most helpful");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete takeaway: Ask for a portfolio review" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-delete")).ToContainTextAsync("Ask for a portfolio review");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByTestId("confirm-delete").GetByRole(AriaRole.Button, new() { Name = "Delete takeaway" }).ClickAsync();
        await Expect(list).ToHaveCountAsync(1);
        await page.GetByTestId("takeaway-undo").ClickAsync();
        await Expect(list).ToHaveCountAsync(2);
        await Expect(list.Filter(new() { HasText = "Ask for a portfolio review" })).ToContainTextAsync("Most helpful");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit takeaway: Read the city's open-data plan" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Edit takeaway: Read the city's open-data plan" });
        await edit.GetByLabel("This was the most helpful tip").CheckAsync();
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(list.Filter(new() { HasText = "Read the city's open-data plan" })).ToContainTextAsync("Most helpful");
        await Expect(list.Filter(new() { HasText = "Ask for a portfolio review" })).Not.ToContainTextAsync("Most helpful");

        // The conversation: the confirmation says what goes and for how long it can be undone; Undo brings it back whole.
        await page.GetByTestId("delete-conversation").ClickAsync();
        await Expect(page.GetByTestId("confirm-delete")).ToContainTextAsync("2 takeaways");
        await Expect(page.GetByTestId("confirm-delete")).ToContainTextAsync("you can undo this for 15 minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(page.GetByTestId("person-interviews")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("conversation-undo-row")).ToContainTextAsync("Deleted the conversation with Steps Ines Duarte");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByTestId("conversation-undo").ClickAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("takeaways").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

        // The person, with that conversation: deleted after a confirmation that says what goes, back with Undo, conversation and all.
        await page.GetByRole(AriaRole.Link, new() { Name = "Steps Ines Duarte" }).First.ClickAsync();
        await pane.WaitForViewAsync("person");
        await page.GetByTestId("delete-person").ClickAsync();
        await Expect(page.GetByTestId("confirm-delete")).ToContainTextAsync("with their conversation");
        await Expect(page.GetByTestId("confirm-delete")).ToContainTextAsync("You can undo this for 15 minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete person" }).ClickAsync();
        await pane.WaitForViewAsync("people");
        await page.GetByTestId("person-undo").ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Steps Ines Duarte");
        await Expect(page.GetByTestId("person-interviews").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await PageChecks.AssertFitsAsync(page);
    }

    [Fact]
    public async Task A_meeting_reads_the_same_on_the_plan_and_in_next_actions_with_its_zone_when_the_browsers_differs()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 360, timezoneId: "Europe/Paris");
        var page = pane.Page;
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Steps Zone Person", email = $"zone.{Guid.NewGuid():N}@example.com" });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        // Refused by the API itself without a time, then scheduled with one.
        var refused = await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled" }, expectOk: false);
        Assert.Contains("plannedStart", refused, StringComparison.Ordinal);
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled", plannedStart = DateTimeOffset.UtcNow.AddDays(5) });

        // Reloaded, so the pane reads the profile's zone at start.
        await page.GotoAsync($"/#/interviews/{interviewId}");
        await page.ReloadAsync();
        await pane.WaitForViewAsync("interview");
        var onPlan = (await page.GetByTestId("planned-start").Locator("time").TextContentAsync())!;
        Assert.Matches("E[SD]T", onPlan);

        await page.GotoAsync("/#/");
        await pane.WaitForViewAsync("home-dashboard");
        var reason = page.Locator("[data-kind='upcomingMeeting']", new() { HasText = "Steps Zone Person" }).GetByTestId("next-action-reason");
        await Expect(reason.Locator("time").First).ToHaveTextAsync(onPlan);
        // Not the server's own wording of a date ("Tuesday 8 December at 10:00": the day before the month).
        await Expect(reason).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d (January|February|March|April|May|June|July|August|September|October|November|December)"));
    }
}
