using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// One local user's mailbox, as Graph would answer for it. Reads go through the context's
/// per-user filter, so a Graph id of another user's item is simply not found.
/// </summary>
internal sealed class MailboxStore(AppDbContext db, CurrentUser user, TimeProvider clock, string? preferredZone, string origin)
{
    private const int MaxAttachmentBytes = 3 * 1024 * 1024;
    private const string FileAttachmentType = "#microsoft.graph.fileAttachment";

    // ---- messages ----

    public async Task<GraphAnswer> CreateMessageAsync(JsonObject body)
    {
        var now = clock.GetUtcNow();
        var message = new MailboxMessage
        {
            GraphId = GraphJson.NewId(),
            ConversationId = GraphJson.NewId(),
            Folder = "drafts",
            IsDraft = true,
            FromName = user.DisplayName,
            FromAddress = user.Email ?? "me@localhost",
            CreatedAt = now,
            LastModifiedAt = now,
        };
        if (Apply(message, body) is { } problem) return problem;
        db.MailboxMessages.Add(message);
        await db.SaveChangesAsync();
        return new GraphAnswer(201, MessageJson(message, expandTags: false));
    }

    public async Task<GraphAnswer> ListMessagesAsync(IQueryCollection query)
    {
        if (!GraphFilter.TryParse(query["$filter"], out var filter))
            return GraphAnswer.BadRequest("ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        var all = await db.MailboxMessages.AsNoTracking().ToListAsync();
        IEnumerable<MailboxMessage> found = all.Where(filter.Matches);
        found = OrderBy(query["$orderby"].ToString()) switch
        {
            "receivedDateTime desc" => found.OrderByDescending(m => m.ReceivedAt ?? m.CreatedAt),
            "receivedDateTime" or "receivedDateTime asc" => found.OrderBy(m => m.ReceivedAt ?? m.CreatedAt),
            "createdDateTime desc" => found.OrderByDescending(m => m.CreatedAt),
            "" => found.OrderByDescending(m => m.ReceivedAt ?? m.CreatedAt),
            _ => null!,
        };
        if (found is null) return GraphAnswer.BadRequest("ErrorInvalidUrlQuery", "The $orderby is not supported by the local mailbox.");
        if (Top(query) is not { } top) return GraphAnswer.BadRequest("ErrorInvalidUrlQuery", "$top must be a number from 1 to 1000.");
        var expand = query["$expand"].ToString().Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase);
        return new GraphAnswer(200, new JsonObject { ["value"] = new JsonArray([.. found.Take(top).Select(m => (JsonNode)MessageJson(m, expand))]) });
    }

