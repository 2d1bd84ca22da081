using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// The stored mailbox items written as Graph's message, event and fileAttachment resources
/// (camelCase, Graph's date formats, the same properties Graph returns), with $select and $expand applied.
/// </summary>
public static partial class GraphShapes
{
    public static JsonObject Address(string? name, string address) => new()
    {
        ["emailAddress"] = new JsonObject { ["name"] = name ?? address, ["address"] = address },
    };

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    private static JsonArray Strings(IEnumerable<string> items) => Array(items.Select(s => (JsonNode?)JsonValue.Create(s)));

    private static JsonObject Body(string contentType, string content) => new() { ["contentType"] = contentType, ["content"] = content };

    private static string ETag(DateTimeOffset modified) =>
        $"W/\"{Convert.ToBase64String(BitConverter.GetBytes(modified.UtcTicks))}\"";

    /// <summary>What Graph returns as a message's received and sent times: a draft's are its last change, as in Exchange.</summary>
    public static DateTimeOffset ReceivedDateTime(MailboxMessage m) => m.ReceivedAt ?? m.SentAt ?? m.LastModifiedAt;

    public static DateTimeOffset SentDateTime(MailboxMessage m) => m.SentAt ?? m.ReceivedAt ?? m.LastModifiedAt;

    public static JsonObject Message(MailboxMessage m, GraphCall call, GraphQuery query, string? context = null)
    {
        var from = m.FromAddress is null ? null : Address(m.FromName, m.FromAddress);
        var json = new JsonObject
        {
            ["@odata.context"] = context,
            ["@odata.etag"] = ETag(m.LastModifiedAt),
            ["id"] = m.GraphId,
            ["createdDateTime"] = GraphTime.Instant(m.CreatedAt),
            ["lastModifiedDateTime"] = GraphTime.Instant(m.LastModifiedAt),
            ["changeKey"] = ETag(m.LastModifiedAt)[3..^1],
            ["categories"] = Strings(m.Categories),
            ["receivedDateTime"] = GraphTime.Instant(ReceivedDateTime(m)),
            ["sentDateTime"] = GraphTime.Instant(SentDateTime(m)),
            ["hasAttachments"] = false,
            ["subject"] = m.Subject,
            ["bodyPreview"] = Preview(m.BodyContentType, m.BodyContent),
            ["importance"] = "normal",
            ["conversationId"] = m.ConversationId,
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = true,
            ["isDraft"] = m.IsDraft,
            ["webLink"] = call.WebLink(m.GraphId),
            ["inferenceClassification"] = "focused",
            ["body"] = Body(m.BodyContentType, m.BodyContent),
            ["sender"] = from,
            ["from"] = from?.DeepClone(),
            ["toRecipients"] = Array(m.ToRecipients.Select(r => (JsonNode?)Address(r.Name, r.Address))),
            ["ccRecipients"] = new JsonArray(),
            ["bccRecipients"] = new JsonArray(),
            ["replyTo"] = new JsonArray(),
            ["flag"] = new JsonObject { ["flagStatus"] = "notFlagged" },
        };
        if (context is null) json.Remove("@odata.context");
        if (from is null)
        {
            json.Remove("sender");
            json.Remove("from");
        }
        if (query.Expanded("attachments") is not null) json["attachments"] = new JsonArray();
        AddExtendedProperties(json, m.ExtendedProperties, query);
        return Select(json, query);
    }

