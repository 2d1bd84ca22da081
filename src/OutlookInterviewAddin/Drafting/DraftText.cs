using System.Globalization;
using System.Resources;

namespace OutlookInterviewAddin.Drafting;

/// <summary>
/// Every word the drafting engine writes comes from <c>Resources/DraftStrings.resx</c>. Adding a
/// language means adding <c>DraftStrings.fr.resx</c> (same keys): no code changes. A key missing in a
/// translation falls back to English, key by key.
/// </summary>
public sealed class DraftText
{
    private static readonly ResourceManager Resources =
        new("OutlookInterviewAddin.Drafting.Resources.DraftStrings", typeof(DraftText).Assembly);

    public DraftText(CultureInfo culture) => Culture = culture;

    public static DraftText English { get; } = new(CultureInfo.GetCultureInfo("en"));

    public CultureInfo Culture { get; }

    /// <summary>The string for a key; a missing key is a bug in the engine, so it throws.</summary>
    public string Get(string key) =>
        Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"Drafting resource '{key}' does not exist.");

    /// <summary>A string with composite-format arguments, formatted for the culture.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);

    /// <summary>A resource that holds one entry per line (template variants, word lists).</summary>
    public IReadOnlyList<string> Lines(string key) => SplitLines(Get(key));

    internal static IReadOnlyList<string> SplitLines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    /// <summary>Whether a key exists in the neutral (English) resources; used by the tests.</summary>
    internal static bool Exists(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>Every key in the neutral resources; used by the tests.</summary>
    internal static IEnumerable<string> AllKeys()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        foreach (System.Collections.DictionaryEntry entry in set)
            yield return (string)entry.Key;
    }
}
