using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OutlookInterviewAddin.Tests.Mail;

/// <summary>
/// 429s, 503s and timeouts injected under the Graph SDK, between and inside the steps: every time,
/// exactly one draft, one event and one attachment, and never an invitation without its file.
/// Also counts the Graph requests each action makes.
/// </summary>
public sealed class DraftFaultTests(ITestOutputHelper output) : IDisposable
{
    private const string Events = "/graph/v1.0/me/events$";
    private const string Attachments = "/graph/v1.0/me/events/[^/]+/attachments$";
    private const string Event = "/graph/v1.0/me/events/[^/]+$";
    private const string Messages = "/graph/v1.0/me/messages$";
    private const string Batch = "/graph/v1.0/\\$batch$";

    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    // The figures docs/mailbox.md quotes, printed where `dotnet test … --logger "console;verbosity=detailed"` shows them.
    private void Report(string action, IReadOnlyList<string> requests) =>
        output.WriteLine($"{action}: {requests.Count} Graph round trips: {string.Join(" | ", requests.Select(r => r.Split('?')[0]))}");

    private async Task<InterviewDto> PlannedAsync()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync();
        var put = await host.Client.PutAsJsonAsync($"/api/interviews/{interview.Id}",
            new InterviewPlanInput(PlannedStart: DateTimeOffset.UtcNow.AddDays(5), DurationMinutes: 30), WorkflowApi.Json);
        return await put.ReadAsync<InterviewDto>(HttpStatusCode.OK);
    }

    private async Task AssertOneInviteWithItsFileAsync()
    {
        var events = await host.EventsAsync();
        var e = Assert.Single(events);
        var file = Assert.Single(e.GetProperty("attachments").EnumerateArray()).GetProperty("name").GetString();
        var invitations = await host.InvitationsAsync();
        Assert.NotEmpty(invitations);
        Assert.All(invitations, i => Assert.Equal([file], i.GetProperty("attachmentNames").EnumerateArray().Select(n => n.GetString())));
    }

    [Fact]
    public async Task A_fresh_draft_takes_two_round_trips_and_a_fresh_invite_three()
    {
        var interview = await PlannedAsync();
        host.Faults.ResetCount();
        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "outreach")).StatusCode);
        Report("outreach draft", host.Faults.Seen);
        Assert.Equal(["POST /graph/v1.0/$batch", "POST /graph/v1.0/me/messages"], host.Faults.Seen);

        host.Faults.ResetCount();
        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "invite")).StatusCode);
        Report("invite", host.Faults.Seen);
        Assert.Collection(host.Faults.Seen,
            r => Assert.Equal("POST /graph/v1.0/me/events", r),
            r => Assert.Matches("^POST /graph/v1.0/me/events/[^/]+/attachments$", r),
            r => Assert.Matches("^PATCH /graph/v1.0/me/events/[^/?]+$", r));
    }

    [Fact]
    public async Task A_draft_created_but_answered_with_503_is_found_and_not_made_twice()
    {
        var interview = await PlannedAsync();
        host.Faults.Add(new Fault(FaultKind.UnavailableAfter, "POST", Messages));

        var created = await (await host.CreateAsync(interview.Id, "outreach")).ReadAsync<DraftCreated>(HttpStatusCode.Created, HttpStatusCode.OK);

        var draft = Assert.Single(await host.MessagesAsync());
        Assert.Equal(created.ItemId, draft.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_draft_whose_create_times_out_after_landing_is_not_made_twice()
    {
        var interview = await PlannedAsync();
        host.Faults.Add(new Fault(FaultKind.TimeoutAfter, "POST", Messages));

        await (await host.CreateAsync(interview.Id, "outreach")).ReadAsync<DraftCreated>(HttpStatusCode.Created, HttpStatusCode.OK);

        Assert.Single(await host.MessagesAsync());
    }

    [Fact]
    public async Task A_short_throttle_is_waited_out_inside_the_request()
    {
        var interview = await PlannedAsync();
        host.Faults.Add(new Fault(FaultKind.Throttle, "POST", Batch, Times: 1, RetryAfterSeconds: 1));
        host.Faults.Add(new Fault(FaultKind.Throttle, "POST", Messages, Times: 1, RetryAfterSeconds: 1));

        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "outreach")).StatusCode);

        Assert.Single(await host.MessagesAsync());
    }

    [Fact]
    public async Task A_long_throttle_reaches_the_pane_as_try_again_in_N_seconds_and_the_next_press_works()
    {
        var interview = await PlannedAsync();
        host.Faults.Add(new Fault(FaultKind.Throttle, "POST", Batch, Times: 5, RetryAfterSeconds: 30));

        var response = await host.CreateAsync(interview.Id, "outreach");
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Equal(30, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Contains("try again in 30 seconds", problem.GetProperty("detail").GetString());
        Assert.Equal("30", response.Headers.RetryAfter?.ToString());
        Assert.Empty(await host.MessagesAsync());

        host.Faults.Clear();
        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "outreach")).StatusCode);
        Assert.Single(await host.MessagesAsync());
    }

    [Theory]
    [InlineData(FaultKind.UnavailableAfter, "POST", Events)]
    [InlineData(FaultKind.TimeoutAfter, "POST", Events)]
    [InlineData(FaultKind.UnavailableAfter, "POST", Attachments)]
    [InlineData(FaultKind.TimeoutAfter, "POST", Attachments)]
    [InlineData(FaultKind.Throttle, "POST", Attachments)]
    [InlineData(FaultKind.UnavailableBefore, "PATCH", Event)]
    [InlineData(FaultKind.UnavailableAfter, "PATCH", Event)]
    [InlineData(FaultKind.TimeoutAfter, "PATCH", Event)]
    public async Task A_fault_at_any_step_of_the_invite_leaves_one_event_one_attachment_and_no_invitation_without_it(FaultKind kind, string method, string path)
    {
        var interview = await PlannedAsync();
        host.Faults.Add(new Fault(kind, method, path));

        var created = await (await host.CreateAsync(interview.Id, "invite")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        await AssertOneInviteWithItsFileAsync();
        Assert.Single(await host.InvitationsAsync());
        Assert.Equal(InterviewStage.Scheduled, created.Interview.Stage);
    }

    [Fact]
    public async Task An_invite_stopped_before_the_attendee_resumes_on_the_next_press_with_one_lookup()
    {
        var interview = await PlannedAsync();
        host.Faults.Add(new Fault(FaultKind.UnavailableBefore, "PATCH", Event, Times: 10));

        var failed = await host.CreateAsync(interview.Id, "invite");
        await failed.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Empty(await host.InvitationsAsync());
        Assert.Single(await host.EventsAsync());

        host.Faults.Clear();
        host.Faults.ResetCount();
        var resumed = await (await host.CreateAsync(interview.Id, "invite")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        Assert.Equal("resumed", resumed.Outcome);
        Report("invite resumed on the next press, after the attendee step failed", host.Faults.Seen);
        Assert.Collection(host.Faults.Seen,
            r => Assert.Matches("^GET /graph/v1.0/me/events/[^/?]+\\?", r),
            r => Assert.Matches("^PATCH /graph/v1.0/me/events/[^/?]+$", r));
        await AssertOneInviteWithItsFileAsync();
        Assert.Single(await host.InvitationsAsync());
    }

    [Fact]
    public async Task Two_presses_at_once_make_one_draft()
    {
        var interview = await PlannedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.CreateAsync(interview.Id, "outreach")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(await host.MessagesAsync());
    }

    [Fact]
    public async Task Presses_at_once_on_the_invite_make_one_event_with_one_file()
    {
        var interview = await PlannedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.CreateAsync(interview.Id, "invite")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await AssertOneInviteWithItsFileAsync();
        Assert.Single(await host.InvitationsAsync());
    }
}