    public static JsonObject Event(MailboxEvent e, IReadOnlyList<MailboxAttachment> attachments, GraphCall call, GraphQuery query, string? context = null)
    {
        var zone = call.Zone;
        var json = new JsonObject
        {
            ["@odata.context"] = context,
            ["@odata.etag"] = ETag(e.LastModifiedAt),
            ["id"] = e.GraphId,
            ["createdDateTime"] = GraphTime.Instant(e.CreatedAt),
            ["lastModifiedDateTime"] = GraphTime.Instant(e.LastModifiedAt),
            ["changeKey"] = ETag(e.LastModifiedAt)[3..^1],
            ["categories"] = Strings(e.Categories),
            ["transactionId"] = e.TransactionId,
            ["originalStartTimeZone"] = e.OriginalTimeZone,
            ["originalEndTimeZone"] = e.OriginalTimeZone,
            ["iCalUId"] = e.GraphId,
            ["hasAttachments"] = attachments.Count > 0,
            ["subject"] = e.Subject,
            ["bodyPreview"] = Preview(e.BodyContentType, e.BodyContent),
            ["importance"] = "normal",
            ["sensitivity"] = "normal",
            ["isAllDay"] = false,
            ["isCancelled"] = false,
            ["isOrganizer"] = true,
            ["responseRequested"] = true,
            ["showAs"] = "busy",
            ["type"] = "singleInstance",
            ["webLink"] = call.WebLink(e.GraphId),
            ["isOnlineMeeting"] = false,
            ["responseStatus"] = new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" },
            ["body"] = Body(e.BodyContentType, e.BodyContent),
            ["start"] = new JsonObject { ["dateTime"] = GraphTime.WallClock(e.StartUtc, zone.Zone), ["timeZone"] = zone.Name },
            ["end"] = new JsonObject { ["dateTime"] = GraphTime.WallClock(e.EndUtc, zone.Zone), ["timeZone"] = zone.Name },
            ["location"] = new JsonObject { ["displayName"] = e.Location ?? "", ["locationType"] = "default", ["uniqueIdType"] = e.Location is null ? "unknown" : "private" },
            ["locations"] = e.Location is null ? new JsonArray() : new JsonArray(new JsonObject { ["displayName"] = e.Location, ["locationType"] = "default" }),
            ["attendees"] = Array(e.Attendees.Select(a => (JsonNode?)new JsonObject
            {
                ["type"] = a.Type,
                ["status"] = new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" },
                ["emailAddress"] = new JsonObject { ["name"] = a.Name ?? a.Address, ["address"] = a.Address },
            })),
            ["organizer"] = Address(call.Me.Name, call.Me.Address),
        };
        if (context is null) json.Remove("@odata.context");
        if (query.Expanded("attachments") is { } expand)
            json["attachments"] = Array(attachments.Select(a => (JsonNode?)Attachment(a, withContent: true, expand.Select)));
        AddExtendedProperties(json, e.ExtendedProperties, query);
        return Select(json, query);
    }

    public static JsonObject Attachment(MailboxAttachment a, bool withContent, IReadOnlySet<string>? select = null, string? context = null)
    {
        var json = new JsonObject
        {
            ["@odata.context"] = context,
            ["@odata.type"] = "#microsoft.graph.fileAttachment",
            ["@odata.mediaContentType"] = a.ContentType,
            ["id"] = a.GraphId,
            ["lastModifiedDateTime"] = GraphTime.Instant(a.CreatedAt),
            ["name"] = a.Name,
            ["contentType"] = a.ContentType,
            ["size"] = a.Content.Length,
            ["isInline"] = false,
            ["contentId"] = null,
            ["contentLocation"] = null,
        };
        if (context is null) json.Remove("@odata.context");
        if (withContent) json["contentBytes"] = Convert.ToBase64String(a.Content);
        if (select is not null)
        {
            foreach (var name in json.Select(p => p.Key).ToList())
                if (!name.StartsWith('@') && name != "id" && !select.Contains(name)) json.Remove(name);
        }
        return json;
    }

    // Graph returns extended properties only when asked: $expand=singleValueExtendedProperties($filter=id eq '…').
    private static void AddExtendedProperties(JsonObject json, IEnumerable<MailboxExtendedProperty> properties, GraphQuery query)
    {
        if (query.Expanded(ODataFilter.ExtendedPropertiesProperty) is not { } expand) return;
        var wanted = properties.Where(p => expand.PropertyIds is null || expand.PropertyIds.Any(id => ODataFilter.SamePropertyId(id, p.Id)));
        json[ODataFilter.ExtendedPropertiesProperty] = Array(wanted.Select(p => (JsonNode?)new JsonObject { ["id"] = p.Id, ["value"] = p.Value }));
    }

    // $select keeps the annotations, the id, the chosen properties and whatever was expanded.
    private static JsonObject Select(JsonObject json, GraphQuery query)
    {
        if (query.Select is not { } select) return json;
        foreach (var name in json.Select(p => p.Key).ToList())
        {
            if (name.StartsWith('@') || name == "id" || select.Contains(name) || query.Expanded(name) is not null) continue;
            json.Remove(name);
        }
        return json;
    }

    /// <summary>A collection answer: { @odata.context, value: [...], @odata.nextLink when there are more }.</summary>
    public static JsonObject Collection(string context, IEnumerable<JsonObject> items, string? nextLink = null)
    {
        var json = new JsonObject { ["@odata.context"] = context, ["value"] = Array(items) };
        if (nextLink is not null) json["@odata.nextLink"] = nextLink;
        return json;
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>The first 255 characters of the body as plain text, like Graph's bodyPreview.</summary>
    public static string Preview(string contentType, string content)
    {
        var text = contentType == "html" ? WebUtility.HtmlDecode(Tags().Replace(content, " ")) : content;
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= 255 ? text : text[..255];
    }
}
