using System.Text;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.Drafting;

/// <summary>
/// The one template mechanism every composer shares, so a user can reword any part of any draft.
/// <list type="bullet">
/// <item><c>{field}</c> inserts a value; <c>{field:a}</c> and <c>{field:the}</c> insert it with its article
/// (see <see cref="MergeGrammar"/>).</item>
/// <item><c>[ as {role}]</c> is an optional clause: it disappears when a value inside it is missing.</item>
/// <item>A missing value outside a clause drops its whole sentence, so a draft never shows a gap or a
/// placeholder. Sentences end at ". ", "? ", "! " in the template text (never inside a value).</item>
/// </list>
/// Templates are checked against the fields their part may use when they are saved
/// (<see cref="Parse"/> reports every problem), not when a mail is already being written.
/// </summary>
public sealed partial class MergeTemplate
{
    private readonly IReadOnlyList<IReadOnlyList<Token>> sentences;

    private MergeTemplate(string text, IReadOnlyList<IReadOnlyList<Token>> sentences, IReadOnlySet<string> fields)
    {
        Text = text;
        this.sentences = sentences;
        Fields = fields;
    }

    public string Text { get; }

    /// <summary>The fields the template refers to.</summary>
    public IReadOnlySet<string> Fields { get; }

    /// <summary>Parses a template, accepting only the given field names; problems are listed, never thrown.</summary>
    public static TemplateParseResult Parse(string text, IReadOnlySet<string> allowedFields, DraftText strings)
    {
        var problems = new List<TemplateProblem>();
        var tokens = new List<Token>();
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var literal = new StringBuilder();
        var inClause = false;
        var clauseStart = -1;

        void FlushLiteral()
        {
            if (literal.Length == 0)
                return;
            tokens.Add(new Token(TokenKind.Literal, literal.ToString(), inClause));
            literal.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '{':
                    var close = text.IndexOf('}', i + 1);
                    var nextOpen = text.IndexOf('{', i + 1);
                    if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                    {
                        problems.Add(new(i, strings.Get("Template.UnclosedField")));
                        i = close < 0 ? text.Length : close;
                        continue;
                    }
                    var (name, form) = SplitForm(text[(i + 1)..close]);
                    if (name.Length == 0)
                        problems.Add(new(i, strings.Get("Template.EmptyField")));
                    else if (form is not null && !MergeGrammar.For(strings).Forms.Contains(form))
                        problems.Add(new(i, strings.Format("Template.UnknownForm", form, name, string.Join(", ", MergeGrammar.For(strings).Forms.Order(StringComparer.Ordinal)))));
                    else if (!allowedFields.Contains(name))
                        problems.Add(new(i, strings.Format("Template.UnknownField", name, string.Join(", ", allowedFields.Order(StringComparer.Ordinal).Select(f => "{" + f + "}")))));
                    else
                    {
                        FlushLiteral();
                        tokens.Add(new Token(TokenKind.Field, name, inClause, form));
                        fields.Add(name);
                    }
                    i = close;
                    break;
                case '}':
                    problems.Add(new(i, strings.Get("Template.StrayBrace")));
                    break;
                case '[':
                    if (inClause)
                    {
                        problems.Add(new(i, strings.Get("Template.NestedClause")));
                        break;
                    }
                    FlushLiteral();
                    inClause = true;
                    clauseStart = i;
                    tokens.Add(new Token(TokenKind.ClauseStart, "", true));
                    break;
                case ']':
                    if (!inClause)
                    {
                        problems.Add(new(i, strings.Get("Template.StrayBracket")));
                        break;
                    }
                    FlushLiteral();
                    tokens.Add(new Token(TokenKind.ClauseEnd, "", true));
                    inClause = false;
                    break;
                default:
                    literal.Append(c);
                    break;
            }
        }
        if (inClause)
            problems.Add(new(clauseStart, strings.Get("Template.UnclosedClause")));
        FlushLiteral();
        if (string.IsNullOrWhiteSpace(text))
            problems.Add(new(0, strings.Get("Template.Empty")));

