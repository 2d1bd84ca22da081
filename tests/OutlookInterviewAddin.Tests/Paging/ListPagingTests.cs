using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Paging;

/// <summary>The paging every list shares: a limit, an opaque cursor, and a next cursor until the last page.</summary>
public sealed class ListPagingTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    private HttpClient NewUser() =>
        factory.CreateClientFor(new TestUser(Guid.NewGuid(), Guid.NewGuid(), "Pager", $"{Guid.NewGuid():N}@example.com"));

    private static async Task<List<T>> WalkAsync<T>(HttpClient client, string url, int limit)
    {
        var seen = new List<T>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var page = await client.GetAsync<Page<T>>($"{url}{separator}limit={limit}{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.Items.Count <= limit);
            Assert.True(page.NextCursor is null || page.Items.Count == limit, "Only the last page may be short.");
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return seen;
    }

    [Fact]
    public async Task Interviews_come_newest_first_in_pages_without_gaps_or_repeats()
    {
        var client = NewUser();
        var person = await client.AddPersonAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add((await client.AddInterviewAsync(person.Id)).Id);

        var seen = await WalkAsync<InterviewSummary>(client, $"/api/interviews?personId={person.Id}", 2);

        Assert.Equal(ids.Order(), seen.Select(i => i.Id).Order());
        Assert.Equal(seen.Count, seen.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task Next_actions_come_in_pages_in_the_same_order_as_one_long_page()
    {
        var client = NewUser();
        for (var i = 0; i < 7; i++) await client.AddPersonAsync(WorkflowApi.NewPerson($"Person {i % 3}"));
        // Meetings ahead, two at the same time: read soonest first, only as many as the page needs.
        for (var i = 0; i < 6; i++)
        {
            var person = await client.AddPersonAsync(WorkflowApi.NewPerson($"Meeting {i}"));
            var start = DateTimeOffset.UtcNow.AddDays(10 - Math.Min(i, 4)).AddMinutes(30);
            var created = await client.PostAsJsonAsync("/api/interviews", new NewInterviewInput(person.Id, PlannedStart: start), WorkflowApi.Json);
            var interview = await created.ReadAsync<InterviewDto>(HttpStatusCode.Created);
            await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);
        }

        var whole = await client.GetAsync<NextActionsResponse>("/api/next-actions?limit=200");
        var paged = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await client.GetAsync<NextActionsResponse>($"/api/next-actions?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            paged.AddRange(page.Items.Select(a => a.PersonId));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(13, whole.Items.Count);
        Assert.Equal(6, whole.Items.TakeWhile(a => a.Kind == NextActionKind.UpcomingMeeting).Count());
        Assert.Null(whole.NextCursor);
        Assert.Equal(whole.Items.Select(a => a.PersonId), paged);
    }

    [Theory]
    [InlineData("/api/people?limit=201", "limit")]
    [InlineData("/api/people?limit=0", "limit")]
    [InlineData("/api/people?cursor=not-ours", "cursor")]
    [InlineData("/api/people?stage=lost", "stage")]
    [InlineData("/api/interviews?limit=500", "limit")]
    [InlineData("/api/interviews?cursor=bm9wZQ", "cursor")]
    [InlineData("/api/next-actions?limit=0", "limit")]
    [InlineData("/api/next-actions?cursor=LTE", "cursor")]
    [InlineData("/api/next-actions?cursor=MjE0NzQ4MzY0Nw", "cursor")]
    public async Task A_limit_out_of_range_or_a_cursor_the_list_did_not_hand_out_is_a_400(string url, string field)
    {
        var problem = await (await alice.GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

}
