using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Interviews;

/// <summary>A takeaway and what the user will do with it ("Sign up for the spring hackathon").</summary>
public sealed class TakeawaysApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    private static string Url(Guid interviewId) => $"/api/interviews/{interviewId}/takeaways";

    [Fact]
    public async Task A_takeaway_keeps_what_I_will_do_with_it_trimmed()
    {
        var interview = await alice.AddInterviewAsync();

        var added = await (await alice.PostAsJsonAsync(Url(interview.Id),
            new TakeawayInput("Hackathons are how the team hires", Action: "  Sign up for the spring hackathon  "), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var read = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");

        Assert.Equal("Sign up for the spring hackathon", added.Takeaways.Single().Action);
        var takeaway = Assert.Single(read.Takeaways);
        Assert.Equal("Hackathons are how the team hires", takeaway.Text);
        Assert.Equal("Sign up for the spring hackathon", takeaway.Action);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_takeaway_without_a_plan_has_none(string? action)
    {
        var interview = await alice.AddInterviewAsync();

        var added = await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Learn GIS early", Action: action), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created);

        Assert.Null(Assert.Single(added.Takeaways).Action);
    }

    [Fact]
    public async Task Editing_a_takeaway_replaces_its_text_and_plan_and_keeps_the_most_helpful_mark()
    {
        var interview = await alice.AddInterviewAsync();
        var added = await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Learn GIS", true, "Take a GIS course"), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var id = added.Takeaways.Single().Id;

        var edited = await (await alice.PutAsJsonAsync($"{Url(interview.Id)}/{id}", new TakeawayInput("Learn GIS early", Action: "Take the GIS night course this fall"), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);
        var cleared = await (await alice.PutAsJsonAsync($"{Url(interview.Id)}/{id}", new { text = "Learn GIS early" }, WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);

        var afterEdit = Assert.Single(edited.Takeaways);
        Assert.Equal(("Learn GIS early", "Take the GIS night course this fall", true), (afterEdit.Text, afterEdit.Action, afterEdit.IsMostHelpful));
        var afterClear = Assert.Single(cleared.Takeaways);
        Assert.Null(afterClear.Action);
        Assert.True(afterClear.IsMostHelpful);
        Assert.Null(Assert.Single((await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Takeaways).Action);
    }

    [Fact]
    public async Task A_plan_longer_than_500_characters_is_refused_on_add_and_edit()
    {
        var interview = await alice.AddInterviewAsync();
        var added = await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Learn GIS", Action: "Take a course"), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var tooLong = new string('a', 501);

        var add = await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Another", Action: tooLong), WorkflowApi.Json)).ValidationErrorsAsync();
        var edit = await (await alice.PutAsJsonAsync($"{Url(interview.Id)}/{added.Takeaways[0].Id}", new TakeawayInput("Learn GIS", Action: tooLong), WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal(["This field can be at most 500 characters."], add["action"]);
        Assert.Equal(["action"], edit.Keys);
        var kept = Assert.Single((await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Takeaways);
        Assert.Equal("Take a course", kept.Action);
        Assert.Equal(500, (await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Exactly", Action: new string('b', 500)), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created)).Takeaways.Single(t => t.Text == "Exactly").Action!.Length);
    }

    [Fact]
    public async Task Editing_a_takeaways_plan_moves_the_interview_version_once()
    {
        var interview = await alice.AddInterviewAsync();
        var added = await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Learn GIS"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var before = await VersionOfAsync(interview.Id);

        await (await alice.PutAsJsonAsync($"{Url(interview.Id)}/{added.Takeaways[0].Id}", new TakeawayInput("Learn GIS", Action: "Take a course"), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);

        Assert.Equal(before + 1, await VersionOfAsync(interview.Id));
    }

    [Fact]
    public async Task Eight_edits_of_one_takeaways_plan_at_once_are_each_saved_once_one_after_the_other()
    {
        var interview = await alice.AddInterviewAsync();
        var added = await (await alice.PostAsJsonAsync(Url(interview.Id), new TakeawayInput("Learn GIS"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var url = $"{Url(interview.Id)}/{added.Takeaways[0].Id}";
        var before = await VersionOfAsync(interview.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            alice.PutAsJsonAsync(url, new TakeawayInput("Learn GIS", Action: $"Plan {i}"), WorkflowApi.Json)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = Assert.Single((await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Takeaways);
        Assert.Matches("^Plan [0-7]$", stored.Action);
        // Each edit was written once, on top of the one before it: none was lost to another.
        Assert.Equal(before + 8, await VersionOfAsync(interview.Id));
    }

    private async Task<int> VersionOfAsync(Guid interviewId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId));
        return await db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Version).SingleAsync();
    }
}
