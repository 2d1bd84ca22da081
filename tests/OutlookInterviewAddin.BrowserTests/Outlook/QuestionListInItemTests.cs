using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Outlook;

/// <summary>
/// Organizing a meeting in Outlook: "Add question list" writes the agenda into the open item (in its
/// body type, above what the user wrote), attaches the file, sets the category and links the item,
/// and pressing it again replaces rather than duplicates. Office.js is the test's stub.
/// </summary>
public sealed class QuestionListInItemTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public QuestionListInItemTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Theory]
    [InlineData("html")]
    [InlineData("text")]
    public async Task The_question_list_goes_into_the_invite_once_with_the_file_the_category_and_the_link(string bodyType)
    {
        var email = $"priya.{bodyType}.{Guid.NewGuid():N}@metrolinx.example";
        var office = OfficeStub.In(OfficeSurface.AppointmentOrganizer) with
        {
            Attendees = [new Sender("Priya Shah", email)],
            Start = DateTimeOffset.UtcNow.AddDays(5).ToString("o"),
            Minutes = 20,
            Body = bodyType == "html" ? "<p>Looking forward to it!</p>" : "Looking forward to it!",
            BodyType = bodyType,
        };
        await using var pane = await PanePage.OpenAsync(fixture, office);
        var page = pane.Page;
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
        var person = JsonDocument.Parse(await LocalApi.CallAsync(page, "POST", "/api/people", new { name = "Priya Shah", email, organisation = "Metrolinx" })).RootElement;
        var interview = JsonDocument.Parse(await LocalApi.CallAsync(page, "POST", "/api/interviews", new { personId = person.GetProperty("id").GetString() })).RootElement;
        var interviewId = interview.GetProperty("id").GetString();

        await page.GotoAsync("/#/questions/attach");
        await pane.WaitForViewAsync("attach-entry");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add question list for Priya Shah" });
        await add.ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Added the question list");
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("for 20 minutes");
        await add.ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Replaced the question list");

        var state = await page.EvaluateAsync<JsonElement>("() => window.__officeStub.state");
        var body = state.GetProperty("body").GetString()!;
        Assert.Equal(1, Regex.Count(body, "Agenda and questions"));
        Assert.Equal(1, Regex.Count(body, "Informational interview with Priya Shah"));
        Assert.EndsWith(bodyType == "html" ? "<p>Looking forward to it!</p>" : "Looking forward to it!", body, StringComparison.Ordinal);
        if (bodyType == "html") Assert.Contains("<h2>", body, StringComparison.Ordinal);
        else Assert.DoesNotContain("<", body, StringComparison.Ordinal);
        // 20 minutes leave room for 7 questions by the product's estimate, not the whole list.
        Assert.InRange(Regex.Count(body, @"\?"), 3, 9);
        var attachments = state.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(["Questions for Priya Shah.docx"], attachments);
        Assert.Equal(["Informational interview"], state.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var properties = state.GetProperty("customProperties");
        Assert.Equal(interviewId, properties.GetProperty("interviewId").GetString());
        Assert.Equal("true", properties.GetProperty("questionListAdded").GetString());
        var setCalls = await pane.OfficeCallArgumentsAsync("body.setAsync");
        Assert.All(setCalls, args => Assert.Equal(bodyType, args[1].GetProperty("coercionType").GetString()));
    }

    [Fact]
    public async Task An_attendee_on_the_list_without_a_conversation_gets_one_planned_once_when_the_list_is_added()
    {
        var email = $"omar.{Guid.NewGuid():N}@example.org";
        var office = OfficeStub.In(OfficeSurface.AppointmentOrganizer) with
        {
            Attendees = [new Sender("Omar Haddad", email)],
            Start = DateTimeOffset.UtcNow.AddDays(4).ToString("o"),
        };
        await using var pane = await PanePage.OpenAsync(fixture, office);
        var page = pane.Page;
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto" });
        var personId = await LocalApi.IdOfAsync(page, "POST", "/api/people", new { name = "Omar Haddad", email });

        await page.GotoAsync("/#/questions/attach");
        await pane.WaitForViewAsync("attach-entry");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add question list for Omar Haddad" });
        await add.ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Added the question list");
        await add.ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Replaced the question list");

        var interviews = JsonDocument.Parse(await LocalApi.CallAsync(page, "GET", $"/api/interviews?personId={personId}")).RootElement.GetProperty("items");
        var only = Assert.Single(interviews.EnumerateArray());
        var state = await page.EvaluateAsync<JsonElement>("() => window.__officeStub.state");
        Assert.Equal(only.GetProperty("id").GetString(), state.GetProperty("customProperties").GetProperty("interviewId").GetString());
    }

    private static OfficeStub Organizing(string name, string email, string displayLanguage) => OfficeStub.In(OfficeSurface.AppointmentOrganizer) with
    {
        Attendees = [new Sender(name, email)],
        Start = DateTimeOffset.UtcNow.AddDays(6).ToString("o"),
        Minutes = 30,
        Body = "<p>Au plaisir !</p>",
        BodyType = "html",
        DisplayLanguage = displayLanguage,
    };

    /// <summary>The attach screen of a meeting whose one attendee is on the list, written to in <paramref name="language"/>.</summary>
    private static async Task<string> AttachScreenAsync(PanePage pane, string name, string email, string language)
    {
        await LocalApi.CallAsync(pane.Page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto", language = "auto" });
        var personId = await LocalApi.IdOfAsync(pane.Page, "POST", "/api/people", new { name, email, language });
        await pane.Page.GotoAsync("/#/questions/attach");
        await pane.WaitForViewAsync("attach-entry");
        return personId;
    }

    private static async Task<(string Body, List<string?> Attachments)> ItemAsync(IPage page)
    {
        var state = await page.EvaluateAsync<JsonElement>("() => window.__officeStub.state");
        return (state.GetProperty("body").GetString()!, state.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()).ToList());
    }

    [Fact]
    public async Task Pressed_twice_in_French_the_invite_still_has_one_agenda_and_one_file()
    {
        var email = $"elise.{Guid.NewGuid():N}@hydro.example";
        await using var pane = await PanePage.OpenAsync(fixture, Organizing("Élise Tremblay", email, "fr-FR"));
        var page = pane.Page;
        await AttachScreenAsync(pane, "Élise Tremblay", email, "fr");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la liste de questions pour Élise Tremblay" });
        await add.ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Liste de questions ajoutée");
        await add.ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Liste de questions remplacée");

        var (body, attachments) = await ItemAsync(page);
        Assert.Equal(1, Regex.Count(body, "Ordre du jour et questions"));
        Assert.Equal(1, Regex.Count(body, "fin de l’ordre du jour"));
        Assert.DoesNotContain("Agenda and questions", body, StringComparison.Ordinal);
        Assert.EndsWith("<p>Au plaisir !</p>", body, StringComparison.Ordinal);
        Assert.Equal(["Questions pour Élise Tremblay.docx"], attachments);
    }

    [Fact]
    public async Task Pressed_once_in_English_then_once_in_French_the_invite_still_has_one_agenda_and_one_file()
    {
        var email = $"leo.{Guid.NewGuid():N}@stm.example";
        await using var pane = await PanePage.OpenAsync(fixture, Organizing("Léo Gagnon", email, "en-US"));
        var page = pane.Page;
        var personId = await AttachScreenAsync(pane, "Léo Gagnon", email, "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add question list for Léo Gagnon" }).ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Added the question list");
        Assert.Equal(["Questions for Léo Gagnon.docx"], (await ItemAsync(page)).Attachments);

        // The pane switched to French, and Léo is now written to in French.
        await LocalApi.CallAsync(page, "PUT", $"/api/people/{personId}", new { name = "Léo Gagnon", email, language = "fr" });
        await page.GotoAsync("/#/profile");
        await pane.WaitForViewAsync("profile");
        await page.GetByLabel("Language of the pane").SelectOptionAsync("fr");
        await Expect(pane.Heading).ToHaveTextAsync("Votre profil");
        await page.GotoAsync("/#/questions/attach");
        await pane.WaitForViewAsync("attach-entry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la liste de questions pour Léo Gagnon" }).ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToContainTextAsync("Liste de questions remplacée");

        var (body, attachments) = await ItemAsync(page);
        await LocalApi.CallAsync(page, "PUT", "/api/profile", new { fullName = "Sam Lee", timeZone = "America/Toronto", language = "auto" });
        Assert.Equal(1, Regex.Count(body, "Ordre du jour et questions"));
        Assert.DoesNotContain("Agenda and questions", body, StringComparison.Ordinal);
        Assert.DoesNotContain("(end of the agenda)", body, StringComparison.Ordinal);
        Assert.EndsWith("<p>Au plaisir !</p>", body, StringComparison.Ordinal);
        Assert.Equal(["Questions pour Léo Gagnon.docx"], attachments);
    }
}
