using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Interviews;

/// <summary>
/// Which stage may follow which, and in plain words why a change is refused. The main path runs
/// forward one step at a time (a warm contact may be scheduled without a separate request); a
/// request without an answer can still be followed up, answered or declined.
/// </summary>
public static class StageRules
{
    private static readonly Dictionary<InterviewStage, InterviewStage[]> Next = new()
    {
        [InterviewStage.Prospect] = [InterviewStage.Contacted, InterviewStage.Scheduled],
        [InterviewStage.Contacted] = [InterviewStage.Scheduled, InterviewStage.NoReply, InterviewStage.Declined],
        [InterviewStage.NoReply] = [InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Declined],
        [InterviewStage.Scheduled] = [InterviewStage.Interviewed, InterviewStage.Declined],
        [InterviewStage.Interviewed] = [InterviewStage.Thanked],
        [InterviewStage.Thanked] = [InterviewStage.StayingInTouch],
        [InterviewStage.StayingInTouch] = [],
        [InterviewStage.Declined] = [],
    };

    public static IReadOnlyList<InterviewStage> AllowedAfter(InterviewStage current) => Next.GetValueOrDefault(current, []);

    /// <summary>Null when <paramref name="to"/> may follow <paramref name="from"/>; otherwise the reason, naming <paramref name="personName"/>.</summary>
    public static string? Refusal(InterviewStage from, InterviewStage to, string personName)
    {
        if (AllowedAfter(from).Contains(to)) return null;
        if (from == to && to == InterviewStage.StayingInTouch)
            return ApiText.Format("Stage.Refused.AlreadyStayingInTouch", personName);
        if (from == to) return ApiText.Format("Stage.Refused.AlreadyThere", personName, Describe(to));

        return (from, to) switch
        {
            (InterviewStage.Declined, _) => ApiText.Format("Stage.Refused.Declined", personName),
            (InterviewStage.StayingInTouch, _) => ApiText.Format("Stage.Refused.LastStage", personName),
            (_, InterviewStage.Thanked) => ApiText.Format("Stage.Refused.ThankBeforeInterview", personName),
            (_, InterviewStage.StayingInTouch) => ApiText.Format("Stage.Refused.StayInTouchBeforeThanks", personName),
            (_, InterviewStage.Interviewed) => ApiText.Format("Stage.Refused.InterviewedBeforeScheduled", personName),
            (InterviewStage.Prospect, InterviewStage.NoReply or InterviewStage.Declined) =>
                ApiText.Format("Stage.Refused.NotContacted", personName),
            _ when Rank(to) < Rank(from) =>
                ApiText.Format("Stage.Refused.Back", personName, Describe(from), Describe(to)),
            _ => ApiText.Format("Stage.Refused.Other", personName, Describe(from), Describe(to)),
        };
    }

    // Position on the main path; NoReply and Declined sit beside Contacted.
    private static int Rank(InterviewStage stage) => stage switch
    {
        InterviewStage.NoReply or InterviewStage.Declined => (int)InterviewStage.Contacted,
        _ => (int)stage,
    };

    /// <summary>The stage's name in the request's language: "staying in touch".</summary>
    public static string Describe(InterviewStage stage) => ApiText.Get("Stage." + stage);
}
