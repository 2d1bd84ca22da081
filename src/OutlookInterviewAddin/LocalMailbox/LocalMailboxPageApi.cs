using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.LocalMailbox;

public sealed record LocalAddress(string? Name, string Address);

public sealed record LocalAttendee(string? Name, string Address, string Type);

public sealed record LocalMessage(
    string Id, string Subject, string Folder, bool IsDraft, LocalAddress? From, List<LocalAddress> To,
    DateTime CreatedDateTime, DateTime? SentDateTime, DateTime? ReceivedDateTime, string ConversationId, string? InReplyToId,
    string Html, List<string> Categories);

public sealed record LocalAttachment(string Id, string Name, string ContentType, int Size);

public sealed record LocalEventInvitation(string Attendee, DateTime SentAt, List<string> AttachmentNames);

public sealed record LocalEvent(
    string Id, string Subject, DateTime Start, DateTime End, string TimeZone, string? Location, List<LocalAttendee> Attendees,
    List<string> Categories, string Html, List<LocalAttachment> Attachments, List<LocalEventInvitation> Invitations);

public sealed record LocalMailboxView(List<LocalMessage> Messages, List<LocalEvent> Events);

public sealed record LocalInvitation(string EventId, string Attendee, DateTime SentAt, List<string> AttachmentNames);

public sealed record IncomingMessageInput(string? FromName, string? FromAddress, string? Subject, string? Text, string? InReplyToId);

public sealed record IncomingMessageCreated(string Id);

/// <summary>
/// The local mailbox as the pane's "Local mailbox" page shows it: what the product drafted, sent and
/// scheduled, the invitations each attendee got, and two stand-ins for the world outside, pressing
/// Send and a person writing to the user. Times are UTC instants; bodies are returned as stored.
/// </summary>
public static class LocalMailboxPageApi
{
    public static async Task<Ok<LocalMailboxView>> GetMailbox(AppDbContext db, CancellationToken ct)
    {
        var messages = await db.MailboxMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).ToListAsync(ct);
        var events = await db.MailboxEvents.AsNoTracking().OrderByDescending(e => e.CreatedAt).ToListAsync(ct);
        var attachments = (await db.MailboxAttachments.AsNoTracking()
                .OrderBy(a => a.CreatedAt)
                .Select(a => new { a.ParentGraphId, View = new LocalAttachment(a.GraphId, a.Name, a.ContentType, a.Content.Length) })
                .ToListAsync(ct))
            .ToLookup(a => a.ParentGraphId, a => a.View);
        var invitations = (await InvitationsInOrderAsync(db, events, ct)).ToLookup(i => i.EventId);

