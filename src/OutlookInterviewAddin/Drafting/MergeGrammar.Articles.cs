using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.Drafting;

public sealed partial class MergeGrammar
{
    /// <summary>
    /// French articles and prepositions before a merged value, every word from the resources:
    /// <list type="bullet">
    /// <item><c>le</c>: the definite article by gender and first sound: "la santé publique", "le journalisme",
    /// "l'urbanisme", "l'Université de Montréal", "les ressources humaines"; nothing before a name that takes none ("Shopify").</item>
    /// <item><c>de</c>, <c>à</c>: the preposition with the article, contracted: "du ministère", "de l'Université Laval",
    /// "au ministère de la Santé", "aux Affaires mondiales", "à la Banque Nationale", "d'Hydro-Québec", "à Shopify".</item>
    /// <item><c>chez</c>: "chez Hydro-Québec", "chez Shopify" before a company; "à" with its article before an
    /// institution ("à l'Université de Montréal", "au ministère de la Santé").</item>
    /// </list>
    /// Names (an organisation, a school: <c>Grammar.NameFields</c>) take an article only when they start with a
    /// common noun of <c>Grammar.Genders</c> ("Université Laval") or with one typed ("Le Devoir"); other values
    /// (a field) always take one, masculine when the noun is not listed (as most borrowed words are).
    /// Elision before a vowel or a mute h, except the words of <c>Grammar.NoElision</c> ("le hockey", "la Haute école").
    /// </summary>
    private sealed class Articles
    {
        private readonly Dictionary<string, string> genders;
        private readonly HashSet<string> noElision;
        private readonly HashSet<string> nameFields;
        private readonly Dictionary<string, string> contractions;
        private readonly string masculine, feminine, plural;

        public Articles(DraftText text)
        {
            genders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in Optional(text, "Grammar.Genders"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2)
                    genders[parts[0]] = parts[1];
            }
            noElision = new HashSet<string>(Optional(text, "Grammar.NoElision"), StringComparer.OrdinalIgnoreCase);
            nameFields = new HashSet<string>(Optional(text, "Grammar.NameFields"), StringComparer.Ordinal);
            contractions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in Optional(text, "Grammar.Contractions"))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2)
                    contractions[parts[0]] = parts[1];
            }
            var definite = Optional(text, "Grammar.Definite");
            (masculine, feminine, plural) = definite.Count == 3 ? (definite[0], definite[1], definite[2]) : ("", "", "");
        }

        // A culture without French forms has none of these lists; its templates cannot ask for the forms either.
        private static IReadOnlyList<string> Optional(DraftText text, string key) => text.Has(key) ? text.Lines(key) : [];

        public string Apply(string value, string form, string? field)
        {
            var (article, name) = ArticleOf(value, field);
            return form switch
            {
                "le" => article is null ? name : Join(article, name),
                "de" or "à" => article is null ? Join(form, name) : Join(Contract(form, article, name), name),
                "chez" => article is null || IsTypedName(value) ? Join(form, value) : Join(Contract("à", article, name), name),
                _ => value,
            };
        }

        // "Le Devoir" keeps its article as typed; "L'Oréal" and "La Presse" are names that begin with one.
        private static bool IsTypedName(string value) => TypedArticle().Match(value) is { Success: true } m && m.Groups[1].Value.ToLowerInvariant() is "la" or "l'" or "l’";

        /// <summary>The article the value takes (null for none) and the value without a typed article.</summary>
        private (string? Article, string Name) ArticleOf(string value, string? field)
        {
            var typed = TypedArticle().Match(value);
            if (typed.Success)
            {
                var word = typed.Groups[1].Value.ToLowerInvariant().Replace('’', '\'');
                var rest = value[typed.Length..];
                // "Le Devoir" and "Les Affaires" contract ("au Devoir", "des Affaires"); "La Presse" and "L'Oréal" keep theirs ("à La Presse").
                return word == masculine || word == plural ? (word, rest) : (null, value);
            }
            var head = FirstWord().Match(value).Value;
            if (!genders.TryGetValue(head, out var gender))
            {
                if (field is not null && nameFields.Contains(field))
                    return (null, value);
                gender = "m";
            }
            var article = gender.EndsWith('p') ? plural : gender == "f" ? feminine : masculine;
            return (article, value);
        }

        // "de le" is "du", "à les" is "aux" (Grammar.Contractions); before a vowel "le" and "la" elide instead.
        private string Contract(string preposition, string article, string name) =>
            article != plural && Elides(name) ? preposition + " " + article
            : contractions.TryGetValue(preposition + " " + article, out var contracted) ? contracted
            : preposition + " " + article;

        // "la" + "Université" is "l'Université", "de" + "Hydro-Québec" is "d'Hydro-Québec".
        private string Join(string before, string name)
        {
            var lastSpace = before.LastIndexOf(' ');
            var lastWord = before[(lastSpace + 1)..];
            if (lastWord.Length >= 2 && "ae".Contains(lastWord[^1], StringComparison.Ordinal) && lastWord != plural && Elides(name))
                return before[..(lastSpace + 1)] + lastWord[..^1] + "'" + name;
            return before + " " + name;
        }

        private bool Elides(string name)
        {
            var word = FirstWord().Match(name).Value;
            if (word.Length == 0 || noElision.Contains(word))
                return false;
            var first = char.ToLowerInvariant(RemoveAccent(char.ToLowerInvariant(word[0])));
            return "aeiou".Contains(first, StringComparison.Ordinal) || first == 'h';
        }
    }

    [GeneratedRegex(@"^(les|le|la|l['’])(?:\s+|(?<=['’]))(?=\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypedArticle();
}
