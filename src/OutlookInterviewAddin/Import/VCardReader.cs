using System.Globalization;
using System.Text;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Import;

/// <summary>One contact read from a vCard file, with the line its BEGIN:VCARD is on.</summary>
public sealed record VCardContact(
    int Line,
    string? FormattedName,
    string? GivenName,
    string? FamilyName,
    IReadOnlyList<string> Emails,
    string? Organisation,
    string? Title,
    string? City,
    IReadOnlyList<string> Urls,
    string? Note,
    string? TimeZone,
    string? Language = null)
{
    /// <summary>FN, or the given and family names of N when FN is missing or blank.</summary>
    public string? Name => !string.IsNullOrWhiteSpace(FormattedName)
        ? FormattedName.Trim()
        : string.Join(' ', new[] { GivenName, FamilyName }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())) is { Length: > 0 } joined ? joined : null;
}

/// <summary>A card that could not be read, and why.</summary>
public sealed record VCardProblem(int Line, string Reason);

public sealed record VCardFile(IReadOnlyList<VCardContact> Contacts, IReadOnlyList<VCardProblem> Problems);

/// <summary>
/// Reads vCard files (2.1, 3.0 and 4.0; RFC 2425/2426/6350) as address books and phones write them:
/// several cards per file, folded lines, QUOTED-PRINTABLE values with soft line breaks and a CHARSET,
/// backslash escapes (\, \; \\ \n), structured N, ORG and ADR values, grouped properties
/// ("item1.EMAIL"), quoted parameter values and 2.1's bare parameters ("EMAIL;WORK;PREF:").
/// </summary>
/// <remarks>
/// No vCard library is served by the project's package feed, so this one reader (and
/// <see cref="OutlookInterviewAddin.Export.VCardWriter"/>) is written here and tested against files shaped like
/// Outlook's, Google's and Apple's exports (tests/…/Import/VCardReaderTests). It reads only what
/// becomes a person: names, emails, organisation, title, city, URLs, note and time zone.
/// </remarks>
public static class VCardReader
{
    /// <summary>Decodes a file's bytes: UTF-8 (with or without a byte order mark), or Windows-1252 when they are not UTF-8.</summary>
    public static string DecodeFile(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            // Older exports are in the machine's code page; Latin-1 (built in, unlike Windows-1252) reads their letters.
            return Encoding.Latin1.GetString(bytes);
        }
    }

    public static VCardFile Read(string text)
    {
        var contacts = new List<VCardContact>();
        var problems = new List<VCardProblem>();
        Card? card = null;
        foreach (var (line, content) in ContentLines(text))
        {
            if (content.Length == 0) continue;
            var property = Parse(content);
            if (property is null)
            {
                if (card is not null) card.Broken ??= (line, ApiText.Format("VCard.NotAProperty", line));
                continue;
            }
            if (property.Name == "BEGIN" && property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (card is not null) problems.Add(new VCardProblem(card.Line, ApiText.Get("VCard.NoEndBeforeNext")));
                card = new Card(line);
                continue;
            }
            if (card is null) continue; // text outside any card is not a contact
            if (property.Name == "END" && property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (card.Broken is { } broken) problems.Add(new VCardProblem(card.Line, broken.Reason));
                else if (card.ToContact() is { Name: not null } contact) contacts.Add(contact);
                else problems.Add(new VCardProblem(card.Line, ApiText.Get("VCard.NoName")));
                card = null;
                continue;
            }
            card.Add(property);
        }
        if (card is not null) problems.Add(new VCardProblem(card.Line, ApiText.Get("VCard.NoEnd")));
        return new VCardFile(contacts, problems);
    }

    /// <summary>
    /// The logical lines of the file with the physical line each starts on: folded lines (CRLF
    /// followed by a space or tab) unfolded, and QUOTED-PRINTABLE soft line breaks ("=" at the end) joined.
    /// </summary>
    internal static IEnumerable<(int Line, string Content)> ContentLines(string text)
    {
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var current = new StringBuilder();
        var start = 0;
        var open = false;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i];
            // A quoted-printable value ending in "=" goes on in the next physical line, as it is (2.1 does not indent it).
            if (open && EndsInSoftBreak(current) && line.Length > 0)
            {
                current.Length -= 1;
                current.Append(line);
                continue;
            }
            if (open && line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }
            if (open) yield return (start, current.ToString());
            current.Clear();
            current.Append(line);
            start = i + 1;
            open = true;
        }
        if (open && current.Length > 0) yield return (start, current.ToString());
    }

    private static bool EndsInSoftBreak(StringBuilder line)
    {
        if (line.Length == 0 || line[^1] != '=') return false;
        var text = line.ToString();
        var colon = ValueStart(text);
        return colon > 0 && IsQuotedPrintable(text[..colon]);
    }

    private static bool IsQuotedPrintable(string nameAndParameters) =>
        nameAndParameters.Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);

    // The colon that ends the name and parameters: the first one outside a quoted parameter value.
    private static int ValueStart(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) return i;
        }
        return -1;
    }

    internal sealed record Property(string Name, IReadOnlyDictionary<string, List<string>> Parameters, string Value)
    {
        public IEnumerable<string> Types => Parameters.TryGetValue("TYPE", out var types) ? types : [];
        public bool IsPreferred => Types.Any(t => t.Equals("PREF", StringComparison.OrdinalIgnoreCase)) || Parameters.ContainsKey("PREF");

        /// <summary>How preferred (RFC 6350 §5.3): PREF=1 most, 100 least; 2.1 and 3.0's TYPE=PREF counts as 1; none after all of them.</summary>
        public int Preference =>
            Parameters.TryGetValue("PREF", out var values) && values.Count > 0 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pref) && pref is >= 1 and <= 100
                ? pref
                : IsPreferred ? 1 : 101;
    }

    internal static Property? Parse(string line)
    {
        var colon = ValueStart(line);
        if (colon <= 0) return null;
        var head = SplitOutsideQuotes(line[..colon], ';');
        var name = head[0].Trim();
        // A group ("item1.EMAIL") says which properties belong together; the property is what counts here.
        var dot = name.LastIndexOf('.');
        if (dot >= 0) name = name[(dot + 1)..];
        if (name.Length == 0) return null;
        var parameters = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in head.Skip(1))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            // vCard 2.1 writes bare parameters: "TEL;WORK;VOICE", "NOTE;QUOTED-PRINTABLE".
            var (key, values) = equals < 0
                ? (raw.Trim().ToUpperInvariant() is "QUOTED-PRINTABLE" or "BASE64" or "8BIT" or "7BIT" ? "ENCODING" : "TYPE", raw.Trim())
                : (raw[..equals].Trim(), raw[(equals + 1)..]);
            if (!parameters.TryGetValue(key, out var list)) parameters[key] = list = [];
            // TYPE="work,pref" (quoted, as Apple writes it) is the same list as TYPE=work,pref.
            list.AddRange(values.Replace("\"", "", StringComparison.Ordinal).Split(',').Select(v => v.Trim()).Where(v => v.Length > 0));
        }
        var value = line[(colon + 1)..];
        if (parameters.TryGetValue("ENCODING", out var encodings) && encodings.Any(e => e.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase)))
        {
            var charset = parameters.TryGetValue("CHARSET", out var charsets) ? charsets.FirstOrDefault() : null;
            value = DecodeQuotedPrintable(value, charset);
        }
        return new Property(name.ToUpperInvariant(), parameters, value);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>=XX bytes decoded in <paramref name="charset"/> (UTF-8 when none or unknown); other characters as they are.</summary>
    internal static string DecodeQuotedPrintable(string value, string? charset)
    {
        var encoding = EncodingFor(charset);
        var bytes = new List<byte>(value.Length);
        var result = new StringBuilder(value.Length);
        void Flush()
        {
            if (bytes.Count == 0) return;
            result.Append(encoding.GetString([.. bytes]));
            bytes.Clear();
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '=' && i + 2 < value.Length
                && byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c == '=' && i == value.Length - 1)
            {
                // a soft line break left at the very end
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                Flush();
                result.Append(c);
            }
        }
        Flush();
        return result.ToString();
    }

    private static Encoding EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return Encoding.UTF8;
        var name = charset.Trim();
        if (name.Equals("windows-1252", StringComparison.OrdinalIgnoreCase) || name.Equals("cp1252", StringComparison.OrdinalIgnoreCase)) return Encoding.Latin1;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>A text value with its escapes undone: \n or \N is a line break, \, \; \\ are the characters.</summary>
    internal static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal)) return value;
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                result.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                result.Append(value[i]);
            }
        }
        return result.ToString();
    }

    /// <summary>The components of a structured value (N, ORG, ADR), split on unescaped semicolons, each unescaped.</summary>
    internal static List<string> Components(string value)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                current.Append(value[i]).Append(value[i + 1]);
                i++;
            }
            else if (value[i] == ';')
            {
                parts.Add(Unescape(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(value[i]);
            }
        }
        parts.Add(Unescape(current.ToString()));
        return parts;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class Card(int line)
    {
        public int Line { get; } = line;
        public (int Line, string Reason)? Broken { get; set; }

        private string? formattedName;
        private string? givenName;
        private string? familyName;
        private readonly List<(string Value, bool Preferred)> emails = [];
        private string? organisation;
        private string? title;
        private (string City, bool Preferred, bool Work)? city;
        private readonly List<string> urls = [];
        private string? note;
        private string? timeZone;
        private (string Tag, int Preference)? language;

        public void Add(Property p)
        {
            switch (p.Name)
            {
                case "FN":
                    formattedName ??= Blank(Unescape(p.Value));
                    break;
                case "N":
                    var n = Components(p.Value);
                    familyName ??= Blank(n.ElementAtOrDefault(0)?.Replace(',', ' '));
                    givenName ??= Blank(n.ElementAtOrDefault(1)?.Replace(',', ' '));
                    break;
                case "EMAIL":
                    if (Blank(Unescape(p.Value)) is { } email)
                        emails.Add((email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? email[7..] : email, p.IsPreferred));
                    break;
                case "ORG":
                    organisation ??= Blank(Components(p.Value).FirstOrDefault());
                    break;
                case "TITLE":
                    title ??= Blank(Unescape(p.Value));
                    break;
                case "ADR":
                    if (Blank(Components(p.Value).ElementAtOrDefault(3)) is { } locality)
                    {
                        var work = p.Types.Any(t => t.Equals("WORK", StringComparison.OrdinalIgnoreCase));
                        if (city is null || (p.IsPreferred && !city.Value.Preferred) || (work && !city.Value.Work && !city.Value.Preferred))
                            city = (locality, p.IsPreferred, work);
                    }
                    break;
                case "URL":
                case "X-SOCIALPROFILE":
                    if (Blank(Unescape(p.Value)) is { } url) urls.Add(url);
                    break;
                case "NOTE":
                    note ??= Blank(Unescape(p.Value));
                    break;
                case "TZ":
                    // 4.0 may give an IANA id as text; an offset (-05:00) names no zone and is left out.
                    if (Blank(Unescape(p.Value)) is { } zone && zone.Any(char.IsLetter)) timeZone ??= zone;
                    break;
                case "LANG":
                    // A language tag (RFC 5646): "fr-CA", "en"; the most preferred one (lowest PREF) wins, else the first.
                    if (Blank(Unescape(p.Value)) is { } tag && (language is null || p.Preference < language.Value.Preference))
                        language = (tag, p.Preference);
                    break;
            }
        }

        public VCardContact ToContact() => new(
            Line, formattedName, givenName, familyName,
            [.. emails.OrderByDescending(e => e.Preferred).Select(e => e.Value)],
            organisation, title, city?.City, urls, note, timeZone, language?.Tag);
    }
}
