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

    public static async Task<InterviewDto?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var interview = await FindAsync(db, id, ct);
        return interview is null ? null : await ToDtoAsync(db, interview, ct);
    }

    public static async Task<InterviewDto> ToDtoAsync(AppDbContext db, Interview i, CancellationToken ct)
    {
        var referrals = await db.People.AsNoTracking().Where(p => p.ReferredViaInterviewId == i.Id)
            .OrderBy(p => p.Name).Select(p => new PersonRef(p.Id, p.Name)).ToListAsync(ct);
        return ToDto(i, referrals);
    }

    public static InterviewDto ToDto(Interview i, IReadOnlyList<PersonRef> referrals) => new(
        i.Id,
        PersonRefOf(i.Person!),
        i.Stage,
        i.StageEnteredAt,
        i.StageChanges.OrderBy(c => c.EnteredAt).Select(c => new StageChangeDto(c.Stage, c.EnteredAt)).ToList(),
        StageRules.AllowedAfter(i.Stage),
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
