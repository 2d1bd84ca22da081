using System.Security.Cryptography;
using System.Text;

namespace OutlookInterviewAddin.Drafting;

// The composers' own inputs. They are plain records, independent of storage: the features that
// keep profiles, people and interviews map their entities to these. Optional values are null or
// blank; the composers drop what they cannot fill instead of printing a gap.

/// <summary>The user, as their profile describes them.</summary>
/// <param name="FullName">How they sign ("Maya López").</param>
/// <param name="School">School or employer, e.g. "University of Waterloo".</param>
/// <param name="Program">Program of study, e.g. "Computer Science".</param>
/// <param name="FieldsOfInterest">Fields they are exploring, most important first ("data science").</param>
/// <param name="City">Where they live or study.</param>
/// <param name="LinkedInUrl">Their profile link, offered when staying in touch; only http(s) links are used.</param>
/// <param name="Signature">Lines under their name (program, phone…); mails drafted through Graph get no Outlook signature.</param>
public sealed record DraftSender(
    string FullName,
    string? School = null,
    string? Program = null,
    IReadOnlyList<string>? FieldsOfInterest = null,
    string? City = null,
    string? LinkedInUrl = null,
    string? Signature = null)
{
    public string FullName { get; } = Required(FullName, nameof(FullName));

    /// <summary>The sign-off's last lines: the name, then the signature's non-empty lines.</summary>
    internal IReadOnlyList<string> NameAndSignature => [FullName, .. DraftText.SplitLines(Signature ?? "")];

    public string FirstName => FirstWord(FullName);

    internal static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value.Trim();

    internal static string FirstWord(string fullName) => fullName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}

/// <summary>How the user knows the person they write to: the same ten kinds the people list keeps.</summary>
public enum ConnectionKind
{
    /// <summary>No prior connection: found through research, an article, a profile.</summary>
    Cold = 0,
    /// <summary>Someone the user worked for, for example during a co-op placement.</summary>
    Manager = 1,
    /// <summary>A teammate from a co-op placement or internship.</summary>
    CoopTeammate = 2,
    /// <summary>A colleague from a job or volunteer work.</summary>
    Colleague = 3,
    /// <summary>A relative.</summary>
    Family = 4,
    /// <summary>A friend.</summary>
    Friend = 5,
    /// <summary>A friend of a friend, or of the family: someone the user has not really met.</summary>
    FriendOfFriend = 6,
    /// <summary>A graduate of the user's school.</summary>
    Alumni = 7,
    /// <summary>One of the user's professors or instructors.</summary>
    Professor = 8,
    /// <summary>Someone the user met once: an event, a talk, a class visit.</summary>
    OtherWarm = 9,
}

/// <summary>The person the user writes to.</summary>
/// <param name="FullName">"Zoë O'Brien".</param>
/// <param name="Email">Their address; also seeds the choice of wording.</param>
/// <param name="Organisation">Where they work.</param>
/// <param name="Role">Their role ("product designer").</param>
/// <param name="Field">Their field ("user research"); the sender's first field of interest is used when blank.</param>
/// <param name="City">Where they work.</param>
/// <param name="Connection">How the user knows them.</param>
/// <param name="SharedContext">What the connection was, as a noun phrase: "my co-op at Shopify", "the alumni night".</param>
/// <param name="GreetAs">The name to greet them with when it is not their first name: "Dr. Okafor", "Liz".</param>
/// <param name="Language">The language they are written to in.</param>
/// <param name="Address">In French, <c>tu</c> or <c>vous</c> as the user chose; null: by the relationship.</param>
public sealed record DraftRecipient(
    string FullName,
    string Email,
    string? Organisation = null,
    string? Role = null,
    string? Field = null,
    string? City = null,
    ConnectionKind Connection = ConnectionKind.Cold,
    string? SharedContext = null,
    string? GreetAs = null,
    DraftLanguage Language = DraftLanguage.En,
    AddressForm? Address = null)
{
    public string FullName { get; } = DraftSender.Required(FullName, nameof(FullName));

    /// <summary>The address form in force: the user's choice, else the relationship's.</summary>
    public AddressForm AddressInUse => Address ?? DraftLanguages.DefaultAddress(Connection);

    public string Email { get; } = DraftSender.Required(Email, nameof(Email));

    public string FirstName => DraftSender.FirstWord(FullName);

    /// <summary>The name every greeting uses: <see cref="GreetAs"/> when given, else the first name (never the full name).</summary>
    public string GreetingName => string.IsNullOrWhiteSpace(GreetAs) ? DraftSender.FirstWord(FullName) : GreetAs.Trim();

    public bool IsWarm => Connection != ConnectionKind.Cold;
}

