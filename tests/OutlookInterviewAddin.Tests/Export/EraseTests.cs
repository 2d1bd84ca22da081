using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Export;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.QuestionLists;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Export;

public sealed class EraseTests : IDisposable
{
    private readonly AddinFactory factory = new();
    private readonly HttpClient alice;
    private readonly HttpClient bob;

    public EraseTests()
    {
        alice = factory.CreateClientFor(TestUser.Alice);
        bob = factory.CreateClientFor(TestUser.Bob);
    }

    public void Dispose()
    {
        alice.Dispose();
        bob.Dispose();
        factory.Dispose();
    }

    /// <summary>A row in every kind of table a user fills: profile, people and referrals, interviews and their parts, lists, the local mailbox.</summary>
    private async Task FillAsync(HttpClient client, TestUser user, string name)
    {
        (await client.PutAsJsonAsync("/api/profile", new ProfileInput("maps", [], null, null, null, null, null, "Toronto", "America/Toronto", null, name), WorkflowApi.Json)).EnsureSuccessStatusCode();
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson($"{name}'s contact"));
        (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Learn GIS", true), WorkflowApi.Json)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(Name: $"{name}'s referral"), WorkflowApi.Json)).EnsureSuccessStatusCode();
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
        // A person deleted a moment ago, kept for "Undo": erased too.
        var gone = await client.AddPersonAsync(WorkflowApi.NewPerson($"{name}'s deleted contact"));
        (await client.DeleteAsync($"/api/people/{gone.Id}")).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/question-lists", new QuestionListInput($"{name}'s list", null, [new("Part", ["Why?"])], null), WorkflowApi.Json)).EnsureSuccessStatusCode();
        using var graph = LocalGraph.ClientFor(factory, user);
        await graph.Me.Messages.PostAsync(new Message { Subject = $"{name}'s draft" });
        await graph.Me.Contacts.PostAsync(new Contact { DisplayName = $"{name}'s Outlook contact" });
    }

    /// <summary>Rows per user-owned table for <paramref name="user"/>, read below the API.</summary>
    private async Task<Dictionary<string, int>> RowsOfAsync(TestUser user)
    {
        using var scope = factory.Services.CreateScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(user.TenantId, user.ObjectId));
        var counts = new Dictionary<string, int>();
        foreach (var entity in EraseApi.DeletionOrder(db.Model))
        {
            var method = typeof(EraseTests).GetMethod(nameof(CountAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(entity.ClrType);
            counts[entity.ClrType.Name] = await (Task<int>)method.Invoke(null, [db])!;
        }
        return counts;
    }

    private static Task<int> CountAsync<T>(AppDbContext db) where T : class => db.Set<T>().CountAsync();

    [Fact]
    public async Task After_delete_all_my_data_the_export_is_empty_and_another_users_data_is_intact()
    {
        await factory.DataReadyAsync();
        await FillAsync(alice, TestUser.Alice, "Alice Martin");
        await FillAsync(bob, TestUser.Bob, "Bob Tremblay");
        var bobsBefore = await RowsOfAsync(TestUser.Bob);
        var alicesBefore = await RowsOfAsync(TestUser.Alice);
        Assert.All(new[] { "UserProfile", "Person", "Interview", "StageChange", "Takeaway", "QuestionList", "MailboxMessage", "MailboxContact", "DeletedRecord" },
            table => Assert.True(alicesBefore[table] > 0, table));

        var response = await alice.PostAsJsonAsync("/api/data/erase", new EraseRequest("DELETE"), WorkflowApi.Json);

        var result = await response.ReadAsync<EraseResult>(HttpStatusCode.OK);
        Assert.Equal(alicesBefore.Values.Sum(), result.Total);
        Assert.All(await RowsOfAsync(TestUser.Alice), table => Assert.Equal(0, table.Value));
        var export = await alice.GetAsync<ExportDto>("/api/export");
        Assert.Empty(export.People);
        Assert.Empty(export.Interviews);
        Assert.Empty(export.QuestionLists);
        Assert.Empty(export.TailoredQuestions);
        Assert.Null(export.Profile.FullName);
        Assert.Equal(bobsBefore, await RowsOfAsync(TestUser.Bob));
        var bobs = await bob.GetAsync<ExportDto>("/api/export");
        Assert.Equal(2, bobs.People.Count);
        Assert.Equal("Bob Tremblay", bobs.Profile.FullName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("DELET")]
    [InlineData("Bob Tremblay")]
    public async Task Without_the_typed_confirmation_nothing_is_deleted(string? confirmation)
    {
        await FillAsync(alice, TestUser.Alice, "Alice Martin");

        var response = await alice.PostAsJsonAsync("/api/data/erase", new EraseRequest(confirmation), WorkflowApi.Json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("DELETE", problem.GetProperty("errors").GetProperty("confirmation")[0].GetString());
        Assert.Equal(2, (await alice.GetAsync<ExportDto>("/api/export")).People.Count);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("  Alice Martin ")]
    [InlineData("alice martin")]
    public async Task The_word_delete_or_the_users_name_confirms(string confirmation)
    {
        await FillAsync(alice, TestUser.Alice, "Alice Martin");

        var response = await alice.PostAsJsonAsync("/api/data/erase", new EraseRequest(confirmation), WorkflowApi.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await alice.GetAsync<ExportDto>("/api/export")).People);
    }

    [Fact]
    public void Every_user_owned_table_is_in_the_deletion_order_with_dependents_first()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var order = EraseApi.DeletionOrder(db.Model).Select(e => e.ClrType).ToList();

        var owned = db.Model.GetEntityTypes().Where(e => typeof(UserOwned).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType);
        Assert.Equal(owned.OrderBy(t => t.Name), order.OrderBy(t => t.Name));
        Assert.True(order.IndexOf(typeof(Takeaway)) < order.IndexOf(typeof(Interview)));
        Assert.True(order.IndexOf(typeof(Interview)) < order.IndexOf(typeof(OutlookInterviewAddin.People.Person)));
    }
}
