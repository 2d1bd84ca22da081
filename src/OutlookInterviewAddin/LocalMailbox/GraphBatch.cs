using System.Text.Json.Nodes;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// JSON batching (POST /$batch): up to 20 steps, each answered by the same handler as its own route.
/// The local mailbox runs GET steps (the lookups the product batches); other methods answer a 400
/// step. Steps run in order, and a step whose dependsOn failed answers 424, as Graph does.
/// </summary>
public static class GraphBatch
{
    public const int MaxRequests = 20;

    private sealed record Step(string Id, string Method, string Url, IReadOnlyList<string?> Prefer, IReadOnlyList<string> DependsOn);

    public static async Task<GraphResponse> RunAsync(Func<IEnumerable<string?>, GraphCall> callFor, GraphBody body, GraphRequestIds ids, CancellationToken ct)
    {
        var steps = ReadSteps(body);
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var responses = new JsonArray();
        foreach (var step in steps)
        {
            GraphResponse answer;
            if (step.DependsOn.FirstOrDefault(d => !statuses.TryGetValue(d, out var status) || status >= 400) is { } failed)
                answer = GraphResponse.Error(StatusCodes.Status424FailedDependency, "FailedDependency", $"The request depends on request '{failed}', which failed.");
            else
            {
                try
                {
                    answer = await RunStepAsync(callFor(step.Prefer), step, ct);
                }
                catch (GraphException refused)
                {
                    answer = refused.Response;
                }
            }
            statuses[step.Id] = answer.Status;
            var response = new JsonObject
            {
                ["id"] = step.Id,
                ["status"] = answer.Status,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            };
            if (answer.BodyFor(ids) is { } json) response["body"] = json.DeepClone();
            else ((JsonObject)response["headers"]!).Remove("Content-Type");
            responses.Add(response);
        }
        return GraphResponse.Json(StatusCodes.Status200OK, new JsonObject { ["responses"] = responses });
    }

    private static List<Step> ReadSteps(GraphBody body)
    {
        var requests = body.Objects("requests") ?? throw GraphErrors.InvalidQuery("Invalid batch payload format: a \"requests\" array is expected.");
        if (requests.Count == 0) throw GraphErrors.InvalidQuery("Invalid batch payload format: the batch has no requests.");
        if (requests.Count > MaxRequests)
            throw GraphErrors.InvalidQuery($"The batch has {requests.Count} requests; Microsoft Graph accepts at most {MaxRequests} in one batch.");
        var steps = new List<Step>();
        foreach (var (request, index) in requests.Select((r, i) => (r, i)))
        {
            var id = request.Text("id", 100);
            var method = request.Text("method", 10);
            var url = request.Text("url", 8000);
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(method) || string.IsNullOrWhiteSpace(url))
                throw GraphErrors.InvalidQuery($"Invalid batch payload format: request {index + 1} needs an id, a method and a url.");
            if (steps.Any(s => s.Id == id)) throw GraphErrors.InvalidQuery($"Invalid batch payload format: the request id '{id}' is used twice.");
            var prefer = request.Nested("headers")?.StringProperties().Where(h => h.Name.Equals("Prefer", StringComparison.OrdinalIgnoreCase)).Select(h => (string?)h.Value).ToList() ?? [];
            var dependsOn = request.Strings("dependsOn", 100) ?? [];
            if (dependsOn.FirstOrDefault(d => steps.All(s => s.Id != d)) is { } unknown)
                throw GraphErrors.InvalidQuery($"Invalid batch payload format: request '{id}' depends on '{unknown}', which is not an earlier request of the batch.");
            steps.Add(new Step(id, method.Trim().ToUpperInvariant(), url.Trim(), prefer, dependsOn));
        }
        return steps;
    }

    private static Task<GraphResponse> RunStepAsync(GraphCall call, Step step, CancellationToken ct)
    {
        if (step.Method != "GET")
            throw GraphErrors.NotImplemented($"The local mailbox's $batch runs GET requests only, not {step.Method} {step.Url}.");
        var (path, queryString) = SplitUrl(step.Url, call);
        var query = GraphQuery.FromQueryString(queryString);
        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        bool Is(int i, string name) => s[i].Equals(name, StringComparison.OrdinalIgnoreCase);
        return s switch
        {
            [_, _] when Is(0, "me") && Is(1, "messages") => GraphMessages.ListAsync(call, query, ct),
            [_, _, var id] when Is(0, "me") && Is(1, "messages") => GraphMessages.GetAsync(call, id, query, ct),
            [_, _] when Is(0, "me") && Is(1, "events") => GraphEvents.ListAsync(call, query, ct),
            [_, _, var id] when Is(0, "me") && Is(1, "events") => GraphEvents.GetAsync(call, id, query, ct),
            [_, _, var id, _] when Is(0, "me") && Is(1, "events") && Is(3, "attachments") => GraphEvents.ListAttachmentsAsync(call, id, query, ct),
            [_, _, var id, _, var attachmentId] when Is(0, "me") && Is(1, "events") && Is(3, "attachments") =>
                GraphEvents.GetAttachmentAsync(call, id, attachmentId, query, ct),
            [_, _] when Is(0, "me") && Is(1, "calendarView") => GraphEvents.CalendarViewAsync(call, query, ct),
            _ => throw GraphErrors.NotImplemented($"GET {step.Url} is not something the local mailbox serves in a batch."),
        };
    }

    /// <summary>
    /// A step's URL as a path below the service root and its query string. Graph expects "/me/…"
    /// (with or without the slash); absolute URLs to this host are accepted too, and so is the form
    /// the SDK's BatchRequestContent writes for a service root below a path: it cuts the first five
    /// characters of the path ("/v1.0" on graph.microsoft.com), leaving "h/v1.0/me/…" for "/graph/v1.0".
    /// </summary>
    private static (string Path, string Query) SplitUrl(string url, GraphCall call)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            var root = new Uri(call.ServiceRoot + "/");
            if (!root.IsBaseOf(absolute)) throw GraphErrors.NotImplemented($"The batch step URL '{url}' is not below {call.ServiceRoot}.");
            url = absolute.PathAndQuery[(root.AbsolutePath.Length - 1)..];
        }
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = (question < 0 ? url : url[..question]).TrimStart('/');
        var query = question < 0 ? "" : url[(question + 1)..];
        const string Root = "graph/v1.0/";
        var version = path.IndexOf("v1.0/", StringComparison.OrdinalIgnoreCase);
        if (version >= 0 && Root.EndsWith(path[..(version + "v1.0/".Length)], StringComparison.OrdinalIgnoreCase))
            path = path[(version + "v1.0/".Length)..];
        return (path, query);
    }
}
