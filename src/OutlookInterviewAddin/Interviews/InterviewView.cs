using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.QuestionLists;

namespace OutlookInterviewAddin.Interviews;

/// <summary>Loads interviews with what the pane shows beside them.</summary>
public static class InterviewView
{
    /// <summary>The interview with its person, stage history, takeaways and touches, tracked for changes.</summary>
    public static Task<Interview?> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Interviews
            .Include(i => i.Person)
            .Include(i => i.StageChanges)
            .Include(i => i.Takeaways)
            .Include(i => i.Touches)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);

    public static async Task<InterviewDto?> LoadAsync(AppDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var interview = await FindAsync(db, id, ct);
        return interview is null ? null : await ToDtoAsync(db, interview, now, ct);
    }

    /// <param name="now">Whether the latest stage move can still be undone is judged at this instant.</param>
    public static async Task<InterviewDto> ToDtoAsync(AppDbContext db, Interview i, DateTimeOffset now, CancellationToken ct)
    {
        var referrals = await db.People.AsNoTracking().Where(p => p.ReferredViaInterviewId == i.Id)
            .OrderBy(p => p.Name).Select(p => new PersonRef(p.Id, p.Name)).ToListAsync(ct);
        return ToDto(i, referrals, now);
    }

    /// <summary>The change that entered the current stage, and the one before it (null when the interview has not moved).</summary>
    public static (StageChange? Latest, StageChange? Previous) LatestMove(Interview i)
    {
        var ordered = i.StageChanges.OrderByDescending(c => c.EnteredAt).ToList();
        var latest = ordered.FirstOrDefault(c => c.Stage == i.Stage);
        var previous = latest is null ? null : ordered.Where(c => !ReferenceEquals(c, latest) && c.EnteredAt <= latest.EnteredAt).FirstOrDefault();
        return (latest, previous);
    }

    /// <summary>
    /// What the undo route would take back at <paramref name="now"/>: a move (not the start, not the
    /// first update's staying in touch) made less than <see cref="InterviewsApi.UndoWindow"/> ago.
    /// </summary>
    public static StageUndoDto? UndoOf(Interview i, DateTimeOffset now)
    {
        if (i.Stage == InterviewStage.StayingInTouch) return null;
        var (latest, previous) = LatestMove(i);
        if (latest is null || previous is null) return null;
        var until = latest.EnteredAt + InterviewsApi.UndoWindow;
        return now <= until ? new StageUndoDto(i.Stage, previous.Stage, until) : null;
    }

    public static InterviewDto ToDto(Interview i, IReadOnlyList<PersonRef> referrals, DateTimeOffset now) => new(
        i.Id,
        PersonRefOf(i.Person!),
        i.Stage,
        i.StageEnteredAt,
        i.StageChanges.OrderBy(c => c.EnteredAt).Select(c => new StageChangeDto(c.Stage, c.EnteredAt)).ToList(),
        StageRules.AllowedAfter(i.Stage),
        UndoOf(i, now),
        i.PlannedStart,
        i.DurationMinutes,
        i.PlaceKind,
        i.Place,
        i.MeetingUrl,
        i.QuestionListId ?? BuiltInLists.DefaultId,
        i.TailoredQuestions is not null,
        new OutlookItemsDto(i.OutreachMessageId, i.InviteEventId, i.ThankYouMessageId),
        i.Takeaways.OrderBy(t => t.CreatedAt).Select(t => new TakeawayDto(t.Id, t.Text, t.Action, t.IsMostHelpful, t.CreatedAt)).ToList(),
        new FitDto(i.FitRating, i.FitNote),
        i.Touches.OrderByDescending(t => t.At).ThenByDescending(t => t.CreatedAt).Select(ToDto).ToList(),
        referrals,
        i.CreatedAt,
        i.UpdatedAt);

    public static TouchDto ToDto(Touch t) => new(t.Id, t.At, t.Note, t.CreatedAt);

    public static InterviewPersonRef PersonRefOf(Person p) => new(p.Id, p.Name, p.Organisation, p.TimeZone);
}
