using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>
/// Builds many senders and recipients from awkward real-world values: accents, apostrophes,
/// hyphens, long organisation names, and every optional value sometimes missing.
/// </summary>
internal static class DraftingData
{
    private static readonly string[] Names =
    [
        "Zoë Lefèvre", "Siobhán O'Connor", "D'Angelo Martínez-Ruiz", "Nguyễn Thị Minh", "Åsa Øberg", "Jean-François Côté",
        "Mary Anne O'Neill", "Li Wei", "Chiamaka Okonkwo-Adeyemi", "Björn Ångström", "Renée D'Souza", "Ana",
    ];

    private static readonly string?[] Organisations =
    [
        "Shopify", "The International Bank for Reconstruction and Development", "Hydro-Québec", "L'Oréal Canada",
        "Ministry of Health and Long-Term Care of Ontario", "Médecins Sans Frontières", null, "O'Reilly & Associates",
        "University of Waterloo", "The Ontario Ministry of Transportation", "UBC", "Vector Institute", "The Globe and Mail", "Bank of Montreal", null,
    ];

    private static readonly string?[] Roles =
    [
        "Senior Data Analyst", "product designer", null, "Hiring Lead", "Associate Director, Strategic Partnerships", "nurse practitioner",
        "urban planner", "UX researcher", "engineer", "HR business partner", "MBA admissions officer", "economist", null,
    ];

    private static readonly string?[] Fields =
        ["data science", "user research", null, "public health", "renewable energy engineering", "journalism", "urban planning", "AI policy"];

    private static readonly string?[] Schools =
        ["University of Waterloo", "Université de Montréal", null, "McGill University", "UBC", "Toronto Metropolitan University", "University of British Columbia"];

    private static readonly string?[] Programs =
        ["Computer Science", "Environmental Engineering", null, "Communications", "Urban Planning", "MBA", "UX Design", "Economics"];

    // What the connection was, by kind, as users write it: "during {context}", "at {context}", "through {context}".
    private static readonly Dictionary<ConnectionKind, string?[]> Contexts = new()
    {
        [ConnectionKind.Cold] = [null],
        [ConnectionKind.Manager] = ["my co-op on the payments team", "my summer internship", null],
        [ConnectionKind.CoopTeammate] = ["my co-op on the payments team", "our winter co-op term", null],
        [ConnectionKind.Colleague] = ["my time at the library", "the 2025 census project", null],
        [ConnectionKind.Family] = ["Grandma's 80th birthday", "the family reunion", null],
        [ConnectionKind.Friend] = ["Sam's birthday", "the cottage weekend", null],
        [ConnectionKind.FriendOfFriend] = ["the climbing club", "my roommate Jess", null],
        [ConnectionKind.Alumni] = [null],
        [ConnectionKind.Professor] = ["my second year", "the fall term", null],
        [ConnectionKind.OtherWarm] = ["the alumni night", "the Women in Tech conference", null],
    };

    private static readonly string[] Tips =
    [
        "Talk to people in the field before choosing a master's",
        "Learn SQL properly before anything else.",
        "Build a portfolio of three real projects, each with a short write-up.",
        "Ask every person you meet who else you should talk to",
    ];

    private static readonly string?[] Plans =
    [
        null, "sign up for the spring hackathon", "I've already signed up for the spring hackathon.", "signed up for two SQL courses",
        "to book two more conversations this month", null,
    ];

    /// <summary>Every connection kind the people list knows.</summary>
    public static IReadOnlyList<ConnectionKind> Kinds { get; } = Enum.GetValues<ConnectionKind>();

    public static IEnumerable<OutreachRequest> OutreachRequests(int count, int seed = 7) => People(count, seed).Select(p => p.Outreach);

    /// <summary>
    /// Generated students and the people they write to: every connection kind in turn, each optional
    /// value sometimes missing, a referrer for about a third, a professor sometimes greeted by title.
    /// </summary>
    public static IEnumerable<GeneratedPerson> People(int count, int seed = 7)
    {
        var random = new Random(seed);
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        var day = new DateOnly(2026, 3, 2);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Count];
            var sender = new DraftSender(
                Pick(Names),
                Pick(Schools),
                Pick(Programs),
                random.Next(3) == 0 ? null : [Pick(Fields) ?? "marketing"],
                random.Next(2) == 0 ? "Toronto" : null,
                Signature: random.Next(2) == 0 ? null : "Computer Science, class of 2027\n+1 416 555 0100\nlinkedin.com/in/someone-with-a-long-profile-name");
            var name = Pick(Names);
            var greetAs = kind == ConnectionKind.Professor && random.Next(2) == 0 ? "Dr. " + name.Split(' ')[^1] : null;
            var recipient = new DraftRecipient(
                name,
                $"person{i}@example.org",
                Pick(Organisations),
                Pick(Roles),
                Pick(Fields),
                random.Next(2) == 0 ? "Montréal" : null,
                kind,
                Pick(Contexts[kind]),
                greetAs);
            var referrer = random.Next(3) == 0 ? new DraftReferrer(Pick(Names)) : null;
            var variety = new DraftVariety($"student{i % 23}", recipient.Email, day.AddDays(i % 5), i % 7 == 0 ? null : i);
            var tips = Tips.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
            yield return new GeneratedPerson(new OutreachRequest(sender, recipient, variety, referrer),
                new DraftInterview(day.AddDays(9), tips, random.Next(tips.Count), random.Next(2) == 0 ? [] : ["Priya Patel"]),
                Pick(Plans));
        }
    }

    public static DraftSender Maya { get; } = new("Maya López", "University of Waterloo", "Computer Science", ["data science"], "Toronto");

    public static DraftRecipient Cold { get; } =
        new("Zoë O'Brien", "zoe@example.org", "Shopify", "Senior Data Analyst", "data science", "Toronto");

    public static DraftRecipient Warm { get; } = Cold with { Connection = ConnectionKind.CoopTeammate, SharedContext = "my co-op" };
}

/// <summary>A generated student, the person they write to, their conversation and what they will do with the advice.</summary>
internal sealed record GeneratedPerson(OutreachRequest Outreach, DraftInterview Interview, string? Plan)
{
    public DraftSender Sender => Outreach.Sender;

    public DraftRecipient Recipient => Outreach.Recipient;

    public DraftVariety Variety => Outreach.Variety;
}
