using System.Globalization;
using System.Text.Json.Serialization;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.Drafting;

/// <summary>The language a person is written to in: every draft, subject and question list to them.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DraftLanguage>))]
public enum DraftLanguage
{
    En = 0,
    Fr = 1,
}

/// <summary>How a French mail addresses the person: <c>tu</c> (family, friends) or <c>vous</c> (everyone else).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AddressForm>))]
public enum AddressForm
{
    Vous = 0,
    Tu = 1,
}

public static class DraftLanguages
{
    /// <summary>The codes the API accepts and answers with: "en", "fr".</summary>
    public static string Code(DraftLanguage language) => language == DraftLanguage.Fr ? "fr" : "en";

    /// <summary>The culture whose resources and date formats the drafts use.</summary>
    public static CultureInfo Culture(DraftLanguage language) => CultureInfo.GetCultureInfo(Code(language));

    /// <summary>"en", "fr", or a regional form of them ("fr-CA", "en_GB"), case-insensitive.</summary>
    public static bool TryParse(string? code, out DraftLanguage language)
    {
        var primary = (code ?? "").Trim().Replace('_', '-').Split('-')[0].ToLowerInvariant();
        (var known, language) = primary switch
        {
            "en" => (true, DraftLanguage.En),
            "fr" => (true, DraftLanguage.Fr),
            _ => (false, DraftLanguage.En),
        };
        return known;
    }

    /// <summary>
    /// The address form a French mail uses when the user has not chosen one: <c>tu</c> for family
    /// and friends, <c>vous</c> for everyone else.
    /// </summary>
    public static AddressForm DefaultAddress(ConnectionKind connection) =>
        connection is ConnectionKind.Family or ConnectionKind.Friend ? AddressForm.Tu : AddressForm.Vous;
}
