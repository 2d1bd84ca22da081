using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.NextActions;

/// <summary>How a client shows an instant in a reason: as a day, or as a day and a time.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ReasonTimeShown>))]
public enum ReasonTimeShown
{
    Date = 0,
    DateTime = 1,
}

/// <summary>
/// One piece of a reason: words (<paramref name="Text"/>), or an instant (<paramref name="At"/>)
/// that the client formats on its own clock, so the same meeting reads the same everywhere it is shown.
/// </summary>
public sealed record ReasonPart(string? Text = null, DateTimeOffset? At = null, ReasonTimeShown? Show = null);

/// <summary>An instant in a reason sentence, written on <paramref name="Zone"/>'s clock in the plain text, in the request's language.</summary>
public readonly record struct ReasonTime(DateTimeOffset At, TimeZoneInfo Zone, bool DateOnly) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    // "Tuesday 8 December at 15:30", "mardi 8 décembre à 15 h 30": the patterns are the language's
    // resources, the day and month names its culture's, whatever the server's culture.
    public override string ToString()
    {
        var local = TimeZoneInfo.ConvertTime(At, Zone);
        var culture = CultureInfo.CurrentUICulture;
        var day = local.ToString(ApiText.Get(local.Day == 1 ? "Format.Date.FirstOfMonth" : "Format.Date"), culture);
        if (DateOnly) return day;
        var time = local.ToString(ApiText.Get(local.Minute == 0 ? "Format.Time.WholeHour" : "Format.Time"), culture);
        return ApiText.Format("Format.DateAtTime", day, time);
    }
}

/// <summary>A reason as plain text (times on the user's clock) and as parts whose instants a client formats itself.</summary>
public sealed record ReasonText(string Text, IReadOnlyList<ReasonPart> Parts)
{
    private static readonly Regex Hole = new(@"\{\{|\}\}|\{(\d+)(?:[,:][^}]*)?\}", RegexOptions.CultureInvariant);

    /// <summary>The sentence of <paramref name="key"/> (<see cref="ApiText"/>) in the request's language, its <see cref="ReasonTime"/> arguments kept as instants.</summary>
    public static ReasonText Of(string key, params object?[] args) => Of(Sentence(key, args));

    /// <summary>The sentence of <paramref name="key"/> with its arguments, not yet written out.</summary>
    public static FormattableString Sentence(string key, params object?[] args) => FormattableStringFactory.Create(ApiText.Get(key), args);

    /// <summary>The sentence with its <see cref="ReasonTime"/> arguments kept as instants in <see cref="Parts"/>.</summary>
    public static ReasonText Of(FormattableString sentence)
    {
        var parts = new List<ReasonPart>();
        var text = new StringBuilder();
        var at = 0;
        var format = sentence.Format;
        void Words(string words)
        {
            if (words.Length == 0) return;
            text.Append(words);
            if (parts.Count > 0 && parts[^1].Text is { } before) parts[^1] = new ReasonPart(before + words);
            else parts.Add(new ReasonPart(words));
        }
        foreach (Match hole in Hole.Matches(format))
        {
            Words(format[at..hole.Index]);
            at = hole.Index + hole.Length;
            if (hole.Value is "{{" or "}}") { Words(hole.Value[..1]); continue; }
            var argument = sentence.GetArgument(int.Parse(hole.Groups[1].Value, CultureInfo.InvariantCulture));
            if (argument is ReasonTime time)
            {
                text.Append(time.ToString());
                parts.Add(new ReasonPart(At: time.At.ToUniversalTime(), Show: time.DateOnly ? ReasonTimeShown.Date : ReasonTimeShown.DateTime));
            }
            else Words(Convert.ToString(argument, CultureInfo.CurrentUICulture) ?? "");
        }
        Words(format[at..]);
        return new ReasonText(text.ToString(), parts);
    }
}
