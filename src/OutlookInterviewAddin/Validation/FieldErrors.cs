using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Validation;

/// <summary>
/// Collects per-field errors while normalising input (trimming, empty to null, time zones to IANA
/// ids), then answers them all at once as a ValidationProblem keyed by the request's JSON paths.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    /// <param name="message">A sentence in the request's language (<see cref="ApiText"/>).</param>
    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>The messages by field, for a caller that reports them itself (an import row, for example).</summary>
    public IEnumerable<(string Field, IReadOnlyList<string> Messages)> Entries => errors.Select(e => (e.Key, (IReadOnlyList<string>)e.Value));

    /// <param name="extensions">Members beside <c>errors</c> that say how to go ahead (for example which flag confirms).</param>
    public ValidationProblem Problem(IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            title: ApiText.Get("Validation.Title"), extensions: extensions);

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Trimmed text, or null when empty; an error when required and missing, or longer than <paramref name="max"/>.</summary>
    public string? Text(string field, string? value, int max, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required) Add(field, ApiText.Get("Field.Required"));
            return null;
        }
        if (text.Length > max) Add(field, ApiText.Format("Field.TooLong", max));
        return text;
    }

    /// <summary>A plain address (no display name), with a dotted domain; trimmed.</summary>
    public string? Email(string field, string? value, bool required = false)
    {
        var text = Text(field, value, 254, required);
        if (text is null) return null;
        if (!IsPlainEmail(text)) Add(field, ApiText.Get("Field.Email"));
        return text;
    }

    internal static bool IsPlainEmail(string text)
    {
        if (text.Any(char.IsWhiteSpace) || text.Count(c => c == '@') != 1) return false;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text) return false;
        var host = address.Host;
        return host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.');
    }

    /// <summary>An absolute https URL, optionally on <paramref name="host"/> or one of its subdomains.</summary>
    public string? HttpsUrl(string field, string? value, string? host = null)
    {
        var text = Text(field, value, 2048);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            Add(field, ApiText.Get("Field.HttpsUrl"));
            return text;
        }
        if (host is not null && !uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
            && !uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase))
            Add(field, ApiText.Format("Field.UrlHost", host));
        return text;
    }

    /// <summary>A known time zone, as IANA or Windows id; returned as its IANA id.</summary>
    public string? TimeZone(string field, string? value)
    {
        var text = Text(field, value, 100);
        if (text is null) return null;
        if (TryNormaliseTimeZone(text) is { } iana) return iana;
        Add(field, ApiText.Get("Field.TimeZone"));
        return text;
    }

    internal static string? TryNormaliseTimeZone(string id)
    {
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var fromWindows)) return fromWindows;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
        return null;
    }

    /// <summary>A list of short texts: each trimmed, empty ones dropped, at most <paramref name="maxItems"/> of <paramref name="maxLength"/>.</summary>
    public List<string> TextList(string field, IEnumerable<string?>? values, int maxItems, int maxLength)
    {
        var list = new List<string>();
        var index = 0;
        foreach (var value in values ?? [])
        {
            if (Text($"{field}[{index}]", value, maxLength) is { } text) list.Add(text);
            index++;
        }
        if (list.Count > maxItems) Add(field, ApiText.Format("Field.TooManyItems", maxItems));
        return list;
    }

    public int? Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max)) Add(field, ApiText.Format("Field.Range", min, max));
        return value;
    }
}
