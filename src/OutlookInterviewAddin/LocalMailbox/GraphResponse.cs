using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// One answer of the local mailbox, exactly as Microsoft Graph would give it: a status, a JSON body
/// (or a file), and Graph's request-id headers. The same value is written to an HTTP response or
/// embedded in a $batch answer, so a route and its batched form cannot drift apart.
/// </summary>
/// <remarks>
/// The host's own API answers with TypedResults and ProblemDetails; these routes cannot, because
/// the Graph SDK reads Graph's error shape ({"error":{"code","message","innerError"}}), not ProblemDetails.
/// </remarks>
public sealed class GraphResponse : IResult
{
    /// <summary>Graph's own JSON content type; the SDK looks only at its media type.</summary>
    public const string JsonContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    private GraphResponse(int status) => Status = status;

    public int Status { get; }

    /// <summary>The JSON body; null for 202/204 answers, files and errors.</summary>
    public JsonNode? Body { get; private init; }

    public string? ErrorCode { get; private init; }

    public string? ErrorMessage { get; private init; }

    public byte[]? File { get; private init; }

    public string? FileContentType { get; private init; }

    public string? FileName { get; private init; }

    /// <summary>Extra response headers (Preference-Applied, Location).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GraphResponse Json(int status, JsonNode body) => new(status) { Body = body };

    public static GraphResponse Empty(int status) => new(status);

    public static GraphResponse Error(int status, string code, string message) => new(status) { ErrorCode = code, ErrorMessage = message };

    public static GraphResponse FileContent(byte[] content, string contentType, string fileName) =>
        new(StatusCodes.Status200OK) { File = content, FileContentType = contentType, FileName = fileName };

    public bool IsError => ErrorCode is not null;

    /// <summary>The body as Graph writes it, errors included (their innerError names this request).</summary>
    public JsonNode? BodyFor(GraphRequestIds ids) => IsError
        ? new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = ErrorCode,
                ["message"] = ErrorMessage,
                ["innerError"] = new JsonObject
                {
                    // Graph's format: no offset, no fraction.
                    ["date"] = ids.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = ids.RequestId,
                    ["client-request-id"] = ids.ClientRequestId,
                },
            },
        }
        : Body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ids = GraphRequestIds.For(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.Headers["request-id"] = ids.RequestId;
        response.Headers["client-request-id"] = ids.ClientRequestId;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in Headers) response.Headers[name] = value;

        if (File is not null)
        {
            response.ContentType = FileContentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.ContentLength = File.Length;
            await response.Body.WriteAsync(File, httpContext.RequestAborted);
            return;
        }
        if (BodyFor(ids) is not { } body) return;
        response.ContentType = JsonContentType;
        await JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: httpContext.RequestAborted);
    }
}

/// <summary>The ids Graph stamps on every answer: its own request id and the client's, echoed back.</summary>
public sealed record GraphRequestIds(string RequestId, string ClientRequestId, DateTimeOffset Date)
{
    public static GraphRequestIds For(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(GraphRequestIds), out var known) && known is GraphRequestIds ids) return ids;
        var clientId = context.Request.Headers["client-request-id"].ToString();
        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        ids = new GraphRequestIds(Guid.NewGuid().ToString(), clientId.Length is > 0 and <= 100 ? clientId : Guid.NewGuid().ToString(), clock.GetUtcNow());
        context.Items[typeof(GraphRequestIds)] = ids;
        return ids;
    }
}

/// <summary>
/// A request the local mailbox refuses, raised where the problem is found (deep in a body or a
/// $filter) and answered once, as Graph's error, by the route or the $batch step that ran it.
/// </summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public GraphResponse Response => GraphResponse.Error(Status, Code, Message);
}

/// <summary>Graph's error codes and messages, as Exchange Online sends them.</summary>
public static class GraphErrors
{
    public static GraphResponse NotFound() =>
        GraphResponse.Error(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphException InvalidBody(string detail) =>
        new(StatusCodes.Status400BadRequest, "UnableToDeserializePostBody", $"were unable to deserialize: {detail}");

    public static GraphException MalformedJson() =>
        new(StatusCodes.Status400BadRequest, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");

    public static GraphException EmptyPayload() =>
        new(StatusCodes.Status400BadRequest, "BadRequest", "Empty Payload. JSON content expected.");

    public static GraphException InvalidFilter(string detail) =>
        new(StatusCodes.Status400BadRequest, "ErrorInvalidUrlQueryFilter", $"The query filter contains one or more invalid nodes. {detail}");

    public static GraphException InvalidQuery(string message) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static GraphException UnknownProperty(string property, string type) =>
        new(StatusCodes.Status400BadRequest, "RequestBroker--ParseUri", $"Could not find a property named '{property}' on type 'microsoft.graph.{type}'.");

    public static GraphException TimeZoneNotSupported(string? zone) =>
        new(StatusCodes.Status400BadRequest, "TimeZoneNotSupportedException",
            $"A valid TimeZone value must be specified. The following TimeZone value is not supported: '{zone}'.");

    public static GraphException InvalidParameter(string message) =>
        new(StatusCodes.Status400BadRequest, "ErrorInvalidParameter", message);

    public static GraphException RequiredPropertyMissing(string property) =>
        new(StatusCodes.Status400BadRequest, "ErrorRequiredPropertyMissing", $"Required property is missing: {property}.");

    /// <summary>The local mailbox covers what the product calls; anything else is said plainly instead of half-working.</summary>
    public static GraphException NotImplemented(string what) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", $"{what} The local mailbox implements only the Microsoft Graph calls this add-in makes (see docs/local-mailbox.md).");
}
