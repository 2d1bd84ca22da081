using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Interviews;

public sealed class InterviewsApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    [Fact]
    public async Task A_new_interview_starts_as_a_prospect_with_its_plan()
    {
        var person = await alice.AddPersonAsync();
        var start = new DateTimeOffset(2036, 12, 1, 10, 0, 0, TimeSpan.FromHours(-5));

        var response = await alice.PostAsJsonAsync("/api/interviews",
            new NewInterviewInput(person.Id, "tiara", start, PlaceKind: PlaceKind.Coffee, Place: "Balzac's"), WorkflowApi.Json);
        var interview = await response.ReadAsync<InterviewDto>(HttpStatusCode.Created);

        Assert.Equal(InterviewStage.Prospect, interview.Stage);
        Assert.Equal([InterviewStage.Prospect], interview.StageHistory.Select(s => s.Stage));
        Assert.Equal(start, interview.PlannedStart);
        Assert.Equal(TimeSpan.Zero, interview.PlannedStart!.Value.Offset);
        Assert.Equal(30, interview.DurationMinutes);
        Assert.Equal("tiara", interview.QuestionListId);
        Assert.Equal(person.Id, interview.Person.Id);
        Assert.Equal($"/api/interviews/{interview.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Each_stage_change_is_recorded_with_its_time()
    {
        var interview = await alice.AddInterviewAsync();
        var contactedAt = interview.StageEnteredAt.AddMilliseconds(5);
        await (await alice.MoveAsync(interview.Id, InterviewStage.Contacted, contactedAt)).ReadAsync<InterviewDto>(HttpStatusCode.OK);

        var moved = await alice.MoveThroughAsync(interview.Id, InterviewStage.Scheduled, InterviewStage.Interviewed);

        Assert.Equal(InterviewStage.Interviewed, moved.Stage);
        Assert.Equal([InterviewStage.Prospect, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed], moved.StageHistory.Select(s => s.Stage));
        Assert.Equal(contactedAt.ToUnixTimeMilliseconds(), moved.StageHistory[1].At.ToUnixTimeMilliseconds());
        Assert.Equal(moved.StageHistory[^1].At, moved.StageEnteredAt);
        Assert.Equal([InterviewStage.Thanked], moved.AllowedNextStages);
    }

    [Fact]
    public async Task Thanking_before_the_interview_is_refused_with_a_clear_message()
    {
        var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);

        var problem = await (await alice.MoveAsync(interview.Id, InterviewStage.Thanked)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("You can only thank Priya Shah after the interview: mark it interviewed first.", problem.GetProperty("detail").GetString());
        Assert.Equal("scheduled", problem.GetProperty("currentStage").GetString());
        var unchanged = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
        Assert.Equal(InterviewStage.Scheduled, unchanged.Stage);
        Assert.Equal(3, unchanged.StageHistory.Count);
    }

    [Fact]
    public async Task A_stage_change_in_the_future_or_before_the_current_stage_is_a_field_error()
    {
        var interview = await alice.AddInterviewAsync();

        var future = await (await alice.MoveAsync(interview.Id, InterviewStage.Contacted, DateTimeOffset.UtcNow.AddDays(1))).ValidationErrorsAsync();
        var past = await (await alice.MoveAsync(interview.Id, InterviewStage.Contacted, interview.StageEnteredAt.AddDays(-1))).ValidationErrorsAsync();

        Assert.Contains("at", future.Keys);
        Assert.Contains("at", past.Keys);
    }

    [Fact]
    public async Task Only_one_takeaway_is_the_most_helpful()
    {
        var interview = await alice.AddInterviewAsync();
        var url = $"/api/interviews/{interview.Id}/takeaways";
        await alice.PostAsJsonAsync(url, new TakeawayInput("Learn GIS early", true), WorkflowApi.Json);
        var afterTwo = await (await alice.PostAsJsonAsync(url, new TakeawayInput("Join the planning association"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var second = afterTwo.Takeaways.Single(t => t.Text == "Join the planning association");

        var afterMark = await (await alice.PutAsJsonAsync($"{url}/{second.Id}", new TakeawayInput("Join the planning association", true), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.OK);

        Assert.Equal(["Join the planning association"], afterMark.Takeaways.Where(t => t.IsMostHelpful).Select(t => t.Text));
        Assert.Equal(2, afterMark.Takeaways.Count);
    }

    [Fact]
    public async Task Takeaways_can_be_removed()
    {
        var interview = await alice.AddInterviewAsync();
        var url = $"/api/interviews/{interview.Id}/takeaways";
        var added = await (await alice.PostAsJsonAsync(url, new TakeawayInput("Temporary"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created);

        var after = await (await alice.DeleteAsync($"{url}/{added.Takeaways[0].Id}")).ReadAsync<InterviewDto>(HttpStatusCode.OK);

        Assert.Empty(after.Takeaways);
    }

    [Fact]
    public async Task The_fit_reflection_is_kept_and_validated()
    {
        var interview = await alice.AddInterviewAsync();
        var url = $"/api/interviews/{interview.Id}/fit";

        var saved = await (await alice.PutAsJsonAsync(url, new FitInput(4, "Sounds like a dream"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        var errors = await (await alice.PutAsJsonAsync(url, new FitInput(6, null), WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal(new FitDto(4, "Sounds like a dream"), saved.Fit);
        Assert.Contains("rating", errors.Keys);
    }

    [Fact]
    public async Task Outlook_item_ids_are_kept_until_cleared()
    {
        var interview = await alice.AddInterviewAsync();
        var url = $"/api/interviews/{interview.Id}/outlook-items";

        await alice.PutAsJsonAsync($"{url}/outreach", new OutlookItemInput("AAMk-outreach"), WorkflowApi.Json);
        var withInvite = await (await alice.PutAsJsonAsync($"{url}/invite", new OutlookItemInput("AAMk-invite"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        var cleared = await (await alice.DeleteAsync($"{url}/outreach")).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        var unknownKind = await alice.PutAsJsonAsync($"{url}/fax", new OutlookItemInput("x"), WorkflowApi.Json);

        Assert.Equal(new OutlookItemsDto("AAMk-outreach", "AAMk-invite", null), withInvite.OutlookItems);
        Assert.Equal(new OutlookItemsDto(null, "AAMk-invite", null), cleared.OutlookItems);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
    }

    [Fact]
    public async Task A_referral_becomes_a_new_person_and_the_chain_shows_both_ways()
    {
        var ana = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        var jordan = await (await alice.PostAsJsonAsync($"/api/interviews/{(await alice.AddInterviewAsync(ana.Id)).Id}/referrals",
            new ReferralInput(Name: "Jordan Wu", Email: $"jordan.{Guid.NewGuid():N}@example.com"), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.Created);
        var jordansInterview = await alice.AddInterviewAsync(jordan.Id);

        var response = await alice.PostAsJsonAsync($"/api/interviews/{jordansInterview.Id}/referrals", new ReferralInput(Name: "Priya Shah"), WorkflowApi.Json);
        var priya = await response.ReadAsync<PersonDto>(HttpStatusCode.Created);

        Assert.Equal(new PersonRef(jordan.Id, "Jordan Wu"), priya.ReferredBy);
        Assert.Equal([ana.Id, jordan.Id], priya.ReferralChain.Select(p => p.Id));
        Assert.True(priya.IsWarm);
        var jordanNow = await alice.GetAsync<PersonDto>($"/api/people/{jordan.Id}");
        Assert.Equal([priya.Id], jordanNow.Referrals.Select(p => p.Id));
        Assert.Equal(ana.Id, jordanNow.ReferredBy?.Id);
        Assert.Equal([jordan.Id], (await alice.GetAsync<PersonDto>($"/api/people/{ana.Id}")).Referrals.Select(p => p.Id));
        Assert.Equal([priya.Id], (await alice.GetAsync<InterviewDto>($"/api/interviews/{jordansInterview.Id}")).Referrals.Select(p => p.Id));
    }

    [Fact]
    public async Task A_referral_with_a_known_email_links_the_existing_person()
    {
        var existing = await alice.AddPersonAsync(WorkflowApi.NewPerson("Tom Reyes"));
        var interview = await alice.AddInterviewAsync();

        var response = await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals",
            new ReferralInput(Name: "Tom R.", Email: existing.Email!.ToUpperInvariant()), WorkflowApi.Json);
        var linked = await response.ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(existing.Id, linked.Id);
        Assert.Equal(interview.Person.Id, linked.ReferredBy?.Id);
    }

    [Fact]
    public async Task A_referral_of_someone_already_on_the_list_fills_in_what_they_lack_and_overwrites_nothing()
    {
        var aunt = await alice.AddPersonAsync(WorkflowApi.NewPerson("Renée Tremblay") with { Organisation = null, Connection = ConnectionKind.Family, ConnectionDetail = "My aunt" });
        var interview = await alice.AddInterviewAsync();

        // What the pane sends for a suggested name: a cold contact, "Suggested by ...".
        var linked = await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals",
            new ReferralInput(Name: "R. Tremblay", Email: $" {aunt.Email!.ToUpperInvariant()} ", Organisation: "Hydro-Québec", Connection: ConnectionKind.Cold, ConnectionDetail: "Suggested by Priya"),
            WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(aunt.Id, linked.Id);
        Assert.Equal("Renée Tremblay", linked.Name);
        Assert.Equal(ConnectionKind.Family, linked.Connection);
        Assert.Equal("My aunt", linked.ConnectionDetail);
        Assert.Equal("Hydro-Québec", linked.Organisation);
        Assert.Equal(interview.Person.Id, linked.ReferredBy?.Id);
    }

    [Fact]
    public async Task A_referral_of_someone_another_person_already_suggested_is_a_409_that_names_them_and_changes_nothing()
    {
        var first = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez"));
        var tom = await (await alice.PostAsJsonAsync($"/api/interviews/{first.Id}/referrals",
            new ReferralInput(Name: "Tom Reyes", Email: $"tom.{Guid.NewGuid():N}@example.com"), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.Created);
        var second = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Jordan Wu"));

        var response = await alice.PostAsJsonAsync($"/api/interviews/{second.Id}/referrals", new ReferralInput(Name: "Tom Reyes", Email: tom.Email), WorkflowApi.Json);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(tom.Id, problem.GetProperty("existingPersonId").GetGuid());
        Assert.Contains("suggested by Ana Lopez", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.Person.Id, (await alice.GetAsync<PersonDto>($"/api/people/{tom.Id}")).ReferredBy?.Id);
        Assert.Empty((await alice.GetAsync<InterviewDto>($"/api/interviews/{second.Id}")).Referrals);
    }

    [Fact]
    public async Task A_person_cannot_be_their_own_referral()
    {
        var interview = await alice.AddInterviewAsync();

        var response = await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(PersonId: interview.Person.Id), WorkflowApi.Json);

        Assert.Contains("personId", (await response.ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Interviews_can_be_listed_by_stage()
    {
        var contacted = await alice.AddInterviewAsync();
        await alice.MoveThroughAsync(contacted.Id, InterviewStage.Contacted);
        var prospect = await alice.AddInterviewAsync();

        var rows = (await alice.GetAsync<Page<InterviewSummary>>("/api/interviews?stage=contacted")).Items;
        var badStage = await alice.GetAsync("/api/interviews?stage=lost");

        Assert.Contains(rows, r => r.Id == contacted.Id);
        Assert.DoesNotContain(rows, r => r.Id == prospect.Id);
        Assert.All(rows, r => Assert.Equal(InterviewStage.Contacted, r.Stage));
        Assert.Contains("stage", (await badStage.ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Deleting_a_person_deletes_their_interviews()
    {
        var interview = await alice.AddInterviewAsync();

        Assert.Equal(HttpStatusCode.OK, (await alice.DeleteAsync($"/api/people/{interview.Person.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/interviews/{interview.Id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_plan_fields_answer_per_field_errors()
    {
        var person = await alice.AddPersonAsync();

        var response = await alice.PostAsJsonAsync("/api/interviews",
            new NewInterviewInput(person.Id, DurationMinutes: 600, MeetingUrl: "javascript:alert(1)", Place: new string('p', 501)), WorkflowApi.Json);

        Assert.Equal(["durationMinutes", "meetingUrl", "place"], (await response.ValidationErrorsAsync()).Keys.Order().ToArray());
    }

    [Fact]
    public async Task Deleting_a_referrer_keeps_the_people_they_referred()
    {
        var interview = await alice.AddInterviewAsync();
        var referred = await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(Name: "Tom Reyes"), WorkflowApi.Json))
            .ReadAsync<PersonDto>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await alice.DeleteAsync($"/api/people/{interview.Person.Id}")).StatusCode);

        var kept = await alice.GetAsync<PersonDto>($"/api/people/{referred.Id}");
        Assert.Null(kept.ReferredBy);
        Assert.Empty(kept.ReferralChain);
    }
}
