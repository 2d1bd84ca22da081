using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.People;

/// <summary>What the pane sends for a person. Everything is optional at the JSON level so that a missing name is a per-field error, not an unreadable body.</summary>
public sealed record PersonInput(
    string? Name,
    string? Email = null,
    string? Organisation = null,
    string? Role = null,
    string? Field = null,
    string? City = null,
    string? TimeZone = null,
    string? LinkedInUrl = null,
    ConnectionKind? Connection = null,
    string? ConnectionDetail = null,
    string? Notes = null,
    Guid? ReferredById = null,
    string? GreetAs = null,
    bool? DoNotContact = null,
    string? Language = null,
    string? AddressForm = null);

/// <summary>A person's fields after validation: trimmed, empty as null, time zone as an IANA id.</summary>
public sealed record PersonFields(
    string Name,
    string? Email,
    string? Organisation,
    string? Role,
    string? Field,
    string? City,
    string? TimeZone,
    string? LinkedInUrl,
    ConnectionKind? Connection,
    string? ConnectionDetail,
    string? Notes,
    Guid? ReferredById,
    string? GreetAs,
    bool? DoNotContact = null,
    DraftLanguage? Language = null,
    AddressChoice? Address = null)
{
    /// <param name="notesMax">Notes of merged people can be longer than one entry; editing them must not fail for that.</param>
    public static PersonFields Validate(PersonInput input, FieldErrors errors, int notesMax = 4000) => new(
        errors.NameLike("name", input.Name, 200, NameText.Name, required: true) ?? "",
        errors.Email("email", input.Email),
        errors.NameLike("organisation", input.Organisation, 200, NameText.Organisation),
        errors.NameLike("role", input.Role, 200, NameText.Role),
        errors.Text("field", input.Field, 200),
        errors.Text("city", input.City, 200),
        errors.TimeZone("timeZone", input.TimeZone),
        errors.HttpsUrl("linkedInUrl", input.LinkedInUrl, "linkedin.com"),
        input.Connection,
        errors.Text("connectionDetail", input.ConnectionDetail, 500),
        errors.Text("notes", input.Notes, notesMax),
        input.ReferredById,
        errors.NameLike("greetAs", input.GreetAs, 100, NameText.Name),
        input.DoNotContact,
        LanguageOf(input.Language, errors),
        AddressChoice.Read(input.AddressForm, errors));

    private static DraftLanguage? LanguageOf(string? code, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        if (DraftLanguages.TryParse(code, out var language)) return language;
        errors.Add("language", ApiText.Format("People.Language", code.Trim()));
        return null;
    }

    /// <summary>Every field replaced (an edit of the whole person).</summary>
    public void ReplaceOn(Person person)
    {
        person.Name = Name;
        person.GreetAs = GreetAs;
        person.SetEmail(Email);
        person.Organisation = Organisation;
        person.Role = Role;
        person.Field = Field;
        person.City = City;
        person.TimeZone = TimeZone;
        person.LinkedInUrl = LinkedInUrl;
        person.Connection = Connection ?? ConnectionKind.Cold;
        person.ConnectionDetail = ConnectionDetail;
        person.Notes = Notes;
        person.ReferredById = ReferredById;
        // Left out of an edit, the flag stays as it was: only an explicit true or false changes it.
        if (DoNotContact is { } doNotContact) person.DoNotContact = doNotContact;
        // The same for the language and the address form: a screen that does not show them keeps them.
        if (Language is { } language) person.Language = language;
        if (Address is { } address) person.AddressForm = address.Form;
    }

    /// <summary>
    /// Only what the person is missing is filled in; nothing they have is replaced (their name and
    /// connection stay as the user set them). Notes are added below the existing ones.
    /// </summary>
    public void FillOn(Person person)
    {
        if (person.Email is null && Email is not null) person.SetEmail(Email);
        person.GreetAs ??= GreetAs;
        person.Organisation ??= Organisation;
        person.Role ??= Role;
        person.Field ??= Field;
        person.City ??= City;
        person.TimeZone ??= TimeZone;
        person.LinkedInUrl ??= LinkedInUrl;
        person.ConnectionDetail ??= ConnectionDetail;
        person.Notes = PersonNotes.Append(person.Notes, Notes);
        if (DoNotContact == true) person.DoNotContact = true;
        if (person.Language == DraftLanguage.En && Language is { } language) person.Language = language;
        if (person.AddressForm is null && Address is { } address) person.AddressForm = address.Form;
    }

    /// <summary>
    /// True when every field given holds what <paramref name="person"/> already has (fields left out
    /// do not count): adding them again is a retry, not a different person with the same email.
    /// </summary>
    public bool AreAlreadyOn(Person person) =>
        string.Equals(Name, person.Name, StringComparison.Ordinal)
        && Same(GreetAs, person.GreetAs)
        && (Email is null || Person.KeyOf(Email) == person.EmailKey)
        && Same(Organisation, person.Organisation)
        && Same(Role, person.Role)
        && Same(Field, person.Field)
        && Same(City, person.City)
        && Same(TimeZone, person.TimeZone)
        && Same(LinkedInUrl, person.LinkedInUrl)
        && (Connection is null || Connection == person.Connection)
        && Same(ConnectionDetail, person.ConnectionDetail)
        && Same(Notes, person.Notes)
        && (ReferredById is null || ReferredById == person.ReferredById)
        && (DoNotContact is null || DoNotContact == person.DoNotContact)
        && (Language is null || Language == person.Language)
        && (Address is null || Address.Form == person.AddressForm);

    private static bool Same(string? given, string? stored) => given is null || string.Equals(given, stored, StringComparison.Ordinal);
}

