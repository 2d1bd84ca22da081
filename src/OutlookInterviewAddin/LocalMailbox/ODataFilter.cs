using System.Globalization;
using System.Text;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>What a $filter may look at on one item: its dates, its sender and its extended properties.</summary>
public interface IFilterable
{
    /// <summary>The value of a date property the filter names (receivedDateTime, …); null when the item has none.</summary>
    DateTimeOffset? Date(string property);

    string? FromAddress { get; }

    IEnumerable<MailboxExtendedProperty> ExtendedProperties { get; }
}

/// <summary>
/// The $filter forms the local mailbox understands, joined with "and" (parentheses allowed):
/// <list type="bullet">
/// <item><c>singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')</c> (any/Any, any variable name);</item>
/// <item><c>receivedDateTime ge 2000-01-01T00:00:00Z</c> (also sentDateTime, createdDateTime, lastModifiedDateTime; eq ne gt ge lt le);</item>
/// <item><c>from/emailAddress/address eq 'x@y.z'</c>, compared case-insensitively as Exchange does.</item>
/// </list>
/// Anything else is refused with Graph's ErrorInvalidUrlQueryFilter, so a query that would need more
/// than this never silently matches the wrong items.
/// </summary>
public sealed class ODataFilter
{
    public const string ExtendedPropertiesProperty = "singleValueExtendedProperties";
    public const string FromAddressProperty = "from/emailAddress/address";

    private static readonly string[] DateProperties = ["receivedDateTime", "sentDateTime", "createdDateTime", "lastModifiedDateTime"];

    private readonly List<Func<IFilterable, bool>> conditions;

    private ODataFilter(List<Func<IFilterable, bool>> conditions, List<string> properties)
    {
        this.conditions = conditions;
        Properties = properties;
    }

    /// <summary>The properties the filter names, in order, each once: Graph sorts only by a prefix of them.</summary>
    public IReadOnlyList<string> Properties { get; }

    public bool Matches(IFilterable item) => conditions.All(c => c(item));

