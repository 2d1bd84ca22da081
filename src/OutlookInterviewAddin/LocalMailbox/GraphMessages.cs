using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// /me/messages: drafts the product writes, replies in a thread, sending, and the lookups that
/// find a tagged draft or a person's latest message.
/// </summary>
public static class GraphMessages
{
    public const string Drafts = "drafts";
    public const string SentItems = "sentitems";
    public const string Inbox = "inbox";

    private sealed class Filterable(MailboxMessage m) : IFilterable
    {
        public DateTimeOffset? Date(string property) => property switch
        {
            "receivedDateTime" => GraphShapes.ReceivedDateTime(m),
            "sentDateTime" => GraphShapes.SentDateTime(m),
            "createdDateTime" => m.CreatedAt,
            _ => m.LastModifiedAt,
        };

        public string? FromAddress => m.FromAddress;

        public IEnumerable<MailboxExtendedProperty> ExtendedProperties => m.ExtendedProperties;
    }

    public static async Task<GraphResponse> CreateAsync(GraphCall call, GraphBody body, CancellationToken ct)
    {
        var me = call.Me;
        var message = new MailboxMessage
        {
            GraphId = GraphCall.NewId(),
            ConversationId = GraphCall.NewId(),
            Folder = Drafts,
            IsDraft = true,
            FromName = me.Name,
            FromAddress = me.Address,
            CreatedAt = call.Now,
            LastModifiedAt = call.Now,
        };
        Apply(message, body);
        call.Db.MailboxMessages.Add(message);
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Json(StatusCodes.Status201Created, GraphShapes.Message(message, call, GraphQuery.None, call.Context("messages/$entity")));
    }

    // The writable properties the product sets; other writable properties are accepted and ignored.
    private static void Apply(MailboxMessage message, GraphBody body)
    {
        if (body.Has("subject")) message.Subject = body.Text("subject", GraphBody.MaxSubjectLength) ?? "";
        if (body.ItemBody() is { } content)
        {
            message.BodyContentType = content.ContentType;
            message.BodyContent = content.Content;
        }
        if (body.Recipients("toRecipients") is { } to) message.ToRecipients = to;
        if (body.Strings("categories", 255) is { } categories) message.Categories = categories;
        if (body.ExtendedProperties() is { } properties) message.ExtendedProperties = GraphBody.Merge(message.ExtendedProperties, properties);
    }

