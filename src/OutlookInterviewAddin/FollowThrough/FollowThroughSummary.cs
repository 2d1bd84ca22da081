using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>What next actions show of the follow-through: whether it is on, what it did lately, and what it will do next.</summary>
/// <param name="Done">The latest completed pieces, newest first.</param>
/// <param name="Upcoming">One line per piece it will do, soonest first (times on the user's clock).</param>
/// <param name="UpcomingParts">The same lines with their times as instants, for a client that shows times on its own clock.</param>
public sealed record AutomationSummary(bool Enabled, string? Problem, IReadOnlyList<ActivityDto> Done, IReadOnlyList<string> Upcoming,
    IReadOnlyList<IReadOnlyList<ReasonPart>> UpcomingParts);

public static class FollowThroughSummary
{
    private const int Shown = 5;

    public static async Task<AutomationSummary> ForAsync(AppDbContext db, AutomationSetting setting, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        // What was done stays listed when automation is turned off: the drafts are still in Drafts.
        var done = await db.AutomationActivities.AsNoTracking().Where(a => a.CompletedAt != null)
            .OrderByDescending(a => a.CompletedAt).Take(Shown).ToListAsync(ct);
        if (!setting.Enabled) return new AutomationSummary(false, ProblemOf(setting), [.. done.Select(ActivityDto.From)], [], []);
        var holidays = Holidays.For(setting.Country, setting.Province);
        var upcoming = new List<(DateTimeOffset At, ReasonText Line)>();
        var meetings = await db.Interviews.AsNoTracking()
            .Where(i => i.Stage == InterviewStage.Scheduled && i.PlannedStart != null && i.PlannedStart > now)
            .OrderBy(i => i.PlannedStart).Take(Shown)
            .Select(i => new { i.PlannedStart, i.DurationMinutes, i.Person!.Name }).ToListAsync(ct);
        foreach (var m in meetings)
        {
            var end = FollowThroughSweep.MeetingEndOf(m.PlannedStart, m.DurationMinutes)!.Value;
            upcoming.Add((end, ReasonText.Of("Upcoming.ThankYou", m.Name, Moment(end, zone))));
        }
        var waiting = await db.Interviews.AsNoTracking()
            .Where(i => i.Stage == InterviewStage.Contacted)
            .Select(i => new
            {
                i.Id, i.Person!.Name, i.Person.DoNotContact, i.StageEnteredAt,
                First = i.StageChanges.Where(c => c.Stage == InterviewStage.Contacted).Min(c => (DateTimeOffset?)c.EnteredAt),
            }).ToListAsync(ct);
        var followedUp = (await db.AutomationActivities.AsNoTracking().Where(a => a.Work == AutomationWork.FollowUp).Select(a => a.InterviewId).ToListAsync(ct)).ToHashSet();
        foreach (var w in waiting.Where(w => !w.DoNotContact && !followedUp.Contains(w.Id)))
        {
            var due = BusinessCalendar.AddBusinessDays(w.First ?? w.StageEnteredAt, NextActionsCalculator.FollowUpAfterBusinessDays, zone, holidays);
            if (due > now) upcoming.Add((due, ReasonText.Of("Upcoming.FollowUp", w.Name, Moment(due, zone))));
        }
        var shown = upcoming.OrderBy(u => u.At).Take(Shown).ToList();
        return new AutomationSummary(true, ProblemOf(setting), [.. done.Select(ActivityDto.From)],
            [.. shown.Select(u => u.Line.Text)], [.. shown.Select(u => u.Line.Parts)]);
    }

    /// <summary>Meetings that ended without takeaways: "Record your takeaways from …", shown first while automation waits for them.</summary>
    public static async Task<List<NextAction>> RecordTakeawaysAsync(AppDbContext db, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var ended = await db.Interviews.AsNoTracking()
            .Where(i => (i.Stage == InterviewStage.Scheduled || i.Stage == InterviewStage.Interviewed) && i.PlannedStart != null && i.PlannedStart <= now
                && !i.Takeaways.Any())
            .Select(i => new { i.Id, i.PersonId, i.Person!.Name, i.PlannedStart, i.DurationMinutes })
            .ToListAsync(ct);
        return [.. ended
            .Select(i => (i, End: FollowThroughSweep.MeetingEndOf(i.PlannedStart, i.DurationMinutes)!.Value))
            .Where(x => x.End <= now)
            .OrderBy(x => x.End)
            .Select(x => NextAction.Of(NextActionKind.RecordTakeaways, x.i.PersonId, x.i.Name, x.i.Id, x.End.ToUniversalTime(), TimeZoneInfo.ConvertTime(x.End, zone), true,
                ReasonText.Of("NextActions.RecordTakeaways", x.i.Name))) ];
    }

    /// <summary>Why automation stopped, in the request's language (a row stored before keys were kept reads as it was written).</summary>
    public static string? ProblemOf(AutomationSetting setting) => setting.Problem is null ? null : StoredText.Read(setting.Problem);

    private static ReasonTime Moment(DateTimeOffset instant, TimeZoneInfo zone) => new(instant, zone, DateOnly: false);
}
