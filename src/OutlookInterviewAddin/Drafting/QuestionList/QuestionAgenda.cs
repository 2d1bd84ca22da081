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
    public static QuestionAgenda Default { get; } = Of(BuiltInKits.Default);

    private static readonly QuestionAgenda DefaultFrench = Of(BuiltInKits.DefaultFrench);

    /// <summary>The default list in a language.</summary>
    public static QuestionAgenda For(DraftLanguage language) => language == DraftLanguage.Fr ? DefaultFrench : Default;

    private static QuestionAgenda Of(QuestionKit kit) =>
        new(kit.Opening, [.. kit.Parts.Select(p => new AgendaPart(p.Title, p.Questions))], kit.Closing);

    /// <summary>Problems that stop a user's question list being saved (an unknown merge field, say); empty when it can be saved.</summary>
    public IReadOnlyList<TemplateProblem> Validate(DraftText text) =>
        [.. Parts.SelectMany(p => p.Questions).Append(Opening).Append(Closing)
            .Where(q => !UsesKitFallbacks(q))
            .SelectMany(q => MergeTemplate.Parse(q, TemplateSlots.QuestionFields, text).Problems)];

    /// <summary>
    /// Whether a text uses the kits' <c>{organisation|this job}</c> form (a placeholder with its own
    /// wording for when the value is missing), which <see cref="PlaceholderFiller"/> fills.
    /// </summary>
    internal static bool UsesKitFallbacks(string text) =>
        text.Contains('|', StringComparison.Ordinal) && PlaceholderFiller.Validate(text).Count == 0;
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
/// How long the questions take against the meeting length, and which of them the invite carries:
/// all of them when they fit, else the first questions of every part before the second ones, so
/// each part is covered. The rest stay in the user's list.
/// </summary>
/// <param name="QuestionCount">Every question of the list, the one asked in the closing included.</param>
/// <param name="EstimatedMinutes">The whole list with the opening and closing.</param>
/// <param name="SuggestedToKeep">When the list is too long: the questions the invite carries, in the list's order (the closing's last); empty when all fit.</param>
/// <param name="LeftOut">When the list is too long: the questions the invite leaves out, in the list's order; empty when all fit.</param>
/// <param name="InviteMinutes">What the invite's questions take with the opening and closing: never more than the meeting when it has room for any question.</param>
public sealed record TimeEstimate(int QuestionCount, int EstimatedMinutes, int MeetingMinutes, IReadOnlyList<string> SuggestedToKeep,
    IReadOnlyList<string> LeftOut, int InviteMinutes)
{
    /// <summary>Minutes one question takes with its answer and a follow-up.</summary>
    public const int MinutesPerQuestion = 2;

    /// <summary>Minutes for the opening (thanks, what the user hopes to learn).</summary>
    public const int OpeningMinutes = 2;

    /// <summary>Minutes for the closing (who else to talk to, thanks).</summary>
    public const int ClosingMinutes = 3;

    public bool TooLong => EstimatedMinutes > MeetingMinutes;

    /// <summary>The estimate for questions in parts and, when the list asks one of its own in the closing, that one.</summary>
    /// <param name="closingQuestion">A question of the list asked in the closing ("who else should I talk to?"): always kept, and timed with the closing.</param>
    public static TimeEstimate For(IReadOnlyList<IReadOnlyList<string>> parts, int meetingMinutes, string? closingQuestion = null)
    {
        var inParts = parts.Sum(p => p.Count);
        var count = inParts + (closingQuestion is null ? 0 : 1);
        var estimate = Minutes(inParts);
        if (estimate <= meetingMinutes)
            return new TimeEstimate(count, estimate, meetingMinutes, [], [], estimate);

        var keep = Keep(parts, meetingMinutes);
        var all = parts.SelectMany((questions, part) => questions.Select((q, index) => (q, fits: keep.Contains((part, index))))).ToList();
        List<string> kept = [.. all.Where(x => x.fits).Select(x => x.q)];
        if (closingQuestion is not null)
            kept.Add(closingQuestion);
        return new TimeEstimate(count, estimate, meetingMinutes, kept, [.. all.Where(x => !x.fits).Select(x => x.q)], Minutes(keep.Count));
    }

    /// <summary>
    /// The questions of each part that fit the meeting, in their order: all of them when they fit,
    /// else round by round, the first of every part before any second one.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Fit(IReadOnlyList<IReadOnlyList<string>> parts, int meetingMinutes)
    {
        var keep = Keep(parts, meetingMinutes);
        return [.. parts.Select((questions, part) => (IReadOnlyList<string>)[.. questions.Where((_, index) => keep.Contains((part, index)))])];
    }

    private static HashSet<(int Part, int Index)> Keep(IReadOnlyList<IReadOnlyList<string>> parts, int meetingMinutes)
    {
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
        return keep;
    }

    private static int Minutes(int questions) => OpeningMinutes + ClosingMinutes + questions * MinutesPerQuestion;
}

/// <summary>The rendered question list: the invite body, the attached file, and the time advice for the user.</summary>
/// <param name="Body">The agenda for the invite body (plain text and HTML): only the questions that fit the meeting.</param>
/// <param name="Advice">The time estimate and, when too long, the questions left out: for the user, not the invite.</param>
public sealed record RenderedQuestionList(Composition Body, TimeEstimate Estimate, Composition Advice, QuestionListFile File);

/// <summary>The attachment: a Word document that opens in Outlook's previewer on phones, the web and desktops.</summary>
public sealed record QuestionListFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
