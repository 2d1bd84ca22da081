using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Tests.Builders;
using Quartz;

namespace OutlookInterviewAddin.Tests.FollowThrough;

/// <summary>The follow-through against the real local mailbox, with a clock the tests move instead of waiting.</summary>
public sealed class FollowThroughTests
{
    // Monday 2 March 2026, 14:00 UTC (09:00 in Toronto).
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_meeting_ending_produces_exactly_one_thank_you_draft_citing_the_key_tip()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (id, email) = await host.InterviewWithAsync("Ana Costa");
        await host.MoveAsync(id, InterviewStage.Contacted);
        await host.PlanAsync(id, Monday.AddHours(1));
        await host.MoveAsync(id, InterviewStage.Scheduled);
        await host.TakeawayAsync(id, "Join the planning association's student chapter", "Sign up before the spring meeting");

        await host.SweepAsync();
        Assert.Empty(await host.DraftsToAsync(email));

        host.Clock.Advance(TimeSpan.FromMinutes(100)); // ten minutes after the 30-minute meeting ended
        await host.SweepAsync();
        await host.SweepAsync();

        var draft = Assert.Single(await host.DraftsToAsync(email));
        Assert.Contains("student chapter", draft.GetProperty("html").GetString());
        var done = Assert.Single(await host.ActivityAsync());
        Assert.Equal(AutomationWork.ThankYou, done.Work);
        Assert.Equal(draft.GetProperty("id").GetString(), done.ItemId);
        Assert.Contains("Thank-you to Ana Costa drafted 10 minutes after your meeting", done.Summary);
    }

    [Fact]
    public async Task A_meeting_without_takeaways_gets_no_thank_you_until_they_are_recorded_then_one()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (id, email) = await host.InterviewWithAsync("Ben Okafor");
        await host.MoveAsync(id, InterviewStage.Contacted);
        await host.PlanAsync(id, Monday.AddHours(1));
        await host.MoveAsync(id, InterviewStage.Scheduled);
        host.Clock.Advance(TimeSpan.FromHours(3));

        await host.SweepAsync();
        Assert.Empty(await host.DraftsToAsync(email));
        var next = await host.Client.GetAsync<OutlookInterviewAddin.NextActions.NextActionsResponse>("/api/next-actions");
        Assert.StartsWith("Record your takeaways from your conversation with Ben Okafor", next.Items[0].Reason);

        await host.TakeawayAsync(id, "Learn GIS before anything else");
        await host.SweepAsync();
        await host.SweepAsync();

        var draft = Assert.Single(await host.DraftsToAsync(email));
        Assert.Contains("GIS", draft.GetProperty("html").GetString());
        // Drafted the moment the takeaways allowed it, not "3 hours after your meeting".
        var done = Assert.Single(await host.ActivityAsync());
        Assert.Contains("Thank-you to Ben Okafor drafted less than a minute after you recorded your takeaways", done.Summary);
    }

    [Fact]
    public async Task A_meeting_moved_in_Outlook_is_thanked_after_its_new_end_not_the_planned_one()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (id, email) = await host.InterviewWithAsync("Dara Singh");
        await host.MoveAsync(id, InterviewStage.Contacted);
        await host.PlanAsync(id, Monday.AddHours(1));
        await host.MoveAsync(id, InterviewStage.Scheduled);
        var eventId = await host.SendInviteAsync(id);
        // The user moves the meeting to Wednesday in Outlook; the stored plan still says Monday.
        await host.MoveEventAsync(eventId, Monday.AddDays(2).AddHours(1), TimeSpan.FromMinutes(45));
        await host.TakeawayAsync(id, "Shadow a site visit with the transit planning team");

        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.SweepAsync();
        Assert.Empty(await host.DraftsToAsync(email));

        host.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 17:00 UTC: the moved meeting ended at 15:45
        await host.SweepAsync();
        await host.SweepAsync();

        var draft = Assert.Single(await host.DraftsToAsync(email));
        Assert.Contains("site visit", draft.GetProperty("html").GetString());
        var activity = await host.ActivityAsync();
        Assert.Equal([AutomationWork.ThankYou, AutomationWork.MeetingMoved], activity.Select(a => a.Work));
        Assert.Contains("Thank-you to Dara Singh drafted 1 hour after your meeting", activity[0].Summary);
        Assert.Contains("Your meeting with Dara Singh was moved in Outlook", activity[1].Summary);
    }

    [Fact]
    public async Task A_meeting_moved_in_Outlook_moves_the_stored_plan_once_and_next_actions_follow_it()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (id, _) = await host.InterviewWithAsync("Farah Haddad");
        await host.MoveAsync(id, InterviewStage.Contacted);
        await host.PlanAsync(id, Monday.AddDays(1));
        await host.MoveAsync(id, InterviewStage.Scheduled);
        var eventId = await host.SendInviteAsync(id);
        var moved = Monday.AddDays(3).AddHours(2); // Thursday 16:00 UTC, for 45 minutes
        await host.MoveEventAsync(eventId, moved, TimeSpan.FromMinutes(45));

        await host.SweepAsync();
        await host.SweepAsync();

        var interview = await host.Client.GetAsync<InterviewDto>($"/api/interviews/{id}");
        Assert.Equal(moved, interview.PlannedStart);
        Assert.Equal(45, interview.DurationMinutes);
        Assert.Equal([AutomationWork.MeetingMoved], (await host.ActivityAsync()).Select(a => a.Work));
        var next = await host.Client.GetAsync<OutlookInterviewAddin.NextActions.NextActionsResponse>("/api/next-actions");
        var meeting = Assert.Single(next.Items, a => a.InterviewId == id);
        Assert.Equal(moved, meeting.DueAtUtc);
        // What the follow-through will do next follows the moved meeting, its time an instant the pane formats.
        Assert.Contains("Thank-you to Farah Haddad will be drafted when your meeting ends", Assert.Single(next.Automation!.Upcoming));
        Assert.Equal(moved.AddMinutes(45), Assert.Single(Assert.Single(next.Automation.UpcomingParts), p => p.At is not null).At);

        // Moved again: a second move is recorded; the user's own later plan is never overwritten by a stale read.
        await host.MoveEventAsync(eventId, moved.AddHours(1), TimeSpan.FromMinutes(45));
        await host.SweepAsync();
        Assert.Equal(moved.AddHours(1), (await host.Client.GetAsync<InterviewDto>($"/api/interviews/{id}")).PlannedStart);
        Assert.Equal([1, 2], (await host.ActivityAsync()).Select(a => a.Round).Order());
    }

    [Fact]
    public async Task A_meeting_cancelled_in_Outlook_gets_no_thank_you()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (id, email) = await host.InterviewWithAsync("Eli Tremblay");
        await host.MoveAsync(id, InterviewStage.Contacted);
        await host.PlanAsync(id, Monday.AddHours(1));
        await host.MoveAsync(id, InterviewStage.Scheduled);
        var eventId = await host.SendInviteAsync(id);
        await host.TakeawayAsync(id, "Ask the city's open-data team about internships in GIS");
        (await host.Client.DeleteAsync($"/graph/v1.0/me/events/{eventId}")).EnsureSuccessStatusCode();

        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.SweepAsync();

        Assert.Empty(await host.DraftsToAsync(email));
        Assert.Empty(await host.ActivityAsync());
    }

    [Fact]
    public async Task A_reply_stops_the_follow_up()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (id, email) = await host.InterviewWithAsync("Chloé Martin");
        await host.MoveAsync(id, InterviewStage.Contacted);
        host.Clock.Advance(TimeSpan.FromDays(1));
        (await host.Client.PostAsJsonAsync("/local-mailbox/incoming",
            new { fromName = "Chloé Martin", fromAddress = email, subject = "RE: Coffee?", text = "Happy to, how about Thursday?" }, WorkflowApi.Json))
            .EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(14));

        await host.SweepAsync();
        await host.SweepAsync();

        Assert.Empty(await host.DraftsToAsync(email));
        var interview = await host.Client.GetAsync<InterviewDto>($"/api/interviews/{id}");
        Assert.Equal(InterviewStage.Scheduled, interview.Stage);
        var activity = await host.ActivityAsync();
        Assert.Equal([AutomationWork.ReplyNoticed], activity.Select(a => a.Work));
        // Agreed to talk, no time yet: next actions ask for one instead of showing nothing.
        var next = await host.Client.GetAsync<OutlookInterviewAddin.NextActions.NextActionsResponse>("/api/next-actions");
        var plan = Assert.Single(next.Items, a => a.InterviewId == id);
        Assert.Equal(OutlookInterviewAddin.NextActions.NextActionKind.PlanConversation, plan.Kind);
        Assert.True(plan.Overdue);
        Assert.StartsWith("Chloé Martin agreed to talk on", plan.Reason);
    }

    [Fact]
    public async Task Seven_business_days_of_silence_skipping_weekends_and_a_holiday_produce_exactly_one_follow_up()
    {
        // Thursday 2 April 2026, 10:00 in Toronto; Friday 3 April is Good Friday, a holiday in Ontario.
        var contacted = new DateTimeOffset(2026, 4, 2, 14, 0, 0, TimeSpan.Zero);
        using var host = new FollowThroughHost(contacted);
        await host.SetUpAsync(country: "CA", province: "ON");
        var (id, email) = await host.InterviewWithAsync("Dev Patel");
        await host.MoveAsync(id, InterviewStage.Contacted);

        // Monday 13 April is the 7th weekday, but only the 6th business day with Good Friday off.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 13, 15, 0, 0, TimeSpan.Zero));
        await host.SweepAsync();
        Assert.Empty(await host.DraftsToAsync(email));
        Assert.Contains(await host.ActivityAsync(), a => a.Work == AutomationWork.SecondContact);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 15, 15, 0, 0, TimeSpan.Zero));
        await host.SweepAsync();
        await host.SweepAsync();
        host.Clock.Advance(TimeSpan.FromDays(30));
        await host.SweepAsync();

        var followUp = Assert.Single(await host.DraftsToAsync(email));
        Assert.Single(await host.ActivityAsync(), a => a.Work == AutomationWork.FollowUp && a.ItemId == followUp.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Nudges_come_at_the_set_interval_and_never_for_do_not_contact()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync(stayInTouchMonths: 2);
        var (keep, keepEmail) = await host.InterviewWithAsync("Eva Lindqvist");
        var (leave, leaveEmail) = await host.InterviewWithAsync("Farid Haddad", doNotContact: true);
        foreach (var id in new[] { keep, leave })
        {
            await host.TakeawayAsync(id, "Build a portfolio of three projects", "Start the first project this month");
            await host.Client.MoveThroughAsync(id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked);
        }

        host.Clock.Advance(TimeSpan.FromDays(40));
        await host.SweepAsync();
        Assert.Empty(await host.DraftsToAsync(keepEmail));

        host.Clock.Advance(TimeSpan.FromDays(25)); // past two months
        await host.SweepAsync();
        await host.SweepAsync();
        var first = Assert.Single(await host.DraftsToAsync(keepEmail));
        Assert.Contains("portfolio", first.GetProperty("html").GetString());

        host.Clock.Advance(TimeSpan.FromDays(30)); // three months: nothing new
        await host.SweepAsync();
        Assert.Single(await host.DraftsToAsync(keepEmail));

        host.Clock.Advance(TimeSpan.FromDays(35)); // past four months: the second
        await host.SweepAsync();
        await host.SweepAsync();
        Assert.Equal(2, (await host.DraftsToAsync(keepEmail)).Length);
        Assert.Empty(await host.DraftsToAsync(leaveEmail));
    }

    [Fact]
    public async Task Automation_is_off_by_default_and_validates_its_settings()
    {
        using var host = new FollowThroughHost(Monday);
        var initial = await host.Client.GetAsync<AutomationDto>("/api/automation");
        Assert.False(initial.Enabled);
        Assert.Equal(4, initial.StayInTouchMonths);

        var bad = await host.Client.PutAsJsonAsync("/api/automation", new AutomationInput(true, 13, "XX"), WorkflowApi.Json);
        var errors = await bad.ValidationErrorsAsync();
        Assert.Contains("stayInTouchMonths", errors.Keys);
        Assert.Contains("country", errors.Keys);

        var off = await (await host.Client.PutAsJsonAsync("/api/automation", new AutomationInput(false, null), WorkflowApi.Json)).ReadAsync<AutomationDto>(HttpStatusCode.OK);
        Assert.False(off.Enabled);
        Assert.Null(off.StayInTouchMonths);
    }

    [Fact]
    public async Task Without_a_session_for_this_mode_turning_automation_on_says_it_is_not_available_and_nothing_runs()
    {
        using var host = new FollowThroughHost(Monday, withoutSeams: true);

        var answer = await (await host.Client.PutAsJsonAsync("/api/automation", new AutomationInput(true), WorkflowApi.Json)).ReadAsync<AutomationDto>(HttpStatusCode.OK);

        Assert.False(answer.Enabled);
        Assert.Equal("Automation is not available in this mode yet.", answer.Problem);
        Assert.Equal(0, (await host.SweepAsync()).Completed);
    }

    [Fact]
    public async Task When_the_scheduler_cannot_start_turning_automation_on_says_so_and_changes_nothing_while_off_still_works()
    {
        using var host = new FollowThroughHost(Monday, services: s =>
        {
            s.RemoveAll<ISchedulerFactory>();
            s.AddSingleton<ISchedulerFactory, BrokenSchedulerFactory>();
        });

        var refused = await host.Client.PutAsJsonAsync("/api/automation", new AutomationInput(true), WorkflowApi.Json);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal("Automation cannot start right now", problem!.Title);
        Assert.Contains("Nothing was changed", problem.Detail);
        Assert.False((await host.Client.GetAsync<AutomationDto>("/api/automation")).Enabled);
        var off = await (await host.Client.PutAsJsonAsync("/api/automation", new AutomationInput(false), WorkflowApi.Json)).ReadAsync<AutomationDto>(HttpStatusCode.OK);
        Assert.False(off.Enabled);
    }

    /// <summary>A scheduler that cannot start, as when its tables are unreachable.</summary>
    private sealed class BrokenSchedulerFactory : ISchedulerFactory
    {
        private static SchedulerException Broken() => new("The job store's tables could not be reached.");

        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => throw Broken();

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => throw Broken();

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => throw Broken();
    }
}
