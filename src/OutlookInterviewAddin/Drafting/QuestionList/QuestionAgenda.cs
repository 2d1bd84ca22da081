using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Drafting.QuestionList;

/// <summary>One part of the conversation ("Part one: career history") and its questions, in order.</summary>
public sealed record AgendaPart(string Title, IReadOnlyList<string> Questions);

/// <summary>
/// The plan of the conversation: an opening, ordered parts, a closing. Questions may use the merge
/// fields in <see cref="TemplateSlots.QuestionFields"/> ("Do you like working in {city}?"); a question
/// whose value is missing is left out rather than asked with a gap.
/// </summary>
public sealed record QuestionAgenda(string Opening, IReadOnlyList<AgendaPart> Parts, string Closing)
{
    /// <summary>
    /// The product's default list (opening, three parts, closing): the built-in default kit users
    /// pick in the pane, so the list exists in one place only.
    /// </summary>
    public static QuestionAgenda Default { get; } = new(
        BuiltInKits.Default.Opening,
        [.. BuiltInKits.Default.Parts.Select(p => new AgendaPart(p.Title, p.Questions))],
        BuiltInKits.Default.Closing);

    /// <summary>Problems that stop a user's question list being saved (an unknown merge field, say); empty when it can be saved.</summary>
    public IReadOnlyList<TemplateProblem> Validate(DraftText text) =>
        [.. Parts.SelectMany(p => p.Questions).Append(Opening).Append(Closing)
            .SelectMany(q => MergeTemplate.Parse(q, TemplateSlots.QuestionFields, text).Problems)];
}

/// <summary>
/// When and where the conversation happens. <paramref name="TimeZoneId"/> (IANA or Windows id) is the
/// zone the time is shown in, normally the other person's.
/// </summary>
public sealed record MeetingPlan(DateTimeOffset Start, DateTimeOffset End, string TimeZoneId, string? Place = null, string? OnlineUrl = null)
{
    public int Minutes => (int)Math.Round((End - Start).TotalMinutes);
}

/// <summary>What a question list is rendered from.</summary>
public sealed record QuestionListRequest(DraftRecipient Recipient, MeetingPlan Meeting, QuestionAgenda Agenda);

/// <summary>
/// How long the questions take against the meeting length, and, when they do not fit, which ones
/// to keep: the first questions of every part before the second ones, so each part is covered.
/// </summary>
public sealed record TimeEstimate(int QuestionCount, int EstimatedMinutes, int MeetingMinutes, IReadOnlyList<string> SuggestedToKeep)
{
    /// <summary>Minutes one question takes with its answer and a follow-up.</summary>
    public const int MinutesPerQuestion = 2;

    /// <summary>Minutes for the opening (thanks, what the user hopes to learn).</summary>
    public const int OpeningMinutes = 2;

    /// <summary>Minutes for the closing (who else to talk to, thanks).</summary>
    public const int ClosingMinutes = 3;

    public bool TooLong => EstimatedMinutes > MeetingMinutes;

    public static TimeEstimate For(IReadOnlyList<IReadOnlyList<string>> parts, int meetingMinutes)
    {
        var count = parts.Sum(p => p.Count);
        var estimate = OpeningMinutes + ClosingMinutes + count * MinutesPerQuestion;
        if (estimate <= meetingMinutes)
            return new TimeEstimate(count, estimate, meetingMinutes, []);

        var room = Math.Max(0, (meetingMinutes - OpeningMinutes - ClosingMinutes) / MinutesPerQuestion);
        var keep = new HashSet<(int Part, int Index)>();
        for (var round = 0; keep.Count < room && parts.Any(p => p.Count > round); round++)
        {
            for (var part = 0; part < parts.Count && keep.Count < room; part++)
            {
                if (round < parts[part].Count)
                    keep.Add((part, round));
            }
        }
        var suggested = parts.SelectMany((questions, part) => questions.Select((q, index) => (q, part, index)))
            .Where(x => keep.Contains((x.part, x.index))).Select(x => x.q).ToList();
        return new TimeEstimate(count, estimate, meetingMinutes, suggested);
    }
}

/// <summary>The rendered question list: the invite body, the attached file, and the time advice for the user.</summary>
/// <param name="Body">The agenda for the invite body (plain text and HTML).</param>
/// <param name="Advice">The time estimate and, when too long, what to keep: for the user, not the invite.</param>
public sealed record RenderedQuestionList(Composition Body, TimeEstimate Estimate, Composition Advice, QuestionListFile File);

/// <summary>The attachment: a Word document that opens in Outlook's previewer on phones, the web and desktops.</summary>
public sealed record QuestionListFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
