using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Tests.NextActions;

namespace OutlookInterviewAddin.Tests.Interviews;

public sealed class StageUndoTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    private static string UndoUrl(Guid id) => $"/api/interviews/{id}/stage/undo";

    [Fact]
    public async Task Undo_takes_back_the_latest_move_only()
    {
        var interview = await alice.AddInterviewAsync();
        var before = await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);
        await alice.MoveThroughAsync(interview.Id, InterviewStage.Interviewed);

        var undone = await (await alice.PostAsJsonAsync(UndoUrl(interview.Id), new StageUndoInput(InterviewStage.Interviewed), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);

        Assert.Equal(InterviewStage.Scheduled, undone.Stage);
        Assert.Equal(before.StageEnteredAt.ToUnixTimeMilliseconds(), undone.StageEnteredAt.ToUnixTimeMilliseconds());
        Assert.Equal([InterviewStage.Prospect, InterviewStage.Contacted, InterviewStage.Scheduled], undone.StageHistory.Select(s => s.Stage));
        Assert.Equal([InterviewStage.Interviewed, InterviewStage.Declined], undone.AllowedNextStages);
    }

    [Fact]
    public async Task Undoing_a_stage_the_conversation_is_no_longer_at_answers_409_with_where_it_stands()
    {
        var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);

        var problem = await (await alice.PostAsJsonAsync(UndoUrl(interview.Id), new StageUndoInput(InterviewStage.Contacted), WorkflowApi.Json))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("scheduled", problem.GetProperty("currentStage").GetString());
        Assert.Contains("Priya Shah is now at scheduled", problem.GetProperty("detail").GetString());
        Assert.Contains("Reload", problem.GetProperty("detail").GetString());
        Assert.Equal(InterviewStage.Scheduled, (await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Stage);
    }

    [Fact]
    public async Task Eight_simultaneous_undos_undo_exactly_one_move()
    {
        for (var round = 0; round < 3; round++)
        {
            var interview = await alice.AddInterviewAsync();
            await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed);

            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
                factory.CreateClientFor(TestUser.Alice).PostAsJsonAsync(UndoUrl(interview.Id), new StageUndoInput(InterviewStage.Interviewed), WorkflowApi.Json)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var after = await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
            Assert.Equal(InterviewStage.Scheduled, after.Stage);
            Assert.Equal([InterviewStage.Prospect, InterviewStage.Contacted, InterviewStage.Scheduled], after.StageHistory.Select(s => s.Stage));
        }
    }

    [Fact]
    public async Task The_first_stage_and_staying_in_touch_cannot_be_undone()
    {
        var fresh = await alice.AddInterviewAsync();
        var nothing = await (await alice.PostAsJsonAsync(UndoUrl(fresh.Id), new StageUndoInput(InterviewStage.Prospect), WorkflowApi.Json))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Nothing to undo", nothing.GetProperty("title").GetString());

        var thanked = await alice.AddInterviewAsync();
        await alice.MoveThroughAsync(thanked.Id, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked);
        await (await alice.PostAsJsonAsync($"/api/interviews/{thanked.Id}/touches", new TouchInput(Note: "Went to the meetup"), WorkflowApi.Json)).ReadAsync<TouchDto>(HttpStatusCode.Created);
        var touch = await (await alice.PostAsJsonAsync(UndoUrl(thanked.Id), new StageUndoInput(InterviewStage.StayingInTouch), WorkflowApi.Json))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Not a stage move", touch.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_undo_without_the_stage_is_a_field_error()
    {
        var interview = await alice.AddInterviewAsync();
        var errors = await (await alice.PostAsJsonAsync(UndoUrl(interview.Id), new StageUndoInput(null), WorkflowApi.Json)).ValidationErrorsAsync();
        Assert.Contains("stage", errors.Keys);
    }

    [Fact]
    public async Task Moving_to_scheduled_can_set_the_time_in_the_same_write()
    {
        var interview = await alice.AddInterviewAsync();
        var start = DateTimeOffset.UtcNow.AddDays(3);

        var moved = await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/stage",
            new StageChangeInput(InterviewStage.Scheduled, PlannedStart: start), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.OK);

        Assert.Equal(InterviewStage.Scheduled, moved.Stage);
        Assert.Equal(start.ToUnixTimeMilliseconds(), moved.PlannedStart!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(30, moved.DurationMinutes);

        var other = await alice.AddInterviewAsync();
        var errors = await (await alice.PostAsJsonAsync($"/api/interviews/{other.Id}/stage",
            new StageChangeInput(InterviewStage.Scheduled, PlannedStart: DateTimeOffset.UtcNow.AddDays(-3)), WorkflowApi.Json)).ValidationErrorsAsync();
        Assert.Contains("plannedStart", errors.Keys);
    }
}

