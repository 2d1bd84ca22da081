using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// /me/events and /me/calendarView: the invite the product creates, its attachments, the attendees
/// whose addition "sends" it, and the calendar window it reads back.
/// </summary>
public static class GraphEvents
{
    /// <summary>Graph takes files up to 3 MB in one request; bigger ones need an upload session.</summary>
    public const int MaxAttachmentBytes = 3 * 1024 * 1024;

    private const string FileAttachmentType = "#microsoft.graph.fileAttachment";

    private sealed class Filterable(MailboxEvent e) : IFilterable
    {
        public DateTimeOffset? Date(string property) => null;

        public string? FromAddress => null;

        public IEnumerable<MailboxExtendedProperty> ExtendedProperties => e.ExtendedProperties;
    }

    /// <summary>
    /// Creates an event. A repeated transactionId answers the first event and creates nothing, also
    /// when the repeats race each other (the unique index keeps one; the others read it back).
    /// Attendees present at creation are invited at once, with no file: Graph takes none on create.
    /// </summary>
    public static async Task<GraphResponse> CreateAsync(GraphCall call, GraphBody body, CancellationToken ct)
    {
        call.CheckPreferences();
        var transactionId = body.Text("transactionId", 200)?.Trim();
        if (transactionId is { Length: 0 }) transactionId = null;
        if (transactionId is not null && await FindByTransactionAsync(call, transactionId, ct) is { } earlier)
            return await CreatedAsync(call, earlier, ct);

        var start = body.DateTimeTimeZone("start") ?? throw GraphErrors.RequiredPropertyMissing("start");
        var end = body.DateTimeTimeZone("end") ?? throw GraphErrors.RequiredPropertyMissing("end");
        var content = body.ItemBody();
        var created = new MailboxEvent
        {
            GraphId = GraphCall.NewId(),
            TransactionId = transactionId,
            Subject = body.Text("subject", GraphBody.MaxSubjectLength) ?? "",
            BodyContentType = content?.ContentType ?? "html",
            BodyContent = content?.Content ?? "",
            StartUtc = start.Instant,
            EndUtc = end.Instant,
            OriginalTimeZone = start.TimeZone,
            Location = LocationOf(body),
            Attendees = body.Attendees() ?? [],
            Categories = body.Strings("categories", 255) ?? [],
            ExtendedProperties = body.ExtendedProperties() ?? [],
            CreatedAt = call.Now,
            LastModifiedAt = call.Now,
        };
        CheckOrder(created);
        call.Db.MailboxEvents.Add(created);
        Invite(call, created, created.Attendees, []);
        try
        {
            await call.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (transactionId is not null)
        {
            // A parallel create with the same transaction id won the unique index: answer its event.
            call.Db.ChangeTracker.Clear();
            if (await FindByTransactionAsync(call, transactionId, ct) is not { } winner) throw;
            return await CreatedAsync(call, winner, ct);
        }
        return await CreatedAsync(call, created, ct);
    }

    private static Task<MailboxEvent?> FindByTransactionAsync(GraphCall call, string transactionId, CancellationToken ct) =>
        call.Db.MailboxEvents.AsNoTracking().FirstOrDefaultAsync(e => e.TransactionId == transactionId, ct);

    private static async Task<GraphResponse> CreatedAsync(GraphCall call, MailboxEvent e, CancellationToken ct) =>
        GraphResponse.Json(StatusCodes.Status201Created,
            GraphShapes.Event(e, await AttachmentsOfAsync(call, [e.GraphId], withContent: false, ct), call, GraphQuery.None, call.Context("events/$entity")));

    private static string? LocationOf(GraphBody body)
    {
        var name = body.Nested("location")?.Text("displayName", 500)?.Trim();
        return string.IsNullOrEmpty(name) ? null : name;
    }

    private static void CheckOrder(MailboxEvent e)
    {
        if (e.EndUtc < e.StartUtc)
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorCalendarEndDateIsEarlierThanStartDate", "The end date occurs before the start date.");
    }

    // The local stand-in for Exchange sending the invitation: one record per attendee, with the files the event has now.
    private static void Invite(GraphCall call, MailboxEvent e, IEnumerable<MailboxAttendee> attendees, List<string> attachmentNames)
    {
        foreach (var attendee in attendees.DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase))
        {
            call.Db.MailboxInvitations.Add(new MailboxInvitation
            {
                EventGraphId = e.GraphId,
                Attendee = attendee.Address,
                SentAt = call.Now,
                AttachmentNames = [.. attachmentNames],
            });
        }
    }

