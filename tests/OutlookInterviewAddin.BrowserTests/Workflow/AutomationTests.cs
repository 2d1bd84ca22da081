using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using OutlookInterviewAddin.BrowserTests.Outlook;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// The follow-through from the pane, at 320 px: the switch in the profile, and the "Done for you"
/// card in next actions once the host's own scheduler has drafted a thank-you. Its own host: turning
/// automation on for the local user would draft for the shared pane's other tests.
/// </summary>
public sealed class AutomationTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public AutomationTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task Turning_automation_on_in_the_profile_drafts_the_thank_you_and_next_actions_say_so_then_it_turns_off()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 320);
        var page = pane.Page;
        await Expect(pane.Heading).ToHaveTextAsync("Your next steps");
        var email = $"auto.{Guid.NewGuid():N}@example.com";
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto", interests = "transit planning" });
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Nadia Roy", email, organisation = "Metrolinx" });
        var interviewId = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "contacted" });
        // A meeting that ended an hour ago, with its key tip recorded.
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{interviewId}",
            new { plannedStart = DateTimeOffset.UtcNow.AddHours(-2), durationMinutes = 30, placeKind = "online", confirmPast = true });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/stage", new { stage = "scheduled" });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{interviewId}/takeaways",
            new { text = "Volunteer with the regional planning association", isMostHelpful = true, action = "Sign up for their spring workshop" });
        // Someone who replied to the outreach, and a meeting still ahead.
        var omarEmail = $"omar.{Guid.NewGuid():N}@example.com";
        var omar = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Omar Haddad", email = omarEmail });
        var omarInterview = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId = omar });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{omarInterview}/stage", new { stage = "contacted" });
        await LocalApi.CallAsync(page, "POST", "/local-mailbox/incoming",
            new { fromName = "Omar Haddad", fromAddress = omarEmail, subject = "RE: A short conversation?", text = "Gladly. Next week works." });
        var lina = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Lina Park", email = $"lina.{Guid.NewGuid():N}@example.com" });
        var linaInterview = await LocalApi.IdOfAsync(page, "POST", "/api/interviews", new { personId = lina });
        await LocalApi.CallAsync(page, "PUT", $"/api/interviews/{linaInterview}",
            new { plannedStart = DateTimeOffset.UtcNow.AddDays(1), durationMinutes = 30, placeKind = "online" });
        await LocalApi.CallAsync(page, "POST", $"/api/interviews/{linaInterview}/stage", new { stage = "scheduled" });

        await page.GotoAsync("/#/profile");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Automation" });
        var toggle = form.GetByLabel("Draft follow-through for me");
        await Expect(toggle).Not.ToBeCheckedAsync();
        await toggle.CheckAsync();
        await form.GetByLabel("Months between stay-in-touch updates").FillAsync("3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save automation" }).ClickAsync();
        await Expect(page.GetByTestId("automation-saved")).ToHaveTextAsync("Automation is on.");
        var saved = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", "/api/automation")).RootElement;
        Assert.True(saved.GetProperty("enabled").GetBoolean());
        Assert.Equal(3, saved.GetProperty("stayInTouchMonths").GetInt32());
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        // The scheduler runs the sweep at once when automation is turned on; the card shows what it did.
        var card = page.GetByTestId("automation-activity");
        var done = card.Locator("[data-work='thankYou']");
        for (var attempt = 0; attempt < 30 && await done.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync($"/#/?look={attempt}");
            await Expect(pane.Heading).ToHaveTextAsync("Your next steps");
            if (await done.CountAsync() == 0) await page.WaitForTimeoutAsync(500);
        }
        await Expect(done).ToContainTextAsync("Thank-you to Nadia Roy drafted");
        await Expect(done).ToContainTextAsync("in Drafts for you to send");
        await Expect(card).Not.ToContainTextAsync("Automation is off");
        // The reply moved Omar on: next actions ask for a time instead of showing nothing.
        var plan = page.Locator("[data-kind='planConversation']", new() { HasText = "Omar Haddad" });
        await Expect(plan).ToContainTextAsync("Omar Haddad agreed to talk on");
        await Expect(plan.GetByRole(AriaRole.Link, new() { Name = "Plan the conversation with Omar Haddad" })).ToHaveAttributeAsync("href", $"#/interviews/{omarInterview}");
        // What comes next is led by its time, through the pane's one formatter.
        var next = card.Locator("li", new() { HasText = "Thank-you to Lina Park will be drafted" });
        await Expect(next.Locator("time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d{1,2}:\d{2}"));
        var mailbox = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", "/local-mailbox")).RootElement;
        var draft = Assert.Single(mailbox.GetProperty("messages").EnumerateArray(), m => m.GetProperty("isDraft").GetBoolean()
            && m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == email));
        Assert.Contains("regional planning association", draft.GetProperty("html").GetString());
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        await page.GotoAsync("/#/profile");
        form = page.GetByRole(AriaRole.Form, new() { Name = "Automation" });
        await Expect(form.GetByLabel("Draft follow-through for me")).ToBeCheckedAsync();
        await form.GetByLabel("Draft follow-through for me").UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save automation" }).ClickAsync();
        await Expect(page.GetByTestId("automation-saved")).ToHaveTextAsync("Automation is off.");

        await page.GotoAsync("/#/");
        await Expect(card).ToContainTextAsync("Automation is off. Turn it on in your profile");
        // What was done stays listed.
        await Expect(done).ToContainTextAsync("Thank-you to Nadia Roy drafted");
    }

    [Theory]
    [InlineData("en-US", "Your next steps", "Automation stopped: Microsoft 365 needs you to sign in again. Turn it on again from your profile.")]
    [InlineData("fr-FR", "Vos prochaines étapes", "Automatisation arrêtée\u00a0: Microsoft 365 vous demande de vous reconnecter. Réactivez-la depuis votre profil.")]
    public async Task A_revoked_grant_is_told_in_the_profile_and_in_next_actions_in_the_readers_language(string displayLanguage, string heading, string told)
    {
        await using var pane = await PanePage.OpenAsync(fixture, new OfficeStub { DisplayLanguage = displayLanguage }, width: 320);
        var page = pane.Page;
        await Expect(pane.Heading).ToHaveTextAsync(heading);
        // What the sweep records when Microsoft 365 answers that the grant is gone: automation off, and why.
        var owner = await LocalOwnerAsync(page);
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.CreateDbContextFor(owner))
        {
            var setting = await db.AutomationSettings.SingleOrDefaultAsync();
            if (setting is null) db.AutomationSettings.Add(setting = new AutomationSetting());
            setting.Enabled = false;
            setting.Problem = Microsoft365AutomationSession.SignInAgain;
            await db.SaveChangesAsync();
        }

        await page.GotoAsync("/#/?after=revoked");
        var card = page.GetByTestId("automation-activity");
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync(told);
        await page.GotoAsync("/#/profile");
        await Expect(page.GetByTestId("automation-saved")).ToHaveTextAsync(told);
        await Expect(page.GetByTestId("automation-form").Locator("input[name=enabled]")).Not.ToBeCheckedAsync();
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
    }

    /// <summary>The local user's tenant and object ids, read from the token the host gives the pane.</summary>
    private static async Task<DataOwner> LocalOwnerAsync(IPage page)
    {
        var token = JsonDocument.Parse(await (await page.APIRequest.PostAsync("/auth/local/token")).TextAsync()).RootElement.GetProperty("accessToken").GetString()!;
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
        return new DataOwner(Guid.Parse(claims.GetProperty("tid").GetString()!), Guid.Parse(claims.GetProperty("oid").GetString()!));
    }
}
