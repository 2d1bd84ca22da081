namespace OutlookInterviewAddin.QuestionLists.Kits;

/// <summary>
/// The question kits every user starts from. Users copy one into their own editable list; the kits
/// themselves never change per user, so their keys are safe to store.
/// </summary>
public static class BuiltInKits
{
    public const string DefaultKey = "default";
    public const string TiaraKey = "tiara";

    /// <summary>
    /// The list from the product description: an opening, three parts, and a closing. The closing
    /// does not ask who else to talk to in its own words: the last question does, and the invite
    /// asks it in the closing.
    /// </summary>
    public static QuestionKit Default { get; } = new(
        DefaultKey,
        "Informational interview",
        "Career history, the job itself, and where it is heading, in three parts.",
        "Thank them for their time; explain what you would like to get out of the conversation.",
        [
            new("Part one: career history",
            [
                "What did you study after high school?",
                "How did your career path take you to {organisation|this job}?",
                "What attracted you to this career?",
                "If you could go back, what would you do differently on this path?",
            ]),
            new("Part two: about the job",
            [
                "What is the workplace culture like?",
                "What is a day in the life like?",
                "Do you like working in {city}?",
                "What earlier experiences, at work or elsewhere, helped you most to excel in this position?",
                "How would you describe someone who would excel in this career? What personality traits?",
                "What do you enjoy most about this job? What do you find most rewarding?",
                "What would surprise people about it?",
                "Why do you think you got hired?",
            ]),
            new("Part three: future talk",
            [
                "How do you see this job changing in the next 10 years?",
                "What work or activities should I be doing now to help me on this path?",
                "What work samples should my portfolio have?",
                "Where should I be, which city, to pursue this kind of work?",
                "What is a typical entry-level title?",
                "Who else would you recommend I speak with to learn more about this career?",
            ]),
        ],
        "Ask whether you may use their name with the people they suggest; thank them; offer to stay in touch.");

    /// <summary>
    /// TIARA (Trends, Insights, Advice, Resources, Assignments): a well-known frame that keeps the
    /// conversation on the other person's expertise rather than on the asker.
    /// </summary>
    public static QuestionKit Tiara { get; } = new(
        TiaraKey,
        "TIARA",
        "Trends, Insights, Advice, Resources, Assignments: five short parts about their expertise.",
        "Thank them for their time; say you are exploring {field|their field} and would value their perspective.",
        [
            new("Trends",
            [
                "What trends are shaping {field} right now?",
                "How has your work changed since you started, and what is driving that change?",
                "Which skills do you expect to matter more in the next five years?",
            ]),
            new("Insights",
            [
                "What surprised you most when you started working at {organisation}?",
                "What do you know now that you wish you had known at the start of your career?",
                "What separates people who do well in this work from those who struggle?",
            ]),
            new("Advice",
            [
                "If you were in my position today, what would you do to move into this field?",
                "What would you avoid doing, if you were starting out again?",
                "How would you suggest I make the most of my studies for this path?",
            ]),
            new("Resources",
            [
                "Which books, podcasts, newsletters or websites do you rely on to keep up?",
                "Are there professional associations or events I should know about?",
                "Who else would you recommend I speak with to learn more?",
            ]),
            new("Assignments",
            [
                "What is a small project I could take on now to see whether this work suits me?",
                "What could I read, build or try this month to learn what the day-to-day work is like?",
                "Is there something you would suggest I do before we speak again?",
            ]),
        ],
        "Ask whether you may use their name with the people they suggest; thank them; offer to report back on the advice you act on.");

    /// <summary>Every built-in kit, the default first.</summary>
    public static IReadOnlyList<QuestionKit> All { get; } = [Default, Tiara];

    /// <summary>The kit with this key (case-insensitive), or null.</summary>
    public static QuestionKit? Find(string? key) =>
        All.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
}