    public static async Task<GraphResponse> GetAsync(GraphCall call, string id, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Event, collection: false);
        call.CheckPreferences();
        var e = await call.Db.MailboxEvents.AsNoTracking().FirstOrDefaultAsync(x => x.GraphId == id, ct);
        if (e is null) return GraphErrors.NotFound();
        var attachments = await AttachmentsOfAsync(call, [id], withContent: query.Expanded("attachments") is not null, ct);
        return GraphResponse.Json(StatusCodes.Status200OK, GraphShapes.Event(e, attachments, call, query, call.Context("events/$entity")));
    }

    public static async Task<GraphResponse> ListAsync(GraphCall call, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Event, collection: true);
        call.CheckPreferences();
        var all = await call.Db.MailboxEvents.AsNoTracking().ToListAsync(ct);
        return await PageAsync(call, query, all, $"{call.ServiceRoot}/me/events", call.Context("events"), ct);
    }

    /// <summary>The events that overlap [startDateTime, endDateTime): values with an offset, or UTC without one, as Graph reads them.</summary>
    public static async Task<GraphResponse> CalendarViewAsync(GraphCall call, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Event, collection: true);
        call.CheckPreferences();
        var from = WindowEdge(query, "startDateTime");
        var to = WindowEdge(query, "endDateTime");
        var inWindow = await call.Db.MailboxEvents.AsNoTracking()
            .Where(e => e.StartUtc < to && (e.EndUtc > from || (e.EndUtc == e.StartUtc && e.StartUtc >= from)))
            .ToListAsync(ct);
        return await PageAsync(call, query, inWindow, $"{call.ServiceRoot}/me/calendarView", call.Context("calendarView"), ct);
    }

    private static DateTimeOffset WindowEdge(GraphQuery query, string name)
    {
        var text = query[name];
        if (string.IsNullOrWhiteSpace(text))
            throw GraphErrors.InvalidParameter("This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        var style = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!text.Contains('T', StringComparison.Ordinal) || !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, style, out var value))
            throw GraphErrors.InvalidParameter($"The value '{text}' of parameter '{char.ToUpperInvariant(name[0])}{name[1..]}' is invalid.");
        return value;
    }

    private static async Task<GraphResponse> PageAsync(GraphCall call, GraphQuery query, List<MailboxEvent> events, string resourceUrl, string context, CancellationToken ct)
    {
        var matching = events.Where(e => query.Filter?.Matches(new Filterable(e)) ?? true);
        var sorted = Sort(matching, query.OrderBy).ToList();
        var page = sorted.Skip(query.Skip).Take(query.Top).ToList();
        var attachments = await AttachmentsOfAsync(call, [.. page.Select(e => e.GraphId)], withContent: query.Expanded("attachments") is not null, ct);
        var byEvent = attachments.ToLookup(a => a.ParentGraphId);
        var next = query.Skip + query.Top < sorted.Count ? query.NextLink(resourceUrl) : null;
        return GraphResponse.Json(StatusCodes.Status200OK,
            GraphShapes.Collection(context, page.Select(e => GraphShapes.Event(e, [.. byEvent[e.GraphId]], call, query)), next));
    }

    private static IEnumerable<MailboxEvent> Sort(IEnumerable<MailboxEvent> events, IReadOnlyList<(string Property, bool Descending)> order)
    {
        if (order.Count == 0) order = [("start/dateTime", false)];
        IOrderedEnumerable<MailboxEvent>? sorted = null;
        foreach (var (property, descending) in order)
        {
            Func<MailboxEvent, IComparable> key = property switch
            {
                "start/dateTime" => e => e.StartUtc,
                "end/dateTime" => e => e.EndUtc,
                "createdDateTime" => e => e.CreatedAt,
                "lastModifiedDateTime" => e => e.LastModifiedAt,
                _ => e => e.Subject,
            };
            sorted = sorted is null
                ? descending ? events.OrderByDescending(key) : events.OrderBy(key)
                : descending ? sorted.ThenByDescending(key) : sorted.ThenBy(key);
        }
        return sorted!.ThenBy(e => e.CreatedAt);
    }

    /// <summary>Deletes an event and its files, as the organiser cancelling the meeting in Outlook does. The invitations already sent stay sent.</summary>
    public static async Task<GraphResponse> DeleteAsync(GraphCall call, string id, CancellationToken ct)
    {
        var e = await call.Db.MailboxEvents.FirstOrDefaultAsync(x => x.GraphId == id, ct);
        if (e is null) return GraphErrors.NotFound();
        call.Db.MailboxEvents.Remove(e);
        await call.Db.MailboxAttachments.Where(a => a.ParentGraphId == id).ExecuteDeleteAsync(ct);
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Empty(StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// Updates an event. Attendees that were not on it before are invited now, and their invitation
    /// carries the files the event has at this moment: attach first, then invite.
    /// </summary>
    public static async Task<GraphResponse> UpdateAsync(GraphCall call, string id, GraphBody body, CancellationToken ct)
    {
        call.CheckPreferences();
        var e = await call.Db.MailboxEvents.FirstOrDefaultAsync(x => x.GraphId == id, ct);
        if (e is null) return GraphErrors.NotFound();

        if (body.Has("subject")) e.Subject = body.Text("subject", GraphBody.MaxSubjectLength) ?? "";
        if (body.ItemBody() is { } content)
        {
            e.BodyContentType = content.ContentType;
            e.BodyContent = content.Content;
        }
        if (body.DateTimeTimeZone("start") is { } start)
        {
            e.StartUtc = start.Instant;
            e.OriginalTimeZone = start.TimeZone;
        }
        if (body.DateTimeTimeZone("end") is { } end) e.EndUtc = end.Instant;
        CheckOrder(e);
        if (body.Has("location")) e.Location = LocationOf(body);
        if (body.Strings("categories", 255) is { } categories) e.Categories = categories;
        if (body.ExtendedProperties() is { } properties) e.ExtendedProperties = GraphBody.Merge(e.ExtendedProperties, properties);
        if (body.Attendees() is { } attendees)
        {
            var added = attendees
                .Where(a => !e.Attendees.Any(old => old.Address.Equals(a.Address, StringComparison.OrdinalIgnoreCase)))
                .DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase)
                .ToList();
            e.Attendees = attendees;
            if (added.Count > 0)
            {
                var names = (await AttachmentsOfAsync(call, [id], withContent: false, ct)).Select(a => a.Name).ToList();
                Invite(call, e, added, names);
            }
        }
        e.LastModifiedAt = call.Now;
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Json(StatusCodes.Status200OK,
            GraphShapes.Event(e, await AttachmentsOfAsync(call, [id], withContent: false, ct), call, GraphQuery.None, call.Context("events/$entity")));
    }

    /// <summary>The attachments of these items in the order they were added; the bytes only when asked for.</summary>
    public static async Task<List<MailboxAttachment>> AttachmentsOfAsync(GraphCall call, string[] parentIds, bool withContent, CancellationToken ct)
    {
        if (parentIds.Length == 0) return [];
        var query = call.Db.MailboxAttachments.AsNoTracking().Where(a => parentIds.Contains(a.ParentGraphId)).OrderBy(a => a.CreatedAt);
        if (withContent) return await query.ToListAsync(ct);
        var rows = await query.Select(a => new { a.GraphId, a.ParentGraphId, a.Name, a.ContentType, Size = a.Content.Length, a.CreatedAt }).ToListAsync(ct);
        // Without the bytes, a stand-in array of the right length keeps "size" true.
        return [.. rows.Select(r => new MailboxAttachment
        {
            GraphId = r.GraphId, ParentGraphId = r.ParentGraphId, Name = r.Name, ContentType = r.ContentType, Content = new byte[r.Size], CreatedAt = r.CreatedAt,
        })];
    }

    /// <summary>Adds a file to an event: only #microsoft.graph.fileAttachment, up to 3 MB (no upload sessions here).</summary>
    public static async Task<GraphResponse> AddAttachmentAsync(GraphCall call, string id, GraphBody body, CancellationToken ct)
    {
        if (!await call.Db.MailboxEvents.AnyAsync(e => e.GraphId == id, ct)) return GraphErrors.NotFound();
        var type = body.Text("@odata.type");
        if (type is null)
            throw GraphErrors.InvalidBody("an attachment needs \"@odata.type\": \"#microsoft.graph.fileAttachment\" (Graph cannot create the abstract attachment type).");
        if (!type.TrimStart('#').Equals(FileAttachmentType[1..], StringComparison.OrdinalIgnoreCase))
            throw type.TrimStart('#').StartsWith("microsoft.graph.", StringComparison.OrdinalIgnoreCase) && type.EndsWith("Attachment", StringComparison.OrdinalIgnoreCase)
                ? GraphErrors.NotImplemented($"Attachments of type '{type}' are not supported by the local mailbox; use #microsoft.graph.fileAttachment.")
                : GraphErrors.InvalidBody($"'{type}' is not an attachment type.");
        var name = body.Text("name", 255)?.Trim();
        if (string.IsNullOrEmpty(name)) throw GraphErrors.RequiredPropertyMissing("name");
        var base64 = body.Text("contentBytes") ?? throw GraphErrors.RequiredPropertyMissing("contentBytes");
        // The largest base64 text that can still decode to 3 MB or less.
        if (base64.Length > (MaxAttachmentBytes + 2) / 3 * 4 + 4)
            return TooLarge();
        var content = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, content, out var length))
            throw GraphErrors.InvalidBody("'contentBytes' is not valid base64.");
        if (length > MaxAttachmentBytes) return TooLarge();
        var contentType = body.Text("contentType", 255)?.Trim();

        var attachment = new MailboxAttachment
        {
            GraphId = GraphCall.NewId(),
            ParentGraphId = id,
            Name = name,
            ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType,
            Content = content[..length],
            CreatedAt = call.Now,
        };
        call.Db.MailboxAttachments.Add(attachment);
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Json(StatusCodes.Status201Created, GraphShapes.Attachment(attachment, withContent: false, context: call.Context($"events('{id}')/attachments/$entity")));
    }

    private static GraphResponse TooLarge() => GraphResponse.Error(StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge",
        $"The attachment is larger than {MaxAttachmentBytes / (1024 * 1024)} MB. Microsoft Graph takes bigger files through an upload session (attachments/createUploadSession), which the local mailbox does not implement.");

    public static async Task<GraphResponse> ListAttachmentsAsync(GraphCall call, string id, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Attachment, collection: true);
        if (!await call.Db.MailboxEvents.AnyAsync(e => e.GraphId == id, ct)) return GraphErrors.NotFound();
        var attachments = await AttachmentsOfAsync(call, [id], withContent: true, ct);
        return GraphResponse.Json(StatusCodes.Status200OK, GraphShapes.Collection(call.Context($"events('{id}')/attachments"),
            attachments.Skip(query.Skip).Take(query.Top).Select(a => GraphShapes.Attachment(a, withContent: true, query.Select))));
    }

    public static async Task<GraphResponse> GetAttachmentAsync(GraphCall call, string id, string attachmentId, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(GraphType.Attachment, collection: false);
        var attachment = await call.Db.MailboxAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.GraphId == attachmentId && a.ParentGraphId == id, ct);
        return attachment is null
            ? GraphErrors.NotFound()
            : GraphResponse.Json(StatusCodes.Status200OK, GraphShapes.Attachment(attachment, withContent: true, query.Select, call.Context($"events('{id}')/attachments/$entity")));
    }

    /// <summary>The file itself (…/attachments/{id}/$value).</summary>
    public static async Task<GraphResponse> GetAttachmentContentAsync(GraphCall call, string id, string attachmentId, CancellationToken ct)
    {
        var attachment = await call.Db.MailboxAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.GraphId == attachmentId && a.ParentGraphId == id, ct);
        return attachment is null ? GraphErrors.NotFound() : GraphResponse.FileContent(attachment.Content, SafeContentType(attachment.ContentType), attachment.Name);
    }

    /// <summary>The stored content type when it is a well-formed media type; application/octet-stream otherwise.</summary>
    public static string SafeContentType(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue && !parsed.MediaType.Value!.Contains('*', StringComparison.Ordinal)
            ? contentType
            : "application/octet-stream";
}