/// <summary>The undo window, on a clock the test moves.</summary>
public sealed class StageUndoWindowTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    [Fact]
    public async Task A_move_older_than_the_undo_window_is_not_undone()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var interview = await client.AddInterviewAsync();
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);

        factory.Clock.Advance(InterviewsApi.UndoWindow + TimeSpan.FromMinutes(1));
        var problem = await (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/stage/undo", new StageUndoInput(InterviewStage.Contacted), WorkflowApi.Json))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Too late to undo", problem.GetProperty("title").GetString());
        Assert.Equal(InterviewStage.Contacted, (await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Stage);
    }

    [Fact]
    public async Task The_interview_says_which_move_can_be_undone_and_until_when_and_stops_saying_so_after()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var interview = await client.AddInterviewAsync();
        Assert.Null(interview.Undo);
        var moved = await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);

        // Read again, as a reload does: the answer carries the undo, not only the move's own response.
        var read = await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
        Assert.NotNull(read.Undo);
        Assert.Equal(InterviewStage.Contacted, read.Undo.Stage);
        Assert.Equal(InterviewStage.Prospect, read.Undo.Back);
        Assert.Equal((moved.StageEnteredAt + InterviewsApi.UndoWindow).ToUnixTimeMilliseconds(), read.Undo.Until.ToUnixTimeMilliseconds());

        factory.Clock.Advance(InterviewsApi.UndoWindow - TimeSpan.FromMinutes(1));
        Assert.NotNull((await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Undo);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null((await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Undo);
    }
}