/// <summary>The person who suggested the contact ("X suggested I contact you").</summary>
public sealed record DraftReferrer(string FullName)
{
    public string FullName { get; } = DraftSender.Required(FullName, nameof(FullName));

    public string FirstName => DraftSender.FirstWord(FullName);
}

/// <summary>
/// Chooses wording deterministically, per user and recipient: the same person gets the same draft
/// all day, two users writing to the same kind of person get different ones, and one user writing to
/// many people gets different openings. With <see cref="Ordinal"/> (the recipient's place among the
/// user's people) the parts count in mixed radix, the first part changing fastest, so consecutive
/// people are guaranteed different first parts; without it, wording is spread by a hash.
/// </summary>
/// <param name="UserKey">Who is writing (their account id); different users get different wording.</param>
/// <param name="RecipientKey">Who they write to (the address).</param>
public sealed record DraftVariety(string UserKey, string RecipientKey, DateOnly Day, int? Ordinal = null)
{
    /// <summary>
    /// One variant index per part, in the order given. <paramref name="alternative"/> asks for the
    /// n-th other wording (when the first breaks a rule): it changes the last parts first and never
    /// the first <paramref name="kept"/> parts, which set one person's draft apart from the next.
    /// </summary>
    public int[] Choose(IReadOnlyList<(string Part, int Count)> parts, int alternative = 0, int kept = 0)
    {
        var chosen = new int[parts.Count];
        var ordinal = (long)(Ordinal ?? (int)(Hash($"{User}|{Recipient}|{Day:yyyy-MM-dd}") % 1_000_000));
        for (var i = 0; i < parts.Count; i++)
        {
            var count = Math.Max(1, parts[i].Count);
            var offset = (int)(Hash($"{User}|{Day:yyyy-MM-dd}|{parts[i].Part}") % (uint)count);
            chosen[i] = (int)((offset + ordinal % count) % count);
            ordinal /= count;
        }
        if (alternative <= 0)
            return chosen;
        // First every other wording of one part at a time, the last parts first; then combinations.
        var single = parts.Skip(kept).Sum(p => Math.Max(1, p.Count) - 1);
        if (alternative <= single)
        {
            for (var i = parts.Count - 1; i >= kept; i--)
            {
                var others = Math.Max(1, parts[i].Count) - 1;
                if (alternative <= others)
                {
                    chosen[i] = (chosen[i] + alternative) % parts[i].Count;
                    return chosen;
                }
                alternative -= others;
            }
        }
        var combination = alternative - single;
        for (var i = parts.Count - 1; i >= kept && combination > 0; i--)
        {
            var count = Math.Max(1, parts[i].Count);
            chosen[i] = (chosen[i] + combination % count) % count;
            combination /= count;
        }
        return chosen;
    }

    /// <summary>
    /// A choice that stays the same for this user and recipient on every day and in every kind of
    /// mail: the greeting and the sign-off, so the voice toward one person never changes.
    /// </summary>
    public int Stable(string part, int count) => (int)(Hash($"{User}|{Recipient}|{part}") % (uint)Math.Max(1, count));

    private string User => UserKey.Trim().ToUpperInvariant();

    private string Recipient => RecipientKey.Trim().ToUpperInvariant();

    // A stable hash (string.GetHashCode changes between processes).
    private static uint Hash(string text) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
}
