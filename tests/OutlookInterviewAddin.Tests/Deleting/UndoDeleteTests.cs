using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Deleting;
using OutlookInterviewAddin.Export;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Tests.NextActions;

namespace OutlookInterviewAddin.Tests.Deleting;

/// <summary>A deleted conversation or person comes back, as it was, with "Undo" for a few minutes, and only then.</summary>
public sealed class UndoDeleteTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    private static string RestoreUrl(Guid id) => $"/api/deleted/{id}/restore";

    private static async Task<(InterviewDto Interview, PersonDto Referral)> MetAsync(HttpClient client, string name)
    {
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson(name));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed);
        (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Learn GIS first", true, "Take the spring course"), WorkflowApi.Json)).EnsureSuccessStatusCode();
        var referral = await (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(Name: $"{name}'s colleague"), WorkflowApi.Json))
            .ReadAsync<PersonDto>(HttpStatusCode.Created);
        return (await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}"), referral);
    }

    [Fact]
    public async Task A_deleted_conversation_is_gone_from_the_export_and_comes_back_as_it_was_with_its_referral_link()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var (before, referral) = await MetAsync(client, "Undo Lina Haddad");

        var deleted = await (await client.DeleteAsync($"/api/interviews/{before.Id}")).ReadAsync<DeletedDto>(HttpStatusCode.OK);
        Assert.Equal("interview", deleted.Kind);
        Assert.Equal(before.Id, deleted.RecordId);
        Assert.Equal("the conversation with Undo Lina Haddad", deleted.Description);
        Assert.Equal(factory.Clock.GetUtcNow() + DeletedRecords.UndoWindow, deleted.UndoUntil);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/interviews/{before.Id}")).StatusCode);
        var export = await client.GetAsync<ExportDto>("/api/export");
        Assert.DoesNotContain(export.Interviews, i => i.Id == before.Id);

        var restored = await (await client.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).ReadAsync<RestoredDto>(HttpStatusCode.OK);
        Assert.Equal(new RestoredDto("interview", before.Id), restored);
        var after = await client.GetAsync<InterviewDto>($"/api/interviews/{before.Id}");
        Assert.Equal(before.Stage, after.Stage);
        Assert.Equal(before.StageHistory.Select(s => (s.Stage, s.At.ToUnixTimeMilliseconds())), after.StageHistory.Select(s => (s.Stage, s.At.ToUnixTimeMilliseconds())));
        Assert.Equal(before.Takeaways.Select(t => (t.Id, t.Text, t.Action, t.IsMostHelpful)), after.Takeaways.Select(t => (t.Id, t.Text, t.Action, t.IsMostHelpful)));
        Assert.Equal(before.PlannedStart?.ToUnixTimeMilliseconds(), after.PlannedStart?.ToUnixTimeMilliseconds());
        Assert.Equal([referral.Id], after.Referrals.Select(r => r.Id));

        // Once only.
        var again = await (await client.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("only once", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_deleted_person_comes_back_with_their_conversations_and_the_people_they_suggested_are_linked_again()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var (interview, referral) = await MetAsync(client, "Undo Omar Said");
        Assert.Equal(interview.Person.Id, (await client.GetAsync<PersonDto>($"/api/people/{referral.Id}")).ReferredBy?.Id);

        var deleted = await (await client.DeleteAsync($"/api/people/{interview.Person.Id}")).ReadAsync<DeletedDto>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/interviews/{interview.Id}")).StatusCode);
        Assert.Null((await client.GetAsync<PersonDto>($"/api/people/{referral.Id}")).ReferredBy);
        Assert.DoesNotContain((await client.GetAsync<ExportDto>("/api/export")).People, p => p.Id == interview.Person.Id);

        await (await client.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).ReadAsync<RestoredDto>(HttpStatusCode.OK);
        var person = await client.GetAsync<PersonDto>($"/api/people/{interview.Person.Id}");
        Assert.Equal("Undo Omar Said", person.Name);
        Assert.Equal([interview.Id], person.Interviews.Select(i => i.Id));
        Assert.Equal(interview.Person.Id, (await client.GetAsync<PersonDto>($"/api/people/{referral.Id}")).ReferredBy?.Id);
        Assert.Single((await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Takeaways);
    }

    [Fact]
    public async Task After_the_window_the_undo_is_refused_and_the_kept_copy_is_removed()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var person = await client.AddPersonAsync(WorkflowApi.NewPerson("Undo Late Person"));
        var deleted = await (await client.DeleteAsync($"/api/people/{person.Id}")).ReadAsync<DeletedDto>(HttpStatusCode.OK);

        factory.Clock.Advance(DeletedRecords.UndoWindow + TimeSpan.FromSeconds(1));
        var problem = await (await client.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Too late to undo", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/people/{person.Id}")).StatusCode);

        // The host's minute-by-minute purge, woken by the clock moving on, removes the copy itself.
        using var scope = factory.Services.CreateScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await db.DeletedRecords.AnyAsync(d => d.Id == deleted.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.False(await db.DeletedRecords.AnyAsync(d => d.Id == deleted.Id));
    }

    [Fact]
    public async Task The_purge_removes_only_copies_older_than_the_window()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var person = await client.AddPersonAsync(WorkflowApi.NewPerson("Undo Fresh Person"));
        var deleted = await (await client.DeleteAsync($"/api/people/{person.Id}")).ReadAsync<DeletedDto>(HttpStatusCode.OK);

        using var scope = factory.Services.CreateScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId));
        await DeletedRecords.PurgeAsync(db, factory.Clock.GetUtcNow() + DeletedRecords.UndoWindow - TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.True(await db.DeletedRecords.AnyAsync(d => d.Id == deleted.Id));
        await DeletedRecords.PurgeAsync(db, factory.Clock.GetUtcNow() + DeletedRecords.UndoWindow + TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.False(await db.DeletedRecords.AnyAsync(d => d.Id == deleted.Id));
    }

    [Fact]
    public async Task Another_user_cannot_restore_what_someone_deleted()
    {
        using var alice = factory.CreateClockedClientFor(TestUser.Alice);
        using var bob = factory.CreateClockedClientFor(TestUser.Bob);
        var person = await alice.AddPersonAsync(WorkflowApi.NewPerson("Undo Private Person"));
        var deleted = await (await alice.DeleteAsync($"/api/people/{person.Id}")).ReadAsync<DeletedDto>(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, (await bob.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/people/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/people/{person.Id}")).StatusCode);
        await (await alice.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).ReadAsync<RestoredDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Someone_added_again_with_the_same_email_meanwhile_is_a_409_that_says_what_to_do_and_nothing_changes()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var input = WorkflowApi.NewPerson("Undo Twice Added");
        var person = await client.AddPersonAsync(input);
        var deleted = await (await client.DeleteAsync($"/api/people/{person.Id}")).ReadAsync<DeletedDto>(HttpStatusCode.OK);
        var again = await client.AddPersonAsync(input);

        var problem = await (await client.PostAsJsonAsync(RestoreUrl(deleted.Id), new { }, WorkflowApi.Json)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("same email", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/people/{person.Id}")).StatusCode);
        Assert.Equal("Undo Twice Added", (await client.GetAsync<PersonDto>($"/api/people/{again.Id}")).Name);
    }
}
