using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.QuestionLists;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.QuestionLists;

public sealed class QuestionListsApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    private static QuestionListInput MyList(string name = "My list") => new(
        name,
        "Thank {name} for their time.",
        [new("Career", ["What did you study?", "Do you like working in {city}?"]), new("Future", ["Where is {field} heading?"])],
        "Ask who else to talk to.");

    [Fact]
    public async Task The_default_and_tiara_lists_are_built_in()
    {
        var lists = await alice.GetAsync<List<QuestionListSummary>>("/api/question-lists");
        var tiara = await alice.GetAsync<QuestionListDto>("/api/question-lists/tiara");
        var standard = await alice.GetAsync<QuestionListDto>("/api/question-lists/default");

        Assert.Equal(["default", "tiara"], lists.Where(l => l.IsBuiltIn).Select(l => l.Id));
        Assert.Equal(["Trends", "Insights", "Advice", "Resources", "Assignments"], tiara.Parts.Select(p => p.Title));
        Assert.Equal(3, standard.Parts.Count);
        Assert.Contains("Do you like working in {city}?", standard.Parts[1].Questions);
    }

    [Fact]
    public async Task Built_in_lists_are_read_only()
    {
        var response = await alice.PutAsJsonAsync("/api/question-lists/default", MyList(), WorkflowApi.Json);

        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Conflict, (await alice.DeleteAsync("/api/question-lists/tiara")).StatusCode);
    }

    [Fact]
    public async Task A_users_list_can_be_edited_reordered_and_renamed()
    {
        var created = await (await alice.PostAsJsonAsync("/api/question-lists", MyList(), WorkflowApi.Json)).ReadAsync<QuestionListDto>(HttpStatusCode.Created);

        var edited = MyList("Renamed") with
        {
            Parts = [new("Where it is going", ["Where is {field} heading?", "What should I read?"]), new("Career", ["Do you like working in {city}?"])],
        };
        await (await alice.PutAsJsonAsync($"/api/question-lists/{created.Id}", edited, WorkflowApi.Json)).ReadAsync<QuestionListDto>(HttpStatusCode.OK);
        var readBack = await alice.GetAsync<QuestionListDto>($"/api/question-lists/{created.Id}");

        Assert.Equal("Renamed", readBack.Name);
        Assert.Equal(["Where it is going", "Career"], readBack.Parts.Select(p => p.Title));
        Assert.Equal(["Where is {field} heading?", "What should I read?"], readBack.Parts[0].Questions);
        Assert.Equal(["Do you like working in {city}?"], readBack.Parts[1].Questions);
        Assert.False(readBack.IsBuiltIn);
    }

    [Fact]
    public async Task A_deleted_list_is_gone()
    {
        var created = await (await alice.PostAsJsonAsync("/api/question-lists", MyList(), WorkflowApi.Json)).ReadAsync<QuestionListDto>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/question-lists/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/question-lists/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_placeholders_and_over_long_questions_are_field_errors()
    {
        var bad = new QuestionListInput("List", null, [new("Part", ["Fine?", "Do you like {weather}?", new string('q', 501)]), new(null, ["?"])], null);

        var errors = await (await alice.PostAsJsonAsync("/api/question-lists", bad, WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal(["parts[0].questions[1]", "parts[0].questions[2]", "parts[1].title"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task Placeholders_are_filled_from_the_persons_data()
    {
        var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah", city: "Toronto"));

        var questions = await alice.GetAsync<InterviewQuestions>($"/api/interviews/{interview.Id}/questions");

        Assert.Equal("default", questions.SourceListId);
        Assert.Contains("Do you like working in {city}?", questions.List.Parts[1].Questions);
        Assert.Contains("Do you like working in Toronto?", questions.Filled.Parts[1].Questions);
    }

    [Fact]
    public async Task A_placeholder_without_a_value_is_never_shown_raw()
    {
        var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("No City", city: null) with { Field = null, Organisation = null });
        await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(QuestionListId: "tiara"), WorkflowApi.Json);

        var tiara = await alice.GetAsync<InterviewQuestions>($"/api/interviews/{interview.Id}/questions");
        var standard = await alice.GetAsync<InterviewQuestions>($"/api/interviews/{(await alice.AddInterviewAsync(interview.Person.Id)).Id}/questions");

        foreach (var filled in new[] { tiara.Filled, standard.Filled })
        {
            var texts = filled.Parts.SelectMany(p => p.Questions.Append(p.Title)).Append(filled.Opening ?? "").Append(filled.Closing ?? "");
            Assert.All(texts, t => Assert.DoesNotContain("{", t, StringComparison.Ordinal));
        }
        Assert.Contains(tiara.List.Parts[0].Questions, q => q.Contains("{field}", StringComparison.Ordinal));
        Assert.DoesNotContain(standard.Filled.Parts[1].Questions, q => q.Contains("in {city}", StringComparison.Ordinal));
        Assert.Equal(standard.List.QuestionCount, standard.Filled.QuestionCount);
    }

    [Fact]
    public async Task Tailoring_an_interviews_questions_leaves_the_saved_list_unchanged()
    {
        var saved = await (await alice.PostAsJsonAsync("/api/question-lists", MyList(), WorkflowApi.Json)).ReadAsync<QuestionListDto>(HttpStatusCode.Created);
        var person = await alice.AddPersonAsync(WorkflowApi.NewPerson("Priya Shah", city: "Ottawa"));
        var interview = await alice.AddInterviewAsync(person.Id, saved.Id);

        var tailored = await (await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}/questions",
            new QuestionListInput(null, null, [new("Just for Priya", ["How is {city} for transit work?"])], null), WorkflowApi.Json))
            .ReadAsync<InterviewQuestions>(HttpStatusCode.OK);

        Assert.True(tailored.IsTailored);
        Assert.Equal(saved.Id, tailored.SourceListId);
        Assert.Equal("My list", tailored.List.Name);
        Assert.Equal(["How is Ottawa for transit work?"], tailored.Filled.Parts.Single().Questions);
        var savedNow = await alice.GetAsync<QuestionListDto>($"/api/question-lists/{saved.Id}");
        Assert.Equal(["Career", "Future"], savedNow.Parts.Select(p => p.Title));
        Assert.True((await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).HasTailoredQuestions);

        var reset = await (await alice.DeleteAsync($"/api/interviews/{interview.Id}/questions")).ReadAsync<InterviewQuestions>(HttpStatusCode.OK);
        Assert.False(reset.IsTailored);
        Assert.Equal(["Career", "Future"], reset.List.Parts.Select(p => p.Title));
    }

    [Fact]
    public async Task An_interview_cannot_use_a_list_that_does_not_exist()
    {
        var person = await alice.AddPersonAsync();

        var response = await alice.PostAsJsonAsync("/api/interviews", new NewInterviewInput(person.Id, Guid.NewGuid().ToString()), WorkflowApi.Json);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
