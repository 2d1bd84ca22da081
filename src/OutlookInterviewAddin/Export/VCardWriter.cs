using System.Text;
using OutlookInterviewAddin.People;

namespace OutlookInterviewAddin.Export;

/// <summary>
/// People as vCard 4.0 (RFC 6350): one card each, text escaped (\\ \, \n, and \; inside the
/// components of structured values: N, ORG, ADR; RFC 6350 §3.4 and its "text" grammar), lines folded at 75
/// octets without splitting a character, CRLF line ends, UTF-8. Read back by
/// <see cref="Import.VCardReader"/> in the tests; address books (Outlook, Apple, Google) open it.
/// </summary>
public static class VCardWriter
{
    public static string Write(IEnumerable<Person> people)
    {
        var text = new StringBuilder();
        foreach (var p in people)
        {
            Line(text, "BEGIN:VCARD");
            Line(text, "VERSION:4.0");
            Line(text, $"UID:urn:uuid:{p.Id}");
            Line(text, $"FN:{Escape(p.Name)}");
            var (given, family) = SplitName(p.Name);
            Line(text, $"N:{Component(family)};{Component(given)};;;");
            if (p.Email is not null) Line(text, $"EMAIL;TYPE=work:{Escape(p.Email)}");
            if (p.Organisation is not null) Line(text, $"ORG:{Component(p.Organisation)}");
            if (p.Role is not null) Line(text, $"TITLE:{Escape(p.Role)}");
            if (p.City is not null) Line(text, $"ADR;TYPE=work:;;;{Component(p.City)};;;");
            if (p.TimeZone is not null) Line(text, $"TZ;VALUE=text:{Escape(p.TimeZone)}");
            // The language drafts to them are written in: read back by this import and by other address books.
            Line(text, $"LANG:{Drafting.DraftLanguages.Code(p.Language)}");
            if (p.LinkedInUrl is not null) Line(text, $"URL;TYPE=linkedin:{p.LinkedInUrl}");
            if (p.Notes is not null) Line(text, $"NOTE:{Escape(p.Notes)}");
            Line(text, $"REV:{p.UpdatedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
            Line(text, "END:VCARD");
        }
        return text.ToString();
    }

    /// <summary>The family name is the last word, the given names the rest: the best a single name field allows.</summary>
    private static (string Given, string Family) SplitName(string name)
    {
        var space = name.Trim().LastIndexOf(' ');
        return space < 0 ? (name.Trim(), "") : (name[..space].Trim(), name[(space + 1)..].Trim());
    }

    /// <summary>A text value (FN, TITLE, NOTE…): a semicolon stands as it is there.</summary>
    internal static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace("\r", "\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A component of a structured value (N, ORG, ADR), where a semicolon separates components.</summary>
    internal static string Component(string value) => Escape(value).Replace(";", "\\;", StringComparison.Ordinal);

    // Folded at 75 octets of UTF-8; continuation lines start with one space (RFC 6350 §3.2).
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            text.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        text.Append("\r\n");
    }
}
