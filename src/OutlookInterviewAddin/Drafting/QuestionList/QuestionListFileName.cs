using System.Globalization;
using System.Text;

namespace OutlookInterviewAddin.Drafting.QuestionList;

/// <summary>
/// The attachment's file name: it is saved by whoever opens the invite, on Windows, macOS, Linux or
/// a phone, so it keeps to what every one of them accepts and reads well in an attachment list.
/// </summary>
internal static class QuestionListFileName
{
    /// <summary>Characters before the extension; long names are cut at a word where one is near.</summary>
    public const int MaxLength = 80;

    public const string Extension = ".docx";

    // Invalid on Windows (the strictest); ':' also on macOS, '/' everywhere.
    private static readonly HashSet<char> Invalid = [.. Path.GetInvalidFileNameChars(), '\\', '/', ':', '*', '?', '"', '<', '>', '|'];

    private static readonly HashSet<string> ReservedOnWindows = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Text as part of a file name: invalid, control and invisible characters become spaces, spaces
    /// collapse, no dot or space at either end, at most <see cref="MaxLength"/> characters. Empty when
    /// no letter or digit is left.
    /// </summary>
    public static string Clean(string? text)
    {
        var output = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            var blank = Invalid.Contains(c) || char.IsControl(c) || char.IsWhiteSpace(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (!blank)
                output.Append(c);
            else if (output.Length > 0 && output[^1] != ' ')
                output.Append(' ');
        }
        var cleaned = Trim(output.ToString());
        if (cleaned.Length > MaxLength)
        {
            var cut = char.IsHighSurrogate(cleaned[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            var space = cleaned.LastIndexOf(' ', cut);
            cleaned = Trim(cleaned[..(space > MaxLength / 2 ? space : cut)]);
        }
        return cleaned.Any(char.IsLetterOrDigit) ? cleaned : "";
    }

    /// <summary>The file name for <paramref name="name"/> with the extension; <paramref name="fallback"/> when nothing of it can be used.</summary>
    public static string For(string name, string fallback)
    {
        var cleaned = Clean(name);
        if (cleaned.Length == 0 || IsReserved(cleaned))
            cleaned = Clean(fallback) is { Length: > 0 } f && !IsReserved(f) ? f : "Questions";
        return cleaned + Extension;
    }

    // Windows refuses "CON", "nul.txt", "COM1.docx": the part before the first dot counts.
    private static bool IsReserved(string name) => ReservedOnWindows.Contains(name.Split('.')[0].TrimEnd());

    private static string Trim(string text) => text.Trim(' ', '.');
}
