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

    // The same kinds of values as a student in Québec, Belgium or France would type them, for drafts in French.
    private static readonly string?[] FrenchOrganisations =
    [
        "Hydro-Québec", "Université de Montréal", "ministère de la Santé", "Banque Nationale", "Université Laval", "Desjardins", "Shopify",
        "Institut national de la recherche scientifique", "École de technologie supérieure", "Le Devoir", "La Presse", "Agence spatiale canadienne",
        "Hôpital Sainte-Justine", "Ville de Montréal", "Affaires mondiales Canada", "L'Oréal Canada", "Air Canada", "Office national du film", null,
    ];

    private static readonly string?[] FrenchRoles =
        ["analyste de données", "ingénieure civile", "urbaniste", null, "conseiller en communication", "chercheuse en santé publique", "Senior Data Analyst", "journaliste", null];

    private static readonly string?[] FrenchFields =
        ["science des données", "santé publique", "urbanisme", "journalisme", "intelligence artificielle", "génie civil", "ressources humaines", "énergie renouvelable", "économie", "hockey professionnel", "transition énergétique", "mobilité durable", null];

    private static readonly string?[] FrenchSchools =
        ["Université de Montréal", "Université Laval", "HEC Montréal", "Polytechnique Montréal", "Université du Québec à Montréal", "École de technologie supérieure", "McGill University", null];

    private static readonly string?[] FrenchPrograms =
        ["génie logiciel", "informatique", "communication", "urbanisme", "administration des affaires", "économie", null];

    private static readonly Dictionary<ConnectionKind, string?[]> FrenchContexts = new()
    {
        [ConnectionKind.Cold] = [null],
        [ConnectionKind.Manager] = ["mon stage dans l'équipe des paiements", "l'été dernier", null],
        [ConnectionKind.CoopTeammate] = ["notre stage d'hiver", "le projet de fin d'études", null],
        [ConnectionKind.Colleague] = ["mon passage à la bibliothèque", "le projet du recensement 2025", null],
        [ConnectionKind.Family] = ["l'anniversaire de grand-maman", "la réunion de famille", "le souper de Noël", null],
        [ConnectionKind.Friend] = ["le party de Sam", "la fin de semaine au chalet", "les retrouvailles du secondaire", null],
        [ConnectionKind.FriendOfFriend] = ["le club d'escalade", "ma colocataire Jess", null],
        [ConnectionKind.Alumni] = [null],
        [ConnectionKind.Professor] = ["ma deuxième année", "la session d'automne", null],
        [ConnectionKind.OtherWarm] = ["la soirée des diplômés", "le colloque Femmes en techno", "l'atelier sur l'urbanisme", null],
    };

    private static readonly string[] FrenchTips =
    [
        "Parle à des gens du domaine avant de choisir une maîtrise",
        "Apprends bien le SQL avant tout le reste.",
        "Monte un portfolio de trois vrais projets, chacun avec un court texte.",
        "Demande à chaque personne qui d'autre rencontrer",
    ];

    private static readonly string?[] FrenchPlans =
    [
        null, "m'inscrire au hackathon du printemps", "Je me suis déjà inscrit au hackathon du printemps.", "commencé deux cours de SQL",
        "de réserver deux autres rencontres ce mois-ci", null,
    ];

    /// <summary>Every connection kind the people list knows.</summary>
    public static IReadOnlyList<ConnectionKind> Kinds { get; } = Enum.GetValues<ConnectionKind>();

    public static IEnumerable<OutreachRequest> OutreachRequests(int count, int seed = 7) => People(count, seed).Select(p => p.Outreach);

    /// <summary>
    /// Generated students and the people they write to: every connection kind in turn, each optional
    /// value sometimes missing, a referrer for about a third, a professor sometimes greeted by title.
    /// </summary>
    /// <param name="language">French draws French organisations, fields, schools and contexts, and the
    /// recipient is written to in French: tu or vous by the relationship, the other one for every fifth person.</param>
    public static IEnumerable<GeneratedPerson> People(int count, int seed = 7, DraftLanguage language = DraftLanguage.En)
    {
        var french = language == DraftLanguage.Fr;
        var (organisations, roles, fields, schools, programs, contexts, tipPool, plans) = french
            ? (FrenchOrganisations, FrenchRoles, FrenchFields, FrenchSchools, FrenchPrograms, FrenchContexts, FrenchTips, FrenchPlans)
            : (Organisations, Roles, Fields, Schools, Programs, Contexts, Tips, Plans);
        var random = new Random(seed);
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        var day = new DateOnly(2026, 3, 2);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Count];
            var sender = new DraftSender(
                Pick(Names),
                Pick(schools),
                Pick(programs),
                random.Next(3) == 0 ? null : [Pick(fields) ?? "marketing"],
                random.Next(2) == 0 ? "Toronto" : null,
                Signature: random.Next(2) == 0 ? null : "Computer Science, class of 2027\n+1 416 555 0100\nlinkedin.com/in/someone-with-a-long-profile-name");
            var name = Pick(Names);
            var greetAs = kind == ConnectionKind.Professor && random.Next(2) == 0 ? "Dr. " + name.Split(' ')[^1] : null;
            var recipient = new DraftRecipient(
                name,
                $"person{i}@example.org",
                Pick(organisations),
                Pick(roles),
                Pick(fields),
                random.Next(2) == 0 ? "Montréal" : null,
                kind,
                Pick(contexts[kind]),
                greetAs,
                language,
                french && i % 5 == 4 ? Opposite(DraftLanguages.DefaultAddress(kind)) : null);
            var referrer = random.Next(3) == 0 ? new DraftReferrer(Pick(Names)) : null;
            var variety = new DraftVariety($"student{i % 23}", recipient.Email, day.AddDays(i % 5), i % 7 == 0 ? null : i);
            var tips = tipPool.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
            yield return new GeneratedPerson(new OutreachRequest(sender, recipient, variety, referrer),
                new DraftInterview(day.AddDays(9), tips, random.Next(tips.Count), random.Next(2) == 0 ? [] : ["Priya Patel"]),
                Pick(plans));
        }
    }

    private static AddressForm Opposite(AddressForm form) => form == AddressForm.Tu ? AddressForm.Vous : AddressForm.Tu;

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