    public static async Task<GraphResponse> ListAsync(GraphCall call, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Message, collection: true);
        var all = await call.Db.MailboxMessages.AsNoTracking().ToListAsync(ct);
        var matching = all.Where(m => query.Filter?.Matches(new Filterable(m)) ?? true);
        var sorted = Sort(matching, query.OrderBy).ToList();
        var page = sorted.Skip(query.Skip).Take(query.Top);
        var next = query.Skip + query.Top < sorted.Count ? query.NextLink($"{call.ServiceRoot}/me/messages") : null;
        return GraphResponse.Json(StatusCodes.Status200OK,
            GraphShapes.Collection(call.Context("messages"), page.Select(m => GraphShapes.Message(m, call, query)), next));
    }

    private static IEnumerable<MailboxMessage> Sort(IEnumerable<MailboxMessage> messages, IReadOnlyList<(string Property, bool Descending)> order)
    {
        // Graph's default order for a message list: newest received first.
        if (order.Count == 0) order = [("receivedDateTime", true)];
        IOrderedEnumerable<MailboxMessage>? sorted = null;
        foreach (var (property, descending) in order)
        {
            Func<MailboxMessage, IComparable> key = property switch
            {
                "receivedDateTime" => m => GraphShapes.ReceivedDateTime(m),
                "sentDateTime" => m => GraphShapes.SentDateTime(m),
                "createdDateTime" => m => m.CreatedAt,
                "lastModifiedDateTime" => m => m.LastModifiedAt,
                _ => m => m.Subject,
            };
            sorted = sorted is null
                ? descending ? messages.OrderByDescending(key) : messages.OrderBy(key)
                : descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key);
        }
        // Ties (the same second) in the order the items were made, newest first.
        return sorted!.ThenByDescending(m => m.CreatedAt);
    }

    public static async Task<GraphResponse> GetAsync(GraphCall call, string id, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Message, collection: false);
        var message = await call.Db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.GraphId == id, ct);
        return message is null
            ? GraphErrors.NotFound()
            : GraphResponse.Json(StatusCodes.Status200OK, GraphShapes.Message(message, call, query, call.Context("messages/$entity")));
    }

    public static async Task<GraphResponse> UpdateAsync(GraphCall call, string id, GraphBody body, CancellationToken ct)
    {
        var message = await call.Db.MailboxMessages.FirstOrDefaultAsync(m => m.GraphId == id, ct);
        if (message is null) return GraphErrors.NotFound();
        // Exchange lets categories and extended properties change on any message, the content only on a draft.
        if (!message.IsDraft && (body.Has("subject") || body.Has("body") || body.Has("toRecipients")))
            return GraphResponse.Error(StatusCodes.Status400BadRequest, "ErrorInvalidPropertyUpdateSentMessage", "Update operation is invalid for property of a sent message.");
        Apply(message, body);
        message.LastModifiedAt = call.Now;
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Json(StatusCodes.Status200OK, GraphShapes.Message(message, call, GraphQuery.None, call.Context("messages/$entity")));
    }

    public static async Task<GraphResponse> DeleteAsync(GraphCall call, string id, CancellationToken ct)
    {
        var message = await call.Db.MailboxMessages.FirstOrDefaultAsync(m => m.GraphId == id, ct);
        if (message is null) return GraphErrors.NotFound();
        call.Db.MailboxMessages.Remove(message);
        await call.Db.MailboxAttachments.Where(a => a.ParentGraphId == id).ExecuteDeleteAsync(ct);
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Empty(StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// A draft reply in the original's conversation: "RE: " and its subject, addressed to its sender
    /// unless the request names the recipients. Graph refuses a comment together with message.body.
    /// </summary>
    public static async Task<GraphResponse> CreateReplyAsync(GraphCall call, string id, GraphBody body, CancellationToken ct)
    {
        var original = await call.Db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.GraphId == id, ct);
        if (original is null) return GraphErrors.NotFound();
        var comment = body.Text("comment");
        var message = body.Nested("message");
        if (comment is not null && message?.Has("body") == true)
            return GraphResponse.Error(StatusCodes.Status400BadRequest, "ErrorInvalidRequest",
                "The comment and the message body cannot both be set: set either the comment or message.body.");

        var me = call.Me;
        var reply = new MailboxMessage
        {
            GraphId = GraphCall.NewId(),
            ConversationId = original.ConversationId,
            Folder = Drafts,
            IsDraft = true,
            FromName = me.Name,
            FromAddress = me.Address,
            InReplyToGraphId = original.GraphId,
            // Exchange does not stack prefixes: a reply to "RE: x" is "RE: x".
            Subject = original.Subject.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) ? original.Subject : $"RE: {original.Subject}",
            ToRecipients = original.FromAddress is { } sender && !sender.Equals(me.Address, StringComparison.OrdinalIgnoreCase)
                ? [new MailboxAddress(original.FromName, sender)]
                : [.. original.ToRecipients],
            BodyContentType = "html",
            BodyContent = QuotedReply(comment, original),
            CreatedAt = call.Now,
            LastModifiedAt = call.Now,
        };
        if (message is not null) Apply(reply, message);
        call.Db.MailboxMessages.Add(reply);
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Json(StatusCodes.Status201Created, GraphShapes.Message(reply, call, GraphQuery.None, call.Context("messages/$entity")));
    }

    // Like Outlook's reply: the comment, then the original under a separator with its sender and date.
    private static string QuotedReply(string? comment, MailboxMessage original)
    {
        var html = HtmlEncoder.Default;
        var quoted = original.BodyContentType == "html" ? original.BodyContent : $"<pre>{html.Encode(original.BodyContent)}</pre>";
        var top = comment is null ? "" : $"<div>{html.Encode(comment)}</div>";
        var from = original.FromAddress is null ? "" : $"<b>From:</b> {html.Encode(original.FromName ?? original.FromAddress)} &lt;{html.Encode(original.FromAddress)}&gt;<br>";
        return $"{top}<hr><div>{from}<b>Sent:</b> {html.Encode(GraphTime.Instant(GraphShapes.SentDateTime(original)))}<br><b>Subject:</b> {html.Encode(original.Subject)}</div>{quoted}";
    }

    /// <summary>Sends a draft: it moves to Sent Items with its id unchanged (ids here are always immutable).</summary>
    public static async Task<GraphResponse> SendAsync(GraphCall call, string id, CancellationToken ct)
    {
        var message = await call.Db.MailboxMessages.FirstOrDefaultAsync(m => m.GraphId == id, ct);
        if (message is null) return GraphErrors.NotFound();
        if (!message.IsDraft)
            return GraphResponse.Error(StatusCodes.Status400BadRequest, "ErrorInvalidRequest", "Only a draft can be sent: this message was already sent or received.");
        if (message.ToRecipients.Count == 0)
            return GraphResponse.Error(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        message.IsDraft = false;
        message.Folder = SentItems;
        message.SentAt = call.Now;
        message.LastModifiedAt = call.Now;
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Empty(StatusCodes.Status202Accepted);
    }
}
