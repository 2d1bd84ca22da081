using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>
/// The pane's words as its resource files hold them (Pane/src/i18n/en.ts and fr.ts, copied beside
/// the tests): each key's text, or its two plural forms, in English and in French.
/// </summary>
public static partial class PaneStrings
{
    public static IReadOnlyDictionary<string, string[]> English { get; } = Read("en.ts");

    public static IReadOnlyDictionary<string, string[]> French { get; } = Read("fr.ts");

    /// <summary>
    /// What a French screen must never show: each English text that French says differently, as a
    /// pattern where a number ({count}, {n}, {minutes}…) stands for digits and any other {value} for
    /// anything. A text French also uses for some key ("Notes", "Plan", "LinkedIn") proves nothing
    /// and is left out, as is one with fewer than four letters of its own ("{what} for {name}").
    /// </summary>
    public static IReadOnlyList<(string Key, string English, Regex Pattern)> EnglishOnly()
    {
        var french = French.Values.SelectMany(forms => forms).Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var result = new List<(string, string, Regex)>();
        foreach (var (key, forms) in English)
        {
            var theirs = French.TryGetValue(key, out var f) ? f : [];
            for (var i = 0; i < forms.Length; i++)
            {
                var text = Normalize(forms[i]);
                if (i < theirs.Length && Normalize(theirs[i]) == text) continue;
                if (french.Contains(text)) continue;
                if (Regex.Replace(text, @"\{\w+\}", "").Count(char.IsLetter) < 4) continue;
                var pattern = "^" + Regex.Replace(Regex.Escape(text), @"\\\{(\w+)}", m => Numbers.Contains(m.Groups[1].Value) ? @"\d+" : ".+?") + "$";
                result.Add((key, text, new Regex(pattern, RegexOptions.CultureInvariant)));
            }
        }
        return result;
    }

    private static readonly HashSet<string> Numbers = ["count", "n", "line", "minutes", "seconds", "percent", "status", "total", "place", "estimated", "meeting"];

    /// <summary>Spaces of any kind as one, trimmed: how a text reads on screen.</summary>
    public static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    private static Dictionary<string, string[]> Read(string file)
    {
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "PaneStrings", file)))
        {
            var entry = Entry().Match(line);
            if (!entry.Success) continue;
            var texts = StringLiteral().Matches(entry.Groups["value"].Value).Select(m => JsonSerializer.Deserialize<string>(m.Value)!).ToArray();
            entries[JsonSerializer.Deserialize<string>(entry.Groups["key"].Value)!] = texts;
        }
        Assert.True(entries.Count > 100, $"{file}: only {entries.Count} entries were read");
        return entries;
    }

    [GeneratedRegex(@"^\s*(?<key>""[^""]+""):\s*(?<value>.*),\s*$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"[\s\u00a0\u202f]+")]
    private static partial Regex Spaces();
}
