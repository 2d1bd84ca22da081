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
            return $"You are already staying in touch with {personName}: record each update as a touch instead.";
        if (from == to) return $"The interview with {personName} is already at {Describe(to)}.";

        return (from, to) switch
        {
            (InterviewStage.Declined, _) => $"{personName} declined, so this interview is closed. Add a new interview to try again later.",
            (InterviewStage.StayingInTouch, _) => $"You are already staying in touch with {personName}; that is the last stage. Record each update as a touch.",
            (_, InterviewStage.Thanked) => $"You can only thank {personName} after the interview: mark it interviewed first.",
            (_, InterviewStage.StayingInTouch) => $"Staying in touch comes after thanking {personName}: mark the thank-you first.",
            (_, InterviewStage.Interviewed) => $"The interview with {personName} has to be scheduled before it can be marked interviewed.",
            (InterviewStage.Prospect, InterviewStage.NoReply or InterviewStage.Declined) =>
                $"{personName} has not been contacted yet, so there is no answer to record.",
            _ when Rank(to) < Rank(from) =>
                $"The interview with {personName} is already at {Describe(from)}; it cannot go back to {Describe(to)}.",
            _ => $"The interview with {personName} cannot move from {Describe(from)} to {Describe(to)}.",
        };
    }

    // Position on the main path; NoReply and Declined sit beside Contacted.
    private static int Rank(InterviewStage stage) => stage switch
    {
        InterviewStage.NoReply or InterviewStage.Declined => (int)InterviewStage.Contacted,
        _ => (int)stage,
    };

    public static string Describe(InterviewStage stage) => stage switch
    {
        InterviewStage.Prospect => "prospect",
        InterviewStage.Contacted => "contacted",
        InterviewStage.Scheduled => "scheduled",
        InterviewStage.Interviewed => "interviewed",
        InterviewStage.Thanked => "thanked",
        InterviewStage.StayingInTouch => "staying in touch",
        InterviewStage.NoReply => "no reply",
        InterviewStage.Declined => "declined",
        _ => stage.ToString(),
    };
}