        return problems.Count > 0
            ? new TemplateParseResult(null, problems)
            : new TemplateParseResult(new MergeTemplate(text, SplitSentences(tokens), fields), problems);
    }

    /// <summary>
    /// Renders the template's sentences with the given values. A sentence that needs a missing value
    /// is dropped; an optional clause that needs one disappears. Values are inserted as they are:
    /// encoding happens when the composition is rendered.
    /// </summary>
    public IReadOnlyList<string> Render(IReadOnlyDictionary<string, string?> values, MergeGrammar? grammar = null)
    {
        grammar ??= MergeGrammar.English;
        var rendered = new List<string>();
        foreach (var sentence in sentences)
        {
            var text = new StringBuilder();
            var clause = new StringBuilder();
            var clauseComplete = true;
            var sentenceComplete = true;
            foreach (var token in sentence)
            {
                switch (token.Kind)
                {
                    case TokenKind.ClauseStart:
                        clause.Clear();
                        clauseComplete = true;
                        break;
                    case TokenKind.ClauseEnd:
                        if (clauseComplete)
                            text.Append(clause);
                        break;
                    case TokenKind.Literal:
                        (token.InClause ? clause : text).Append(token.Value);
                        break;
                    case TokenKind.Field:
                        var value = values.TryGetValue(token.Value, out var v) ? v?.Trim() : null;
                        if (string.IsNullOrEmpty(value))
                        {
                            if (token.InClause)
                                clauseComplete = false;
                            else
                                sentenceComplete = false;
                        }
                        else
                        {
                            var atStart = text.Length == 0 && (!token.InClause || clause.ToString().Trim().Length == 0);
                            (token.InClause ? clause : text).Append(grammar.Apply(value, token.Form, atStart, token.Value));
                        }
                        break;
                }
            }
            if (sentenceComplete)
            {
                var tidy = Tidy(text.ToString());
                if (tidy.Length > 0)
                    rendered.Add(tidy);
            }
        }
        return rendered;
    }

    // Dropping a clause can leave "work  ." or "you ,": close such gaps so nothing looks missing.
    private static string Tidy(string text) =>
        SpaceBeforePunctuation().Replace(MultipleSpaces().Replace(text.Trim(), " "), "$1");

    private static List<IReadOnlyList<Token>> SplitSentences(List<Token> tokens)
    {
        var result = new List<IReadOnlyList<Token>>();
        var current = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Literal || token.InClause)
            {
                current.Add(token);
                continue;
            }
            var pieces = SentenceBreak().Split(token.Value);
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0)
                {
                    result.Add(current);
                    current = [];
                }
                if (pieces[p].Length > 0)
                    current.Add(token with { Value = pieces[p] });
            }
        }
        result.Add(current);
        return result;
    }

    // After ". ", "? ", "! " (closing quotes included), or after a closing quote that ends a quoted
    // value when a capitalised word follows: “{advice}” Since then, …
    [GeneratedRegex(@"(?<=[.!?…][”""’»)]*)\s+|(?<=[”»])\s+(?=\p{Lu})")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultipleSpaces();

    // Ordinary spaces only: French sets a non-breaking space before the colon on purpose.
    [GeneratedRegex(@"[ \t]+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    private enum TokenKind { Literal, Field, ClauseStart, ClauseEnd }

    private sealed record Token(TokenKind Kind, string Value, bool InClause, string? Form = null);

    // "role:a" is the field "role" in the form "a"; "role" is the value as typed.
    private static (string Name, string? Form) SplitForm(string inside)
    {
        var colon = inside.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (inside.Trim(), null) : (inside[..colon].Trim(), inside[(colon + 1)..].Trim());
    }
}

/// <summary>The outcome of parsing a template: the template, or the problems that stop it being saved.</summary>
public sealed record TemplateParseResult(MergeTemplate? Template, IReadOnlyList<TemplateProblem> Problems)
{
    public bool IsValid => Template is not null;
}

/// <summary>One problem in a template, at a character position, in one plain sentence.</summary>
public sealed record TemplateProblem(int Position, string Message);
