using System.Text;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.QuestionLists.Kits;

/// <summary>What is known about the person a question list is for; blank means unknown.</summary>
public sealed record PlaceholderValues(
    string? Name = null,
    string? Organisation = null,
    string? Role = null,
    string? Field = null,
    string? City = null,
    string? ReferredBy = null);

/// <summary>
/// A placeholder a question may hold. When the person's value is missing, the question reads
/// <see cref="Fallback"/> instead, or is left out when there is no sensible wording without it.
/// </summary>
/// <param name="Fallback">Wording used without a value; null drops the question (or the opening/closing text).</param>
/// <param name="PhraseFallbacks">
/// Better wordings for a placeholder after a given word: "in {city}" reads "where you are", not "in your city".
/// </param>
public sealed record Placeholder(
    string Name,
    string Description,
    string? Fallback,
    IReadOnlyDictionary<string, string> PhraseFallbacks,
    Func<PlaceholderValues, string?> Value);

/// <summary>A question list filled for one person: plain text, no placeholder left.</summary>
/// <param name="Opening">Null when the opening needed a value the person does not have.</param>
public sealed record FilledQuestionList(string? Opening, IReadOnlyList<QuestionPart> Parts, string? Closing);

/// <summary>
/// Fills <c>{placeholder}</c> and <c>{placeholder|fallback}</c> in question texts. A placeholder
/// without a value is never shown raw: the inline fallback is used if the text gives one, else the
/// placeholder's own fallback wording, else the question is dropped. The output is plain text;
/// whoever puts it into HTML encodes it.
/// </summary>
public static class PlaceholderFiller
{
    private static readonly Dictionary<string, string> NoPhrases = [];

