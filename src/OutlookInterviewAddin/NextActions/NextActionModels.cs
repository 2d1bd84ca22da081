using System.Text.Json.Serialization;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.NextActions;

/// <summary>What the calculator needs to know about one person; mapped from storage, no database types.</summary>
/// <param name="ReferredByName">Who suggested this person, so the first contact can open with that name.</param>
public sealed record PersonState(
    Guid Id,
    string Name,
    string? Organisation,
    string? ReferredByName,
    IReadOnlyList<InterviewState> Interviews);

/// <summary>Someone at an organisation, for the second-contact rule: whether anyone there was contacted, and whom to suggest.</summary>
/// <param name="OrganisationKey">The organisation trimmed and upper-cased (<see cref="People.Person.KeyOf"/>).</param>
/// <param name="Contacted">An interview with them went past "prospect", or recorded a first contact.</param>
public sealed record OrganisationPeer(Guid Id, string Name, string? OrganisationKey, bool Contacted);

/// <summary>One conversation with a person, as far as timing is concerned. All times are instants (UTC or with an offset).</summary>
/// <param name="StageEnteredAt">When <paramref name="Stage"/> was entered; stands in for a missing time below.</param>
/// <param name="ContactedAt">The first outreach (not the follow-up).</param>
/// <param name="FollowUpSentAt">The one follow-up, if sent; there is never a second.</param>
/// <param name="LastStayInTouchAt">The latest update sent after the thank-you (a recorded touch, or entering "staying in touch").</param>
public sealed record InterviewState(
    Guid Id,
    InterviewStage Stage,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset? ContactedAt = null,
    DateTimeOffset? FollowUpSentAt = null,
    DateTimeOffset? MeetingStart = null,
    DateTimeOffset? MeetingEnd = null,
    DateTimeOffset? ThankedAt = null,
    DateTimeOffset? LastStayInTouchAt = null)
{
    /// <summary>
    /// Reads the times from a stage history (oldest first). A return to "contacted" after the first
    /// contact (for example noReply → contacted) is the follow-up.
    /// </summary>
    public static InterviewState FromHistory(
        Guid id,
        IEnumerable<(InterviewStage Stage, DateTimeOffset At)> history,
        DateTimeOffset? meetingStart = null,
        DateTimeOffset? meetingEnd = null)
    {
        var entries = history.OrderBy(h => h.At).ToList();
        if (entries.Count == 0) throw new ArgumentException("A stage history has at least one entry.", nameof(history));
        var contacts = entries.Where(h => h.Stage == InterviewStage.Contacted).Select(h => h.At).ToList();
        DateTimeOffset? FirstAt(InterviewStage stage) =>
            entries.Where(h => h.Stage == stage).Select(h => (DateTimeOffset?)h.At).FirstOrDefault();
        DateTimeOffset? LastAt(InterviewStage stage) =>
            entries.Where(h => h.Stage == stage).Select(h => (DateTimeOffset?)h.At).LastOrDefault();
        return new InterviewState(
            id,
            entries[^1].Stage,
            entries[^1].At,
            ContactedAt: contacts.Count > 0 ? contacts[0] : null,
            FollowUpSentAt: contacts.Count > 1 ? contacts[1] : null,
            MeetingStart: meetingStart,
            MeetingEnd: meetingEnd,
            ThankedAt: FirstAt(InterviewStage.Thanked),
            LastStayInTouchAt: LastAt(InterviewStage.StayingInTouch));
    }

    /// <summary>Counts recorded touches as updates: the latest of them and of the history is the last update.</summary>
    public InterviewState WithTouches(IEnumerable<DateTimeOffset> touches)
    {
        var latest = LastStayInTouchAt;
        foreach (var at in touches)
            if (latest is null || at > latest) latest = at;
        return this with { LastStayInTouchAt = latest };
    }
}

/// <summary>
/// Kinds of next action. The order is the tie-break priority when two actions are equally
/// overdue and due at the same time: a thank-you first, a first contact last.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<NextActionKind>))]
public enum NextActionKind
{
    ThankYou = 0,
    UpcomingMeeting = 1,
    FollowUp = 2,
    SecondContact = 3,
    StayInTouch = 4,
    FirstContact = 5,
    /// <summary>With automation on: a meeting ended without takeaways; listed first, before the thank-you it unblocks.</summary>
    RecordTakeaways = 6,
    /// <summary>The person agreed to talk but no time is planned yet: propose one and send the invite.</summary>
    PlanConversation = 7,
}

/// <summary>One thing to do next, with when it is due in UTC and in the user's time zone.</summary>
/// <param name="InterviewId">Null for a person with no interview yet.</param>
/// <param name="DueAtUtc">Null when there is no deadline (a person not yet contacted).</param>
/// <param name="DueAtLocal">The same instant with the user's offset at that moment.</param>
/// <param name="Overdue">The due time has passed.</param>
/// <param name="Reason">One plain-English line, times in the user's time zone.</param>
/// <param name="ReasonParts">The same line with its times as instants, for a client that shows times on its own clock (the pane).</param>
public sealed record NextAction(
    NextActionKind Kind,
    Guid PersonId,
    string PersonName,
    Guid? InterviewId,
    DateTimeOffset? DueAtUtc,
    DateTimeOffset? DueAtLocal,
    bool Overdue,
    string Reason,
    IReadOnlyList<ReasonPart> ReasonParts)
{
    public static NextAction Of(NextActionKind kind, Guid personId, string personName, Guid? interviewId, DateTimeOffset? dueAtUtc, DateTimeOffset? dueAtLocal, bool overdue, ReasonText reason) =>
        new(kind, personId, personName, interviewId, dueAtUtc, dueAtLocal, overdue, reason.Text, reason.Parts);

    // Equal actions are equal part for part, not only when they share the list of parts.
    public bool Equals(NextAction? other) =>
        other is not null && Kind == other.Kind && PersonId == other.PersonId && PersonName == other.PersonName && InterviewId == other.InterviewId
        && DueAtUtc == other.DueAtUtc && DueAtLocal == other.DueAtLocal && Overdue == other.Overdue && Reason == other.Reason
        && ReasonParts.SequenceEqual(other.ReasonParts);

    public override int GetHashCode() => HashCode.Combine(Kind, PersonId, InterviewId, DueAtUtc, Overdue, Reason);
}
