using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Paging;
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

    [Theory]
    [InlineData("{0}")]
    [InlineData("{0} ")]
    [InlineData("  {0}")]
    [InlineData("UPPER:{0}")]
    public async Task Adding_a_person_whose_email_exists_with_other_details_is_a_conflict_naming_them(string variant)
    {
        var email = $"ana.{Guid.NewGuid():N}@example.org";
        var first = await alice.AddPersonAsync(new PersonInput("Ana Lopez", email, Organisation: "TTC", Notes: "Met at the career fair."));
        var typed = variant.StartsWith("UPPER:", StringComparison.Ordinal)
            ? string.Format(CultureInfo.InvariantCulture, variant[6..], email.ToUpperInvariant())
            : string.Format(CultureInfo.InvariantCulture, variant, email);

        var response = await alice.PostAsJsonAsync("/api/people",
            new PersonInput("Ana L.", typed, Role: "Planner", Connection: ConnectionKind.Friend), WorkflowApi.Json);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id.ToString(), problem.GetProperty("existingPersonId").GetString());
        Assert.Equal("Ana Lopez", problem.GetProperty("existingPersonName").GetString());
        Assert.Equal($"Ana Lopez already has the email {email}. Open them, or merge what you typed into them.", problem.GetProperty("detail").GetString());
        var kept = await alice.GetAsync<PersonDto>($"/api/people/{first.Id}");
        Assert.Equal("Ana Lopez", kept.Name);
        Assert.Null(kept.Role);
        Assert.Equal(ConnectionKind.Cold, kept.Connection);
        Assert.Equal("Met at the career fair.", kept.Notes);
    }

    [Fact]
    public async Task Adding_the_same_person_again_answers_the_existing_one_unchanged()
    {
        var email = $"jordan.{Guid.NewGuid():N}@example.com";
        var input = new PersonInput("Jordan Wu", email, Organisation: "Shopify", Connection: ConnectionKind.Alumni, Notes: "Met at the career fair.");
        var first = await alice.AddPersonAsync(input);

        var response = await alice.PostAsJsonAsync("/api/people", input with { Email = " " + email.ToUpperInvariant() }, WorkflowApi.Json);
        var again = await response.ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.UpdatedAt, again.UpdatedAt);
        Assert.Equal("Met at the career fair.", again.Notes);
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

    [Fact]
    public async Task Eight_adds_of_one_email_at_once_make_one_person_and_no_server_error()
    {
        var email = $"race.{Guid.NewGuid():N}@example.com";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            alice.PostAsJsonAsync("/api/people", new PersonInput(i % 2 == 0 ? "Racer" : $"Racer {i}", email), WorkflowApi.Json)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        // Four ask for "Racer", four for a name of their own: whichever won, at least three differ from it.
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) >= 3, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        var person = Assert.Single((await alice.GetAsync<Page<PersonSummary>>($"/api/people?search={email}")).Items);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal(person.Id.ToString(), (await conflict.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("existingPersonId").GetString());
    }

    [Fact]
    public async Task A_referral_loop_is_refused()
    {
        var ana = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana"));
        var jordan = await alice.AddPersonAsync(WorkflowApi.NewPerson("Jordan") with { ReferredById = ana.Id });

        var response = await alice.PutAsJsonAsync($"/api/people/{ana.Id}", new PersonInput("Ana", ana.Email, ReferredById: jordan.Id), WorkflowApi.Json);

        Assert.Contains("referredById", (await response.ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Merging_a_person_with_themselves_is_refused()
    {
        var ana = await alice.AddPersonAsync();

        var response = await alice.PostAsJsonAsync($"/api/people/{ana.Id}/merge", new MergeRequest(ana.Id), WorkflowApi.Json);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Merging_keeps_the_referrer_and_never_makes_a_loop()
    {
        var ana = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana"));
        var jordan = await alice.AddPersonAsync(WorkflowApi.NewPerson("Jordan") with { ReferredById = ana.Id });
        var jordanAgain = await alice.AddPersonAsync(WorkflowApi.NewPerson("Jordan W.") with { ReferredById = jordan.Id });
        var lone = await alice.AddPersonAsync(WorkflowApi.NewPerson("Sam"));

        var intoLone = await (await alice.PostAsJsonAsync($"/api/people/{lone.Id}/merge", new MergeRequest(jordan.Id), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var intoAna = await (await alice.PostAsJsonAsync($"/api/people/{ana.Id}/merge", new MergeRequest(jordanAgain.Id), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(ana.Id, intoLone.ReferredBy?.Id);
        Assert.Equal([lone.Id], intoAna.Referrals.Select(p => p.Id));
        Assert.Null(intoAna.ReferredBy);
    }
    [Fact]
    public async Task People_come_in_pages_in_name_order_without_gaps_or_repeats()
    {
        var client = factory.CreateClientFor(new TestUser(Guid.NewGuid(), Guid.NewGuid(), "Pager", $"{Guid.NewGuid():N}@example.com"));
        string[] names = ["bob", "Ana", "ana", "Émile", "Zoë", "Bob", "carla"];
        var added = new List<PersonDto>();
        foreach (var name in names) added.Add(await client.AddPersonAsync(new PersonInput(name)));

        var seen = new List<PersonSummary>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetAsync<Page<PersonSummary>>($"/api/people?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(added.Select(p => p.Id).Order(), seen.Select(p => p.Id).Order());
        Assert.Equal(["ANA", "ANA", "BOB", "BOB", "CARLA", "ZOË", "ÉMILE"], seen.Select(p => p.Name.ToUpperInvariant()));
    }

    [Fact]
    public async Task The_stage_filter_and_search_run_on_the_server_across_pages()
    {
        var client = factory.CreateClientFor(new TestUser(Guid.NewGuid(), Guid.NewGuid(), "Filter", $"{Guid.NewGuid():N}@example.com"));
        var waiting = await client.AddPersonAsync(new PersonInput("Waiting Wu", Organisation: "Metrolinx"));
        var contacted = await client.AddPersonAsync(new PersonInput("Contacted Chen", Organisation: "Metrolinx"));
        await client.MoveThroughAsync((await client.AddInterviewAsync(contacted.Id)).Id, InterviewStage.Contacted);
        await client.AddInterviewAsync(waiting.Id);

        var notContacted = await client.GetAsync<Page<PersonSummary>>("/api/people?stage=none");
        var atContacted = await client.GetAsync<Page<PersonSummary>>("/api/people?stage=contacted&search=metro");

        Assert.Equal([waiting.Id], notContacted.Items.Select(p => p.Id));
        Assert.Equal([contacted.Id], atContacted.Items.Select(p => p.Id));
        Assert.Null(atContacted.NextCursor);
    }
}
