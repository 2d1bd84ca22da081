using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// The three things the product exists for, in local mode, through the real host and the real
/// pane: the outreach request (checked as it is edited), the invite with the question list
/// attached, and the thank-you quoting a takeaway, each found afterwards on the local mailbox page.
/// One host for the class; each test sets the profile name it needs and uses its own people.
/// </summary>
public sealed class DraftActionsTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public DraftActionsTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task Outreach_invite_and_thank_you_are_created_from_the_conversation_and_found_in_the_local_mailbox()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 360);
        var page = pane.Page;
        await SetProfileNameAsync(pane, "Sam Lee");
        await AddPersonAsync(pane, "Priya Shah", "priya.shah@metrolinx.example", "Europe/Paris");
        await pane.PlanConversationAsync();
        var interviewUrl = page.Url;
        await PlanTimeAsync(pane, DateTime.Now.AddDays(7));

        // The outreach request: the checker's verdict beside the text, again after an edit.
        var drafts = page.GetByTestId("draft-actions");
        await Expect(drafts.GetByRole(AriaRole.Link, new() { Name = "Draft the thank-you" })).ToHaveCountAsync(0);
        await drafts.GetByRole(AriaRole.Link, new() { Name = "Draft the outreach request" }).ClickAsync();
        await pane.WaitForViewAsync("draft");
        await Expect(page.GetByTestId("draft-to")).ToContainTextAsync("priya.shah@metrolinx.example");
        await Expect(page.GetByTestId("findings-summary")).ToHaveTextAsync("No problems found.");
        await Expect(page.GetByTestId("findings").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "Body" });
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Is there a job for me on your team?");
        var findings = page.GetByTestId("findings");
        await Expect(findings.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(findings).ToContainTextAsync("“job”");
        await Expect(page.GetByTestId("findings-summary")).Not.ToHaveTextAsync("No problems found.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        await Expect(findings).ToContainTextAsync("“job”");

        var subject = await page.GetByLabel("Subject").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft in Outlook" }).ClickAsync();
        await Expect(page.GetByTestId("result-sentence")).ToContainTextAsync("in your Drafts folder");
        var mailboxLink = page.GetByRole(AriaRole.Link, new() { Name = "See it in the local mailbox" });
        var outreachHref = await mailboxLink.GetAttributeAsync("href");
        await page.GetByRole(AriaRole.Button, new() { Name = "I sent it: mark contacted" }).ClickAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Contacted");

        // On the local mailbox page: the draft, to Priya, with the subject and the edit.
        await page.GotoAsync("/" + outreachHref);
        await pane.WaitForViewAsync("mailbox");
        var outreach = page.Locator(".mail-item.highlight");
        await Expect(outreach).ToHaveCountAsync(1);
        await Expect(outreach).ToHaveAttributeAsync("data-testid", new Regex("^mailbox-message-"));
        await Expect(outreach.GetByTestId("mail-to")).ToContainTextAsync("priya.shah@metrolinx.example");
        await Expect(outreach.Locator("h3")).ToHaveTextAsync(subject);
        await Expect(outreach.FrameLocator("iframe").Locator("body")).ToContainTextAsync("Is there a job for me on your team?");
        await Expect(page.GetByTestId("mailbox-drafts")).ToContainTextAsync(subject);

        // The invite: the time in both zones, whether the questions fit, the attached file.
        await page.GotoAsync(interviewUrl);
        await pane.WaitForViewAsync("interview");
        await page.GetByTestId("draft-actions").GetByRole(AriaRole.Link, new() { Name = "Prepare the invite" }).ClickAsync();
        await pane.WaitForViewAsync("draft");
        await Expect(page.GetByTestId("meeting-summary")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("meeting-their-time")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("estimate")).ToContainTextAsync("minutes");
        var attachmentLink = page.GetByTestId("attachment-link");
        var fileName = (await attachmentLink.TextContentAsync())!;
        Assert.EndsWith(".docx", fileName, StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => attachmentLink.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invite" }).ClickAsync();
        await Expect(page.GetByTestId("result-stage")).ToHaveTextAsync("Scheduled");
        await page.GetByRole(AriaRole.Link, new() { Name = "See it in the local mailbox" }).ClickAsync();
        await pane.WaitForViewAsync("mailbox");
        var invite = page.Locator(".mail-item.highlight");
        await Expect(invite).ToHaveAttributeAsync("data-testid", new Regex("^mailbox-event-"));
        await Expect(invite.GetByTestId("event-attachments")).ToContainTextAsync(fileName);
        var invitation = invite.GetByTestId("event-invitations").GetByRole(AriaRole.Listitem);
        await Expect(invitation).ToHaveCountAsync(1);
        await Expect(invitation).ToContainTextAsync("priya.shah@metrolinx.example");
        await Expect(invitation).ToContainTextAsync($"Carried {fileName}");
        var saved = await page.RunAndWaitForDownloadAsync(() => invite.GetByRole(AriaRole.Button, new() { Name = $"Download {fileName}" }).ClickAsync());
        Assert.Equal(fileName, saved.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await saved.PathAsync())!);
        Assert.True(bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "The attachment downloaded from the mailbox page is not a Word document.");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        // The thank-you: first a takeaway, then the draft quoting it.
        await page.GotoAsync(interviewUrl);
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Scheduled");
        // The meeting is still ahead, so marking it interviewed asks first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark interviewed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, mark interviewed" }).ClickAsync();
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Interviewed");
        await Expect(page.GetByTestId("draft-actions").GetByRole(AriaRole.Button, new() { Name = "Draft the thank-you" })).ToBeDisabledAsync();
        var takeaways = page.GetByRole(AriaRole.Form, new() { Name = "Takeaways" });
        await takeaways.GetByLabel("A takeaway").FillAsync("Learn GIS before the first placement");
        await takeaways.GetByLabel("What I'll do with it").FillAsync("signed up for the spring GIS workshop");
        await takeaways.GetByLabel("This was the most helpful tip").CheckAsync();
        await takeaways.GetByRole(AriaRole.Button, new() { Name = "Add takeaway" }).ClickAsync();
        await Expect(page.GetByTestId("takeaways")).ToContainTextAsync("Learn GIS before the first placement");

        await page.GetByTestId("draft-actions").GetByRole(AriaRole.Link, new() { Name = "Draft the thank-you" }).ClickAsync();
        await pane.WaitForViewAsync("draft");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Learn GIS before the first placement (most helpful)" })).ToBeCheckedAsync();
        var thanksBody = page.GetByRole(AriaRole.Textbox, new() { Name = "Body" });
        await Expect(thanksBody).ToContainTextAsync("Learn GIS before the first placement");
        // The plan stored with the takeaway, and the checks any mail gets, as the user edits.
        await Expect(thanksBody).ToContainTextAsync("I signed up for the spring GIS workshop.");
        await Expect(page.GetByTestId("findings-summary")).ToHaveTextAsync("No problems found.");
        await thanksBody.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" See you at [Event name].");
        await Expect(page.GetByTestId("findings")).ToContainTextAsync("[Event name]");
        await Expect(page.GetByTestId("findings-summary")).ToHaveTextAsync("1 thing to look at.");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create thank-you draft" }).ClickAsync();
        await Expect(page.GetByTestId("result-sentence")).ToContainTextAsync("thank-you");
        var thankYouHref = await page.GetByRole(AriaRole.Link, new() { Name = "See it in the local mailbox" }).GetAttributeAsync("href");
        // The meeting's planned time is still a week ahead: saying "I sent it" is the confirmation the API asks for.
        await page.GetByRole(AriaRole.Button, new() { Name = "I sent it: mark thanked" }).ClickAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("stage")).ToHaveTextAsync("Thanked");
        await Expect(pane.Error).ToBeHiddenAsync();
        await page.GotoAsync("/" + thankYouHref);
        await pane.WaitForViewAsync("mailbox");
        var thankYou = page.Locator(".mail-item.highlight");
        await Expect(thankYou).ToHaveAttributeAsync("data-testid", new Regex("^mailbox-message-"));
        await Expect(thankYou.GetByTestId("mail-to")).ToContainTextAsync("priya.shah@metrolinx.example");
        await Expect(thankYou.FrameLocator("iframe").Locator("body")).ToContainTextAsync("Learn GIS before the first placement");
    }

    [Fact]
    public async Task The_invite_preview_names_the_questions_a_half_hour_leaves_out_and_a_longer_meeting_carries_them_all()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 360);
        var page = pane.Page;
        await SetProfileNameAsync(pane, "Sam Lee");
        await AddPersonAsync(pane, "Noor Haddad", "noor.haddad@example.org");
        await pane.PlanConversationAsync();
        var interviewUrl = page.Url;
        await PlanTimeAsync(pane, DateTime.Now.AddDays(7));

        // 30 minutes (the default) hold 13 of the default list's 18 questions.
        await page.GetByTestId("draft-actions").GetByRole(AriaRole.Link, new() { Name = "Prepare the invite" }).ClickAsync();
        await pane.WaitForViewAsync("draft");
        await Expect(page.GetByTestId("left-out-summary")).ToHaveTextAsync("13 of 18 questions fit a 30-minute meeting; the other 5 stay in your list:");
        var leftOut = page.GetByTestId("left-out-questions").GetByRole(AriaRole.Listitem);
        await Expect(leftOut).ToHaveCountAsync(5);
        await Expect(leftOut.First).ToHaveTextAsync("How would you describe someone who would excel in this career? What personality traits?");
        await Expect(leftOut.Last).ToHaveTextAsync("What is a typical entry-level title?");
        var body = page.GetByRole(AriaRole.Textbox, new() { Name = "Body" });
        await Expect(body).ToContainTextAsync("What did you study after high school?");
        await Expect(body).ToContainTextAsync("Who else would you recommend I speak with");
        await Expect(body).Not.ToContainTextAsync("What is a typical entry-level title?");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        // An hour holds them all: nothing is left out.
        await page.GotoAsync(interviewUrl);
        await pane.WaitForViewAsync("interview");
        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Plan" });
        await plan.GetByLabel("How long (minutes)").FillAsync("60");
        await page.RunAndWaitForResponseAsync(() => plan.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync(),
            r => r.Request.Method == "PUT" && r.Url.EndsWith(interviewUrl[(interviewUrl.LastIndexOf('/') + 1)..], StringComparison.Ordinal) && r.Ok);
        await page.ReloadAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(plan.GetByLabel("How long (minutes)")).ToHaveValueAsync("60");
        await page.GetByTestId("draft-actions").GetByRole(AriaRole.Link, new() { Name = "Prepare the invite" }).ClickAsync();
        await pane.WaitForViewAsync("draft");
        await Expect(page.GetByTestId("estimate")).ToContainTextAsync("the meeting is 60 minutes");
        await Expect(page.GetByText("They fit in the meeting.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("left-out-questions")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Body" })).ToContainTextAsync("What is a typical entry-level title?");
    }

    [Fact]
    public async Task Without_a_name_in_the_profile_the_draft_says_so_and_links_to_the_profile()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, width: 360);
        var page = pane.Page;
        await SetProfileNameAsync(pane, "");
        await AddPersonAsync(pane, "Noor Haddad", "noor.haddad@fabrikam.example");
        await pane.PlanConversationAsync();

        await page.GetByTestId("draft-actions").GetByRole(AriaRole.Link, new() { Name = "Draft the outreach request" }).ClickAsync();
        await pane.WaitForViewAsync("draft");
        await Expect(pane.Error).ToContainTextAsync("Add your name to your profile first");
        var problem = page.GetByTestId("draft-problem");
        await Expect(problem).ToContainTextAsync("Add your name to your profile first");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        await problem.GetByRole(AriaRole.Link, new() { Name = "Add your name to your profile" }).ClickAsync();
        await pane.WaitForViewAsync("profile");
        await Expect(page.GetByLabel("Your name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reading_a_message_from_a_person_on_the_list_leads_to_their_outreach_draft_as_a_reply()
    {
        const string email = "lena.fischer@contoso.example";
        string incomingId;
        await using (var browser = await PanePage.OpenAsync(fixture, office: null, width: 360))
        {
            await SetProfileNameAsync(browser, "Sam Lee");
            await AddPersonAsync(browser, "Lena Fischer", email);
            await browser.PlanConversationAsync();

            // Lena writes first: a message in the local mailbox's inbox, as if she had.
            var page = browser.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = "Mailbox" }).ClickAsync();
            await browser.WaitForViewAsync("mailbox");
            var form = page.GetByRole(AriaRole.Form, new() { Name = "Simulate a message from…" });
            await form.GetByLabel("Their name").FillAsync("Lena Fischer");
            await form.GetByLabel("Their email").FillAsync(email);
            await form.GetByLabel("Subject").FillAsync("Your question about planning");
            await form.GetByLabel("What they wrote").FillAsync("Happy to help: write to me about it.");
            await form.GetByRole(AriaRole.Button, new() { Name = "Simulate the message" }).ClickAsync();
            var incoming = page.Locator(".mail-item.highlight");
            await Expect(incoming).ToContainTextAsync("Your question about planning");
            await Expect(page.GetByTestId("mailbox-inbox")).ToContainTextAsync("Your question about planning");
            incomingId = (await incoming.GetAttributeAsync("data-testid"))!["mailbox-message-".Length..];
            await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
            await PageChecks.AssertFitsAsync(page);
        }

        // Outlook gives the pane the message's EWS id; the stub turns it back into the REST id.
        var office = OfficeStub.In(OfficeSurface.MessageRead) with
        {
            From = new Sender("Lena Fischer", email.ToUpperInvariant()),
            Subject = "Your question about planning",
            ItemId = incomingId.Replace('-', '/').Replace('_', '+'),
        };
        await using var pane = await PanePage.OpenAsync(fixture, office, path: "#/outreach", width: 360);
        var outlook = pane.Page;
        await pane.WaitForViewAsync("outreach-entry");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(outlook);
        await PageChecks.AssertFitsAsync(outlook);
        await outlook.GetByRole(AriaRole.Link, new() { Name = "Draft outreach to Lena Fischer" }).ClickAsync();

        await pane.WaitForViewAsync("draft");
        await Expect(outlook.GetByTestId("draft-to")).ToContainTextAsync(email);
        await Expect(outlook.GetByTestId("draft-reply")).ToBeVisibleAsync();
        await outlook.GetByRole(AriaRole.Button, new() { Name = "Create draft in Outlook" }).ClickAsync();
        await Expect(outlook.GetByTestId("result-sentence")).ToContainTextAsync("as a reply in your conversation");

        // Outlook opens the new draft itself, from its EWS id.
        var opened = await pane.OfficeCallArgumentsAsync("mailbox.displayMessageForm");
        Assert.Single(opened);
        Assert.Contains("mailbox.convertToEwsId", await pane.OfficeCallsAsync());
        await Expect(outlook.GetByRole(AriaRole.Button, new() { Name = "Open the draft in Outlook" })).ToBeVisibleAsync();

        await outlook.GotoAsync("/#/mailbox");
        await pane.WaitForViewAsync("mailbox");
        var reply = outlook.GetByTestId("mailbox-drafts").Locator(".mail-item", new() { Has = outlook.GetByTestId("mail-reply-to") });
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply.GetByTestId("mail-reply-to")).ToHaveTextAsync("Your question about planning");
        await Expect(reply.GetByTestId("mail-to")).ToContainTextAsync(email);
    }

    private static async Task SetProfileNameAsync(PanePage pane, string name)
    {
        var page = pane.Page;
        await page.GotoAsync("/#/profile");
        await pane.WaitForViewAsync("profile");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Time zone").FillAsync("America/Toronto");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.GetByTestId("profile-saved")).ToHaveTextAsync("Profile saved.");
    }

    private static async Task AddPersonAsync(PanePage pane, string name, string email, string? timeZone = null)
    {
        var page = pane.Page;
        await page.GotoAsync("/#/people/new");
        await pane.WaitForViewAsync("person-new");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        if (timeZone is not null) await page.GetByLabel("Time zone").FillAsync(timeZone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await pane.WaitForViewAsync("person");
    }

    private static async Task PlanTimeAsync(PanePage pane, DateTime when)
    {
        var page = pane.Page;
        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Plan" });
        await plan.GetByLabel("When").FillAsync(when.ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture));
        await plan.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Expect(page.GetByTestId("planned-start")).Not.ToBeEmptyAsync();
    }
}
