using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Interviews;

/// <summary>
/// The interview's concurrency token moves with every save that changes it or what it holds, in the
/// context itself, so a write path that forgets to say so is still guarded.
/// </summary>
public sealed class InterviewVersionTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    private async Task<int> VersionOfAsync(Guid interviewId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId));
        return await db.Interviews.Where(i => i.Id == interviewId).Select(i => i.Version).SingleAsync();
    }

    [Fact]
    public async Task A_part_added_to_a_loaded_interview_moves_its_version_though_the_interview_itself_was_not_touched()
    {
        var interview = await alice.AddInterviewAsync();
        var before = await VersionOfAsync(interview.Id);

        await using (var scope = factory.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId)))
        {
            var loaded = await db.Interviews.SingleAsync(i => i.Id == interview.Id);
            db.Takeaways.Add(new Takeaway { InterviewId = loaded.Id, Text = "Learn GIS early" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await VersionOfAsync(interview.Id));
    }

    [Fact]
    public async Task Merging_two_people_moves_the_version_of_the_interviews_that_change_hands()
    {
        var kept = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Ana L."));
        var before = await VersionOfAsync(interview.Id);

        var response = await alice.PostAsJsonAsync($"/api/people/{kept.Id}/merge", new MergeRequest(interview.Person.Id), WorkflowApi.Json);
        await response.ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(before + 1, await VersionOfAsync(interview.Id));
    }

    [Fact]
    public async Task A_stage_change_moves_the_version_once()
    {
        var interview = await alice.AddInterviewAsync();
        var before = await VersionOfAsync(interview.Id);

        await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted);

        Assert.Equal(before + 1, await VersionOfAsync(interview.Id));
    }
}
