using System.Net;
using System.Net.Http.Json;
using System.Text;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.People;

public sealed class PeopleApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    [Fact]
    public async Task Added_person_reads_back_with_their_fields()
    {
        var added = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez", city: "Montréal") with
        {
            LinkedInUrl = "https://www.linkedin.com/in/analopez",
            Connection = ConnectionKind.CoopTeammate,
            TimeZone = "Eastern Standard Time",
        });

        var read = await alice.GetAsync<PersonDto>($"/api/people/{added.Id}");

        Assert.Equal("Ana Lopez", read.Name);
        Assert.Equal("Montréal", read.City);
        Assert.Equal(ConnectionKind.CoopTeammate, read.Connection);
        Assert.True(read.IsWarm);
        Assert.Equal("America/New_York", read.TimeZone);
        Assert.Equal("https://www.linkedin.com/in/analopez", read.LinkedInUrl);
    }

    [Fact]
    public async Task Adding_a_person_whose_email_exists_updates_them_instead_of_duplicating()
    {
        var email = $"jordan.{Guid.NewGuid():N}@example.com";
        var first = await alice.AddPersonAsync(new PersonInput("Jordan Wu", email, Organisation: "Shopify", Notes: "Met at the career fair."));

        var response = await alice.PostAsJsonAsync("/api/people",
            new PersonInput("Jordan Wu", "  " + email.ToUpperInvariant() + " ", Role: "Product manager", Notes: "Prefers mornings."), WorkflowApi.Json);
        var second = await response.ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Shopify", second.Organisation);
        Assert.Equal("Product manager", second.Role);
        Assert.Contains("Met at the career fair.", second.Notes, StringComparison.Ordinal);
        Assert.Contains("Prefers mornings.", second.Notes, StringComparison.Ordinal);
        var all = await alice.GetAsync<List<PersonSummary>>($"/api/people?search={Uri.EscapeDataString(email)}");
        Assert.Single(all);
    }

    [Fact]
    public async Task Editing_a_person_to_another_persons_email_is_refused_with_a_conflict()
    {
        var one = await alice.AddPersonAsync();
        var two = await alice.AddPersonAsync();

        var response = await alice.PutAsJsonAsync($"/api/people/{two.Id}", new PersonInput(two.Name, one.Email!.ToUpperInvariant()), WorkflowApi.Json);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(one.Id.ToString(), problem.GetProperty("existingPersonId").GetString());
    }

    [Fact]
    public async Task Merging_two_people_keeps_all_their_interviews_and_notes()
    {
        var keep = await alice.AddPersonAsync(new PersonInput("Sam Lee", null, Notes: "Works on the transit plan."));
        var other = await alice.AddPersonAsync(WorkflowApi.NewPerson("Samuel Lee", city: "Toronto") with { Notes = "Alumni of my program." });
        var keptInterview = await alice.AddInterviewAsync(keep.Id);
        var movedInterview = await alice.AddInterviewAsync(other.Id);
        var referred = await alice.AddPersonAsync(WorkflowApi.NewPerson("Tom Reyes") with { ReferredById = other.Id });

        var response = await alice.PostAsJsonAsync($"/api/people/{keep.Id}/merge", new MergeRequest(other.Id), WorkflowApi.Json);
        var merged = await response.ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(keep.Id, merged.Id);
        Assert.Equal(new[] { keptInterview.Id, movedInterview.Id }.Order(), merged.Interviews.Select(i => i.Id).Order());
        Assert.Contains("Works on the transit plan.", merged.Notes, StringComparison.Ordinal);
        Assert.Contains("Alumni of my program.", merged.Notes, StringComparison.Ordinal);
        Assert.Equal(other.Email, merged.Email);
        Assert.Equal("Toronto", merged.City);
        Assert.Contains(merged.Referrals, r => r.Id == referred.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/people/{other.Id}")).StatusCode);
        var moved = await alice.GetAsync<OutlookInterviewAddin.Interviews.InterviewDto>($"/api/interviews/{movedInterview.Id}");
        Assert.Equal(keep.Id, moved.Person.Id);
    }

    [Fact]
    public async Task Bad_person_fields_answer_per_field_errors()
    {
        var response = await alice.PostAsJsonAsync("/api/people", new PersonInput(
            Name: " ",
            Email: "not an email",
            LinkedInUrl: "http://linkedin.com/in/x",
            TimeZone: "Mars/Olympus_Mons",
            Notes: new string('n', 4001)), WorkflowApi.Json);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["email", "linkedInUrl", "name", "notes", "timeZone"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task A_linkedin_address_on_another_site_is_refused()
    {
        var response = await alice.PostAsJsonAsync("/api/people", new PersonInput("Ana", LinkedInUrl: "https://linkedin.com.evil.example/in/ana"), WorkflowApi.Json);

        Assert.Contains("linkedInUrl", (await response.ValidationErrorsAsync()).Keys);
    }

    [Theory]
    [InlineData("{ \"name\": ")]
    [InlineData("{ \"name\": 42 }")]
    [InlineData("{ \"name\": \"Ana\", \"connection\": \"stranger\" }")]
    [InlineData("")]
    public async Task Malformed_json_answers_400_problem_details_not_500(string body)
    {
        var response = await alice.PostAsync("/api/people", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