        return TypedResults.Ok(new LocalMailboxView(
            [.. messages.Select(m => new LocalMessage(
                m.GraphId, m.Subject, m.Folder, m.IsDraft,
                m.FromAddress is null ? null : new LocalAddress(m.FromName, m.FromAddress),
                [.. m.ToRecipients.Select(r => new LocalAddress(r.Name, r.Address))],
                m.CreatedAt.UtcDateTime, m.SentAt?.UtcDateTime, m.ReceivedAt?.UtcDateTime, m.ConversationId, m.InReplyToGraphId,
                Html(m.BodyContentType, m.BodyContent), m.Categories))],
            [.. events.Select(e => new LocalEvent(
                e.GraphId, e.Subject, e.StartUtc.UtcDateTime, e.EndUtc.UtcDateTime, e.OriginalTimeZone, e.Location,
                [.. e.Attendees.Select(a => new LocalAttendee(a.Name, a.Address, a.Type))],
                e.Categories, Html(e.BodyContentType, e.BodyContent), [.. attachments[e.GraphId]],
                [.. invitations[e.GraphId].Select(i => new LocalEventInvitation(i.Attendee, i.SentAt, i.AttachmentNames))]))]));
    }

    /// <summary>A text body as HTML for the page's frame; an HTML body exactly as stored.</summary>
    private static string Html(string contentType, string content) =>
        contentType == "html" ? content : $"<pre>{HtmlEncoder.Default.Encode(content)}</pre>";

    /// <summary>Every invitation "sent", in the order it was sent.</summary>
    public static async Task<Ok<List<LocalInvitation>>> GetInvitations(AppDbContext db, CancellationToken ct)
    {
        var events = await db.MailboxEvents.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(await InvitationsInOrderAsync(db, events, ct));
    }

    // Invitations sent together (one create or update) share their time: they follow the event's attendee order.
    private static async Task<List<LocalInvitation>> InvitationsInOrderAsync(AppDbContext db, List<MailboxEvent> events, CancellationToken ct)
    {
        var attendees = events.ToDictionary(e => e.GraphId, e => e.Attendees);
        int Position(MailboxInvitation i)
        {
            var index = attendees.TryGetValue(i.EventGraphId, out var list) ? list.FindIndex(a => a.Address.Equals(i.Attendee, StringComparison.OrdinalIgnoreCase)) : -1;
            return index < 0 ? int.MaxValue : index;
        }
        var rows = await db.MailboxInvitations.AsNoTracking().ToListAsync(ct);
        return [.. rows
            .OrderBy(i => i.SentAt)
            .ThenBy(i => i.EventGraphId, StringComparer.Ordinal)
            .ThenBy(Position)
            .Select(i => new LocalInvitation(i.EventGraphId, i.Attendee, i.SentAt.UtcDateTime, i.AttachmentNames))];
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAttachment(string attachmentId, AppDbContext db, CancellationToken ct)
    {
        var attachment = await db.MailboxAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.GraphId == attachmentId, ct);
        if (attachment is null) return Problems.NotFound("Attachment");
        return TypedResults.File(attachment.Content, GraphEvents.SafeContentType(attachment.ContentType), SafeFileName(attachment.Name));
    }

    /// <summary>A name that is only a file name: no folders, no control characters, no quotes.</summary>
    internal static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. file.Select(c => char.IsControl(c) || c is '"' or '/' or '\\' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c)]).Trim(' ', '.');
        return clean.Length == 0 ? "attachment" : clean;
    }

    /// <summary>Stands in for the user pressing Send in Outlook: the same as Graph's send.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> SendMessage(
        string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var sent = await GraphMessages.SendAsync(GraphCall.For(http, db, user, clock, []), id, ct);
        return sent switch
        {
            { Status: StatusCodes.Status202Accepted } => TypedResults.NoContent(),
            { Status: StatusCodes.Status404NotFound } => Problems.NotFound("Message"),
            _ => Problems.BadRequest("The message cannot be sent", sent.ErrorMessage ?? "The message cannot be sent."),
        };
    }

    /// <summary>A message from someone to the user, delivered to the inbox now; in its thread when it replies to one.</summary>
    public static async Task<Results<Created<IncomingMessageCreated>, ValidationProblem, ProblemHttpResult>> DeliverIncoming(
        IncomingMessageInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fromName = errors.Text("fromName", input.FromName, 200, required: true);
        var fromAddress = errors.Email("fromAddress", input.FromAddress, required: true);
        var subject = errors.Text("subject", input.Subject, GraphBody.MaxSubjectLength, required: true);
        var text = errors.Text("text", input.Text, 100_000, required: true);
        if (errors.Any) return errors.Problem();

        var conversationId = GraphCall.NewId();
        string? inReplyTo = null;
        if (!string.IsNullOrWhiteSpace(input.InReplyToId))
        {
            var original = await db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.GraphId == input.InReplyToId, ct);
            if (original is null) return Problems.NotFound("RepliedMessage");
            conversationId = original.ConversationId;
            inReplyTo = original.GraphId;
        }
        var now = clock.GetUtcNow();
        var message = new MailboxMessage
        {
            GraphId = GraphCall.NewId(),
            ConversationId = conversationId,
            Folder = GraphMessages.Inbox,
            IsDraft = false,
            Subject = subject!,
            BodyContentType = "text",
            BodyContent = text!,
            FromName = fromName,
            FromAddress = fromAddress,
            ToRecipients = [new MailboxAddress(user.DisplayName, user.Email ?? "me@localhost")],
            InReplyToGraphId = inReplyTo,
            CreatedAt = now,
            LastModifiedAt = now,
            ReceivedAt = now,
        };
        db.MailboxMessages.Add(message);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created((string?)null, new IncomingMessageCreated(message.GraphId));
    }
}
