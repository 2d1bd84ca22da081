using System.Globalization;
using System.Resources;

namespace OutlookInterviewAddin.Localization;

/// <summary>
/// Every sentence the API answers with (validation messages, problem titles and details, next
/// actions' reasons, the follow-through's lines, the outreach checker's findings) comes from
/// <c>Resources/ApiStrings.resx</c>, in the request's language (<see cref="CultureInfo.CurrentUICulture"/>,
/// set from Accept-Language by <see cref="RequestLanguages"/>). <c>ApiStrings.fr.resx</c> holds the
/// same keys in French. Drafts are not here: they are written in the person's language (Drafting/DraftText).
/// </summary>
public static class ApiText
{
    private static readonly ResourceManager Resources =
        new("OutlookInterviewAddin.Localization.Resources.ApiStrings", typeof(ApiText).Assembly);

    /// <summary>The sentence for a key in the request's language; a missing key is a bug, so it throws.</summary>
    public static string Get(string key) => Get(key, CultureInfo.CurrentUICulture);

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"API text '{key}' does not exist.");

    /// <summary>A sentence with composite-format arguments, numbers written the request language's way.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, Get(key), args);

    /// <summary>Every key in the neutral (English) resources, or in one culture's own file; used by the tests.</summary>
    internal static IReadOnlyDictionary<string, string> All(CultureInfo? culture = null)
    {
        var set = Resources.GetResourceSet(culture ?? CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in set)
            all[(string)entry.Key] = (string)entry.Value!;
        return all;
    }
}
