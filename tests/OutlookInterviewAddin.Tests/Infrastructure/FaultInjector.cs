using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>What goes wrong with a Graph request, and when.</summary>
public enum FaultKind
{
    /// <summary>429 with Retry-After, before the request reaches the mailbox.</summary>
    Throttle,
    /// <summary>503 before the request reaches the mailbox.</summary>
    UnavailableBefore,
    /// <summary>The mailbox does the work, then the answer is replaced by a 503: the caller cannot know it happened.</summary>
    UnavailableAfter,
    /// <summary>The mailbox does the work, then the answer never comes (until the caller gives up).</summary>
    TimeoutAfter,
}

/// <param name="Method">GET, POST, PATCH…</param>
/// <param name="Path">A regular expression on the path, such as "/me/events/[^/]+/attachments$".</param>
/// <param name="Times">How many matching requests it hits.</param>
public sealed record Fault(FaultKind Kind, string Method, string Path, int Times = 1, int RetryAfterSeconds = 1);

/// <summary>
/// Sits where the network would be, below the Graph SDK's own retry handler, and breaks the
/// requests a test names: so the SDK, the host's retries and the mailbox all react as they would to
/// a real 429, 503 or timeout. Records every request that reached it.
/// </summary>
public sealed class FaultInjector(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<(Fault Fault, int[] Left)> faults = new();

    /// <summary>Every request seen, "METHOD /path?query", in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Add(Fault fault) => faults.Enqueue((fault, [fault.Times]));

    public void Clear() => faults.Clear();

    /// <summary>Forgets the requests seen so far, to count those of one operation.</summary>
    public void ResetCount() => Requests.Clear();

    public IReadOnlyList<string> Seen => [.. Requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue($"{request.Method} {request.RequestUri.PathAndQuery}");
        var fault = Next(request.Method.Method, path);
        switch (fault?.Kind)
        {
            case FaultKind.Throttle:
                var throttled = new HttpResponseMessage((HttpStatusCode)429) { RequestMessage = request, Content = ErrorBody("TooManyRequests", "Application is over its MailboxConcurrency limit.") };
                throttled.Headers.Add("Retry-After", fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return throttled;
            case FaultKind.UnavailableBefore:
                return Unavailable(request);
            case FaultKind.UnavailableAfter:
                (await base.SendAsync(request, cancellationToken)).Dispose();
                return Unavailable(request);
            case FaultKind.TimeoutAfter:
                (await base.SendAsync(request, cancellationToken)).Dispose();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new TaskCanceledException();
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }

    private Fault? Next(string method, string path)
    {
        foreach (var (fault, left) in faults)
        {
            if (!fault.Method.Equals(method, StringComparison.OrdinalIgnoreCase) || !Regex.IsMatch(path, fault.Path)) continue;
            if (Interlocked.Decrement(ref left[0]) >= 0) return fault;
        }
        return null;
    }

    private static HttpResponseMessage Unavailable(HttpRequestMessage request) =>
        new(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = ErrorBody("ServiceUnavailable", "The service is temporarily unavailable.") };

    private static StringContent ErrorBody(string code, string message) =>
        new($"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{message}\"}}}}", System.Text.Encoding.UTF8, "application/json");
}
