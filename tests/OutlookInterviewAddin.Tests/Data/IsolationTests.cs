using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.QuestionLists;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Data;

/// <summary>One host where Alice has a person, an interview with a takeaway and a question list of her own.</summary>
public sealed class AliceHasData : IAsyncLifetime
{
    public AddinFactory Factory { get; } = new();
    public HttpClient Alice { get; private set; } = null!;
    public HttpClient Bob { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public InterviewDto Interview { get; private set; } = null!;
    public Guid TakeawayId { get; private set; }
    public string QuestionListId { get; private set; } = "";
    public Guid BobsPersonId { get; private set; }

    public async Task InitializeAsync()
    {
        Alice = Factory.CreateClientFor(TestUser.Alice);
        Bob = Factory.CreateClientFor(TestUser.Bob);
        Person = await Alice.AddPersonAsync(WorkflowApi.NewPerson("Alice's contact", "shared@example.com", city: "Toronto") with { Notes = "Private note" });
        Interview = await Alice.AddInterviewAsync(Person.Id);
        var withTakeaway = await (await Alice.PostAsJsonAsync($"/api/interviews/{Interview.Id}/takeaways", new TakeawayInput("Learn GIS", true), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created);
        TakeawayId = withTakeaway.Takeaways[0].Id;
        var list = await (await Alice.PostAsJsonAsync("/api/question-lists", new QuestionListInput("Alice's list", null, [new("Part", ["Why?"])], null), WorkflowApi.Json))
            .ReadAsync<QuestionListDto>(HttpStatusCode.Created);
        QuestionListId = list.Id;
        BobsPersonId = (await Bob.AddPersonAsync(WorkflowApi.NewPerson("Bob's contact"))).Id;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class IsolationTests(AliceHasData data) : IClassFixture<AliceHasData>
{
    public static TheoryData<string, string, string?> BobTriesAlicesIds => new()
    {
        { "GET", "/api/people/{person}", null },
        { "PUT", "/api/people/{person}", """{"name":"Taken over"}""" },
        { "DELETE", "/api/people/{person}", null },
        { "POST", "/api/people/{person}/merge", """{"otherId":"{bobsPerson}"}""" },
        { "POST", "/api/people/{bobsPerson}/merge", """{"otherId":"{person}"}""" },
        { "PUT", "/api/people/{bobsPerson}", """{"name":"Bob's contact","referredById":"{person}"}""" },
        { "POST", "/api/people", """{"name":"New","referredById":"{person}"}""" },
        { "POST", "/api/interviews", """{"personId":"{person}"}""" },
        { "POST", "/api/interviews", """{"personId":"{bobsPerson}","questionListId":"{list}"}""" },
        { "GET", "/api/interviews/{interview}", null },
        { "PUT", "/api/interviews/{interview}", """{"place":"Bob's office"}""" },
        { "DELETE", "/api/interviews/{interview}", null },
        { "POST", "/api/interviews/{interview}/stage", """{"stage":"contacted"}""" },
        { "PUT", "/api/interviews/{interview}/outlook-items/invite", """{"itemId":"AAMk-bob"}""" },
        { "DELETE", "/api/interviews/{interview}/outlook-items/invite", null },
        { "POST", "/api/interviews/{interview}/takeaways", """{"text":"Bob's"}""" },
        { "PUT", "/api/interviews/{interview}/takeaways/{takeaway}", """{"text":"Bob's","isMostHelpful":true}""" },
        { "DELETE", "/api/interviews/{interview}/takeaways/{takeaway}", null },
        { "PUT", "/api/interviews/{interview}/fit", """{"rating":1}""" },
        { "POST", "/api/interviews/{interview}/touches", """{"note":"Bob's"}""" },
        { "POST", "/api/interviews/{interview}/referrals", """{"name":"Someone"}""" },
        { "GET", "/api/interviews/{interview}/questions", null },
        { "PUT", "/api/interviews/{interview}/questions", """{"parts":[{"title":"Bob","questions":["?"]}]}""" },
        { "DELETE", "/api/interviews/{interview}/questions", null },
        { "GET", "/api/question-lists/{list}", null },
        { "PUT", "/api/question-lists/{list}", """{"name":"Bob's now","parts":[]}""" },
        { "DELETE", "/api/question-lists/{list}", null },
    };

    [Theory]
    [MemberData(nameof(BobTriesAlicesIds))]
    public async Task Another_users_id_answers_404_and_changes_nothing(string method, string url, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(url));
        if (body is not null) request.Content = new StringContent(Fill(body), System.Text.Encoding.UTF8, "application/json");

        var response = await data.Bob.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.NotFound);
        var person = await data.Alice.GetAsync<PersonDto>($"/api/people/{data.Person.Id}");
        Assert.Equal("Alice's contact", person.Name);
        Assert.Equal("Private note", person.Notes);
        var interview = await data.Alice.GetAsync<InterviewDto>($"/api/interviews/{data.Interview.Id}");
        Assert.Equal(InterviewStage.Prospect, interview.Stage);
        Assert.Null(interview.Place);
        Assert.Null(interview.OutlookItems.InviteEventId);
        Assert.Null(interview.Fit.Rating);
        Assert.False(interview.HasTailoredQuestions);
        Assert.Equal(["Learn GIS"], interview.Takeaways.Select(t => t.Text));
        Assert.Empty(interview.Referrals);
        Assert.Empty(interview.Touches);
        Assert.Equal("Alice's list", (await data.Alice.GetAsync<QuestionListDto>($"/api/question-lists/{data.QuestionListId}")).Name);
    }

    [Fact]
    public async Task Lists_show_only_the_callers_own_rows()
    {
        var people = (await data.Bob.GetAsync<Page<PersonSummary>>("/api/people")).Items;
        var interviews = (await data.Bob.GetAsync<Page<InterviewSummary>>("/api/interviews")).Items;
        var lists = await data.Bob.GetAsync<List<QuestionListSummary>>("/api/question-lists");

        Assert.DoesNotContain(people, p => p.Id == data.Person.Id);
        Assert.Contains(people, p => p.Id == data.BobsPersonId);
        Assert.DoesNotContain(interviews, i => i.Id == data.Interview.Id);
        Assert.DoesNotContain(lists, l => l.Id == data.QuestionListId);
        Assert.Contains((await data.Alice.GetAsync<Page<PersonSummary>>("/api/people")).Items, p => p.Id == data.Person.Id);
    }

    [Fact]
    public async Task The_same_email_is_a_different_person_for_another_user()
    {
        var response = await data.Bob.PostAsJsonAsync("/api/people", new PersonInput("Bob's view of them", "SHARED@example.com"), WorkflowApi.Json);

        var bobs = await response.ReadAsync<PersonDto>(HttpStatusCode.Created);
        Assert.NotEqual(data.Person.Id, bobs.Id);
        Assert.Null(bobs.Notes);
        Assert.Equal("Alice's contact", (await data.Alice.GetAsync<PersonDto>($"/api/people/{data.Person.Id}")).Name);
    }

    [Fact]
    public async Task The_profile_is_per_user()
    {
        await data.Alice.PutAsJsonAsync("/api/profile", new { city = "Toronto", signature = "Alice" });

        var bobs = await data.Bob.GetAsync<OutlookInterviewAddin.Profile.ProfileDto>("/api/profile");

        Assert.Null(bobs.Signature);
        Assert.Equal("Alice", (await data.Alice.GetAsync<OutlookInterviewAddin.Profile.ProfileDto>("/api/profile")).Signature);
    }

    private string Fill(string template) => template
        .Replace("{person}", data.Person.Id.ToString(), StringComparison.Ordinal)
        .Replace("{bobsPerson}", data.BobsPersonId.ToString(), StringComparison.Ordinal)
        .Replace("{interview}", data.Interview.Id.ToString(), StringComparison.Ordinal)
        .Replace("{takeaway}", data.TakeawayId.ToString(), StringComparison.Ordinal)
        .Replace("{list}", data.QuestionListId, StringComparison.Ordinal);
}
