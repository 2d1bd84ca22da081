using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Export;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.NextActions;

namespace OutlookInterviewAddin.Tests.Interviews;

/// <summary>
/// Recording stay-in-touch updates. The host's clock is the test's and only moves forward, so each
/// test starts from where the previous one left it; each signs in as a user of its own.
/// </summary>
public sealed class TouchesApiTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    internal static Task<HttpResponseMessage> TouchAsync(HttpClient client, Guid interviewId, DateTimeOffset? at = null, string? note = null) =>
        client.PostAsJsonAsync($"/api/interviews/{interviewId}/touches", new TouchInput(at, note), WorkflowApi.Json);

    /// <summary>An interview with Priya Shah taken along the workflow up to <paramref name="last"/>, at the clock's time.</summary>
    internal static async Task<InterviewDto> InterviewAtAsync(HttpClient client, InterviewStage last)
    {
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        InterviewStage[] path = [InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked];
        return await client.MoveThroughAsync(interview.Id, path[..(Array.IndexOf(path, last) + 1)]);
    }

    private HttpClient NewClient() => factory.CreateClockedClientFor(NextActionsApiTests.NewUser("Sam Lee"));

    [Fact]
    public async Task The_first_touch_moves_a_thanked_interview_to_staying_in_touch_and_later_touches_keep_the_stage()
    {
        var thankedAt = factory.Clock.GetUtcNow();
        using var client = NewClient();
        var interview = await InterviewAtAsync(client, InterviewStage.Thanked);

        var firstAt = thankedAt.AddMonths(4);
        factory.Clock.SetUtcNow(firstAt.AddHours(3));
        var response = await TouchAsync(client, interview.Id, firstAt.ToOffset(TimeSpan.FromHours(-4)), "  Told her the GIS course paid off  ");
        var first = await response.ReadAsync<TouchDto>(HttpStatusCode.Created);
        var afterFirst = await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");

        Assert.Equal(firstAt, first.At);
        Assert.Equal(TimeSpan.Zero, first.At.Offset);
        Assert.Equal("Told her the GIS course paid off", first.Note);
        Assert.Equal(firstAt.AddHours(3), first.CreatedAt);
        Assert.Equal($"/api/interviews/{interview.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(InterviewStage.StayingInTouch, afterFirst.Stage);
        Assert.Equal(firstAt, afterFirst.StageEnteredAt);
        Assert.Equal([InterviewStage.Thanked, InterviewStage.StayingInTouch], afterFirst.StageHistory.TakeLast(2).Select(s => s.Stage));
        Assert.Equal(firstAt, afterFirst.StageHistory[^1].At);

        factory.Clock.SetUtcNow(thankedAt.AddMonths(8));
        var second = await (await TouchAsync(client, interview.Id)).ReadAsync<TouchDto>(HttpStatusCode.Created);
        var afterSecond = await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");

        Assert.Equal(thankedAt.AddMonths(8), second.At);
        Assert.Null(second.Note);
        Assert.Equal(InterviewStage.StayingInTouch, afterSecond.Stage);
        Assert.Equal(firstAt, afterSecond.StageEnteredAt);
        Assert.Equal(afterFirst.StageHistory.Count, afterSecond.StageHistory.Count);
        Assert.Equal([second.Id, first.Id], afterSecond.Touches.Select(t => t.Id));
    }

    [Theory]
    [InlineData(InterviewStage.Interviewed, "interviewed")]
    [InlineData(InterviewStage.Contacted, "contacted")]
    public async Task A_touch_before_the_thank_you_is_refused_with_a_plain_sentence(InterviewStage stage, string currentStage)
    {
        using var client = NewClient();
        var interview = await InterviewAtAsync(client, stage);

        var problem = await (await TouchAsync(client, interview.Id, note: "Too early")).ProblemAsync(HttpStatusCode.Conflict);
        var unchanged = await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");

        Assert.Equal("Staying in touch comes after thanking Priya Shah: mark the thank-you first.", problem.GetProperty("detail").GetString());
        Assert.Equal(currentStage, problem.GetProperty("currentStage").GetString());
        Assert.Equal(stage, unchanged.Stage);
        Assert.Empty(unchanged.Touches);
    }

    [Fact]
    public async Task A_touch_on_a_declined_interview_is_refused_because_it_is_closed()
    {
        using var client = NewClient();
        var interview = await InterviewAtAsync(client, InterviewStage.Contacted);
        await client.MoveThroughAsync(interview.Id, InterviewStage.Declined);

        var problem = await (await TouchAsync(client, interview.Id)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Priya Shah declined", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_touch_more_than_a_day_ahead_or_with_an_over_long_note_is_refused_per_field()
    {
        var thankedAt = factory.Clock.GetUtcNow();
        using var client = NewClient();
        var interview = await InterviewAtAsync(client, InterviewStage.Thanked);
        factory.Clock.SetUtcNow(thankedAt.AddMonths(4));
        var now = factory.Clock.GetUtcNow();

        var both = await (await TouchAsync(client, interview.Id, now.AddDays(1).AddMinutes(1), new string('x', TouchRules.MaxNoteLength + 1))).ValidationErrorsAsync();
        var beforeThanks = await (await TouchAsync(client, interview.Id, thankedAt.AddMinutes(-1))).ValidationErrorsAsync();
        var unchanged = await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");

        Assert.Equal(["at", "note"], both.Keys.Order());
        Assert.Equal("A touch cannot be more than a day in the future.", Assert.Single(both["at"]));
        Assert.Equal("This field can be at most 2000 characters.", Assert.Single(both["note"]));
        Assert.Equal(["at"], beforeThanks.Keys);
        Assert.Equal(InterviewStage.Thanked, unchanged.Stage);
        Assert.Empty(unchanged.Touches);

        // A date picked in a zone ahead of the server's may be up to a day ahead; the longest note fits.
        var ahead = await (await TouchAsync(client, interview.Id, now.AddHours(23), new string('x', TouchRules.MaxNoteLength))).ReadAsync<TouchDto>(HttpStatusCode.Created);
        Assert.Equal(now.AddHours(23), ahead.At);
    }

    [Fact]
    public async Task A_touch_for_an_unknown_interview_is_404()
    {
        using var client = NewClient();

        await (await TouchAsync(client, Guid.NewGuid())).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Touches_are_in_the_export()
    {
        var thankedAt = factory.Clock.GetUtcNow();
        using var client = NewClient();
        var interview = await InterviewAtAsync(client, InterviewStage.Thanked);
        factory.Clock.SetUtcNow(thankedAt.AddMonths(4));
        await (await TouchAsync(client, interview.Id, note: "Applied for the planner role")).ReadAsync<TouchDto>(HttpStatusCode.Created);

        var export = await client.GetAsync<ExportDto>("/api/export");

        var exported = Assert.Single(export.Interviews, i => i.Id == interview.Id);
        Assert.Equal("Applied for the planner role", Assert.Single(exported.Touches).Note);
    }
}

/// <summary>The stay-in-touch nudge through the API, in the user's time zone; a class of its own so its clock is moved by this test alone.</summary>
public sealed class StayInTouchNudgeApiTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);

    [Fact]
    public async Task Each_touch_moves_the_next_nudge_four_months_on_so_a_year_holds_three_touches()
    {
        // Thanked on Monday 2 March 2026 at 09:00 in Toronto, the fixture clock's start; clocks go forward on 8 March.
        var thanked = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Est);
        Assert.Equal(thanked, factory.Clock.GetUtcNow());
        using var client = factory.CreateClockedClientFor(NextActionsApiTests.NewUser("Sam Lee"));
        var put = await client.PutAsJsonAsync("/api/profile", new ProfileInput(null, null, null, null, null, null, null, null, "America/Toronto", null), WorkflowApi.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var interview = await TouchesApiTests.InterviewAtAsync(client, InterviewStage.Thanked);

        async Task<NextAction?> NudgeAt(DateTimeOffset now)
        {
            factory.Clock.SetUtcNow(now);
            var response = await NextActionsApiTests.NextActionsAsync(client);
            Assert.Equal("America/Toronto", response.TimeZone);
            return response.Items.SingleOrDefault(a => a.Kind == NextActionKind.StayInTouch && a.InterviewId == interview.Id);
        }

        // Four months after the thank-you, at the same local time though the offset changed.
        var firstDue = new DateTimeOffset(2026, 7, 2, 9, 0, 0, Edt);
        Assert.Null(await NudgeAt(firstDue.AddMinutes(-1)));
        var first = await NudgeAt(firstDue);
        Assert.NotNull(first);
        Assert.Equal(firstDue, first.DueAtLocal);
        Assert.Equal(Edt, first.DueAtLocal!.Value.Offset);
        Assert.Contains("since your thank-you on Monday 2 March", first.Reason, StringComparison.Ordinal);

        // Answering each nudge the day it comes: the next one is four months after that touch.
        var touches = new List<DateTimeOffset>();
        var due = firstDue;
        while (due <= thanked.AddYears(1))
        {
            // The clock may be a little past the due time, so the touch names its time.
            await (await TouchesApiTests.TouchAsync(client, interview.Id, due)).ReadAsync<TouchDto>(HttpStatusCode.Created);
            touches.Add(due);
            Assert.Null(await NudgeAt(due.AddMonths(4).AddDays(-1)));
            var next = await NudgeAt(due.AddMonths(4).AddDays(1));
            Assert.NotNull(next);
            Assert.Contains("since your last update", next.Reason, StringComparison.Ordinal);
            due = next.DueAtLocal!.Value;
        }

        // 2 July, 2 November (after the autumn change), 2 March: three touches in the year after the thank-you, each at 09:00 local time.
        Assert.Equal(
            [new DateTimeOffset(2026, 7, 2, 9, 0, 0, Edt), new DateTimeOffset(2026, 11, 2, 9, 0, 0, Est), new DateTimeOffset(2027, 3, 2, 9, 0, 0, Est)],
            touches);
        var recorded = await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
        Assert.Equal(touches.AsEnumerable().Reverse(), recorded.Touches.Select(t => t.At));
        Assert.Equal(InterviewStage.StayingInTouch, recorded.Stage);
    }
}
