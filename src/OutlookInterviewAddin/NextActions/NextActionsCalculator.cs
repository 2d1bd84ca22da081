using OutlookInterviewAddin.Interviews;

namespace OutlookInterviewAddin.NextActions;

/// <summary>
/// Turns people and their interviews into one list of next actions, most urgent first, following
/// the product's rules: a second person at the same organisation after 3 business days without a
/// reply, the single follow-up after 7, confirming a meeting the day before, a thank-you within 24
/// hours of the meeting's end, and a stay-in-touch update about every four months after the thank-you.
/// </summary>
/// <remarks>
/// Order: overdue actions first; then by due time, earliest first, actions without a due time (people
/// not yet contacted) last; then by kind (<see cref="NextActionKind"/> order); then by person name,
/// person id and interview id, so equal inputs always give the same list.
/// Rule-triggered actions (follow-up, second contact, stay in touch) appear once their time has come;
/// a thank-you appears when the meeting ends, a meeting while it is still ahead.
/// </remarks>
public sealed class NextActionsCalculator(TimeProvider time)
{
    public const int SecondContactAfterBusinessDays = 3;
    public const int FollowUpAfterBusinessDays = 7;
    public const int StayInTouchEveryMonths = 4;

    /// <summary>Once a person agreed to talk, a time is proposed within this many business days.</summary>
    public const int PlanAfterBusinessDays = 2;

    /// <summary>A thank-you is due this long after the meeting ends: elapsed hours, not wall-clock ones.</summary>
    public static readonly TimeSpan ThankYouWithin = TimeSpan.FromHours(24);

    /// <summary>Used when a scheduled meeting has a start but no end.</summary>
    public static readonly TimeSpan DefaultMeetingLength = TimeSpan.FromMinutes(30);

    public IReadOnlyList<NextAction> Calculate(IReadOnlyCollection<PersonState> people, TimeZoneInfo zone) =>
        Calculate(people, [.. people.Select(p => new OrganisationPeer(p.Id, p.Name, People.Person.KeyOf(p.Organisation), p.Interviews.Any(WasContacted)))], zone);

    /// <summary>
    /// The actions of <paramref name="people"/>, with <paramref name="peers"/> standing for everyone
    /// at their organisations (the second-contact rule looks there); the API passes only the people
    /// and interviews that can give an action, and the peers at their organisations.
    /// </summary>
    /// <param name="holidays">The public holidays business days skip (the user's country, set with automation); weekends only when null.</param>
    public IReadOnlyList<NextAction> Calculate(IReadOnlyCollection<PersonState> people, IReadOnlyCollection<OrganisationPeer> peers, TimeZoneInfo zone,
        Holidays? holidays = null)
    {
        var now = time.GetUtcNow();
        var context = new Context(now, zone, peers, [.. peers.Where(p => p.Contacted && p.OrganisationKey is not null)], holidays);

        var actions = new List<NextAction>();
        foreach (var person in people)
        {
            if (person.Interviews.Count == 0)
                actions.Add(FirstContact(context, person, null));
            foreach (var interview in person.Interviews)
                actions.AddRange(ForInterview(context, person, interview));
        }

        return [.. actions
            .OrderByDescending(a => a.Overdue)
            .ThenBy(a => a.DueAtUtc is null)
            .ThenBy(a => a.DueAtUtc)
            .ThenBy(a => a.Kind)
            .ThenBy(a => a.PersonName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.PersonId)
            .ThenBy(a => a.InterviewId)];
    }

    /// <summary>The action for a person not contacted yet (no interview, or <paramref name="interviewId"/> still a prospect); it has no due time.</summary>
    public NextAction FirstContact(Guid personId, string name, string? referredByName, Guid? interviewId, TimeZoneInfo zone) =>
        FirstContact(new Context(time.GetUtcNow(), zone, [], []), new PersonState(personId, name, null, referredByName, []), interviewId);

    private sealed record Context(
        DateTimeOffset Now,
        TimeZoneInfo Zone,
        IReadOnlyCollection<OrganisationPeer> Peers,
        IReadOnlyList<OrganisationPeer> ContactedOrganisations,
        Holidays? Holidays = null);

