using System.Globalization;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>The Graph resource types the local mailbox serves, with the properties Graph defines on them.</summary>
public sealed record GraphType(string Name, IReadOnlySet<string> Properties, IReadOnlySet<string> Expandable, IReadOnlyDictionary<string, string> Sortable)
{
    public static GraphType Message { get; } = new("message",
        Set("bccRecipients", "body", "bodyPreview", "categories", "ccRecipients", "changeKey", "conversationId", "conversationIndex",
            "createdDateTime", "flag", "from", "hasAttachments", "id", "importance", "inferenceClassification", "internetMessageHeaders",
            "internetMessageId", "isDeliveryReceiptRequested", "isDraft", "isRead", "isReadReceiptRequested", "lastModifiedDateTime",
            "parentFolderId", "receivedDateTime", "replyTo", "sender", "sentDateTime", "subject", "toRecipients", "uniqueBody", "webLink"),
        Set("attachments", "singleValueExtendedProperties"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["receivedDateTime"] = "receivedDateTime",
            ["sentDateTime"] = "sentDateTime",
            ["createdDateTime"] = "createdDateTime",
            ["lastModifiedDateTime"] = "lastModifiedDateTime",
            ["subject"] = "subject",
        });

    public static GraphType Event { get; } = new("event",
        Set("allowNewTimeProposals", "attendees", "body", "bodyPreview", "categories", "changeKey", "createdDateTime", "end",
            "hasAttachments", "hideAttendees", "iCalUId", "id", "importance", "isAllDay", "isCancelled", "isDraft", "isOnlineMeeting",
            "isOrganizer", "isReminderOn", "lastModifiedDateTime", "location", "locations", "onlineMeeting", "onlineMeetingProvider",
            "onlineMeetingUrl", "organizer", "originalEndTimeZone", "originalStart", "originalStartTimeZone", "recurrence",
            "reminderMinutesBeforeStart", "responseRequested", "responseStatus", "sensitivity", "seriesMasterId", "showAs", "start",
            "subject", "transactionId", "type", "webLink"),
        Set("attachments", "singleValueExtendedProperties"),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["start/dateTime"] = "start/dateTime",
            ["end/dateTime"] = "end/dateTime",
            ["createdDateTime"] = "createdDateTime",
            ["lastModifiedDateTime"] = "lastModifiedDateTime",
            ["subject"] = "subject",
        });

    public static GraphType Attachment { get; } = new("attachment",
        Set("contentType", "id", "isInline", "lastModifiedDateTime", "name", "size", "contentBytes", "contentId", "contentLocation"),
        Set(), new Dictionary<string, string>());

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One $expand item with its nested options: attachments($select=id,name), singleValueExtendedProperties($filter=id eq '…').</summary>
public sealed record GraphExpand(string Property, IReadOnlySet<string>? Select, IReadOnlyList<string>? PropertyIds);

