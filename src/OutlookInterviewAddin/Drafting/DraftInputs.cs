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

/// <summary>How the user knows the person they write to.</summary>
public enum ConnectionKind
{
    /// <summary>No prior connection: found through research, an article, a profile.</summary>
    Cold = 0,
    /// <summary>A manager or teammate, for example from a co-op placement.</summary>
    WorkedTogether = 1,
    /// <summary>A relative.</summary>
    Family = 2,
    /// <summary>A friend of the family or a friend of a friend.</summary>
    FamilyFriend = 3,
    /// <summary>Someone they met once: an event, a class, a talk.</summary>
    MetBefore = 4,
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
/// <param name="PreferredFirstName">The name to greet them with when it is not the first word of the full name.</param>
public sealed record DraftRecipient(
    string FullName,
    string Email,
    string? Organisation = null,
    string? Role = null,
    string? Field = null,
    string? City = null,
    ConnectionKind Connection = ConnectionKind.Cold,
    string? SharedContext = null,
    string? PreferredFirstName = null)
{
    public string FullName { get; } = DraftSender.Required(FullName, nameof(FullName));

    public string Email { get; } = DraftSender.Required(Email, nameof(Email));

    public string FirstName => string.IsNullOrWhiteSpace(PreferredFirstName) ? DraftSender.FirstWord(FullName) : PreferredFirstName.Trim();

    public bool IsWarm => Connection != ConnectionKind.Cold;
}

/// <summary>The person who suggested the contact ("X suggested I contact you").</summary>
public sealed record DraftReferrer(string FullName)
{
    public string FullName { get; } = DraftSender.Required(FullName, nameof(FullName));

    public string FirstName => DraftSender.FirstWord(FullName);
}

/// <summary>
/// Chooses wording deterministically: the same person on the same day always gets the same draft,
/// and people contacted the same day get different ones. With <see cref="OrdinalOfDay"/> (the number
/// of outreach drafts the user already made that day) the difference is guaranteed for as many
/// people as there are combinations; without it, wording is spread by a hash of the address.
/// </summary>
public sealed record DraftVariety(string RecipientKey, DateOnly Day, int? OrdinalOfDay = null)
{
    /// <summary>
    /// One variant index per part, in the order given. With an ordinal, the parts count in mixed
    /// radix (the first part changes fastest), starting from an offset that depends on the day.
    /// </summary>
    public int[] Choose(IReadOnlyList<(string Part, int Count)> parts)
    {
        var chosen = new int[parts.Count];
        var ordinal = OrdinalOfDay.GetValueOrDefault();
        for (var i = 0; i < parts.Count; i++)
        {
            var count = Math.Max(1, parts[i].Count);
            if (OrdinalOfDay is null)
            {
                chosen[i] = (int)(Hash($"{RecipientKey.Trim().ToUpperInvariant()}|{Day:yyyy-MM-dd}|{parts[i].Part}") % (uint)count);
                continue;
            }
            var offset = (int)(Hash($"{Day:yyyy-MM-dd}|{parts[i].Part}") % (uint)count);
            chosen[i] = (offset + ordinal % count) % count;
            ordinal /= count;
        }
        return chosen;
    }

    // A stable hash (string.GetHashCode changes between processes).
    private static uint Hash(string text) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
}
