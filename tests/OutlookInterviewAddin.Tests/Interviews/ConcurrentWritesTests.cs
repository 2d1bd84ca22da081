using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Interviews;

/// <summary>
/// Requests that arrive together on one interview (a double click, two panes open) each decide from
/// what they read; the interview's concurrency token makes a decision taken on a stale read run again.
/// </summary>
public sealed class ConcurrentWritesTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    // One race can go either way; several rounds make a missing guard show.
    private const int Rounds = 5;
    private const int Parallel = 8;

    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    [Fact]
    public async Task Simultaneous_stage_changes_leave_a_history_the_stage_rules_allow()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var interview = await alice.AddInterviewAsync();
            // Planned first: a scheduled conversation has a time.
            await alice.PlanAsync(interview.Id, DateTimeOffset.UtcNow.AddDays(3));
            // From prospect, contacted and scheduled are both allowed; after either, only some of the rest are.
            var targets = Enumerable.Range(0, Parallel).Select(i => i % 2 == 0 ? InterviewStage.Contacted : InterviewStage.Scheduled).ToList();

            var responses = await Task.WhenAll(targets.Select(stage => Client().MoveAsync(interview.Id, stage)));

            var after = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
            var history = after.StageHistory.Select(s => s.Stage).ToList();
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            Assert.Equal(InterviewStage.Prospect, history[0]);
            Assert.All(history.Zip(history.Skip(1)), move => Assert.Null(StageRules.Refusal(move.First, move.Second, "them")));
            Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), history.Count - 1);
            Assert.Equal(history[^1], after.Stage);
            foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
                Assert.True(problem.TryGetProperty("currentStage", out _));
                Assert.True(problem.TryGetProperty("allowedNextStages", out _));
            }
        }
    }

    [Fact]
    public async Task Simultaneous_most_helpful_marks_leave_exactly_one_takeaway_marked()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var interview = await alice.AddInterviewAsync();
            var url = $"/api/interviews/{interview.Id}/takeaways";
            IReadOnlyList<TakeawayDto> takeaways = [];
            for (var i = 0; i < Parallel; i++)
                takeaways = (await (await alice.PostAsJsonAsync(url, new TakeawayInput($"Tip {i}"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created)).Takeaways;

            var responses = await Task.WhenAll(takeaways.Select(t =>
                Client().PutAsJsonAsync($"{url}/{t.Id}", new TakeawayInput(t.Text, true), WorkflowApi.Json)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var after = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
            Assert.Single(after.Takeaways, t => t.IsMostHelpful);
            Assert.Equal(Parallel, after.Takeaways.Count);
        }
    }

    [Fact]
    public async Task Simultaneous_new_most_helpful_takeaways_leave_exactly_one_marked()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var interview = await alice.AddInterviewAsync();
            var url = $"/api/interviews/{interview.Id}/takeaways";

            var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
                Client().PostAsJsonAsync(url, new TakeawayInput($"Tip {i}", true), WorkflowApi.Json)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var after = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
            Assert.Single(after.Takeaways, t => t.IsMostHelpful);
            Assert.Equal(Parallel, after.Takeaways.Count);
        }
    }

    [Fact]
    public async Task Simultaneous_first_touches_move_to_staying_in_touch_once()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var interview = await alice.AddInterviewAsync();
            await alice.MoveThroughAsync(interview.Id, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked);

            var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
                Client().PostAsJsonAsync($"/api/interviews/{interview.Id}/touches", new TouchInput(Note: $"Update {i}"), WorkflowApi.Json)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var after = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
            Assert.Equal(
                [InterviewStage.Prospect, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked, InterviewStage.StayingInTouch],
                after.StageHistory.Select(s => s.Stage));
            Assert.Equal(Parallel, after.Touches.Count);
        }
    }

    // A client of its own per request, as from separate panes.
    private HttpClient Client() => factory.CreateClientFor(TestUser.Alice);
}
