using Microsoft.Graph;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Import;

/// <summary>The three sources, their names on the wire, and how their columns are called in a row's reason.</summary>
public static class ImportSources
{
    public const string LinkedIn = "linkedin";
    public const string VCard = "vcard";
    public const string Outlook = "outlook";

    public static bool IsKnown(string? source) => source is LinkedIn or VCard or Outlook;

    /// <summary>The field names of a row's errors in the words of the file the user has open.</summary>
    public static IReadOnlyDictionary<string, string> Labels(string source) => source switch
    {
        LinkedIn => new Dictionary<string, string>
        {
            ["name"] = "First Name / Last Name", ["email"] = "Email Address", ["organisation"] = "Company", ["role"] = "Position",
            ["linkedInUrl"] = "URL", ["connectionDetail"] = "Connected On",
        },
        VCard => new Dictionary<string, string>
        {
            ["name"] = "FN / N", ["email"] = "EMAIL", ["organisation"] = "ORG", ["role"] = "TITLE", ["city"] = "ADR (city)",
            ["linkedInUrl"] = "URL", ["notes"] = "NOTE", ["timeZone"] = "TZ", ["language"] = "LANG",
        },
        // Outlook's contacts have no file open beside them: the fields in the request's language.
        _ => new Dictionary<string, string>
        {
            ["name"] = ApiText.Get("Import.Field.Name"), ["email"] = ApiText.Get("Import.Field.Email"), ["organisation"] = ApiText.Get("Import.Field.Company"),
            ["role"] = ApiText.Get("Import.Field.JobTitle"), ["city"] = ApiText.Get("Import.Field.City"), ["notes"] = ApiText.Get("Import.Field.Notes"),
        },
    };

    /// <summary>The people of a vCard file: its contacts as candidates, and cards it could not read as error rows.</summary>
    public static (List<ImportCandidate> Candidates, List<ImportRow> Problems) FromVCards(VCardFile file) => (
        file.Contacts.Select(c => new ImportCandidate(
            c.Line, c.Name, c.Emails.Count > 0 ? c.Emails[0] : null, c.Organisation, c.Title, c.City,
            LinkedInUrlAmong(c.Urls), null, c.Note, KnownZone(c.TimeZone), DraftLanguageOf(c.Language))).ToList(),
        file.Problems.Select(p => new ImportRow(p.Line, ImportAction.Error, new ImportCandidate(p.Line, null), null, null, [], p.Reason)).ToList());

    /// <summary>The first URL on linkedin.com, over https.</summary>
    public static string? LinkedInUrlAmong(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var text = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "https://" + url[7..] : url;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase)))
                return text;
        }
        return null;
    }

    /// <summary>A card's language tag as a language drafts are written in ("fr-CA" is French); any other language is left out.</summary>
    public static string? DraftLanguageOf(string? tag) =>
        Drafting.DraftLanguages.TryParse(tag, out var language) ? Drafting.DraftLanguages.Code(language) : null;

    // A zone this machine does not know is left out rather than failing the whole contact.
    private static string? KnownZone(string? zone) =>
        zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null;

    /// <summary>
    /// The user's Outlook contacts through Graph (/me/contacts, 100 a page, at most <paramref name="max"/>):
    /// each a candidate whose line is its position in the list.
    /// </summary>
    public static async Task<List<ImportCandidate>> FromOutlookAsync(GraphServiceClient graph, int max, CancellationToken ct)
    {
        var candidates = new List<ImportCandidate>();
        var page = await graph.Me.Contacts.GetAsync(rc =>
        {
            rc.QueryParameters.Top = 100;
            rc.QueryParameters.Select = ["id", "displayName", "givenName", "surname", "emailAddresses", "companyName", "jobTitle", "businessAddress", "homeAddress", "personalNotes"];
        }, ct);
        while (page is not null)
        {
            foreach (var contact in page.Value ?? [])
            {
                if (candidates.Count >= max) throw new TooManyRowsException(max);
                var name = !string.IsNullOrWhiteSpace(contact.DisplayName)
                    ? contact.DisplayName.Trim()
                    : string.Join(' ', new[] { contact.GivenName, contact.Surname }.Where(p => !string.IsNullOrWhiteSpace(p)));
                candidates.Add(new ImportCandidate(
                    candidates.Count + 1,
                    name.Length == 0 ? null : name,
                    contact.EmailAddresses?.Select(e => e.Address).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)),
                    contact.CompanyName,
                    contact.JobTitle,
                    !string.IsNullOrWhiteSpace(contact.BusinessAddress?.City) ? contact.BusinessAddress.City : contact.HomeAddress?.City,
                    Notes: contact.PersonalNotes));
            }
            if (page.OdataNextLink is not { Length: > 0 } next) break;
            page = await graph.Me.Contacts.WithUrl(next).GetAsync(cancellationToken: ct);
        }
        return candidates;
    }

    /// <summary>The Graph failure, if this is one (consent, throttling, no answer), for the pane's usual mailbox problem.</summary>
    public static MailboxException? GraphFailure(Exception exception) => MailboxException.From(exception);
}
