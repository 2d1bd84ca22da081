using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Import;

/// <summary>
/// One person as a source gives them, before validation. <paramref name="Line"/> is where the row
/// starts in the file (the header counts; for LinkedIn the preamble too), or the contact's position
/// in the Outlook contacts list. The same shape goes out in a preview and comes back in the import.
/// </summary>
public sealed record ImportCandidate(
    int Line,
    string? Name,
    string? Email = null,
    string? Organisation = null,
    string? Role = null,
    string? City = null,
    string? LinkedInUrl = null,
    string? ConnectionDetail = null,
    string? Notes = null,
    string? TimeZone = null,
    string? Language = null);

/// <summary>What happens to one row: add, match (fills the empty fields of an existing person), skip, or error.</summary>
public static class ImportAction
{
    public const string Add = "add";
    public const string Match = "match";
    public const string Skip = "skip";
    public const string Error = "error";
}

/// <param name="Fills">For a match: the fields of the existing person that this row fills (they were empty).</param>
/// <param name="PersonId">After an import: the person added or filled.</param>
public sealed record ImportRow(
    int Line,
    string Action,
    ImportCandidate Person,
    Guid? ExistingPersonId,
    string? ExistingPersonName,
    IReadOnlyList<string> Fills,
    string? Reason,
    Guid? PersonId = null);

public sealed record ImportCounts(int Add, int Match, int Skip, int Error)
{
    public static ImportCounts Of(IEnumerable<ImportRow> rows)
    {
        var list = rows.ToList();
        return new(list.Count(r => r.Action == ImportAction.Add), list.Count(r => r.Action == ImportAction.Match),
            list.Count(r => r.Action == ImportAction.Skip), list.Count(r => r.Action == ImportAction.Error));
    }
}

/// <summary>A row's decision and, for add and match, the validated fields and whom they go to.</summary>
public sealed record PlannedRow(ImportRow Row, PersonFields? Fields, Person? Existing);