    public async Task<GraphAnswer> GetMessageAsync(string id, IQueryCollection query)
    {
        var message = await db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.GraphId == id);
        return message is null ? GraphAnswer.NotFound()
            : new GraphAnswer(200, MessageJson(message, query["$expand"].ToString().Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase)));
    }

    public async Task<GraphAnswer> UpdateMessageAsync(string id, JsonObject body)
    {
        var message = await db.MailboxMessages.FirstOrDefaultAsync(m => m.GraphId == id);
        if (message is null) return GraphAnswer.NotFound();
        if (!message.IsDraft) return GraphAnswer.BadRequest("ErrorInvalidRequest", "Only a draft can be changed; this message was sent.");
        if (Apply(message, body) is { } problem) return problem;
        message.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return new GraphAnswer(200, MessageJson(message, expandTags: false));
    }

    public async Task<GraphAnswer> DeleteMessageAsync(string id)
    {
        var message = await db.MailboxMessages.FirstOrDefaultAsync(m => m.GraphId == id);
        if (message is null) return GraphAnswer.NotFound();
        db.MailboxMessages.Remove(message);
        await db.SaveChangesAsync();
        return new GraphAnswer(204, null);
    }

    public async Task<GraphAnswer> CreateReplyAsync(string id, JsonObject body)
    {
        var original = await db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.GraphId == id);
        if (original is null) return GraphAnswer.NotFound();
        var comment = body["comment"]?.GetValue<string>();
        var changes = body["message"] as JsonObject;
        if (comment is not null && changes?["body"] is not null)
            return GraphAnswer.BadRequest("ErrorInvalidRequest", "Either the 'comment' or the 'message.body' can be set, not both.");
        var now = clock.GetUtcNow();
        var reply = new MailboxMessage
        {
            GraphId = GraphJson.NewId(),
            ConversationId = original.ConversationId,
            Folder = "drafts",
            IsDraft = true,
            Subject = original.Subject.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) ? original.Subject : "RE: " + original.Subject,
            FromName = user.DisplayName,
            FromAddress = user.Email ?? "me@localhost",
            ToRecipients = original.Folder == "inbox" && original.FromAddress is not null
                ? [new MailboxAddress(original.FromName, original.FromAddress)]
                : original.ToRecipients,
            InReplyToGraphId = original.GraphId,
            BodyContentType = "html",
            BodyContent = comment is null ? "" : "<p>" + HtmlEncoder.Default.Encode(comment) + "</p>",
            CreatedAt = now,
            LastModifiedAt = now,
        };
        if (changes is not null && Apply(reply, changes) is { } problem) return problem;
        db.MailboxMessages.Add(reply);
        await db.SaveChangesAsync();
        return new GraphAnswer(201, MessageJson(reply, expandTags: false));
    }

    public async Task<GraphAnswer> SendAsync(string id)
    {
        var message = await db.MailboxMessages.FirstOrDefaultAsync(m => m.GraphId == id);
        if (message is null) return GraphAnswer.NotFound();
        if (!message.IsDraft) return GraphAnswer.BadRequest("ErrorInvalidRequest", "This message was already sent.");
        if (message.ToRecipients.Count == 0) return GraphAnswer.BadRequest("ErrorInvalidRecipients", "At least one recipient isn't valid.");
        message.IsDraft = false;
        message.Folder = "sentitems";
        message.SentAt = clock.GetUtcNow();
        message.LastModifiedAt = message.SentAt.Value;
        await db.SaveChangesAsync();
        return new GraphAnswer(202, null);
    }

    /// <summary>A message from someone else arrives in the inbox (the page's "simulate a message", and tests).</summary>
    public async Task<GraphAnswer> DeliverAsync(JsonObject body)
    {
        var address = body["fromAddress"]?.GetValue<string>()?.Trim();
        if (string.IsNullOrEmpty(address) || !address.Contains('@', StringComparison.Ordinal))
            return GraphAnswer.BadRequest("ErrorInvalidRecipients", "fromAddress must be an email address.");
        var inReplyTo = body["inReplyToId"]?.GetValue<string>();
        var original = inReplyTo is null ? null : await db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.GraphId == inReplyTo);
        if (inReplyTo is not null && original is null) return GraphAnswer.NotFound();
        var now = clock.GetUtcNow();
        var text = body["text"]?.GetValue<string>() ?? "";
        var message = new MailboxMessage
        {
            GraphId = GraphJson.NewId(),
            ConversationId = original?.ConversationId ?? GraphJson.NewId(),
            Folder = "inbox",
            Subject = body["subject"]?.GetValue<string>() ?? (original is null ? "" : "RE: " + original.Subject),
            BodyContentType = "text",
            BodyContent = text,
            FromName = body["fromName"]?.GetValue<string>() ?? address,
            FromAddress = address,
            ToRecipients = [new MailboxAddress(user.DisplayName, user.Email ?? "me@localhost")],
            InReplyToGraphId = original?.GraphId,
            CreatedAt = now,
            LastModifiedAt = now,
            ReceivedAt = now,
        };
        db.MailboxMessages.Add(message);
        await db.SaveChangesAsync();
        return new GraphAnswer(201, new JsonObject { ["id"] = message.GraphId });
    }

    private static GraphAnswer? Apply(MailboxMessage message, JsonObject body)
    {
        if (body.ContainsKey("subject")) message.Subject = body["subject"]?.GetValue<string>() ?? "";
        if (body["body"] is JsonObject b)
        {
            message.BodyContentType = BodyType(b["contentType"]?.GetValue<string>());
            message.BodyContent = b["content"]?.GetValue<string>() ?? "";
        }
        if (body.ContainsKey("toRecipients"))
            message.ToRecipients = GraphJson.Recipients(body["toRecipients"]) ?? [];
        if (body.ContainsKey("toRecipients") && GraphJson.Recipients(body["toRecipients"]) is null)
            return GraphAnswer.BadRequest("ErrorInvalidRecipients", "At least one recipient isn't valid.");
        if (body.ContainsKey("categories"))
            message.Categories = GraphJson.Strings(body["categories"]) ?? [];
        if (body.ContainsKey("singleValueExtendedProperties"))
        {
            if (GraphJson.ExtendedProperties(body["singleValueExtendedProperties"]) is not { } properties)
                return GraphAnswer.BadRequest("ErrorInvalidProperty", "An extended property needs an id and a value.");
            message.ExtendedProperties = Merge(message.ExtendedProperties, properties);
        }
        return null;
    }

    private JsonObject MessageJson(MailboxMessage m, bool expandTags)
    {
        var json = new JsonObject
        {
            ["id"] = m.GraphId,
            ["createdDateTime"] = GraphJson.Instant(m.CreatedAt),
            ["lastModifiedDateTime"] = GraphJson.Instant(m.LastModifiedAt),
            ["receivedDateTime"] = GraphJson.Instant(m.ReceivedAt ?? m.CreatedAt),
            ["sentDateTime"] = m.SentAt is { } sent ? GraphJson.Instant(sent) : null,
            ["subject"] = m.Subject,
            ["isDraft"] = m.IsDraft,
            ["conversationId"] = m.ConversationId,
            ["parentFolderId"] = m.Folder,
            ["hasAttachments"] = false,
            ["webLink"] = WebLink(m.GraphId),
            ["body"] = new JsonObject { ["contentType"] = m.BodyContentType, ["content"] = m.BodyContent },
            ["from"] = m.FromAddress is null ? null : GraphJson.Address(m.FromName, m.FromAddress),
            ["toRecipients"] = new JsonArray([.. m.ToRecipients.Select(r => (JsonNode)GraphJson.Address(r.Name, r.Address))]),
            ["categories"] = new JsonArray([.. m.Categories.Select(c => (JsonNode)JsonValue.Create(c)!)]),
        };
        if (expandTags) json["singleValueExtendedProperties"] = Properties(m.ExtendedProperties);
        return json;
    }

    // ---- events ----

    public async Task<GraphAnswer> CreateEventAsync(JsonObject body)
    {
        var transactionId = body["transactionId"]?.GetValue<string>();
        if (transactionId is not null && await ByTransactionAsync(transactionId) is { } existing)
            return new GraphAnswer(201, await EventJsonAsync(existing, expandAttachments: false));

        var now = clock.GetUtcNow();
        var e = new MailboxEvent { GraphId = GraphJson.NewId(), TransactionId = transactionId, CreatedAt = now, LastModifiedAt = now };
        if (body["start"] is null || body["end"] is null) return GraphAnswer.BadRequest("ErrorInvalidRequest", "An event needs a start and an end.");
        if (await ApplyAsync(e, body) is { } problem) return problem;
        db.MailboxEvents.Add(e);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (transactionId is not null)
        {
            // The same transaction id raced in from a parallel request: the first one stands.
            db.ChangeTracker.Clear();
            if (await ByTransactionAsync(transactionId) is { } winner)
                return new GraphAnswer(201, await EventJsonAsync(winner, expandAttachments: false));
            throw;
        }
        return new GraphAnswer(201, await EventJsonAsync(e, expandAttachments: false));
    }

    private Task<MailboxEvent?> ByTransactionAsync(string transactionId) =>
        db.MailboxEvents.AsNoTracking().FirstOrDefaultAsync(e => e.TransactionId == transactionId);

    public async Task<GraphAnswer> ListEventsAsync(IQueryCollection query)
    {
        if (!GraphFilter.TryParse(query["$filter"], out var filter))
            return GraphAnswer.BadRequest("ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        if (Top(query) is not { } top) return GraphAnswer.BadRequest("ErrorInvalidUrlQuery", "$top must be a number from 1 to 1000.");
        var events = (await db.MailboxEvents.AsNoTracking().ToListAsync()).Where(filter.Matches).OrderBy(e => e.StartUtc).Take(top).ToList();
        return await EventsAnswerAsync(events, ExpandsAttachments(query));
    }

    public async Task<GraphAnswer> GetEventAsync(string id, IQueryCollection query)
    {
        var e = await db.MailboxEvents.AsNoTracking().FirstOrDefaultAsync(x => x.GraphId == id);
        return e is null ? GraphAnswer.NotFound() : new GraphAnswer(200, await EventJsonAsync(e, ExpandsAttachments(query)));
    }

    public async Task<GraphAnswer> UpdateEventAsync(string id, JsonObject body)
    {
        var e = await db.MailboxEvents.FirstOrDefaultAsync(x => x.GraphId == id);
        if (e is null) return GraphAnswer.NotFound();
        if (await ApplyAsync(e, body) is { } problem) return problem;
        e.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return new GraphAnswer(200, await EventJsonAsync(e, expandAttachments: false));
    }

    public async Task<GraphAnswer> CalendarViewAsync(IQueryCollection query)
    {
        static DateTimeOffset? Parse(string? text) =>
            DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        if (Parse(query["startDateTime"]) is not { } from || Parse(query["endDateTime"]) is not { } to)
            return GraphAnswer.BadRequest("ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        var fromUtc = from.ToUniversalTime();
        var toUtc = to.ToUniversalTime();
        var events = await db.MailboxEvents.AsNoTracking().Where(e => e.StartUtc < toUtc && e.EndUtc > fromUtc).OrderBy(e => e.StartUtc).ToListAsync();
        return await EventsAnswerAsync(events, ExpandsAttachments(query));
    }

    public async Task<GraphAnswer> AddAttachmentAsync(string eventId, JsonObject body)
    {
        var e = await db.MailboxEvents.AsNoTracking().FirstOrDefaultAsync(x => x.GraphId == eventId);
        if (e is null) return GraphAnswer.NotFound();
        var type = body["@odata.type"]?.GetValue<string>();
        if (type is null)
            return GraphAnswer.BadRequest("RequestBodyRead", "The property 'contentBytes' does not exist on type 'microsoft.graph.attachment'. Make sure to only use property names that are defined by the type or mark the type as open type.");
        if (!string.Equals(type, FileAttachmentType, StringComparison.OrdinalIgnoreCase))
            return GraphAnswer.BadRequest("ErrorInvalidRequest", $"The local mailbox only takes file attachments ({FileAttachmentType}).");
        var name = body["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name)) return GraphAnswer.BadRequest("ErrorInvalidRequest", "An attachment needs a name.");
        byte[] content;
        try
        {
            content = Convert.FromBase64String(body["contentBytes"]?.GetValue<string>() ?? "");
        }
        catch (FormatException)
        {
            return GraphAnswer.BadRequest("ErrorInvalidRequest", "contentBytes is not valid base64.");
        }
        if (content.Length > MaxAttachmentBytes)
            return GraphAnswer.Error(413, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
                "Files over 3 MB need an upload session, which the local mailbox does not implement.");
        var attachment = new MailboxAttachment
        {
            GraphId = GraphJson.NewId(),
            ParentGraphId = eventId,
            Name = name.Trim(),
            ContentType = body["contentType"]?.GetValue<string>() ?? "application/octet-stream",
            Content = content,
            CreatedAt = clock.GetUtcNow(),
        };
        db.MailboxAttachments.Add(attachment);
        await db.SaveChangesAsync();
        return new GraphAnswer(201, AttachmentJson(attachment, withContent: false));
    }

    public async Task<GraphAnswer> ListAttachmentsAsync(string eventId)
    {
        if (!await db.MailboxEvents.AnyAsync(x => x.GraphId == eventId)) return GraphAnswer.NotFound();
        var attachments = await db.MailboxAttachments.AsNoTracking().Where(a => a.ParentGraphId == eventId).OrderBy(a => a.CreatedAt).ToListAsync();
        return new GraphAnswer(200, new JsonObject { ["value"] = new JsonArray([.. attachments.Select(a => (JsonNode)AttachmentJson(a, withContent: true))]) });
    }

    private async Task<GraphAnswer?> ApplyAsync(MailboxEvent e, JsonObject body)
    {
        if (body.ContainsKey("subject")) e.Subject = body["subject"]?.GetValue<string>() ?? "";
        if (body["body"] is JsonObject b)
        {
            e.BodyContentType = BodyType(b["contentType"]?.GetValue<string>());
            e.BodyContent = b["content"]?.GetValue<string>() ?? "";
        }
        if (body["start"] is not null)
        {
            var (start, problem) = GraphJson.DateTimeTimeZone(body["start"], "start");
            if (start is null) return GraphAnswer.BadRequest("ErrorInvalidRequest", problem!);
            e.StartUtc = start.Value;
            e.OriginalTimeZone = body["start"]?["timeZone"]?.GetValue<string>() ?? "UTC";
        }
        if (body["end"] is not null)
        {
            var (end, problem) = GraphJson.DateTimeTimeZone(body["end"], "end");
            if (end is null) return GraphAnswer.BadRequest("ErrorInvalidRequest", problem!);
            e.EndUtc = end.Value;
        }
        if (e.EndUtc < e.StartUtc) return GraphAnswer.BadRequest("ErrorInvalidRequest", "The end of the event is before its start.");
        if (body.ContainsKey("location")) e.Location = body["location"]?["displayName"]?.GetValue<string>();
        if (body.ContainsKey("categories")) e.Categories = GraphJson.Strings(body["categories"]) ?? [];
        if (body.ContainsKey("singleValueExtendedProperties"))
        {
            if (GraphJson.ExtendedProperties(body["singleValueExtendedProperties"]) is not { } properties)
                return GraphAnswer.BadRequest("ErrorInvalidProperty", "An extended property needs an id and a value.");
            e.ExtendedProperties = Merge(e.ExtendedProperties, properties);
        }
        if (body.ContainsKey("attendees"))
        {
            if (body["attendees"] is not JsonArray array) return GraphAnswer.BadRequest("ErrorInvalidRequest", "attendees must be an array.");
            var attendees = new List<MailboxAttendee>();
            foreach (var a in array)
            {
                var address = a?["emailAddress"]?["address"]?.GetValue<string>()?.Trim();
                if (string.IsNullOrEmpty(address)) return GraphAnswer.BadRequest("ErrorInvalidRecipients", "An attendee needs an email address.");
                attendees.Add(new MailboxAttendee(a?["emailAddress"]?["name"]?.GetValue<string>(), address, a?["type"]?.GetValue<string>() ?? "required"));
            }
            // Adding attendees is what sends invitations: each new one gets the event as it is now, files included.
            var before = e.Attendees.Select(x => x.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var added = attendees.Where(x => !before.Contains(x.Address)).ToList();
            if (added.Count > 0)
            {
                var files = await db.MailboxAttachments.AsNoTracking().Where(x => x.ParentGraphId == e.GraphId).OrderBy(x => x.CreatedAt).Select(x => x.Name).ToListAsync();
                var now = clock.GetUtcNow();
                foreach (var attendee in added)
                    db.MailboxInvitations.Add(new MailboxInvitation { EventGraphId = e.GraphId, Attendee = attendee.Address, SentAt = now, AttachmentNames = files });
            }
            e.Attendees = attendees;
        }
        return null;
    }

    private async Task<GraphAnswer> EventsAnswerAsync(List<MailboxEvent> events, bool expandAttachments)
    {
        var items = new JsonArray();
        foreach (var e in events) items.Add(await EventJsonAsync(e, expandAttachments));
        return new GraphAnswer(200, new JsonObject { ["value"] = items });
    }

    private async Task<JsonObject> EventJsonAsync(MailboxEvent e, bool expandAttachments)
    {
        var attachments = await db.MailboxAttachments.AsNoTracking().Where(a => a.ParentGraphId == e.GraphId).OrderBy(a => a.CreatedAt).ToListAsync();
        var json = new JsonObject
        {
            ["id"] = e.GraphId,
            ["createdDateTime"] = GraphJson.Instant(e.CreatedAt),
            ["lastModifiedDateTime"] = GraphJson.Instant(e.LastModifiedAt),
            ["transactionId"] = e.TransactionId,
            ["subject"] = e.Subject,
            ["body"] = new JsonObject { ["contentType"] = e.BodyContentType, ["content"] = e.BodyContent },
            ["start"] = GraphJson.DateTimeTimeZone(e.StartUtc, preferredZone),
            ["end"] = GraphJson.DateTimeTimeZone(e.EndUtc, preferredZone),
            ["originalStartTimeZone"] = e.OriginalTimeZone,
            ["location"] = new JsonObject { ["displayName"] = e.Location ?? "" },
            ["categories"] = new JsonArray([.. e.Categories.Select(c => (JsonNode)JsonValue.Create(c)!)]),
            ["hasAttachments"] = attachments.Count > 0,
            ["isOrganizer"] = true,
            ["webLink"] = WebLink(e.GraphId),
            ["organizer"] = GraphJson.Address(user.DisplayName, user.Email ?? "me@localhost"),
            ["attendees"] = new JsonArray([.. e.Attendees.Select(a =>
            {
                var attendee = GraphJson.Address(a.Name, a.Address);
                attendee["type"] = a.Type;
                attendee["status"] = new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" };
                return (JsonNode)attendee;
            })]),
        };
        if (expandAttachments) json["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)AttachmentJson(a, withContent: false))]);
        return json;
    }

    private static JsonObject AttachmentJson(MailboxAttachment a, bool withContent)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = FileAttachmentType,
            ["id"] = a.GraphId,
            ["name"] = a.Name,
            ["contentType"] = a.ContentType,
            ["size"] = a.Content.Length,
            ["isInline"] = false,
            ["lastModifiedDateTime"] = GraphJson.Instant(a.CreatedAt),
        };
        if (withContent) json["contentBytes"] = Convert.ToBase64String(a.Content);
        return json;
    }

    // ---- $batch ----

    /// <summary>JSON batching: up to 20 GET requests answered in one response (others answer a 400 inside it).</summary>
    public async Task<GraphAnswer> BatchAsync(JsonObject body)
    {
        if (body["requests"] is not JsonArray requests || requests.Count == 0)
            return GraphAnswer.BadRequest("BadRequest", "Invalid batch payload format.");
        if (requests.Count > 20) return GraphAnswer.BadRequest("BadRequest", "Number of batch request steps exceeds the maximum of 20.");
        var responses = new JsonArray();
        foreach (var request in requests)
        {
            var id = request?["id"]?.GetValue<string>() ?? "";
            var method = request?["method"]?.GetValue<string>() ?? "";
            var url = request?["url"]?.GetValue<string>() ?? "";
            var answer = await DispatchAsync(method, url);
            responses.Add(new JsonObject
            {
                ["id"] = id,
                ["status"] = answer.Status,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                ["body"] = answer.Body,
            });
        }
        return new GraphAnswer(200, new JsonObject { ["responses"] = responses });
    }

    private Task<GraphAnswer> DispatchAsync(string method, string url)
    {
        if (!method.Equals("GET", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(GraphAnswer.BadRequest("BadRequest", "The local mailbox batches GET requests only."));
        var (path, query) = LocalMailboxApi.SplitUrl(url);
        var segments = path.Trim('/').Split('/');
        return segments switch
        {
            ["me", "messages"] => ListMessagesAsync(query),
            ["me", "messages", var id] => GetMessageAsync(id, query),
            ["me", "events"] => ListEventsAsync(query),
            ["me", "events", var id] => GetEventAsync(id, query),
            _ => Task.FromResult(GraphAnswer.BadRequest("BadRequest", $"The local mailbox cannot batch '{path}'.")),
        };
    }

    // ---- the page ----

    public async Task<GraphAnswer> OverviewAsync()
    {
        var messages = await db.MailboxMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).ToListAsync();
        var events = await db.MailboxEvents.AsNoTracking().OrderByDescending(e => e.CreatedAt).ToListAsync();
        var attachments = (await db.MailboxAttachments.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync()).ToLookup(a => a.ParentGraphId);
        var invitations = (await db.MailboxInvitations.AsNoTracking().OrderBy(i => i.SentAt).ToListAsync()).ToLookup(i => i.EventGraphId);
        static JsonObject Person(string? name, string address) => new() { ["name"] = name ?? address, ["address"] = address };
        return new GraphAnswer(200, new JsonObject
        {
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.GraphId,
                ["subject"] = m.Subject,
                ["folder"] = m.Folder,
                ["isDraft"] = m.IsDraft,
                ["from"] = m.FromAddress is null ? null : Person(m.FromName, m.FromAddress),
                ["to"] = new JsonArray([.. m.ToRecipients.Select(r => (JsonNode)Person(r.Name, r.Address))]),
                ["createdDateTime"] = GraphJson.Instant(m.CreatedAt),
                ["sentDateTime"] = m.SentAt is { } s ? GraphJson.Instant(s) : null,
                ["receivedDateTime"] = m.ReceivedAt is { } r ? GraphJson.Instant(r) : null,
                ["conversationId"] = m.ConversationId,
                ["inReplyToId"] = m.InReplyToGraphId,
                ["html"] = m.BodyContentType == "text" ? "<pre>" + HtmlEncoder.Default.Encode(m.BodyContent) + "</pre>" : m.BodyContent,
                ["categories"] = new JsonArray([.. m.Categories.Select(c => (JsonNode)JsonValue.Create(c)!)]),
            })]),
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.GraphId,
                ["subject"] = e.Subject,
                ["start"] = GraphJson.Instant(e.StartUtc),
                ["end"] = GraphJson.Instant(e.EndUtc),
                ["timeZone"] = e.OriginalTimeZone,
                ["location"] = e.Location,
                ["attendees"] = new JsonArray([.. e.Attendees.Select(a => { var p = Person(a.Name, a.Address); p["type"] = a.Type; return (JsonNode)p; })]),
                ["categories"] = new JsonArray([.. e.Categories.Select(c => (JsonNode)JsonValue.Create(c)!)]),
                ["html"] = e.BodyContentType == "text" ? "<pre>" + HtmlEncoder.Default.Encode(e.BodyContent) + "</pre>" : e.BodyContent,
                ["attachments"] = new JsonArray([.. attachments[e.GraphId].Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a.GraphId, ["name"] = a.Name, ["contentType"] = a.ContentType, ["size"] = a.Content.Length,
                })]),
                ["invitations"] = new JsonArray([.. invitations[e.GraphId].Select(i => (JsonNode)InvitationJson(i))]),
            })]),
        });
    }

    public async Task<GraphAnswer> InvitationsAsync()
    {
        var invitations = await db.MailboxInvitations.AsNoTracking().OrderBy(i => i.SentAt).ToListAsync();
        return new GraphAnswer(200, new JsonArray([.. invitations.Select(i => (JsonNode)InvitationJson(i))]));
    }

    private static JsonObject InvitationJson(MailboxInvitation i) => new()
    {
        ["eventId"] = i.EventGraphId,
        ["attendee"] = i.Attendee,
        ["sentAt"] = GraphJson.Instant(i.SentAt),
        ["attachmentNames"] = new JsonArray([.. i.AttachmentNames.Select(n => (JsonNode)JsonValue.Create(n)!)]),
    };

    // ---- shared ----

    private string WebLink(string id) => $"{origin}/#/mailbox?item={Uri.EscapeDataString(id)}";

    private static string BodyType(string? type) => string.Equals(type, "text", StringComparison.OrdinalIgnoreCase) ? "text" : "html";

    private static List<MailboxExtendedProperty> Merge(List<MailboxExtendedProperty> existing, List<MailboxExtendedProperty> changes) =>
        [.. existing.Where(p => !changes.Any(c => c.Id.Equals(p.Id, StringComparison.OrdinalIgnoreCase))), .. changes];

    private static JsonArray Properties(List<MailboxExtendedProperty> properties) =>
        new([.. properties.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]);

    private static string OrderBy(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int? Top(IQueryCollection query) =>
        query["$top"].ToString() is { Length: > 0 } text ? int.TryParse(text, out var n) && n is >= 1 and <= 1000 ? n : null : 1000;

    private static bool ExpandsAttachments(IQueryCollection query) =>
        query["$expand"].ToString().Contains("attachments", StringComparison.OrdinalIgnoreCase);
}
