using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Caching;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Import;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Tests.NextActions;

namespace OutlookInterviewAddin.Tests.Caching;

/// <summary>
/// The people list and next actions come from the per-user answer cache, turned on here on either
/// provider (one host): a write of the user's data, through the API or not, is seen by the next
/// read; one user's answer is never another's; the cache keeps within its bound.
/// </summary>
public sealed class AnswerCacheTests : IAsyncLifetime
{
    private readonly QueryCounter counter = new();
    private readonly ClockedAddinFactory factory;
    private readonly TestUser user = NextActionsApiTests.NewUser("Cached");
    private HttpClient client = null!;

    public AnswerCacheTests()
    {
        // The requests' own commands: the host's background work (follow-through sweeps, the purge of
        // kept deletions) also queries, on its own schedule, and says nothing about the cache.
        counter.Only = () => new Microsoft.AspNetCore.Http.HttpContextAccessor().HttpContext is not null;
        factory = new ClockedAddinFactory { TestServices = counter.AttachTo };
        factory.Settings["AnswerCache:Enabled"] = "true";
    }

    public async Task InitializeAsync()
    {
        client = factory.CreateClockedClientFor(user);
        await factory.DataReadyAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    private Task<Page<PersonSummary>> PeopleAsync(HttpClient? asUser = null) => (asUser ?? client).GetAsync<Page<PersonSummary>>("/api/people");

    private Task<NextActionsResponse> NextActionsAsync() => client.GetAsync<NextActionsResponse>("/api/next-actions");

    /// <summary>The same GET twice: the second is answered without a query, so the tests below read from the cache.</summary>
    private async Task<T> CachedAsync<T>(Func<Task<T>> read)
    {
        await read();
        counter.Reset();
        var again = await read();
        Assert.Equal(0, counter.Commands);
        return again;
    }

    [Fact]
    public async Task A_repeated_read_is_answered_from_the_cache_and_a_read_after_a_write_is_not()
    {
        await client.AddPersonAsync(new PersonInput("Ana Lopez"));
        await CachedAsync(() => PeopleAsync());
        await CachedAsync(NextActionsAsync);

        await client.AddPersonAsync(new PersonInput("Ben Okafor"));
        counter.Reset();
        Assert.Equal(["Ana Lopez", "Ben Okafor"], (await PeopleAsync()).Items.Select(p => p.Name));
        Assert.True(counter.Commands > 0, "the list after a write was not read from the database");
    }

    [Fact]
    public async Task The_people_list_shows_each_add_edit_and_delete_at_once()
    {
        await CachedAsync(() => PeopleAsync());
        var ana = await client.AddPersonAsync(new PersonInput("Ana Lopez", Organisation: "Metrolinx"));
        Assert.Equal(["Ana Lopez"], (await CachedAsync(() => PeopleAsync())).Items.Select(p => p.Name));

        (await client.PutAsJsonAsync($"/api/people/{ana.Id}", new PersonInput("Ana López", Organisation: "City of Toronto"), WorkflowApi.Json))
            .EnsureSuccessStatusCode();
        var edited = Assert.Single((await CachedAsync(() => PeopleAsync())).Items);
        Assert.Equal(("Ana López", "City of Toronto"), (edited.Name, edited.Organisation));

        (await client.DeleteAsync($"/api/people/{ana.Id}")).EnsureSuccessStatusCode();
        Assert.Empty((await PeopleAsync()).Items);
    }

    [Fact]
    public async Task A_stage_change_shows_in_the_people_list_and_in_next_actions_at_once()
    {
        var interview = await client.AddInterviewAsync(new PersonInput("Ana Lopez"));
        Assert.Equal(InterviewStage.Prospect, Assert.Single((await CachedAsync(() => PeopleAsync())).Items).LatestStage);
        Assert.Contains((await CachedAsync(NextActionsAsync)).Items, a => a.Kind == NextActionKind.FirstContact && a.InterviewId == interview.Id);

        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);

        Assert.Equal(InterviewStage.Contacted, Assert.Single((await PeopleAsync()).Items).LatestStage);
        Assert.DoesNotContain((await NextActionsAsync()).Items, a => a.InterviewId == interview.Id);
    }

    [Fact]
    public async Task An_import_shows_in_the_people_list_at_once()
    {
        await CachedAsync(() => PeopleAsync());
        var preview = await client.PreviewAsync("linkedin", LinkedInImportTests.Connections, "Connections.csv");
        await client.ImportAsync(preview);

        Assert.Contains((await PeopleAsync()).Items, p => p.Name == "Mo Ali");
    }

    [Fact]
    public async Task A_takeaway_removes_the_record_takeaways_action_at_once()
    {
        (await client.PutAsJsonAsync("/api/automation", new AutomationInput(true), WorkflowApi.Json)).EnsureSuccessStatusCode();
        var interview = await client.AddInterviewAsync(new PersonInput("Ana Lopez"));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
        (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/stage",
            new StageChangeInput(InterviewStage.Scheduled, PlannedStart: factory.Clock.GetUtcNow().AddHours(1)), WorkflowApi.Json)).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Contains((await CachedAsync(NextActionsAsync)).Items, a => a.Kind == NextActionKind.RecordTakeaways && a.InterviewId == interview.Id);