    /// <summary>Every placeholder a saved list may use, in the order the pane lists them.</summary>
    public static IReadOnlyList<Placeholder> Known { get; } =
    [
        new("name", "the person's name", null, NoPhrases, v => v.Name),
        new("organisation", "where they work", "your organisation", NoPhrases, v => v.Organisation),
        new("role", "their job title", "your role", NoPhrases, v => v.Role),
        new("field", "their field of work", "your field", NoPhrases, v => v.Field),
        new("city", "the city they work in", "your city",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["in"] = "where you are" }, v => v.City),
        new("referrer", "who suggested you contact them", null, NoPhrases, v => v.ReferredBy),
    ];

    // Both spellings are common among users; one placeholder behind them.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["organization"] = "organisation",
    };

    /// <summary>The placeholder with this name or alias (case-insensitive), or null.</summary>
    public static Placeholder? Find(string name)
    {
        var trimmed = name.Trim();
        if (Aliases.TryGetValue(trimmed, out var canonical)) trimmed = canonical;
        return Known.FirstOrDefault(p => string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The text with every placeholder filled, or null when the text should be left out (a
    /// placeholder with no value and no fallback, or one the filler does not know). Stray braces are
    /// removed; values are inserted as they are and never expanded again.
    /// </summary>
    public static string? Fill(string text, PlaceholderValues values)
    {
        var output = new StringBuilder(text.Length);
        foreach (var token in Tokenize(text))
        {
            switch (token)
            {
                case LiteralToken literal:
                    output.Append(literal.Text);
                    break;
                case StrayBraceToken:
                    break;
                case PlaceholderToken p:
                    var known = Find(p.Name);
                    if (known is null) return null;
                    var value = known.Value(values);
                    if (!string.IsNullOrWhiteSpace(value)) output.Append(value.Trim());
                    else if (p.InlineFallback is not null) output.Append(p.InlineFallback.Trim());
                    else if (TryPhraseFallback(output, known)) { }
                    else if (known.Fallback is not null) output.Append(known.Fallback);
                    else return null;
                    break;
            }
        }
        return Tidy(output.ToString());
    }

    /// <summary>A kit (or any list in its shape) filled for one person; parts left empty are omitted.</summary>
    public static FilledQuestionList Fill(QuestionKit kit, PlaceholderValues values)
    {
        var parts = kit.Parts
            .Select(part => new QuestionPart(
                Fill(part.Title, values) ?? part.Title.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal),
                part.Questions.Select(q => Fill(q, values)).OfType<string>().ToList()))
            .Where(part => part.Questions.Count > 0)
            .ToList();
        return new FilledQuestionList(Fill(kit.Opening, values), parts, Fill(kit.Closing, values));
    }

    /// <summary>
    /// Problems that stop a text from being saved: unknown placeholders, empty or unclosed braces,
    /// braces inside a fallback. Empty when the text is fine.
    /// </summary>
    public static IReadOnlyList<string> Validate(string text)
    {
        var problems = new List<string>();
        foreach (var token in Tokenize(text))
        {
            switch (token)
            {
                case StrayBraceToken stray:
                    problems.Add(stray.Brace == '{'
                        ? ApiText.Format("Placeholder.Unclosed", stray.Position + 1)
                        : ApiText.Format("Placeholder.Unopened", stray.Position + 1));
                    break;
                case PlaceholderToken { Name.Length: 0 } p:
                    problems.Add(ApiText.Format("Placeholder.Empty", p.Position + 1, KnownNames));
                    break;
                case PlaceholderToken p when Find(p.Name) is null:
                    problems.Add(ApiText.Format("Placeholder.Unknown", "{" + p.Name + "}", KnownNames));
                    break;
            }
        }
        return problems;
    }

    /// <summary>
    /// Validates several texts at once, keyed by field name ("parts[0].questions[2]"), in the shape
    /// <c>TypedResults.ValidationProblem</c> takes. Empty when every text is fine.
    /// </summary>
    public static Dictionary<string, string[]> Validate(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, text) in fields)
        {
            var problems = Validate(text);
            if (problems.Count > 0) errors[field] = [.. problems];
        }
        return errors;
    }

    private static string KnownNames => string.Join(", ", Known.Select(p => $"{{{p.Name}}}"));

    // "in {city}" reads "where you are": the preposition is replaced together with the placeholder.
    private static bool TryPhraseFallback(StringBuilder output, Placeholder placeholder)
    {
        foreach (var (word, phrase) in placeholder.PhraseFallbacks)
        {
            var suffix = word + " ";
            var start = output.Length - suffix.Length;
            if (start < 0) continue;
            var tail = output.ToString(start, suffix.Length);
            var atWordStart = start == 0 || char.IsWhiteSpace(output[start - 1]);
            if (!atWordStart || !string.Equals(tail, suffix, StringComparison.OrdinalIgnoreCase)) continue;
            output.Remove(start, suffix.Length).Append(phrase);
            return true;
        }
        return false;
    }

    // Empty fallbacks can leave "Thank you , for" or double spaces behind.
    private static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            if (c is ',' or '.' or '?' or '!' or ';' or ':' && sb.Length > 0 && sb[^1] == ' ') sb.Length--;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    private abstract record Token(int Position);
    private sealed record LiteralToken(int Position, string Text) : Token(Position);
    private sealed record StrayBraceToken(int Position, char Brace) : Token(Position);
    private sealed record PlaceholderToken(int Position, string Name, string? InlineFallback) : Token(Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is not ('{' or '}')) { i++; continue; }
            if (i > literalStart) tokens.Add(new LiteralToken(literalStart, text[literalStart..i]));
            if (c == '}')
            {
                tokens.Add(new StrayBraceToken(i, '}'));
                literalStart = ++i;
                continue;
            }
            var close = text.IndexOfAny(['{', '}'], i + 1);
            if (close < 0 || text[close] == '{')
            {
                // An unclosed '{': the brace alone is stray, the text after it stays literal.
                tokens.Add(new StrayBraceToken(i, '{'));
                literalStart = ++i;
                continue;
            }
            var inside = text[(i + 1)..close];
            var bar = inside.IndexOf('|', StringComparison.Ordinal);
            tokens.Add(bar < 0
                ? new PlaceholderToken(i, inside.Trim(), null)
                : new PlaceholderToken(i, inside[..bar].Trim(), inside[(bar + 1)..]));
            literalStart = i = close + 1;
        }
        if (literalStart < text.Length) tokens.Add(new LiteralToken(literalStart, text[literalStart..]));
        return tokens;
    }
}
