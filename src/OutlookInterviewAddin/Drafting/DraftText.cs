using System.Globalization;
using System.Resources;

namespace OutlookInterviewAddin.Drafting;

/// <summary>
/// Every word the drafting engine writes comes from <c>Resources/DraftStrings.resx</c>. Adding a
/// language means adding <c>DraftStrings.fr.resx</c> (same keys). A key missing in a translation falls
/// back to English, key by key. A text that addresses the reader as <c>tu</c> reads <c>Key.Tu</c> first,
/// so a French part needs a second wording only where the pronoun shows.
/// </summary>
public sealed class DraftText
{
    private static readonly ResourceManager Resources =
        new("OutlookInterviewAddin.Drafting.Resources.DraftStrings", typeof(DraftText).Assembly);

    public DraftText(CultureInfo culture, AddressForm address = AddressForm.Vous)
    {
        Culture = culture;
        Address = address;
    }

    public static DraftText English { get; } = new(CultureInfo.GetCultureInfo("en"));

    public CultureInfo Culture { get; }

    /// <summary>How the text addresses the reader, where the language tells (French <c>tu</c> or <c>vous</c>).</summary>
    public AddressForm Address { get; }

    /// <summary>The suffix of the keys worded for <c>tu</c>.</summary>
    public const string TuSuffix = ".Tu";

    /// <summary>The string for a key; a missing key is a bug in the engine, so it throws.</summary>
    public string Get(string key) =>
        (Address == AddressForm.Tu ? Resources.GetString(key + TuSuffix, Culture) : null)
        ?? Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"Drafting resource '{key}' does not exist.");

    /// <summary>Whether this culture (or English behind it) has the key: word lists only one language needs.</summary>
    public bool Has(string key) => Resources.GetString(key, Culture) is not null;

    /// <summary>A string with composite-format arguments, formatted for the culture.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);

    /// <summary>A resource that holds one entry per line (template variants, word lists).</summary>
    public IReadOnlyList<string> Lines(string key) => SplitLines(Get(key));

    internal static IReadOnlyList<string> SplitLines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    /// <summary>Whether a key exists in the neutral (English) resources; used by the tests.</summary>
    internal static bool Exists(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>Every key in the neutral resources, or in one culture's own file; used by the tests.</summary>
    internal static IEnumerable<string> AllKeys(CultureInfo? culture = null)
    {
        var set = Resources.GetResourceSet(culture ?? CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        foreach (System.Collections.DictionaryEntry entry in set)
            yield return (string)entry.Key;
    }
}
