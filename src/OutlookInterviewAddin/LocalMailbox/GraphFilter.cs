using System.Globalization;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// The $filter expressions the product sends, and no others: an extended-property match, a sender
/// address, and a received-after bound, joined by "and". Anything else is refused as Graph refuses
/// a filter it cannot run, so the product cannot come to rely on one real Graph would not accept.
/// </summary>
public sealed partial record GraphFilter(MailboxExtendedProperty? Tagged, string? FromAddress, DateTimeOffset? ReceivedFrom)
{
    public static GraphFilter None { get; } = new(null, null, null);

    public static bool TryParse(string? filter, out GraphFilter result)
    {
        result = None;
        if (string.IsNullOrWhiteSpace(filter)) return true;
        var rest = filter.Trim();
        MailboxExtendedProperty? tagged = null;
        var any = AnyPattern().Match(rest);
        if (any.Success)
        {
            tagged = new MailboxExtendedProperty(Unquote(any.Groups["id"].Value), Unquote(any.Groups["value"].Value));
            rest = (rest[..any.Index] + rest[(any.Index + any.Length)..]).Trim();
            rest = LeadingOrTrailingAnd().Replace(rest, "").Trim();
        }
        string? from = null;
        DateTimeOffset? received = null;
        foreach (var clause in rest.Length == 0 ? [] : AndPattern().Split(rest))
        {
            var c = clause.Trim();
            if (FromPattern().Match(c) is { Success: true } f) from = Unquote(f.Groups["v"].Value);
            else if (ReceivedPattern().Match(c) is { Success: true } r
                && DateTimeOffset.TryParse(r.Groups["v"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) received = at;
            else return false;
        }
        result = new GraphFilter(tagged, from, received);
        return true;
    }

    public bool Matches(MailboxMessage m) =>
        (Tagged is null || m.ExtendedProperties.Any(p => p.Id.Equals(Tagged.Id, StringComparison.OrdinalIgnoreCase) && p.Value == Tagged.Value))
        && (FromAddress is null || string.Equals(m.FromAddress, FromAddress, StringComparison.OrdinalIgnoreCase))
        && (ReceivedFrom is null || (m.ReceivedAt ?? m.CreatedAt) >= ReceivedFrom);

    public bool Matches(MailboxEvent e) =>
        FromAddress is null && ReceivedFrom is null
        && (Tagged is null || e.ExtendedProperties.Any(p => p.Id.Equals(Tagged.Id, StringComparison.OrdinalIgnoreCase) && p.Value == Tagged.Value));

    private static string Unquote(string quoted) => quoted.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"singleValueExtendedProperties/any\(\s*(?<v>\w+)\s*:\s*\k<v>/id\s+eq\s+'(?<id>(?:[^']|'')*)'\s+and\s+\k<v>/value\s+eq\s+'(?<value>(?:[^']|'')*)'\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex AnyPattern();

    [GeneratedRegex(@"^\s*and\s+|\s+and\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingOrTrailingAnd();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"^from/emailAddress/address\s+eq\s+'(?<v>(?:[^']|'')*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"^receivedDateTime\s+ge\s+(?<v>\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))$", RegexOptions.IgnoreCase)]
    private static partial Regex ReceivedPattern();
}
