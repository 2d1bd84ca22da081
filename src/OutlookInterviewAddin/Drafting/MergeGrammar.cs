using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.Drafting;

/// <summary>
/// The grammar of merged values, in one place: a template asks for a value in a form
/// (<c>{role:a}</c>, <c>{organisation:the}</c>) and this class writes it so it reads as a person
/// would have typed it there. Its word lists come from the resources (<c>Grammar.*</c>), so a
/// second language brings its own lists and forms.
/// <list type="bullet">
/// <item><c>a</c>: the indefinite article by sound: "an MBA student", "a UX researcher", "an urban planner", "a university".</item>
/// <item><c>the</c>: "the" before names that take it ("the University of Waterloo", "the Vector Institute"),
/// nothing before those that do not ("UBC", "Shopify", "McGill University").</item>
/// <item>Any value not at the start of its sentence loses a leading capital "The" ("at the Globe and Mail").</item>
/// </list>
/// French has its own forms (<c>le</c>, <c>de</c>, <c>à</c>, <c>chez</c>): see the other part of this class.
/// </summary>
public sealed partial class MergeGrammar
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MergeGrammar> ByCulture = new(StringComparer.Ordinal);

    /// <summary>The forms a template may ask for after a colon in this language (<c>Grammar.Forms</c>).</summary>
    public IReadOnlySet<string> Forms { get; }

    /// <summary>The grammar of a culture, built once: templates are parsed on every draft.</summary>
    public static MergeGrammar For(DraftText text) => ByCulture.GetOrAdd(text.Culture.Name, _ => new MergeGrammar(text));

    private readonly DraftText text;
    private readonly string[] anBeforeConsonantLetter;
    private readonly string[] aBeforeVowelLetter;
    private readonly Regex takesTheBefore;
    private readonly Regex takesTheAfter;
    private readonly Articles articles;

    public MergeGrammar(DraftText text)
    {
        this.text = text;
        Forms = new HashSet<string>(text.Lines("Grammar.Forms"), StringComparer.Ordinal);
        articles = new Articles(text);
        anBeforeConsonantLetter = [.. text.Lines("Grammar.AnBeforeConsonantLetter")];
        aBeforeVowelLetter = [.. text.Lines("Grammar.ABeforeVowelLetter")];
        var nouns = string.Join('|', text.Lines("Grammar.InstitutionNouns").Select(Regex.Escape));
        var endings = string.Join('|', text.Lines("Grammar.InstitutionEndings").Select(Regex.Escape));
        // "University of Waterloo", "Ontario Ministry of Health", "Hospital for Sick Children", "Université de Montréal".
        takesTheBefore = new Regex($@"^(?:[\p{{L}}'’.&-]+\s+){{0,3}}(?:{nouns})\s+(?:(?:of|for|on|de|du|des)\s|d['’])", RegexOptions.CultureInvariant);
        // "Vector Institute", "Gates Foundation": more than one word, ending in an institution noun.
        takesTheAfter = new Regex($@"^[\p{{L}}'’.&-]+(?:\s+[\p{{L}}'’.&-]+)*\s+(?:{endings})$", RegexOptions.CultureInvariant);
    }

    public static MergeGrammar English { get; } = For(DraftText.English);

    /// <summary>The value as it reads in a sentence, in the form asked for (null for as typed).</summary>
    /// <param name="field">The merge field the value fills: names (an organisation, a school) and common nouns (a field) take articles differently in French.</param>
    public string Apply(string value, string? form, bool atSentenceStart, string? field = null)
    {
        var written = atSentenceStart ? value : LowerLeadingThe(value);
        var result = form switch
        {
            "a" => IndefiniteArticle(written) + " " + written,
            "the" => TakesThe(written) ? text.Get("Grammar.The") + " " + written : written,
            null => written,
            _ => articles.Apply(written, form, field),
        };
        return atSentenceStart ? char.ToUpperInvariant(result[0]) + result[1..] : result;
    }

    /// <summary>"a" or "an", by how the first word sounds.</summary>
    public string IndefiniteArticle(string value)
    {
        var word = FirstWord().Match(value).Value;
        if (word.Length == 0)
            return text.Get("Grammar.A");
        var an = IsSpelledOut(word)
            ? "AEFHILMNORSX".Contains(char.ToUpperInvariant(word[0]), StringComparison.Ordinal)
            : StartsWithVowelSound(word);
        return text.Get(an ? "Grammar.An" : "Grammar.A");
    }

    /// <summary>Whether an organisation or school name is preceded by "the" in a sentence.</summary>
    public bool TakesThe(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith(text.Get("Grammar.The") + " ", StringComparison.OrdinalIgnoreCase))
            return false; // it already has one
        return takesTheBefore.IsMatch(trimmed) || takesTheAfter.IsMatch(trimmed);
    }

    // Abbreviations said letter by letter: "MBA", "UX", "HR", "SQL" (but "NASA", "UNICEF" are said as words).
    private static bool IsSpelledOut(string word)
    {
        if (word.Length < 2 || !word.All(c => char.IsUpper(c) || char.IsDigit(c)))
            return false;
        if (word.Length <= 3)
            return true;
        var vowels = word.Count(c => "AEIOU".Contains(c, StringComparison.Ordinal));
        return vowels == 0 || vowels * 3 < word.Length;
    }

    private bool StartsWithVowelSound(string word)
    {
        var lower = word.ToLowerInvariant();
        if ("aeiou".Contains(RemoveAccent(lower[0]), StringComparison.Ordinal))
            return !aBeforeVowelLetter.Any(prefix => lower.StartsWith(prefix, StringComparison.Ordinal));
        return anBeforeConsonantLetter.Any(prefix => lower.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static char RemoveAccent(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ä' or 'å' => 'a',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ò' or 'ó' or 'ô' or 'ö' or 'ø' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        _ => c,
    };

    private string LowerLeadingThe(string value)
    {
        var the = text.Get("Grammar.The");
        return value.Length > the.Length && value.StartsWith(char.ToUpperInvariant(the[0]) + the[1..] + " ", StringComparison.Ordinal)
            ? the + value[the.Length..]
            : value;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex FirstWord();
}
