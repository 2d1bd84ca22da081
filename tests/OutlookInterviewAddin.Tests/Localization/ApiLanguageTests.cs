using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Tests.NextActions;

namespace OutlookInterviewAddin.Tests.Localization;

/// <summary>
/// The same requests with <c>Accept-Language: fr</c> (or fr-CA) answer in French, and without it in
/// English: validation, refusals, next actions with their dates, the checker's findings.
/// </summary>
public sealed class ApiLanguageTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    private HttpClient ClientIn(string? language, TestUser? user = null)
    {
        var client = factory.CreateClockedClientFor(user ?? NextActionsApiTests.NewUser("Sam Lee"));
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("fr", "Entrez une adresse courriel valide, comme nom@exemple.com.", "Une ou plusieurs erreurs de validation se sont produites.")]
    [InlineData("fr-CA", "Entrez une adresse courriel valide, comme nom@exemple.com.", "Une ou plusieurs erreurs de validation se sont produites.")]
    [InlineData("en-US,fr;q=0.5", "Enter a valid email address, like name@example.com.", "One or more validation errors occurred.")]
    [InlineData(null, "Enter a valid email address, like name@example.com.", "One or more validation errors occurred.")]
    public async Task A_validation_400_is_in_the_request_language(string? language, string emailMessage, string title)
    {
        using var client = ClientIn(language);

        var response = await client.PostAsJsonAsync("/api/people", WorkflowApi.NewPerson("Priya Shah", email: "not an address"), WorkflowApi.Json);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal([emailMessage], problem.GetProperty("errors").GetProperty("email").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("fr-CA", "Entretien d'information", "Première partie\u00A0: le parcours")]
    [InlineData(null, "Informational interview", "Part one: career history")]
    public async Task The_built_in_question_lists_are_shown_in_the_readers_language(string? language, string name, string firstPart)
    {
        using var client = ClientIn(language);

        var lists = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/question-lists", WorkflowApi.Json);
        Assert.Contains(lists.EnumerateArray(), l => l.GetProperty("id").GetString() == "default" && l.GetProperty("name").GetString() == name);
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/question-lists/default", WorkflowApi.Json);
        Assert.Equal(name, list.GetProperty("name").GetString());
        Assert.Equal(firstPart, list.GetProperty("parts")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_name_with_markup_is_refused_in_french()
    {
        using var client = ClientIn("fr-FR");

        var errors = await (await client.PostAsJsonAsync("/api/people", WorkflowApi.NewPerson("<b>Priya</b>"), WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal(["Ceci ne ressemble pas à un nom\u00a0: retirez les <, >, { } ou [[ ]]."], errors["name"]);
    }

    [Theory]
    [InlineData("fr", "Ce changement d'étape n'est pas permis",
        "Vous ne pouvez remercier Priya Shah qu'après l'entrevue\u00a0: marquez-la d'abord comme faite.")]
    [InlineData(null, "This stage change is not allowed", "You can only thank Priya Shah after the interview: mark it interviewed first.")]
    public async Task A_refused_stage_change_409_is_in_the_request_language(string? language, string title, string detail)
    {
        using var client = ClientIn(language);
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));

        var problem = await (await client.MoveAsync(interview.Id, InterviewStage.Thanked)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal("prospect", problem.GetProperty("currentStage").GetString());
    }

    [Fact]
    public async Task An_email_already_used_is_a_409_in_french()
    {
        using var client = ClientIn("fr");
        await client.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez", email: "ana@example.org"));

        var problem = await (await client.PostAsJsonAsync("/api/people", WorkflowApi.NewPerson("Ana L.", email: "ana@example.org"), WorkflowApi.Json))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Déjà dans votre liste", problem.GetProperty("title").GetString());
        Assert.Equal("Ana Lopez a déjà l'adresse ana@example.org. Ouvrez sa fiche, ou fusionnez-y ce que vous avez tapé.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_in_french()
    {
        using var client = ClientIn("fr");

        var problem = await (await client.GetAsync($"/api/people/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Introuvable", problem.GetProperty("title").GetString());
        Assert.Equal("Aucune personne avec cet identifiant.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_deleted_conversation_is_named_in_the_language_of_whoever_reads_it()
    {
        var user = NextActionsApiTests.NewUser("Sam Lee");
        using var french = ClientIn("fr", user);
        using var english = ClientIn(null, user);
        var interview = await french.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));

        var deleted = await (await french.DeleteAsync($"/api/interviews/{interview.Id}")).ReadAsync<OutlookInterviewAddin.Deleting.DeletedDto>(HttpStatusCode.OK);
        var restored = await english.PostAsync($"/api/deleted/{deleted.Id}/restore", null);
        var again = await (await english.DeleteAsync($"/api/interviews/{interview.Id}")).ReadAsync<OutlookInterviewAddin.Deleting.DeletedDto>(HttpStatusCode.OK);

        Assert.Equal("la conversation avec Priya Shah", deleted.Description);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("the conversation with Priya Shah", again.Description);
    }

    [Fact]
    public async Task Next_actions_reasons_are_in_french_with_french_dates_and_keep_their_instants()
    {
        var user = NextActionsApiTests.NewUser("Sam Lee");
        using var french = ClientIn("fr-CA", user);
        using var english = ClientIn(null, user);
        // The host's clock is Monday 2 March 2026; no time zone in the profile: UTC.
        var start = new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
        var interview = await french.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        await french.PlanAsync(interview.Id, start);
        await french.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);
        await french.AddPersonAsync(WorkflowApi.NewPerson("Tom Reyes"));

        var inFrench = (await NextActionsApiTests.NextActionsAsync(french)).Items;
        var inEnglish = (await NextActionsApiTests.NextActionsAsync(english)).Items;

        var meeting = Assert.Single(inFrench, a => a.Kind == NextActionKind.UpcomingMeeting);
        Assert.Equal("Rencontre avec Priya Shah le mardi 10 mars à 15\u00a0h\u00a030\u00a0: confirmez-la le lundi 9 mars.", meeting.Reason);
        Assert.Equal(start, meeting.ReasonParts.Single(p => p.Show == ReasonTimeShown.DateTime).At);
        Assert.Equal("Rencontre avec Priya Shah le ", meeting.ReasonParts[0].Text);
        Assert.Equal("Pas encore de contact\u00a0: demandez à Tom Reyes une courte conversation.",
            Assert.Single(inFrench, a => a.Kind == NextActionKind.FirstContact).Reason);
        Assert.Equal("Meeting with Priya Shah on Tuesday 10 March at 15:30: confirm it on Monday 9 March.",
            Assert.Single(inEnglish, a => a.Kind == NextActionKind.UpcomingMeeting).Reason);
    }
}

/// <summary>The outreach checker's findings follow the reader's language, whatever the draft's.</summary>
public sealed class CheckerLanguageTests : IDisposable
{
    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task An_english_outreach_is_checked_with_english_words_and_findings_in_french()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync();
        var edited = new
        {
            subject = "Any job openings at your company for me?",
            html = "<p>Hi Priya, I am looking for a job. Do you have openings?</p>",
        };

        host.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var french = await (await host.PreviewAsync(interview.Id, "outreach", edited)).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        host.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        var english = await (await host.PreviewAsync(interview.Id, "outreach", edited)).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        var job = Assert.Single(french.Findings, f => f.Rule == OutreachRule.JobSeekingWord && f.Message.StartsWith("«\u00a0job\u00a0»", StringComparison.Ordinal));
        Assert.Equal("«\u00a0job\u00a0» donne l'impression que vous demandez un emploi\u00a0; une entrevue d'information ne demande que des conseils, alors retirez-le.", job.Message);
        Assert.Equal("L'objet compte 8 mots\u00a0; ce sont les objets de 3 ou 4 mots qu'on ouvre le plus souvent.",
            Assert.Single(french.Findings, f => f.Rule == OutreachRule.SubjectTooLong).Message);
        // The same rules found the same places: only the words of the messages differ.
        Assert.Equal(english.Findings.Select(f => (f.Rule, f.Start)), french.Findings.Select(f => (f.Rule, f.Start)));
        Assert.Contains(english.Findings, f => f.Message == "“job” reads as asking for a job; an informational interview asks only for advice, so leave it out.");
    }
}
