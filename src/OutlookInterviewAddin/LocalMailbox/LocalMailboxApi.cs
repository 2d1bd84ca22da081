using Microsoft.AspNetCore.Authorization;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// The local mailbox (local mode only): a Graph-compatible endpoint under /graph/v1.0 that the
/// product's Graph SDK client is pointed at when there is no Microsoft 365 tenant, and the API of
/// the pane's "Local mailbox" page under /local-mailbox. See docs/local-mailbox.md.
/// </summary>
public static class LocalMailboxApi
{
    public const string ServiceRoot = "/graph/v1.0";

    public static IServiceCollection AddLocalMailbox(this IServiceCollection services)
    {
        services.AddScoped<CallServices>();
        // Graph's own 401/403 shape on the Graph routes, so the SDK meets InvalidAuthenticationToken as with real Graph.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GraphAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Maps the routes in local mode; in Microsoft 365 mode they do not exist (404).</summary>
    public static IEndpointRouteBuilder MapLocalMailbox(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<AddinMode>().IsLocal) return app;

        var graph = app.MapGroup(ServiceRoot)
            .RequireAuthorization()
            .WithTags("Local mailbox (Graph)")
            .ExcludeFromDescription()
            .WithMetadata(new GraphEndpointMetadata())
            .AddEndpointFilter(AnswerRefusals);

        var me = graph.MapGroup("/me");
        me.MapPost("/messages", (HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphMessages.CreateAsync(s.For(http), body, ct)));
        me.MapGet("/messages", (HttpContext http, CallServices s, CancellationToken ct) =>
            GraphMessages.ListAsync(s.For(http), GraphQuery.From(http.Request.Query), ct));
        me.MapGet("/messages/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphMessages.GetAsync(s.For(http), id, GraphQuery.From(http.Request.Query), ct));
        me.MapPatch("/messages/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphMessages.UpdateAsync(s.For(http), id, body, ct)));
        me.MapDelete("/messages/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphMessages.DeleteAsync(s.For(http), id, ct));
        me.MapPost("/messages/{id}/createReply", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: false, body => GraphMessages.CreateReplyAsync(s.For(http), id, body, ct)));
        me.MapPost("/messages/{id}/send", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphMessages.SendAsync(s.For(http), id, ct));

        me.MapPost("/events", (HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphEvents.CreateAsync(s.For(http), body, ct)));
        me.MapGet("/events", (HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.ListAsync(s.For(http), GraphQuery.From(http.Request.Query), ct));
        me.MapGet("/events/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.GetAsync(s.For(http), id, GraphQuery.From(http.Request.Query), ct));
        me.MapPatch("/events/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphEvents.UpdateAsync(s.For(http), id, body, ct)));
        me.MapDelete("/events/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.DeleteAsync(s.For(http), id, ct));
        me.MapPost("/events/{id}/attachments", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphEvents.AddAttachmentAsync(s.For(http), id, body, ct)));
        me.MapGet("/events/{id}/attachments", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.ListAttachmentsAsync(s.For(http), id, GraphQuery.From(http.Request.Query), ct));
        me.MapGet("/events/{id}/attachments/{attachmentId}", (string id, string attachmentId, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.GetAttachmentAsync(s.For(http), id, attachmentId, GraphQuery.From(http.Request.Query), ct));
        me.MapGet("/events/{id}/attachments/{attachmentId}/$value", (string id, string attachmentId, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.GetAttachmentContentAsync(s.For(http), id, attachmentId, ct));
        me.MapGet("/calendarView", (HttpContext http, CallServices s, CancellationToken ct) =>
            GraphEvents.CalendarViewAsync(s.For(http), GraphQuery.From(http.Request.Query), ct));

        me.MapPost("/contacts", (HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphContacts.CreateAsync(s.For(http), body, ct)));
        me.MapGet("/contacts", (HttpContext http, CallServices s, CancellationToken ct) =>
            GraphContacts.ListAsync(s.For(http), GraphQuery.From(http.Request.Query), ct));
        me.MapGet("/contacts/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphContacts.GetAsync(s.For(http), id, GraphQuery.From(http.Request.Query), ct));
        me.MapDelete("/contacts/{id}", (string id, HttpContext http, CallServices s, CancellationToken ct) =>
            GraphContacts.DeleteAsync(s.For(http), id, ct));

        graph.MapPost("/$batch", (HttpContext http, CallServices s, CancellationToken ct) =>
            WithBody(http, required: true, body => GraphBatch.RunAsync(prefer => s.For(http, prefer), body, GraphRequestIds.For(http), ct)));

        // Anything else below the service root answers like Graph does for a resource it does not have.
        graph.Map("/{**rest}", (string? rest) =>
            Task.FromResult(GraphResponse.Error(StatusCodes.Status400BadRequest, "BadRequest",
                $"Resource not found for the segment '{rest?.Split('/').LastOrDefault()}'. The local mailbox implements only the Microsoft Graph calls this add-in makes (see docs/local-mailbox.md).")));

        var page = app.MapGroup("/local-mailbox").RequireAuthorization().WithTags("Local mailbox")
            .AddEndpointFilter(NotCached);
        page.MapGet("/", LocalMailboxPageApi.GetMailbox);
        page.MapGet("/invitations", LocalMailboxPageApi.GetInvitations);
        page.MapGet("/attachments/{attachmentId}", LocalMailboxPageApi.GetAttachment);
        page.MapPost("/messages/{id}/send", LocalMailboxPageApi.SendMessage);
        page.MapPost("/incoming", LocalMailboxPageApi.DeliverIncoming);
        return app;
    }

    /// <summary>The services every Graph call needs, resolved once per request.</summary>
    internal sealed class CallServices(AppDbContext db, CurrentUser user, TimeProvider clock)
    {
        public GraphCall For(HttpContext http, IEnumerable<string?>? prefer = null) => GraphCall.For(http, db, user, clock, prefer);
    }

    private static async Task<GraphResponse> WithBody(HttpContext http, bool required, Func<GraphBody, Task<GraphResponse>> handler) =>
        await handler(await GraphBody.ReadAsync(http.Request, required, http.RequestAborted));

    // Mail and files of the user: never kept by a browser or a proxy, like the rest of the API.
    private static ValueTask<object?> NotCached(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }

    // A refusal raised anywhere in a call (a body, a $filter, a time zone) becomes Graph's error answer.
    private static async ValueTask<object?> AnswerRefusals(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (GraphException refused)
        {
            return refused.Response;
        }
    }
}

/// <summary>Marks the Graph routes, whose authentication failures answer in Graph's error shape.</summary>
public sealed class GraphEndpointMetadata;
