using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.People;

/// <summary>"Greet as": the name drafts greet a person with when it is not their first name.</summary>
public sealed class GreetAsApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    [Fact]
    public async Task Greet_as_is_saved_trimmed_and_an_edit_without_it_clears_it()
    {
        var person = WorkflowApi.NewPerson("Chidi Okafor") with { GreetAs = "  Dr. Okafor " };
        var added = await alice.AddPersonAsync(person);

        var read = await alice.GetAsync<PersonDto>($"/api/people/{added.Id}");
        var renamed = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person with { GreetAs = "Professor Okafor" }, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var cleared = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person with { GreetAs = " " }, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal("Dr. Okafor", added.GreetAs);
        Assert.Equal("Dr. Okafor", read.GreetAs);
        Assert.Equal("Professor Okafor", renamed.GreetAs);
        Assert.Null(cleared.GreetAs);
        Assert.Null((await alice.GetAsync<PersonDto>($"/api/people/{added.Id}")).GreetAs);
    }

    [Fact]
    public async Task Greet_as_longer_than_100_characters_is_refused()
    {
        var errors = await (await alice.PostAsJsonAsync("/api/people", WorkflowApi.NewPerson("Elizabeth Tan") with { GreetAs = new string('L', 101) }, WorkflowApi.Json))
            .ValidationErrorsAsync();

        Assert.Equal(["This field can be at most 100 characters."], errors["greetAs"]);
    }

    [Fact]
    public async Task Adding_the_same_person_again_with_another_greeting_is_a_conflict_not_a_retry()
    {
        var person = WorkflowApi.NewPerson("Elizabeth Tan") with { GreetAs = "Liz" };
        var first = await alice.AddPersonAsync(person);

        var retry = await (await alice.PostAsJsonAsync("/api/people", person, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var other = await alice.PostAsJsonAsync("/api/people", person with { GreetAs = "Beth" }, WorkflowApi.Json);

        Assert.Equal(first.Id, retry.Id);
        await other.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Liz", (await alice.GetAsync<PersonDto>($"/api/people/{first.Id}")).GreetAs);
    }

    [Fact]
    public async Task Merging_fills_greet_as_only_when_the_survivor_has_none()
    {
        var bare = await alice.AddPersonAsync(WorkflowApi.NewPerson("Elizabeth Tan"));
        var liz = await alice.AddPersonAsync(WorkflowApi.NewPerson("Liz Tan") with { GreetAs = "Liz" });
        var withOwn = await alice.AddPersonAsync(WorkflowApi.NewPerson("Chidi Okafor") with { GreetAs = "Dr. Okafor" });
        var other = await alice.AddPersonAsync(WorkflowApi.NewPerson("C. Okafor") with { GreetAs = "Chidi" });

        var filled = await (await alice.PostAsJsonAsync($"/api/people/{bare.Id}/merge", new MergeRequest(liz.Id), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var kept = await (await alice.PostAsJsonAsync($"/api/people/{withOwn.Id}/merge", new MergeRequest(other.Id), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal("Liz", filled.GreetAs);
        Assert.Equal("Dr. Okafor", kept.GreetAs);
    }

    [Fact]
    public async Task A_referral_by_a_known_email_fills_greet_as_only_when_they_have_none()
    {
        var interview = await alice.AddInterviewAsync();
        var known = await alice.AddPersonAsync(WorkflowApi.NewPerson("Elizabeth Tan"));

        var linked = await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals",
            new OutlookInterviewAddin.Interviews.ReferralInput(Name: "Liz Tan", Email: known.Email, GreetAs: "Liz"), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(known.Id, linked.Id);
        Assert.Equal("Elizabeth Tan", linked.Name);
        Assert.Equal("Liz", linked.GreetAs);
    }
}
