using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// After the thank-you: recording stay-in-touch updates from the conversation's page, at 320 px.
/// One host for the class (its data stays out of the shared pane's tests); each test walks its own
/// person, with a name no other test uses, from planning to the thank-you as a first-time user would.
/// </summary>
public sealed class StayingInTouchTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public StayingInTouchTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task Two_updates_are_listed_newest_first_and_the_first_one_moves_the_stage_to_staying_in_touch()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320);
        var page = pane.Page;
        await Expect(pane.Heading).ToHaveTextAsync("Your next steps");

        await ThankAsync(pane, "Touch Amara Okafor");
        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Stay in touch" }) });
        await Expect(section).ToContainTextAsync("what you did with their advice");
        await Expect(section).ToContainTextAsync("No updates yet");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark staying in touch" })).ToHaveCountAsync(0);

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record an update" });
        await form.GetByLabel("What you told them").FillAsync("Signed up for the GIS course you suggested");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record update" }).ClickAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Staying in touch");
        await Expect(page.GetByTestId("touches").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);

        form = page.GetByRole(AriaRole.Form, new() { Name = "Record an update" });
        await Expect(form.GetByLabel("What you told them")).ToHaveValueAsync("");
        await form.GetByLabel("What you told them").FillAsync("Finished the course; my first map is online");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record update" }).ClickAsync();

        var touches = page.GetByTestId("touches").GetByRole(AriaRole.Listitem);
        await Expect(touches).ToHaveCountAsync(2);
        await Expect(touches.Nth(0)).ToContainTextAsync("Finished the course; my first map is online");
        await Expect(touches.Nth(1)).ToContainTextAsync("Signed up for the GIS course you suggested");
        var year = DateTime.Now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // This year's dates go without the year (one formatter: the year shows only for other years).
        await Expect(touches.Nth(0).Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^" + year));
        await Expect(touches.Nth(0).Locator("time")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Staying in touch");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Move to another stage" })).ToHaveCountAsync(0);

        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);
    }

    [Fact]
    public async Task A_date_far_in_the_future_is_refused_beside_the_date_and_the_note_is_kept()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320);
        var page = pane.Page;
        await ThankAsync(pane, "Touch Bilal Haddad");

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record an update" });
        await form.GetByLabel("What you told them").FillAsync("Started the placement you pointed me to");
        await form.GetByLabel("When you sent it").FillAsync("2099-01-01T10:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record update" }).ClickAsync();

        await Expect(form.Locator("[data-error-for='at']")).Not.ToBeEmptyAsync();
        await Expect(form.Locator("[data-error-for='note']")).ToBeEmptyAsync();
        await Expect(form.GetByLabel("When you sent it")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(pane.Error).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Thanked");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        // A reload keeps what was typed.
        await page.ReloadAsync();
        await pane.WaitForViewAsync("interview");
        form = page.GetByRole(AriaRole.Form, new() { Name = "Record an update" });
        await Expect(form.GetByLabel("What you told them")).ToHaveValueAsync("Started the placement you pointed me to");
        await Expect(form.GetByLabel("When you sent it")).ToHaveValueAsync("2099-01-01T10:00");
    }

    /// <summary>The first-time walkthrough up to the thank-you: add the person, plan, meet, thank.</summary>
    private static async Task ThankAsync(PanePage pane, string name)
    {
        var page = pane.Page;
        await pane.AddPersonAsync(name);
        await pane.PlanConversationAsync();

        // No stay-in-touch section before the thank-you.
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Record an update" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark scheduled" }).ClickAsync();
        await page.GetByLabel("When you will meet").FillAsync(DateTime.Now.AddDays(2).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the time and mark scheduled" }).ClickAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Scheduled");
        // The meeting is planned ahead: each move past it asks first.
        foreach (var (button, stage) in new[] { ("Mark interviewed", "Interviewed"), ("Mark thanked", "Thanked") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, {button.ToLowerInvariant()}" }).ClickAsync();
            await Expect(page.GetByTestId("stage")).ToHaveTextAsync(stage);
        }
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Record an update" })).ToBeVisibleAsync();
    }
}