/// <summary>
/// Decides, for each candidate, whether it is someone new, someone the user already has (same
/// email, compared trimmed and case-insensitively; or, when either has no email, the same name and
/// organisation), a repeat of an earlier row, or a row that fails the same checks as a typed person
/// (<see cref="PersonFields.Validate"/>, including <see cref="NameText"/>). Nothing a person has is
/// ever replaced: a match only fills what is empty (as a referral or the pane's merge does), and is
/// a skip when it would fill nothing. Pure: the same candidates and people give the same plan,
/// which is why a preview and the import that follows it agree.
/// </summary>
public static class ImportPlanner
{
    public static IReadOnlyList<PlannedRow> Plan(IEnumerable<ImportCandidate> candidates, IReadOnlyCollection<Person> people,
        ConnectionKind connection, IReadOnlyDictionary<string, string> labels)
    {
        var byEmail = people.Where(p => p.EmailKey is not null).GroupBy(p => p.EmailKey!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byNameAndOrganisation = people.ToLookup(p => (p.NameKey, p.OrganisationKey ?? ""));
        var seenEmails = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenNames = new Dictionary<(string, string), int>();
        var matched = new Dictionary<Guid, int>();
        var plan = new List<PlannedRow>();

        foreach (var candidate in candidates)
        {
            var errors = new FieldErrors();
            var fields = PersonFields.Validate(new PersonInput(
                candidate.Name, candidate.Email, candidate.Organisation, candidate.Role, null, candidate.City, candidate.TimeZone,
                candidate.LinkedInUrl, connection, candidate.ConnectionDetail, candidate.Notes, Language: candidate.Language), errors);
            if (errors.Any)
            {
                var reason = string.Join(" ", errors.Entries.Select(e => $"{Label(labels, e.Field)}: {string.Join(" ", e.Messages)}"));
                plan.Add(new PlannedRow(Row(candidate, ImportAction.Error, reason: reason), null, null));
                continue;
            }

            var emailKey = Person.KeyOf(fields.Email);
            var nameKey = (Person.KeyOf(fields.Name) ?? "", Person.KeyOf(fields.Organisation) ?? "");
            if (emailKey is not null && seenEmails.TryGetValue(emailKey, out var sameEmailLine))
            {
                plan.Add(new PlannedRow(Row(candidate, ImportAction.Skip, reason: ApiText.Format("Import.Skip.SameEmailAsLine", sameEmailLine)), null, null));
                continue;
            }
            if (emailKey is null && seenNames.TryGetValue(nameKey, out var sameNameLine))
            {
                plan.Add(new PlannedRow(Row(candidate, ImportAction.Skip, reason: ApiText.Format("Import.Skip.SameNameAsLine", sameNameLine)), null, null));
                continue;
            }
            if (emailKey is not null) seenEmails[emailKey] = candidate.Line;
            seenNames.TryAdd(nameKey, candidate.Line);

            var existing = emailKey is not null && byEmail.TryGetValue(emailKey, out var withEmail)
                ? withEmail
                : byNameAndOrganisation[nameKey].FirstOrDefault(p => emailKey is null || p.EmailKey is null);
            if (existing is null)
            {
                plan.Add(new PlannedRow(Row(candidate, ImportAction.Add), fields, null));
                continue;
            }
            if (matched.TryGetValue(existing.Id, out var sameMatchLine))
            {
                plan.Add(new PlannedRow(Row(candidate, ImportAction.Skip, existing, reason: ApiText.Format("Import.Skip.LineAlreadyMatches", sameMatchLine, existing.Name)), null, existing));
                continue;
            }
            matched[existing.Id] = candidate.Line;
            var fills = Fills(fields, existing);
            var how = ApiText.Get(emailKey is not null && existing.EmailKey == emailKey ? "Import.How.SameEmail" : "Import.How.SameName");
            plan.Add(fills.Count == 0
                ? new PlannedRow(Row(candidate, ImportAction.Skip, existing, reason: ApiText.Format("Import.Skip.NothingNew", existing.Name, how)), null, existing)
                : new PlannedRow(Row(candidate, ImportAction.Match, existing, fills,
                    ApiText.Format("Import.Match", existing.Name, how, string.Join(", ", fills.Select(f => Label(labels, f))))),
                    fields, existing));
        }
        return plan;
    }

    /// <summary>The fields <paramref name="fields"/> would fill on <paramref name="person"/> (empty there, given here), as <see cref="PersonFields.FillOn"/> fills them.</summary>
    public static List<string> Fills(PersonFields fields, Person person)
    {
        var fills = new List<string>();
        if (person.Email is null && fields.Email is not null) fills.Add("email");
        if (person.Organisation is null && fields.Organisation is not null) fills.Add("organisation");
        if (person.Role is null && fields.Role is not null) fills.Add("role");
        if (person.City is null && fields.City is not null) fills.Add("city");
        if (person.TimeZone is null && fields.TimeZone is not null) fills.Add("timeZone");
        if (person.LinkedInUrl is null && fields.LinkedInUrl is not null) fills.Add("linkedInUrl");
        if (person.ConnectionDetail is null && fields.ConnectionDetail is not null) fills.Add("connectionDetail");
        // Written to in English is the default, so a file that says French fills it (as a merge does).
        if (person.Language == Drafting.DraftLanguage.En && fields.Language is { } language && language != person.Language) fills.Add("language");
        if (!string.Equals(PersonNotes.Append(person.Notes, fields.Notes), person.Notes, StringComparison.Ordinal)) fills.Add("notes");
        return fills;
    }

    private static ImportRow Row(ImportCandidate c, string action, Person? existing = null, IReadOnlyList<string>? fills = null, string? reason = null) =>
        new(c.Line, action, c, existing?.Id, existing?.Name, fills ?? [], reason);

    private static string Label(IReadOnlyDictionary<string, string> labels, string field) =>
        labels.TryGetValue(field, out var label) ? label : field;
}