/// <summary>Stage moves that would make the record lie are refused by the API itself, saying how to go ahead.</summary>
public sealed class StageMoveRulesTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, InterviewStage stage, bool? confirmEarly = null) =>
        client.PostAsJsonAsync($"/api/interviews/{id}/stage", new StageChangeInput(stage, ConfirmEarly: confirmEarly), WorkflowApi.Json);

    [Fact]
    public async Task Scheduling_without_a_time_is_refused_naming_the_planned_start_and_saying_how_to_give_one()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);

        var errors = await (await MoveAsync(client, interview.Id, InterviewStage.Scheduled)).ValidationErrorsAsync();
        var message = Assert.Single(errors["plannedStart"]);
        Assert.Contains("send plannedStart", message);
        Assert.Contains("Priya Shah", message);
        Assert.Equal(InterviewStage.Contacted, (await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Stage);

        // A time in the plan is enough.
        await client.PlanAsync(interview.Id, factory.Clock.GetUtcNow().AddDays(2));
        var scheduled = await (await MoveAsync(client, interview.Id, InterviewStage.Scheduled)).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.Equal(InterviewStage.Scheduled, scheduled.Stage);
    }

    [Fact]
    public async Task Interviewed_and_thanked_before_the_planned_start_are_refused_unless_confirmed()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        var start = factory.Clock.GetUtcNow().AddDays(7);
        await client.PlanAsync(interview.Id, start);
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);

        var refused = await (await MoveAsync(client, interview.Id, InterviewStage.Interviewed)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("confirmEarly", refused.GetProperty("confirm").GetString());
        var message = Assert.Single(refused.GetProperty("errors").GetProperty("confirmEarly").EnumerateArray()).GetString();
        Assert.Contains("has not started", message);
        Assert.Contains("confirmEarly: true", message);
        Assert.Contains(start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), message);
        Assert.Equal(InterviewStage.Scheduled, (await client.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Stage);
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(client, interview.Id, InterviewStage.Interviewed, confirmEarly: false)).StatusCode);

        await (await MoveAsync(client, interview.Id, InterviewStage.Interviewed, confirmEarly: true)).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.Contains("confirmEarly", (await (await MoveAsync(client, interview.Id, InterviewStage.Thanked)).ValidationErrorsAsync()).Keys);
        var thanked = await (await MoveAsync(client, interview.Id, InterviewStage.Thanked, confirmEarly: true)).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.Equal(InterviewStage.Thanked, thanked.Stage);
    }

    [Fact]
    public async Task Once_the_meeting_has_started_interviewed_needs_no_confirmation()
    {
        using var client = factory.CreateClockedClientFor(TestUser.Alice);
        var interview = await client.AddInterviewAsync();
        await client.PlanAsync(interview.Id, factory.Clock.GetUtcNow().AddHours(1));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);

        factory.Clock.Advance(TimeSpan.FromMinutes(50)); // ten minutes before: still refused
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(client, interview.Id, InterviewStage.Interviewed)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var moved = await (await MoveAsync(client, interview.Id, InterviewStage.Interviewed)).ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.Equal(InterviewStage.Interviewed, moved.Stage);
    }
}

public sealed class PastPlanTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    [Fact]
    public async Task A_planned_start_in_the_past_is_refused_beside_the_field_and_says_how_to_confirm()
    {
        var person = await alice.AddPersonAsync();
        var past = new DateTimeOffset(2020, 3, 1, 10, 0, 0, TimeSpan.FromHours(-5));

        var created = await alice.PostAsJsonAsync("/api/interviews", new NewInterviewInput(person.Id, PlannedStart: past), WorkflowApi.Json);
        var problem = await created.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([InterviewsApi.PastPlanMessage], problem.GetProperty("errors").GetProperty("plannedStart").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("confirmPast", problem.GetProperty("confirm").GetString());

        var interview = await alice.AddInterviewAsync(person.Id);
        var put = await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: past), WorkflowApi.Json);
        Assert.Contains("plannedStart", (await put.ValidationErrorsAsync()).Keys);
        Assert.Null((await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).PlannedStart);
    }

    [Fact]
    public async Task A_past_start_is_saved_when_confirmed_and_not_asked_again_while_unchanged()
    {
        var interview = await alice.AddInterviewAsync();
        var past = DateTimeOffset.UtcNow.AddDays(-2);

        var confirmed = await (await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: past, ConfirmPast: true), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.NotNull(confirmed.PlannedStart);

        // Changing the place of a meeting that already happened does not ask about its time again.
        var edited = await (await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: confirmed.PlannedStart, Place: "Balzac's"), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.Equal("Balzac's", edited.Place);
    }

    [Fact]
    public async Task Recording_when_a_meeting_that_happened_took_place_needs_no_confirmation()
    {
        var interview = await alice.AddInterviewAsync();
        await alice.MoveThroughAsync(interview.Id, InterviewStage.Scheduled, InterviewStage.Interviewed);

        var past = DateTimeOffset.UtcNow.AddDays(-1);
        var saved = await (await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: past), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.OK);
        Assert.Equal(past.ToUnixTimeMilliseconds(), saved.PlannedStart!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_start_a_few_minutes_ago_is_not_the_past()
    {
        var interview = await alice.AddInterviewAsync();
        var put = await alice.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: DateTimeOffset.UtcNow.AddMinutes(-2)), WorkflowApi.Json);
        await put.ReadAsync<InterviewDto>(HttpStatusCode.OK);
    }
}