/// <summary>An address form the user set: <c>tu</c>, <c>vous</c>, or back to the relationship's (<see cref="Form"/> null).</summary>
public sealed record AddressChoice(AddressForm? Form)
{
    /// <summary>"tu", "vous" or "auto" (by the relationship); null or blank: not given, left as it is.</summary>
    public static AddressChoice? Read(string? code, FieldErrors errors)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "": return null;
            case "tu": return new(AddressForm.Tu);
            case "vous": return new(AddressForm.Vous);
            case "auto": return new((AddressForm?)null);
            default:
                errors.Add("addressForm", ApiText.Format("People.AddressForm", code.Trim()));
                return null;
        }
    }

    /// <summary>The code the API answers with.</summary>
    public static string Code(AddressForm form) => form == AddressForm.Tu ? "tu" : "vous";

    /// <summary>The code of a stored choice; null when it follows the relationship.</summary>
    public static string? CodeOf(AddressForm? form) => form is { } chosen ? Code(chosen) : null;
}

public static class PersonNotes
{
    /// <summary>Both notes, the added one on its own paragraph; nothing is added twice.</summary>
    public static string? Append(string? existing, string? added)
    {
        if (string.IsNullOrWhiteSpace(added)) return existing;
        if (string.IsNullOrWhiteSpace(existing)) return added;
        if (existing.Contains(added, StringComparison.Ordinal)) return existing;
        return existing + "\n\n" + added;
    }
}

public sealed record PersonRef(Guid Id, string Name);

public sealed record PersonInterviewRef(Guid Id, InterviewStage Stage, DateTimeOffset StageEnteredAt, DateTimeOffset? PlannedStart);

/// <param name="GreetAs">How drafts greet them when not by their first name, or null.</param>
/// <param name="Language">"en" or "fr": the language drafts and question lists to them are written in.</param>
/// <param name="AddressForm">In French, "tu" or "vous" as the user chose; null when it follows the relationship.</param>
/// <param name="AddressFormInUse">The address form French drafts use: the user's choice, else the relationship's.</param>
public sealed record PersonDto(
    Guid Id,
    string Name,
    string? GreetAs,
    string? Email,
    string? Organisation,
    string? Role,
    string? Field,
    string? City,
    string? TimeZone,
    string? LinkedInUrl,
    ConnectionKind Connection,
    bool IsWarm,
    string? ConnectionDetail,
    string? Notes,
    PersonRef? ReferredBy,
    IReadOnlyList<PersonRef> ReferralChain,
    IReadOnlyList<PersonRef> Referrals,
    IReadOnlyList<PersonInterviewRef> Interviews,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool DoNotContact = false,
    string Language = "en",
    string? AddressForm = null,
    string AddressFormInUse = "vous");

public sealed record PersonSummary(
    Guid Id,
    string Name,
    string? Email,
    string? Organisation,
    string? Role,
    string? City,
    ConnectionKind Connection,
    bool IsWarm,
    PersonRef? ReferredBy,
    InterviewStage? LatestStage);
