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
    ];

    private static readonly string?[] Roles =
        ["Senior Data Analyst", "product designer", null, "Hiring Lead", "Associate Director, Strategic Partnerships", "nurse practitioner"];

    private static readonly string?[] Fields =
        ["data science", "user research", null, "public health", "renewable energy engineering", "journalism"];

    private static readonly string?[] Contexts =
        ["my co-op on the payments team", "the alumni night", null, "Grandma's 80th birthday", "the Women in Tech conference"];

    private static readonly string?[] Schools = ["University of Waterloo", "Université de Montréal", null, "McGill University"];

    private static readonly string?[] Programs = ["Computer Science", "Environmental Engineering", null, "Communications"];

    public static IEnumerable<OutreachRequest> OutreachRequests(int count, int seed = 7)
    {
        var random = new Random(seed);
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        var day = new DateOnly(2026, 3, 2);
        for (var i = 0; i < count; i++)
        {
            var sender = new DraftSender(
                Pick(Names),
                Pick(Schools),
                Pick(Programs),
                random.Next(3) == 0 ? null : [Pick(Fields) ?? "marketing"],
                random.Next(2) == 0 ? "Toronto" : null,
                Signature: random.Next(2) == 0 ? null : "Computer Science, class of 2027\n+1 416 555 0100\nlinkedin.com/in/someone-with-a-long-profile-name");
            var recipient = new DraftRecipient(
                Pick(Names),
                $"person{i}@example.org",
                Pick(Organisations),
                Pick(Roles),
                Pick(Fields),
                random.Next(2) == 0 ? "Montréal" : null,
                (ConnectionKind)random.Next(5),
                Pick(Contexts));
            var referrer = random.Next(3) == 0 ? new DraftReferrer(Pick(Names)) : null;
            yield return new OutreachRequest(sender, recipient, new DraftVariety(recipient.Email, day.AddDays(i % 5), i % 7 == 0 ? null : i), referrer);
        }
    }

    public static DraftSender Maya { get; } = new("Maya López", "University of Waterloo", "Computer Science", ["data science"], "Toronto");

    public static DraftRecipient Cold { get; } =
        new("Zoë O'Brien", "zoe@example.org", "Shopify", "Senior Data Analyst", "data science", "Toronto");

    public static DraftRecipient Warm { get; } = Cold with { Connection = ConnectionKind.WorkedTogether, SharedContext = "my co-op" };
}
