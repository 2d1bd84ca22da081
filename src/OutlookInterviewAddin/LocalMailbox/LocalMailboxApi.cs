using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// The local mailbox: the Graph calls the product makes, answered from the host's own database,
/// for local mode and for tests (see docs/local-mailbox.md). The product's Graph code reaches it
/// through the same SDK calls as graph.microsoft.com, with the user's local token, so each local
/// user sees only their own mailbox. In Microsoft 365 mode none of these routes exist (404).
/// </summary>
public static class LocalMailboxApi
{
    public static IEndpointRouteBuilder MapLocalMailbox(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<AddinMode>().IsLocal) return app;

        var graph = app.MapGroup("/graph/v1.0").RequireAuthorization().ExcludeFromDescription();
        graph.MapPost("/me/messages", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.CreateMessageAsync(body)));
        graph.MapGet("/me/messages", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.ListMessagesAsync(http.Request.Query)));
        graph.MapGet("/me/messages/{id}", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.GetMessageAsync(id, http.Request.Query)));
        graph.MapMethods("/me/messages/{id}", ["PATCH"], (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.UpdateMessageAsync(id, body)));
        graph.MapDelete("/me/messages/{id}", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.DeleteMessageAsync(id)));
        graph.MapPost("/me/messages/{id}/createReply", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.CreateReplyAsync(id, body), bodyOptional: true));
        graph.MapPost("/me/messages/{id}/send", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.SendAsync(id)));
        graph.MapPost("/me/events", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.CreateEventAsync(body)));
        graph.MapGet("/me/events", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.ListEventsAsync(http.Request.Query)));
        graph.MapGet("/me/events/{id}", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.GetEventAsync(id, http.Request.Query)));
        graph.MapMethods("/me/events/{id}", ["PATCH"], (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.UpdateEventAsync(id, body)));
        graph.MapPost("/me/events/{id}/attachments", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.AddAttachmentAsync(id, body)));
        graph.MapGet("/me/events/{id}/attachments", (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.ListAttachmentsAsync(id)));
        graph.MapGet("/me/events/{id}/attachments/{attachmentId}/$value", (string id, string attachmentId, AppDbContext db) =>
            DownloadAsync(db, attachmentId, id));
        graph.MapGet("/me/calendarView", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Read(http, db, user, clock, m => m.CalendarViewAsync(http.Request.Query)));
        graph.MapPost("/$batch", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.BatchAsync(body)));

        // What the pane's "Local mailbox" page shows, and the two things it lets the user do.
        var page = app.MapGroup("/local-mailbox").RequireAuthorization().WithTags("Local mailbox");
        page.MapGet("/", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) => Read(http, db, user, clock, m => m.OverviewAsync()));
        page.MapGet("/invitations", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) => Read(http, db, user, clock, m => m.InvitationsAsync()));
        page.MapGet("/attachments/{id}", (string id, AppDbContext db) => DownloadAsync(db, id, null));
        page.MapPost("/messages/{id}/send", async (string id, HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
        {
            var answer = await For(http, db, user, clock).SendAsync(id);
            return answer.Status == 202 ? Results.NoContent() : answer.ToResult();
        });
        page.MapPost("/incoming", (HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            Run(http, db, user, clock, (m, body) => m.DeliverAsync(body)));
        return app;
    }

    private static MailboxStore For(HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock) =>
        new(db, user, clock, GraphJson.PreferredZone(http.Request.Headers["Prefer"].ToString()), $"{http.Request.Scheme}://{http.Request.Host}");

    private static async Task<IResult> Read(HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock, Func<MailboxStore, Task<GraphAnswer>> action) =>
        (await action(For(http, db, user, clock))).ToResult();

    // A request with a JSON body: malformed JSON is Graph's 400, never a stack trace.
    private static async Task<IResult> Run(HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock,
        Func<MailboxStore, JsonObject, Task<GraphAnswer>> action, bool bodyOptional = false)
    {
        JsonObject body;
        try
        {
            var node = http.Request.ContentLength == 0 ? null : await JsonNode.ParseAsync(http.Request.Body);
            if (node is null && !bodyOptional) return GraphAnswer.BadRequest("BadRequest", "Empty Payload. JSON content expected.").ToResult();
            if (node is not null and not JsonObject) return GraphAnswer.BadRequest("BadRequest", "A JSON object was expected.").ToResult();
            body = node as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return GraphAnswer.BadRequest("BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.").ToResult();
        }
        try
        {
            return (await action(For(http, db, user, clock), body)).ToResult();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            // A value of the wrong JSON type (a number where a string belongs).
            return GraphAnswer.BadRequest("RequestBodyRead", "A value in the request has the wrong type: " + e.Message).ToResult();
        }
    }

    private static async Task<IResult> DownloadAsync(AppDbContext db, string attachmentId, string? parentId)
    {
        var attachment = await db.MailboxAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.GraphId == attachmentId && (parentId == null || a.ParentGraphId == parentId));
        if (attachment is null) return GraphAnswer.NotFound().ToResult();
        var name = new string([.. attachment.Name.Select(c => char.IsControl(c) || c is '"' or '\\' or '/' ? '_' : c)]);
        return Results.File(attachment.Content, attachment.ContentType, name);
    }

    /// <summary>Splits a relative batch url ("/me/messages?$filter=…") into its path and query.</summary>
    internal static (string Path, IQueryCollection Query) SplitUrl(string url)
    {
        var cut = url.IndexOf('?', StringComparison.Ordinal);
        var path = (cut < 0 ? url : url[..cut]).Trim();
        // The SDK's own batch writer drops the first five characters of the path ("/v1.0"), which for
        // a base under /graph leaves "h/v1.0/…": accept the full path, or any prefix ending in v1.0.
        var version = path.IndexOf("v1.0/", StringComparison.OrdinalIgnoreCase);
        if (version >= 0) path = path[(version + 4)..];
        if (!path.StartsWith('/')) path = "/" + path;
        var query = cut < 0 ? new QueryCollection() : new QueryCollection(QueryHelpers.ParseQuery(url[cut..]));
        return (path, query);
    }
}