/// <summary>
/// The OData query options of one request, read from the URL (or from a $batch step's URL) and
/// checked the way Graph checks them: unknown properties, malformed numbers, a sort the filter
/// does not support.
/// </summary>
public sealed class GraphQuery
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 1000;

    private GraphQuery(IReadOnlyDictionary<string, string> raw) => Raw = raw;

    /// <summary>Every query parameter, decoded, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Raw { get; }

    public ODataFilter? Filter { get; private init; }

    public int Top { get; private init; } = DefaultPageSize;

    public int Skip { get; private init; }

    public IReadOnlyList<(string Property, bool Descending)> OrderBy { get; private init; } = [];

    /// <summary>The properties to answer with; null for all of them.</summary>
    public IReadOnlySet<string>? Select { get; private init; }

    public IReadOnlyList<GraphExpand> Expand { get; private init; } = [];

    public GraphExpand? Expanded(string property) =>
        Expand.FirstOrDefault(e => e.Property.Equals(property, StringComparison.OrdinalIgnoreCase));

    public string? this[string name] => Raw.TryGetValue(name, out var value) ? value : null;

    /// <summary>An empty query, for answers that take no options (a create, an update).</summary>
    public static GraphQuery None { get; } = new(new Dictionary<string, string>());

    public static GraphQuery From(IQueryCollection query) =>
        Parse(query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())));

    /// <summary>A query string as a $batch step's URL carries it ("$filter=…&amp;$top=1"), without the '?'.</summary>
    public static GraphQuery FromQueryString(string queryString) =>
        Parse(queryString.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            return new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }));

    private static GraphQuery Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var raw = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in pairs)
        {
            // Graph accepts the options with or without their '$' (the SDK sends them with it).
            var key = name.StartsWith('$') ? name : IsOption("$" + name) ? "$" + name : name;
            if (raw.ContainsKey(key)) throw GraphErrors.InvalidQuery($"The query specified in the URI is not valid. Query option '{key}' was specified more than once, but it must be specified at most once.");
            raw[key] = value;
        }
        foreach (var key in raw.Keys.Where(k => k.StartsWith('$') && !IsOption(k)))
        {
            throw key.ToLowerInvariant() is "$search" or "$count" or "$skiptoken" or "$deltatoken" or "$format" or "$levels" or "$apply" or "$compute"
                ? GraphErrors.NotImplemented($"The query option '{key}' is not supported by the local mailbox.")
                : GraphErrors.InvalidQuery($"The query specified in the URI is not valid. The query parameter '{key}' is not supported.");
        }
        return new GraphQuery(raw);
    }

    private static bool IsOption(string name) =>
        name.ToLowerInvariant() is "$filter" or "$top" or "$skip" or "$orderby" or "$select" or "$expand";

    /// <summary>The options checked against <paramref name="type"/>; <paramref name="collection"/> says whether $filter, $top and friends apply.</summary>
    public GraphQuery For(GraphType type, bool collection)
    {
        if (!collection)
        {
            foreach (var option in new[] { "$filter", "$top", "$skip", "$orderby" })
                if (Raw.ContainsKey(option))
                    throw GraphErrors.InvalidQuery($"The query specified in the URI is not valid. Query option '{option[1..]}' is not allowed on a single item.");
        }
        var filter = this["$filter"] is { Length: > 0 } f ? ODataFilter.Parse(f, messageProperties: ReferenceEquals(type, GraphType.Message)) : null;
        var orderBy = ParseOrderBy(this["$orderby"], type);
        if (filter is not null && orderBy.Count > 0)
        {
            // Exchange sorts a filtered query only by properties the filter names first, in the same order.
            var filtered = filter.Properties;
            for (var i = 0; i < orderBy.Count; i++)
            {
                if (i >= filtered.Count || !filtered[i].Equals(orderBy[i].Property, StringComparison.OrdinalIgnoreCase))
                    throw new GraphException(StatusCodes.Status400BadRequest, "InefficientFilter", "The restriction or sort order is too complex for this operation.");
            }
        }
        return new GraphQuery(Raw)
        {
            Filter = filter,
            Top = Number("$top", DefaultPageSize, MaxPageSize),
            Skip = Number("$skip", 0, int.MaxValue),
            OrderBy = orderBy,
            Select = ParseSelect(this["$select"], type),
            Expand = ParseExpand(this["$expand"], type),
        };
    }

    private int Number(string option, int fallback, int max)
    {
        if (this[option] is not { } text) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw GraphErrors.InvalidQuery($"Invalid {option} value '{text}': it must be a whole number.");
        if (value > max) throw GraphErrors.InvalidQuery($"Invalid {option} value '{text}': it must be at most {max}.");
        return value;
    }

    private static List<(string Property, bool Descending)> ParseOrderBy(string? text, GraphType type)
    {
        var order = new List<(string Property, bool Descending)>();
        if (string.IsNullOrWhiteSpace(text)) return order;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 2 || (words.Length == 2 && words[1].ToLowerInvariant() is not ("asc" or "desc")))
                throw GraphErrors.InvalidQuery($"The $orderby item '{part}' is not a property followed by asc or desc.");
            if (!type.Sortable.TryGetValue(words[0], out var property))
                throw type.Properties.Contains(words[0])
                    ? GraphErrors.NotImplemented($"Sorting {type.Name}s by '{words[0]}' is not supported by the local mailbox.")
                    : GraphErrors.UnknownProperty(words[0], type.Name);
            order.Add((property, words.Length == 2 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        return order;
    }

    private static HashSet<string>? ParseSelect(string? text, GraphType type)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var select = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!type.Properties.Contains(name) && !type.Expandable.Contains(name)) throw GraphErrors.UnknownProperty(name, type.Name);
            select.Add(name);
        }
        return select;
    }

    private static List<GraphExpand> ParseExpand(string? text, GraphType type)
    {
        var expand = new List<GraphExpand>();
        if (string.IsNullOrWhiteSpace(text)) return expand;
        foreach (var item in SplitTopLevel(text, ','))
        {
            var open = item.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? item : item[..open]).Trim();
            if (!type.Expandable.Contains(name))
                throw type.Properties.Contains(name)
                    ? GraphErrors.InvalidQuery($"Property '{name}' on type 'microsoft.graph.{type.Name}' is not a navigation property or complex property. Only navigation properties can be expanded.")
                    : GraphErrors.UnknownProperty(name, type.Name);
            IReadOnlySet<string>? select = null;
            IReadOnlyList<string>? ids = null;
            if (open >= 0)
            {
                if (!item.EndsWith(')')) throw GraphErrors.InvalidQuery($"The $expand item '{item}' is missing its closing ')'.");
                foreach (var option in SplitTopLevel(item[(open + 1)..^1], ';'))
                {
                    var equals = option.IndexOf('=', StringComparison.Ordinal);
                    var optionName = equals < 0 ? option.Trim() : option[..equals].Trim();
                    var value = equals < 0 ? "" : option[(equals + 1)..].Trim();
                    if (optionName.Equals("$select", StringComparison.OrdinalIgnoreCase))
                        select = ParseSelect(value, name.Equals("attachments", StringComparison.OrdinalIgnoreCase) ? GraphType.Attachment : type);
                    else if (optionName.Equals("$filter", StringComparison.OrdinalIgnoreCase) && name.Equals(ODataFilter.ExtendedPropertiesProperty, StringComparison.OrdinalIgnoreCase))
                        ids = ODataFilter.ParseIdFilter(value);
                    else
                        throw GraphErrors.NotImplemented($"The option '{optionName}' inside $expand={name}(…) is not supported by the local mailbox.");
                }
            }
            expand.Add(new GraphExpand(name, select, ids));
        }
        return expand;
    }

    // Splits on a separator outside parentheses and quotes.
    private static IEnumerable<string> SplitTopLevel(string text, char separator)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == separator && depth == 0)
            {
                if (i > start) yield return text[start..i].Trim();
                start = i + 1;
            }
        }
        if (start < text.Length && text[start..].Trim() is { Length: > 0 } last) yield return last;
    }

    /// <summary>This query with $skip moved on by one page: the URL of the next page, as @odata.nextLink gives it.</summary>
    public string NextLink(string resourceUrl)
    {
        var parameters = Raw.Where(p => !p.Key.Equals("$skip", StringComparison.OrdinalIgnoreCase))
            .Append(new KeyValuePair<string, string>("$skip", (Skip + Top).ToString(CultureInfo.InvariantCulture)))
            .Select(p => $"{Uri.EscapeDataString(p.Key).Replace("%24", "$", StringComparison.Ordinal)}={Uri.EscapeDataString(p.Value)}");
        return $"{resourceUrl}?{string.Join('&', parameters)}";
    }
}
