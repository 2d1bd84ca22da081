using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// A first-time user, from the empty pane to the first referral: the workflow's screens against the
/// real API and storage. Its own host, so the data it creates stays out of the other browser tests.
/// </summary>
public sealed class FirstTimeUserTests : IAsyncLifetime
{
    private readonly PaneFixture fixture = new();

    public FirstTimeUserTests(ITestOutputHelper output) => fixture.Sink.Output = output;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_first_time_user_fills_the_profile_adds_a_person_plans_an_interview_and_sees_the_referral_in_next_actions()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320);
        var page = pane.Page;

        // An empty pane says what to do first.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Know yourself first" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fill in my profile" }).ClickAsync();

        // The profile: a bad time zone is refused beside its field, and nothing typed is lost.
        await pane.WaitForViewAsync("profile");
        await page.GetByLabel("What interests you now").FillAsync("Urban transit, data visualisation");
        await page.GetByLabel("Fields you are curious about").FillAsync("Transportation planning\nCivic tech");
        await page.GetByLabel("Who you want to be in 10 years").FillAsync("Leading planning projects for a city");
        await page.GetByLabel("City").FillAsync("Toronto");
        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        var timeZoneError = page.Locator("[data-error-for='timeZone']");
        await Expect(timeZoneError).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Time zone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("What interests you now")).ToHaveValueAsync("Urban transit, data visualisation");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        // No stale "saved" beside the error; editing the field clears its message.
        await Expect(page.GetByTestId("profile-saved")).ToBeEmptyAsync();
        await page.GetByLabel("Time zone").FillAsync("America/Toronto");
        await Expect(timeZoneError).ToBeEmptyAsync();
        await page.GetByLabel("Your name").FillAsync("Sam Student");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.GetByTestId("profile-saved")).ToHaveTextAsync("Profile saved.");
        await Expect(timeZoneError).ToBeEmptyAsync();
        // The header says the name the user gave, not the sign-in's "Local user".
        await Expect(pane.SignedInUser).ToHaveTextAsync("Sam Student");
        // Editing again clears "Profile saved.": it no longer describes what is on screen.
        await page.GetByLabel("City").FillAsync("Toronto, ON");
        await Expect(page.GetByTestId("profile-saved")).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.GetByTestId("profile-saved")).ToHaveTextAsync("Profile saved.");

        // Home now leads to the first person.
        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Know yourself first" })).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();

        await pane.WaitForViewAsync("person-new");
        await page.GetByLabel("Name").FillAsync("Priya Shah");
        await page.GetByLabel("Email").FillAsync("priya.shah@example.com");
        await page.GetByLabel("Organisation").FillAsync("Metrolinx");
        await page.GetByLabel("Role").FillAsync("Senior planner");
        await page.GetByLabel("How you know them").SelectOptionAsync("friendOfFriend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();

        // Her page: plan a conversation.
        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Priya Shah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan a conversation" }).ClickAsync();

        await pane.WaitForViewAsync("interview");
        await Expect(pane.Heading).ToHaveTextAsync("Conversation with Priya Shah");
        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Plan" });
        // A week ahead: a time in the past would ask for a confirmation (PastPlanTests).
        await plan.GetByLabel("When").FillAsync(DateTime.Now.AddDays(7).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture));
        await plan.GetByLabel("How you will meet").SelectOptionAsync("coffee");
        await plan.GetByLabel("Place").FillAsync("Balzac's, Distillery District");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Expect(page.GetByTestId("planned-start")).Not.ToBeEmptyAsync();
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Plan" }).GetByLabel("Place")).ToHaveValueAsync("Balzac's, Distillery District");

        // The conversation happens.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark scheduled" }).ClickAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Scheduled");
        // Before the planned start, marking it interviewed asks first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark interviewed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark interviewed" }).ClickAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Interviewed");

        // Takeaways and a referral.
        var takeaways = page.GetByRole(AriaRole.Form, new() { Name = "Takeaways" });
        await takeaways.GetByLabel("A takeaway").FillAsync("Learn GIS early");
        await takeaways.GetByLabel("This was the most helpful tip").CheckAsync();
        await takeaways.GetByRole(AriaRole.Button, new() { Name = "Add takeaway" }).ClickAsync();
        await Expect(page.GetByTestId("takeaways")).ToContainTextAsync("Learn GIS early");
        await Expect(page.GetByTestId("takeaways")).ToContainTextAsync("Most helpful");

        var referrals = page.GetByRole(AriaRole.Form, new() { Name = "People they suggested" });
        await referrals.GetByLabel("Name").FillAsync("Tom Reyes");
        await referrals.GetByLabel("Email").FillAsync("tom.reyes@example.com");
        await referrals.GetByLabel("Organisation").FillAsync("TTC");
        await referrals.GetByRole(AriaRole.Button, new() { Name = "Add referral" }).ClickAsync();
        await Expect(page.GetByTestId("referrals")).ToContainTextAsync("Tom Reyes");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        // The referred person is on the list, linked to Priya, and next in line.
        await page.GetByTestId("referrals").GetByRole(AriaRole.Link, new() { Name = "Tom Reyes" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(page.GetByTestId("referred-by")).ToHaveTextAsync("Suggested by Priya Shah");

        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        var nextActions = page.GetByTestId("next-actions");
        await Expect(nextActions.Locator("[data-kind='firstContact']", new() { HasText = "Tom Reyes" })).ToBeVisibleAsync();

        await PageChecks.AssertFitsAsync(page);
    }

    [Fact]
    public async Task The_people_list_filters_by_stage_and_searches_by_name()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: "#/people");
        var page = pane.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No one on your list yet" })).ToBeVisibleAsync();

        foreach (var name in new[] { "Ana Lopez", "Jordan Wu" })
            await pane.AddPersonAsync(name);
        await pane.PlanConversationAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark contacted" }).ClickAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Contacted");

        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        var list = page.GetByTestId("people-list");
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

        await page.GetByLabel("Stage").SelectOptionAsync("contacted");
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(list).ToContainTextAsync("Jordan Wu");

        await page.GetByLabel("Stage").SelectOptionAsync("");
        await page.GetByLabel("Search by name, email or organisation").FillAsync("ana");
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(list).ToContainTextAsync("Ana Lopez");
    }
}