        (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Start with the open data portal"), WorkflowApi.Json))
            .EnsureSuccessStatusCode();

        Assert.DoesNotContain((await NextActionsAsync()).Items, a => a.Kind == NextActionKind.RecordTakeaways);
    }

    [Fact]
    public async Task A_write_outside_any_request_as_the_follow_through_makes_one_is_seen_by_the_next_read()
    {
        var ana = await client.AddPersonAsync(new PersonInput("Ana Lopez"));
        Assert.Equal("Ana Lopez", Assert.Single((await CachedAsync(() => PeopleAsync())).Items).Name);

        // As a background job writes: a context of its own for the user, no request, no HTTP method.
        await using (var scope = factory.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(user.TenantId, user.ObjectId)))
        {
            var person = await db.People.FindAsync(ana.Id);
            person!.Name = "Ana López";
            await db.SaveChangesAsync();
        }

        Assert.Equal("Ana López", Assert.Single((await PeopleAsync()).Items).Name);
    }

    [Fact]
    public async Task Next_actions_are_not_served_once_time_has_moved_past_their_lifetime()
    {
        var interview = await client.AddInterviewAsync(new PersonInput("Ana Lopez"));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
        Assert.DoesNotContain((await CachedAsync(NextActionsAsync)).Items, a => a.InterviewId == interview.Id);

        // Monday's contact: the follow-up is due seven business days later; no write in between.
        factory.Clock.Advance(TimeSpan.FromDays(10));

        Assert.Contains((await NextActionsAsync()).Items, a => a.Kind == NextActionKind.FollowUp && a.InterviewId == interview.Id);
    }

    [Fact]
    public async Task Two_users_asking_the_same_question_each_get_their_own_answer()
    {
        using var other = factory.CreateClockedClientFor(NextActionsApiTests.NewUser("Other"));
        await client.AddPersonAsync(new PersonInput("Ana Lopez"));
        await other.AddPersonAsync(new PersonInput("Zed Other"));
        await CachedAsync(() => PeopleAsync());
        await CachedAsync(() => PeopleAsync(other));

        Assert.Equal(["Ana Lopez"], (await PeopleAsync()).Items.Select(p => p.Name));
        Assert.Equal(["Zed Other"], (await PeopleAsync(other)).Items.Select(p => p.Name));
        var mine = await NextActionsAsync();
        var theirs = await other.GetAsync<NextActionsResponse>("/api/next-actions");
        Assert.Equal(["Ana Lopez"], mine.Items.Select(a => a.PersonName));
        Assert.Equal(["Zed Other"], theirs.Items.Select(a => a.PersonName));
    }

    [Fact]
    public async Task An_unchanged_answer_is_a_304_to_its_etag_and_a_changed_one_is_not()
    {
        await client.AddPersonAsync(new PersonInput("Ana Lopez"));
        var first = await client.GetAsync("/api/people");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/people");
        conditional.Headers.IfNoneMatch.Add(etag);
        var unchanged = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        await client.AddPersonAsync(new PersonInput("Ben Okafor"));
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/people");
        after.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(2, (await changed.ReadAsync<Page<PersonSummary>>(HttpStatusCode.OK)).Items.Count);
    }
}

/// <summary>The cache's memory bound, and its default per provider.</summary>
public sealed class AnswerCacheBoundTests
{
    [Fact]
    public async Task The_cached_answers_stay_within_the_size_limit()
    {
        using var factory = new AddinFactory();
        factory.Settings["AnswerCache:Enabled"] = "true";
        factory.Settings["AnswerCache:SizeLimitKilobytes"] = "4";
        using var client = factory.CreateClientFor(TestUser.Alice);
        for (var i = 0; i < 6; i++) await client.AddPersonAsync(new PersonInput($"Person {i:D2}", $"person{i}@example.com", "Metrolinx", "Planner"));
        var cache = factory.Services.GetRequiredService<AnswerCache>();

        // Thirty different pages of a few hundred bytes each: far more than 4 KB in all.
        for (var limit = 1; limit <= 30; limit++)
            Assert.Equal(Math.Min(limit, 6), (await client.GetAsync<Page<PersonSummary>>($"/api/people?limit={limit}")).Items.Count);

        Assert.Equal(4 * 1024, cache.SizeLimit);
        Assert.True(cache.Count > 0, "nothing was cached");
        Assert.True(cache.Count < 30, $"{cache.Count} answers kept");
        Assert.True(cache.CurrentSize is > 0 and <= 4 * 1024, $"{cache.CurrentSize} bytes kept");
    }

    [Fact]
    public void The_cache_is_on_by_default_with_sqlite_and_off_with_postgresql()
    {
        using var sqlite = new AddinFactory();
        sqlite.Settings["ConnectionStrings:PostgreSQL"] = "";
        Assert.True(sqlite.Services.GetRequiredService<AnswerCache>().IsEnabled);

        var postgres = new AnswerCache(
            Microsoft.Extensions.Options.Options.Create(new AnswerCacheOptions()),
            new StorageOptions(StorageProvider.PostgreSql, "Host=127.0.0.1", Path.GetTempPath()),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AnswerCache>.Instance);
        Assert.False(postgres.IsEnabled);
    }
}