    /// <param name="messageProperties">Whether dates and the sender may be filtered on (messages), or only extended properties (events).</param>
    public static ODataFilter Parse(string filter, bool messageProperties)
    {
        var parser = new Parser(Tokenize(filter), messageProperties);
        var conditions = new List<Func<IFilterable, bool>>();
        var properties = new List<string>();
        parser.ParseAnd(conditions, properties);
        parser.ExpectEnd();
        return new ODataFilter(conditions, properties.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The id filter of <c>$expand=singleValueExtendedProperties($filter=id eq '…')</c>: the ids it asks for.</summary>
    public static IReadOnlyList<string> ParseIdFilter(string filter)
    {
        var tokens = Tokenize(filter);
        var ids = new List<string>();
        var i = 0;
        while (true)
        {
            if (i + 2 >= tokens.Count || !tokens[i].IsWord("id") || !tokens[i + 1].IsWord("eq") || tokens[i + 2].Kind != TokenKind.String)
                throw GraphErrors.InvalidFilter("An expanded extended property is chosen with id eq '…' (several joined with or).");
            ids.Add(tokens[i + 2].Text);
            i += 3;
            if (i == tokens.Count) return ids;
            if (!tokens[i].IsWord("or")) throw GraphErrors.InvalidFilter($"Unexpected '{tokens[i].Text}' at position {tokens[i].Position}.");
            i++;
        }
    }

    /// <summary>Extended property ids compare without regard to case, and to spacing around their parts.</summary>
    public static bool SamePropertyId(string a, string b) =>
        string.Equals(NormalisePropertyId(a), NormalisePropertyId(b), StringComparison.OrdinalIgnoreCase);

    public static string NormalisePropertyId(string id) =>
        string.Join(' ', id.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private enum TokenKind { Word, String, Literal, Open, Close, Colon }

    private sealed record Token(TokenKind Kind, string Text, int Position)
    {
        public bool IsWord(string word) => Kind == TokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(' || c == ')' || c == ':')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : c == ')' ? TokenKind.Close : TokenKind.Colon, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                var start = i++;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length) throw GraphErrors.InvalidFilter($"The text that starts at position {start} has no closing quote.");
                    if (text[i] == '\'')
                    {
                        // '' is an apostrophe inside the literal.
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.Append(text[i++]);
                }
                tokens.Add(new Token(TokenKind.String, value.ToString(), start));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is ':' or '-' or '+' or '.')) i++;
                tokens.Add(new Token(TokenKind.Literal, text[start..i], start));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '/' or '_' or '.')) i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else
            {
                throw GraphErrors.InvalidFilter($"Unexpected '{c}' at position {i}.");
            }
        }
        return tokens;
    }

    private sealed class Parser(List<Token> tokens, bool messageProperties)
    {
        private int next;

        private Token? Peek => next < tokens.Count ? tokens[next] : null;

        private Token Take(string expected) =>
            next < tokens.Count ? tokens[next++] : throw GraphErrors.InvalidFilter($"The filter ends where {expected} was expected.");

        public void ExpectEnd()
        {
            if (Peek is { } extra)
                throw GraphErrors.InvalidFilter(extra.IsWord("or") || extra.IsWord("not")
                    ? $"'{extra.Text}' (position {extra.Position}) is not supported by the local mailbox: join conditions with 'and'."
                    : $"Unexpected '{extra.Text}' at position {extra.Position}.");
        }

        public void ParseAnd(List<Func<IFilterable, bool>> conditions, List<string> properties)
        {
            ParseTerm(conditions, properties);
            while (Peek is { } token && token.IsWord("and"))
            {
                next++;
                ParseTerm(conditions, properties);
            }
        }

        private void ParseTerm(List<Func<IFilterable, bool>> conditions, List<string> properties)
        {
            var token = Take("a condition");
            if (token.Kind == TokenKind.Open)
            {
                ParseAnd(conditions, properties);
                if (Take("')'").Kind != TokenKind.Close) throw GraphErrors.InvalidFilter($"A ')' is missing before position {tokens[next - 1].Position}.");
                return;
            }
            if (token.Kind != TokenKind.Word) throw GraphErrors.InvalidFilter($"Unexpected '{token.Text}' at position {token.Position}.");

            if (token.Text.Equals($"{ExtendedPropertiesProperty}/any", StringComparison.OrdinalIgnoreCase))
            {
                conditions.Add(ParseAny());
                properties.Add(ExtendedPropertiesProperty);
                return;
            }
            if (messageProperties && DateProperties.FirstOrDefault(p => p.Equals(token.Text, StringComparison.OrdinalIgnoreCase)) is { } dateProperty)
            {
                var op = Operator(Take("an operator such as ge"));
                var literal = Take("a date such as 2000-01-01T00:00:00Z");
                if (literal.Kind != TokenKind.Literal
                    || !DateTimeOffset.TryParse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                    throw GraphErrors.InvalidFilter($"'{literal.Text}' (position {literal.Position}) is not a date such as 2000-01-01T00:00:00Z.");
                conditions.Add(item => item.Date(dateProperty) is { } date && Compare(date.CompareTo(value), op));
                properties.Add(dateProperty);
                return;
            }
            if (messageProperties && token.Text.Equals(FromAddressProperty, StringComparison.OrdinalIgnoreCase))
            {
                var op = Take("eq");
                if (!op.IsWord("eq")) throw GraphErrors.InvalidFilter($"The sender's address is compared with eq only (position {op.Position}).");
                var value = Take("a quoted address");
                if (value.Kind != TokenKind.String) throw GraphErrors.InvalidFilter($"The address at position {value.Position} must be quoted: '…'.");
                conditions.Add(item => string.Equals(item.FromAddress, value.Text, StringComparison.OrdinalIgnoreCase));
                properties.Add(FromAddressProperty);
                return;
            }
            throw GraphErrors.InvalidFilter(messageProperties
                ? $"'{token.Text}' (position {token.Position}) cannot be filtered on here: use singleValueExtendedProperties/Any(…), a date such as receivedDateTime, or from/emailAddress/address."
                : $"'{token.Text}' (position {token.Position}) cannot be filtered on here: use singleValueExtendedProperties/Any(…).");
        }

        // singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')
        private Func<IFilterable, bool> ParseAny()
        {
            if (Take("'('").Kind != TokenKind.Open) throw GraphErrors.InvalidFilter("Any must be followed by '('.");
            var variable = Take("a variable name");
            if (variable.Kind != TokenKind.Word || variable.Text.Contains('/', StringComparison.Ordinal))
                throw GraphErrors.InvalidFilter($"Any(…) starts with a variable name such as ep (position {variable.Position}).");
            if (Take("':'").Kind != TokenKind.Colon) throw GraphErrors.InvalidFilter($"A ':' is expected after '{variable.Text}'.");

            string? id = null;
            string? value = null;
            while (true)
            {
                var member = Take($"{variable.Text}/id or {variable.Text}/value");
                var eq = Take("eq");
                var literal = Take("a quoted value");
                var name = member.Kind == TokenKind.Word && member.Text.StartsWith(variable.Text + "/", StringComparison.Ordinal)
                    ? member.Text[(variable.Text.Length + 1)..]
                    : null;
                if (name is null || !eq.IsWord("eq") || literal.Kind != TokenKind.String)
                    throw GraphErrors.InvalidFilter($"Inside Any(…) the local mailbox understands {variable.Text}/id eq '…' and {variable.Text}/value eq '…' (position {member.Position}).");
                if (name.Equals("id", StringComparison.OrdinalIgnoreCase) && id is null) id = literal.Text;
                else if (name.Equals("value", StringComparison.OrdinalIgnoreCase) && value is null) value = literal.Text;
                else throw GraphErrors.InvalidFilter($"'{member.Text}' (position {member.Position}) is not {variable.Text}/id or {variable.Text}/value, or is named twice.");

                var after = Take("')'");
                if (after.Kind == TokenKind.Close) break;
                if (!after.IsWord("and")) throw GraphErrors.InvalidFilter($"Unexpected '{after.Text}' at position {after.Position}.");
            }
            if (id is null) throw GraphErrors.InvalidFilter("An extended property filter must name the property: ep/id eq '…'.");
            return item => item.ExtendedProperties.Any(p => SamePropertyId(p.Id, id)
                && (value is null || string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase)));
        }

        private static string Operator(Token token) =>
            token.Kind == TokenKind.Word && token.Text.ToLowerInvariant() is "eq" or "ne" or "gt" or "ge" or "lt" or "le"
                ? token.Text.ToLowerInvariant()
                : throw GraphErrors.InvalidFilter($"'{token.Text}' (position {token.Position}) is not a comparison (eq, ne, gt, ge, lt, le).");

        private static bool Compare(int order, string op) => op switch
        {
            "eq" => order == 0,
            "ne" => order != 0,
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order < 0,
            _ => order <= 0,
        };
    }
}
