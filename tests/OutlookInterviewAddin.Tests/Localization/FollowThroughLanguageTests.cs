using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.FollowThrough;

namespace OutlookInterviewAddin.Tests.Localization;

/// <summary>The follow-through writes with no request to take a language from: its lines are written when read, in the reader's language.</summary>
public sealed class FollowThroughLanguageTests
{
    // Monday 2 March 2026, 14:00 UTC (09:00 in Toronto, the profile's zone).
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task What_the_follow_through_did_and_will_do_reads_in_french_for_a_french_reader_and_in_english_otherwise()
    {
        using var host = new FollowThroughHost(Monday);
        await host.SetUpAsync();
        var (done, _) = await host.InterviewWithAsync("Ana Costa");
        await host.MoveAsync(done, InterviewStage.Contacted);
        await host.PlanAsync(done, Monday.AddHours(1));
        await host.MoveAsync(done, InterviewStage.Scheduled);
        await host.TakeawayAsync(done, "Join the planning association's student chapter", "Sign up before the spring meeting");
        var (ahead, _) = await host.InterviewWithAsync("Ben Okafor");
        await host.MoveAsync(ahead, InterviewStage.Contacted);
        await host.PlanAsync(ahead, Monday.AddDays(1).AddHours(1));
        await host.MoveAsync(ahead, InterviewStage.Scheduled);

        host.Clock.Advance(TimeSpan.FromMinutes(100)); // ten minutes after the first 30-minute meeting ended
        await host.SweepAsync();

        var english = Assert.Single(await host.ActivityAsync());
        host.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-CA");
        var french = Assert.Single(await host.ActivityAsync());
        var next = await host.Client.GetAsync<NextActionsResponse>("/api/next-actions");

        Assert.Equal(AutomationWork.ThankYou, french.Work);
        Assert.StartsWith("Thank-you to Ana Costa drafted 10 minutes after your meeting", english.Summary, StringComparison.Ordinal);
        Assert.Equal("Remerciement à Ana Costa rédigé 10 minutes après votre rencontre, avec le conseil clé que vous avez retenu\u00a0: il vous attend dans Brouillons.",
            french.Summary);
        Assert.Equal(french.Summary, Assert.Single(next.Automation!.Done).Summary);
        var upcoming = Assert.Single(next.Automation.Upcoming);
        Assert.StartsWith("Le remerciement à Ben Okafor sera rédigé à la fin de votre rencontre (mardi 3 mars à 10\u00a0h\u00a030)", upcoming, StringComparison.Ordinal);
        Assert.Equal(Monday.AddDays(1).AddHours(1).AddMinutes(30), Assert.Single(Assert.Single(next.Automation.UpcomingParts), p => p.At is not null).At);
    }
}