    private static IEnumerable<NextAction> ForInterview(Context c, PersonState person, InterviewState interview)
    {
        switch (interview.Stage)
        {
            case InterviewStage.Prospect:
                yield return FirstContact(c, person, interview.Id);
                break;

            case InterviewStage.Contacted or InterviewStage.NoReply:
                var contactedAt = interview.ContactedAt ?? interview.StageEnteredAt;
                var closed = interview.Stage == InterviewStage.NoReply && interview.FollowUpSentAt is not null;
                if (closed) break;
                if (interview.FollowUpSentAt is null)
                {
                    var due = BusinessCalendar.AddBusinessDays(contactedAt, FollowUpAfterBusinessDays, c.Zone, c.Holidays);
                    if (c.Now >= due)
                        yield return Action(c, NextActionKind.FollowUp, person, interview.Id, due,
                            Sentence("NextActions.FollowUp", person.Name, Day(contactedAt, c.Zone), FollowUpAfterBusinessDays));
                }
                if (SecondContact(c, person, interview, contactedAt) is { } second)
                    yield return second;
                break;

            case InterviewStage.Scheduled when interview.MeetingStart is { } start:
                var end = interview.MeetingEnd ?? start + DefaultMeetingLength;
                if (c.Now < start)
                    yield return Action(c, NextActionKind.UpcomingMeeting, person, interview.Id, start, UpcomingReason(c, person, start));
                else if (c.Now >= end && interview.ThankedAt is null)
                    yield return ThankYou(c, person, interview.Id, end);
                break;

            case InterviewStage.Scheduled:
                // Agreed to talk (a reply noticed, or marked by hand) with no time yet: propose one.
                var agreed = interview.StageEnteredAt;
                yield return Action(c, NextActionKind.PlanConversation, person, interview.Id,
                    BusinessCalendar.AddBusinessDays(agreed, PlanAfterBusinessDays, c.Zone, c.Holidays),
                    Sentence("NextActions.PlanConversation", person.Name, Day(agreed, c.Zone)));
                break;

            case InterviewStage.Interviewed when interview.ThankedAt is null:
                yield return ThankYou(c, person, interview.Id, interview.MeetingEnd ?? interview.StageEnteredAt);
                break;

            case InterviewStage.Thanked or InterviewStage.StayingInTouch:
                // The latest of the thank-you and the last update: a touch back-dated before the
                // thank-you (or a thank-you recorded late) does not pull the nudge earlier.
                var thanked = interview.ThankedAt ?? interview.StageEnteredAt;
                var sinceUpdate = interview.LastStayInTouchAt is { } update && update > thanked;
                var last = sinceUpdate ? interview.LastStayInTouchAt!.Value : thanked;
                var nextTouch = BusinessCalendar.AddMonths(last, StayInTouchEveryMonths, c.Zone);
                if (c.Now >= nextTouch)
                {
                    yield return Action(c, NextActionKind.StayInTouch, person, interview.Id, nextTouch,
                        Sentence(sinceUpdate ? "NextActions.StayInTouch.SinceUpdate" : "NextActions.StayInTouch.SinceThankYou", person.Name, Day(last, c.Zone)));
                }
                break;
        }
    }

    private static NextAction FirstContact(Context c, PersonState person, Guid? interviewId)
    {
        var reason = string.IsNullOrWhiteSpace(person.ReferredByName)
            ? Sentence("NextActions.FirstContact", person.Name)
            : Sentence("NextActions.FirstContact.Referred", person.Name, person.ReferredByName.Trim());
        return Action(c, NextActionKind.FirstContact, person, interviewId, null, reason);
    }

    private static NextAction ThankYou(Context c, PersonState person, Guid interviewId, DateTimeOffset meetingEnd)
    {
        var due = meetingEnd + ThankYouWithin;
        return Action(c, NextActionKind.ThankYou, person, interviewId, due,
            Sentence("NextActions.ThankYou", person.Name, Moment(meetingEnd, c.Zone), Moment(due, c.Zone)));
    }

    // Only while the first person has not replied, and only if nobody else at that organisation has
    // been contacted yet: the rule asks for a second person, not a third.
    private static NextAction? SecondContact(Context c, PersonState person, InterviewState interview, DateTimeOffset contactedAt)
    {
        var organisation = People.Person.KeyOf(person.Organisation);
        if (organisation is null) return null;
        if (c.ContactedOrganisations.Any(o => o.OrganisationKey == organisation && o.Id != person.Id)) return null;
        var due = BusinessCalendar.AddBusinessDays(contactedAt, SecondContactAfterBusinessDays, c.Zone, c.Holidays);
        if (c.Now < due) return null;

        var candidate = c.Peers
            .Where(p => p.Id != person.Id && p.OrganisationKey == organisation)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
        return Action(c, NextActionKind.SecondContact, person, interview.Id, due, candidate is null
            ? Sentence("NextActions.SecondContact", person.Name, SecondContactAfterBusinessDays, person.Organisation!.Trim())
            : Sentence("NextActions.SecondContact.Candidate", person.Name, SecondContactAfterBusinessDays, person.Organisation!.Trim(), candidate.Name));
    }

    private static FormattableString UpcomingReason(Context c, PersonState person, DateTimeOffset start)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, c.Zone);
        var today = TimeZoneInfo.ConvertTime(c.Now, c.Zone).Date;
        var confirmOn = localStart.Date.AddDays(-1);
        var when = Moment(start, c.Zone);
        return today < confirmOn ? Sentence("NextActions.Meeting.ConfirmOn", person.Name, when, Day(confirmOn, c.Zone))
            : today == confirmOn ? Sentence("NextActions.Meeting.ConfirmToday", person.Name, when)
            : Sentence("NextActions.Meeting.Today", person.Name, when);
    }

    private static FormattableString Sentence(string key, params object?[] args) => ReasonText.Sentence(key, args);

    private static NextAction Action(Context c, NextActionKind kind, PersonState person, Guid? interviewId, DateTimeOffset? due, FormattableString reason) =>
        NextAction.Of(kind, person.Id, person.Name, interviewId,
            due?.ToUniversalTime(),
            due is { } d ? TimeZoneInfo.ConvertTime(d, c.Zone) : null,
            due is { } overdueAt && c.Now > overdueAt,
            ReasonText.Of(reason));

    private static bool WasContacted(InterviewState interview) =>
        interview.ContactedAt is not null || interview.Stage != InterviewStage.Prospect;

    // Times stay instants in the reason's parts; the plain text writes them on the user's clock.
    private static ReasonTime Day(DateTimeOffset instant, TimeZoneInfo zone) => new(instant, zone, DateOnly: true);

    // A day of the user's calendar, as the instant of its noon there (clear of any DST change at night).
    private static ReasonTime Day(DateTime localDate, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(localDate.Date.AddHours(12), DateTimeKind.Unspecified), zone.GetUtcOffset(localDate.Date.AddHours(12))), zone), zone, DateOnly: true);

    private static ReasonTime Moment(DateTimeOffset instant, TimeZoneInfo zone) => new(instant, zone, DateOnly: false);
}
