using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// Changing what is already there: tailoring one conversation's questions, reordering a saved
/// list's parts with the keyboard, editing a person and merging two people, editing a takeaway's
/// plan in place, and a name refused beside its field, all at 320 px. One host
/// for the class (its data stays out of the shared pane's tests); each test makes its own people
/// and lists, with names no other test uses.
/// </summary>
public sealed class EditingTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public EditingTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task Tailoring_the_questions_for_one_conversation_leaves_the_saved_list_unchanged()
    {
        var list = await ApiAsync(HttpMethod.Post, "/api/question-lists", new
        {
            name = "Transit questions",
            parts = new[] { new { title = "Career history", questions = new[] { "How did you start?" } } },
        });
        var listId = list.GetProperty("id").GetString()!;
        var person = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Tailor Priya", city = "Toronto" });
        var interview = await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = person.GetProperty("id").GetString(), questionListId = listId });
        var interviewId = interview.GetProperty("id").GetString()!;

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: $"#/interviews/{interviewId}", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("questions-tailored")).Not.ToContainTextAsync("Tailored for this conversation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tailor for this conversation" }).ClickAsync();
        await pane.WaitForViewAsync("interview-questions");
        await Expect(pane.Heading).ToHaveTextAsync("Questions for Tailor Priya");
        var firstPart = page.Locator("fieldset[data-part='0']");
        await Expect(firstPart.GetByLabel("Title")).ToHaveValueAsync("Career history");
        await firstPart.GetByLabel("Questions, one per line").FillAsync("How did you start?\nWhat is a day like in {city}?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a part" }).ClickAsync();
        var secondPart = page.Locator("fieldset[data-part='1']");
        await Expect(secondPart.GetByLabel("Title")).ToBeFocusedAsync();
        await secondPart.GetByLabel("Title").FillAsync("Advice");
        await secondPart.GetByLabel("Questions, one per line").FillAsync("What should I read?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up: Advice" }).ClickAsync();
        await Expect(page.Locator("fieldset[data-part='0']").GetByLabel("Title")).ToHaveValueAsync("Advice");

        // A reload keeps the draft, with the added part in its new place.
        await page.ReloadAsync();
        await pane.WaitForViewAsync("interview-questions");
        await Expect(page.Locator("fieldset.part")).ToHaveCountAsync(2);
        await Expect(page.Locator("fieldset[data-part='0']").GetByLabel("Title")).ToHaveValueAsync("Advice");
        await Expect(page.Locator("fieldset[data-part='1']").GetByLabel("Questions, one per line")).ToHaveValueAsync("How did you start?\nWhat is a day like in {city}?");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save for this conversation" }).ClickAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(page.GetByTestId("questions-tailored")).ToContainTextAsync("Tailored for this conversation");
        await page.Locator(".questions summary").ClickAsync();
        await Expect(page.Locator(".questions h3").First).ToHaveTextAsync("Advice");
        await Expect(page.Locator(".questions")).ToContainTextAsync("What is a day like in Toronto?");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        // The saved list, read back, is as it was.
        var saved = await ApiAsync(HttpMethod.Get, $"/api/question-lists/{listId}");
        var savedParts = saved.GetProperty("parts").EnumerateArray().ToList();
        Assert.Single(savedParts);
        Assert.Equal("Career history", savedParts[0].GetProperty("title").GetString());
        Assert.Equal(["How did you start?"], savedParts[0].GetProperty("questions").EnumerateArray().Select(q => q.GetString()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Go back to the saved list" }).ClickAsync();
        await Expect(page.GetByTestId("questions-tailored")).Not.ToContainTextAsync("Tailored for this conversation");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tailor for this conversation" })).ToBeVisibleAsync();
        var questions = await ApiAsync(HttpMethod.Get, $"/api/interviews/{interviewId}/questions");
        Assert.False(questions.GetProperty("isTailored").GetBoolean());
    }

    [Fact]
    public async Task The_keyboard_moves_removes_and_renames_the_parts_of_a_saved_list()
    {
        var list = await ApiAsync(HttpMethod.Post, "/api/question-lists", new
        {
            name = "Reorder me",
            parts = new[]
            {
                new { title = "Start", questions = new[] { "How did you start?" } },
                new { title = "Middle", questions = new[] { "What changed?" } },
                new { title = "Advice", questions = new[] { "What should I read?", "Who else should I ask?" } },
            },
        });
        var listId = list.GetProperty("id").GetString()!;

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: $"#/question-lists/{listId}", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("question-list");

        // Up twice with Enter: the focus stays on the part that moves, and at the top it is on "down".
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up: Advice" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move up: Advice" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move down: Advice" })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move up: Advice" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Edit question list" }).GetByRole(AriaRole.Status)).ToContainTextAsync("Moved Advice to place 1 of 3.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove part: Middle" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("fieldset.part")).ToHaveCountAsync(2);
        await page.Locator("fieldset[data-part='1']").GetByLabel("Title").FillAsync("Beginnings");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove part: Beginnings" })).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save list" }).ClickAsync();
        await pane.WaitForViewAsync("question-lists");

        var saved = await ApiAsync(HttpMethod.Get, $"/api/question-lists/{listId}");
        var parts = saved.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["Advice", "Beginnings"], parts.Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(["What should I read?", "Who else should I ask?"], parts[0].GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(["How did you start?"], parts[1].GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public async Task Editing_a_person_to_an_email_someone_else_has_offers_a_merge_that_keeps_both_sets_of_interviews()
    {
        var first = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Ana Lopez", email = "ana.lopez@example.com", organisation = "TTC" });
        var firstId = first.GetProperty("id").GetString()!;
        await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = firstId });
        var second = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Ana L.", notes = "Met at the career fair." });
        var secondId = second.GetProperty("id").GetString()!;
        await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = secondId });

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: $"#/people/{secondId}/edit", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("person-edit");

        // Every field saves.
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Service planner");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Toronto");
        await page.GetByLabel("Time zone").FillAsync("America/Toronto");
        await page.GetByLabel("Field", new() { Exact = true }).FillAsync("Transit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        var edited = await ApiAsync(HttpMethod.Get, $"/api/people/{secondId}");
        Assert.Equal("Service planner", edited.GetProperty("role").GetString());
        Assert.Equal("America/Toronto", edited.GetProperty("timeZone").GetString());
        Assert.Equal("Transit", edited.GetProperty("field").GetString());
        Assert.Equal("Met at the career fair.", edited.GetProperty("notes").GetString());

        // The other Ana's email: refused, with an offer to merge.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await pane.WaitForViewAsync("person-edit");
        await page.GetByLabel("Email").FillAsync("ana.lopez@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByTestId("merge-offer")).ToContainTextAsync("Already on your list");
        await Expect(pane.Error).ToContainTextAsync("Ana Lopez");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("ana.lopez@example.com");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Merge the two people" }).ClickAsync();
        await pane.WaitForViewAsync("person-merge");
        await Expect(pane.Heading).ToHaveTextAsync("Merge Ana Lopez into Ana L.?");
        await Expect(page.GetByTestId("merge-summary")).ToContainTextAsync("Ana L. keeps their 1 conversation and gets Ana Lopez's 1 conversation.");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Ana L.");
        await Expect(page.GetByTestId("person-interviews").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(page.Locator(".facts")).ToContainTextAsync("ana.lopez@example.com");
        await Expect(page.Locator(".notes")).ToContainTextAsync("Met at the career fair.");

        // The edit typed before the merge is gone: editing now starts from the merged person.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await pane.WaitForViewAsync("person-edit");
        await Expect(page.GetByLabel("Organisation")).ToHaveValueAsync("TTC");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await StatusAsync($"/api/people/{firstId}"));
    }

    [Fact]
    public async Task Merging_from_the_person_page_picks_the_other_person_from_a_list()
    {
        var keep = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Jordan Wu", organisation = "Metrolinx" });
        var keepId = keep.GetProperty("id").GetString()!;
        await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = keepId });
        var duplicate = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "J. Wu", email = "jwu@example.com" });
        var duplicateId = duplicate.GetProperty("id").GetString()!;
        await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = duplicateId });
        await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = duplicateId });

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: $"#/people/{keepId}", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("person");
        await page.GetByRole(AriaRole.Link, new() { Name = "Merge with another person" }).ClickAsync();

        await pane.WaitForViewAsync("person-merge");
        var picker = page.GetByLabel("Who is the same person as Jordan Wu?");
        await Expect(picker.Locator("option", new() { HasText = "Jordan Wu" })).ToHaveCountAsync(0);
        await picker.SelectOptionAsync(duplicateId);
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(pane.Heading).ToHaveTextAsync("Merge J. Wu into Jordan Wu?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(page.GetByTestId("person-interviews").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await Expect(page.Locator(".facts")).ToContainTextAsync("jwu@example.com");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await StatusAsync($"/api/people/{duplicateId}"));
    }

    [Fact]
    public async Task A_referral_someone_else_suggested_first_is_refused_with_a_link_to_them_and_nothing_changes()
    {
        var ana = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Ana Referrer", email = "ana.referrer@example.com" });
        var first = await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = ana.GetProperty("id").GetString() });
        var sam = await ApiAsync(HttpMethod.Post, $"/api/interviews/{first.GetProperty("id").GetString()}/referrals", new { name = "Sam Suggested", email = "sam.suggested@example.com" });
        var jordan = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Jordan Second", email = "jordan.second@example.com" });
        var second = await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = jordan.GetProperty("id").GetString() });

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: $"#/interviews/{second.GetProperty("id").GetString()}", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("interview");
        // Before the meeting the section is folded under its heading.
        await page.Locator("summary", new() { HasText = "People they suggested" }).ClickAsync();
        var referrals = page.GetByRole(AriaRole.Form, new() { Name = "People they suggested" });
        await referrals.GetByLabel("Name").FillAsync("Sam S.");
        await referrals.GetByLabel("Email").FillAsync("SAM.SUGGESTED@example.com");
        await referrals.GetByRole(AriaRole.Button, new() { Name = "Add referral" }).ClickAsync();

        // Said in words, with the person one click away; the first suggestion keeps its link.
        await Expect(page.GetByTestId("error")).ToContainTextAsync("Sam Suggested is already on your list, suggested by Ana Referrer.");
        await Expect(referrals.GetByLabel("Name")).ToHaveValueAsync("Sam S.");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByTestId("referral-offer").GetByRole(AriaRole.Link, new() { Name = "Open Sam Suggested" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Sam Suggested");
        var samNow = await ApiAsync(HttpMethod.Get, $"/api/people/{sam.GetProperty("id").GetString()}");
        Assert.Equal(ana.GetProperty("id").GetString(), samNow.GetProperty("referredBy").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Adding_a_person_whose_email_is_on_the_list_offers_to_open_them_or_merge_what_was_typed()
    {
        var existing = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Rosa Diaz", email = "rosa.diaz@example.com", organisation = "Metrolinx", notes = "Met at the transit meetup." });
        var existingId = existing.GetProperty("id").GetString()!;
        await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = existingId });

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: "#/people/new", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("person-new");
        await page.GetByLabel("Name").FillAsync("Rosa D.");
        await page.GetByLabel("Email").FillAsync(" ROSA.DIAZ@example.com");
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Data analyst");
        await page.GetByLabel("Notes").FillAsync("Prefers mornings.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();

        // Refused with the existing person named, and what a merge would change listed first.
        var offer = page.GetByTestId("duplicate-offer");
        await Expect(offer).ToContainTextAsync("Rosa Diaz already has the email rosa.diaz@example.com. Open them, or merge what you typed into them.");
        await Expect(page.GetByTestId("duplicate-changes")).ToContainTextAsync("Name: Rosa Diaz becomes Rosa D.");
        await Expect(page.GetByTestId("duplicate-changes")).ToContainTextAsync("Role: Data analyst");
        await Expect(page.GetByLabel("Name")).ToHaveValueAsync("Rosa D.");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        // Open: the existing person, as they were.
        await offer.GetByRole(AriaRole.Link, new() { Name = "Open Rosa Diaz" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Rosa Diaz");
        await Expect(page.Locator(".facts")).Not.ToContainTextAsync("Data analyst");

        // Back to the form, which kept what was typed; this time merge it in.
        await page.GoBackAsync();
        await pane.WaitForViewAsync("person-new");
        await Expect(page.GetByLabel("Role", new() { Exact = true })).ToHaveValueAsync("Data analyst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await offer.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Rosa D.");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Data analyst");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Metrolinx");
        await Expect(page.GetByTestId("person-interviews").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        var merged = await ApiAsync(HttpMethod.Get, $"/api/people/{existingId}");
        Assert.Equal("Met at the transit meetup.\n\nPrefers mornings.", merged.GetProperty("notes").GetString());
        Assert.Equal("rosa.diaz@example.com", merged.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_takeaway_with_what_I_will_do_is_listed_and_its_plan_edited_in_place_stays_after_a_reload()
    {
        var person = await ApiAsync(HttpMethod.Post, "/api/people", new { name = "Plan Okafor" });
        var interview = await ApiAsync(HttpMethod.Post, "/api/interviews", new { personId = person.GetProperty("id").GetString() });
        var interviewId = interview.GetProperty("id").GetString()!;

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: $"#/interviews/{interviewId}", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("interview");
        // Before the meeting the section is folded under its heading.
        await page.Locator("summary", new() { HasText = "Takeaways" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Form, new() { Name = "Takeaways" });
        await Expect(add.GetByLabel("What I'll do with it")).ToHaveAttributeAsync("placeholder", "Sign up for the spring hackathon");
        await add.GetByLabel("A takeaway").FillAsync("Hackathons are how the team hires");
        await add.GetByLabel("What I'll do with it").FillAsync("Sign up for the spring hackathon");
        await add.GetByLabel("This was the most helpful tip").CheckAsync();
        await add.GetByRole(AriaRole.Button, new() { Name = "Add takeaway" }).ClickAsync();

        var listed = page.GetByTestId("takeaways").GetByRole(AriaRole.Listitem);
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("Hackathons are how the team hires");
        await Expect(listed.GetByTestId("takeaway-action")).ToHaveTextAsync("What I'll do: Sign up for the spring hackathon");

        // Cancel leaves it as it was.
        await listed.GetByRole(AriaRole.Button, new() { Name = "Edit takeaway: Hackathons are how the team hires" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "Edit takeaway: Hackathons are how the team hires" });
        await Expect(edit.GetByRole(AriaRole.Textbox, new() { Name = "Takeaway", Exact = true })).ToBeFocusedAsync();
        await edit.GetByLabel("What I'll do with it").FillAsync("Something else");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);
        await Expect(listed.GetByTestId("takeaway-action")).ToHaveTextAsync("What I'll do: Sign up for the spring hackathon");

        // Save changes the text and the plan in place.
        await listed.GetByRole(AriaRole.Button, new() { Name = "Edit takeaway: Hackathons are how the team hires" }).ClickAsync();
        await Expect(edit.GetByLabel("What I'll do with it")).ToHaveValueAsync("Sign up for the spring hackathon");
        await edit.GetByRole(AriaRole.Textbox, new() { Name = "Takeaway", Exact = true }).FillAsync("Hackathons are how the team finds people");
        await edit.GetByLabel("What I'll do with it").FillAsync("Enter the spring hackathon with two classmates");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);
        await Expect(listed.GetByTestId("takeaway-action")).ToHaveTextAsync("What I'll do: Enter the spring hackathon with two classmates");

        await page.ReloadAsync();
        await pane.WaitForViewAsync("interview");
        await Expect(listed).ToContainTextAsync("Hackathons are how the team finds people");
        await Expect(listed).ToContainTextAsync("Most helpful");
        await Expect(listed.GetByTestId("takeaway-action")).ToHaveTextAsync("What I'll do: Enter the spring hackathon with two classmates");
        var saved = (await ApiAsync(HttpMethod.Get, $"/api/interviews/{interviewId}")).GetProperty("takeaways")[0];
        Assert.Equal("Enter the spring hackathon with two classmates", saved.GetProperty("action").GetString());
        Assert.True(saved.GetProperty("isMostHelpful").GetBoolean());
    }

    [Fact]
    public async Task A_name_with_markup_is_refused_beside_the_field_and_greet_as_is_saved_once_it_is_fixed()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: "#/people/new", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("person-new");
        await Expect(page.GetByText("e.g. Dr. Okafor; leave blank to use their first name")).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync("Chidi <b>Markup</b>");
        await page.GetByLabel("Greet as").FillAsync("Dr. Markup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();

        await Expect(page.Locator("[data-error-for='name']")).ToHaveTextAsync("This does not look like a name: remove the <, >, { } or [[ ]].");
        await Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Name")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-error-for='greetAs']")).ToBeEmptyAsync();
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByLabel("Name").FillAsync("Chidi Markup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(pane.Heading).ToHaveTextAsync("Chidi Markup");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Greet asDr. Markup");
        var id = page.Url[(page.Url.IndexOf("/people/", StringComparison.Ordinal) + "/people/".Length)..];
        Assert.Equal("Dr. Markup", (await ApiAsync(HttpMethod.Get, $"/api/people/{id}")).GetProperty("greetAs").GetString());

        // The edit form shows it, and clearing it goes back to their first name.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await pane.WaitForViewAsync("person-edit");
        await Expect(page.GetByLabel("Greet as")).ToHaveValueAsync("Dr. Markup");
        await page.GetByLabel("Greet as").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await pane.WaitForViewAsync("person");
        await Expect(page.Locator(".facts")).Not.ToContainTextAsync("Greet as");
        Assert.Equal(JsonValueKind.Null, (await ApiAsync(HttpMethod.Get, $"/api/people/{id}")).GetProperty("greetAs").ValueKind);
    }

    private async Task<HttpClient> ClientAsync()
    {
        var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var tokenResponse = await client.PostAsync(new Uri("/auth/local/token", UriKind.Relative), null);
        tokenResponse.EnsureSuccessStatusCode();
        var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The API as the pane's user: sets up what a test starts from and reads back what the pane saved.</summary>
    private async Task<JsonElement> ApiAsync(HttpMethod method, string path, object? body = null)
    {
        using var client = await ClientAsync();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<System.Net.HttpStatusCode> StatusAsync(string path)
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
