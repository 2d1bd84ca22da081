using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Hosting;

public sealed class TelemetryTests
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_is_collected()
    {
        await using var factory = new AddinFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_requests_HTTP_calls_and_database_commands_are_traced_and_exported()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var entra = await FakeEntraIssuer.StartAsync();
        // Spans end on whichever thread ends them (a background query, a request), while the test reads.
        var spans = new LockedCollection<Activity>();
        await using var factory = new AddinFactory
        {
            Settings =
            {
                ["OpenTelemetry:OtlpEndpoint"] = collector.Address.ToString(),
                ["AzureAd:Instance"] = entra.Instance,
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "test-client-secret",
                ["AzureAd:AppIdUri"] = $"api://localhost/{ClientId}",
            },
            TestServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
        };
        await factory.DataReadyAsync();
        using var client = factory.CreateClientWithToken(TestTokens.Create(entra.SigningKey, entra.IssuerFor(TestUser.Alice.TenantId), ClientId, TestUser.Alice));

        await client.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        var tracer = factory.Services.GetRequiredService<TracerProvider>();
        tracer.ForceFlush();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var seen = spans.Snapshot();
        Assert.Contains(seen, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.route") == "/api/people/");
        // The host fetched the issuer's signing keys over HTTP: the client instrumentation saw it.
        Assert.Contains(seen, s => s.Kind == ActivityKind.Client && ((string?)s.GetTagItem("url.full"))?.Contains("/discovery/v2.0/keys", StringComparison.Ordinal) == true);
        Assert.Contains(seen, s => s.GetTagItem("db.system") is not null || s.GetTagItem("db.system.name") is not null);
        Assert.DoesNotContain(seen, s => ((string?)s.GetTagItem("url.path"))?.StartsWith("/health", StringComparison.Ordinal) == true);
        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
    }

    [Fact]
    public async Task A_malformed_OTLP_endpoint_stops_the_start_with_the_setting_named()
    {
        await using var factory = new AddinFactory { Settings = { ["OpenTelemetry:OtlpEndpoint"] = "collector:4318" } };

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.Services);
        Assert.Contains("OpenTelemetry:OtlpEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_is_logged_once_under_its_trace_id_without_the_token_or_the_users_notes()
    {
        var logs = new RecordingLoggerProvider();
        await using var factory = new AddinFactory
        {
            TestServices = services => services.AddLogging(logging =>
            {
                logging.AddProvider(logs);
                logging.AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace);
            }),
        };
        var token = factory.LocalTokenFor(TestUser.Alice);
        using var client = factory.CreateClientWithToken(token);
        const string notes = "Met at the co-op fair; she is changing teams in March";

        var response = await client.PostAsJsonAsync("/api/people", WorkflowApi.NewPerson("Ana Lopez") with { Notes = notes }, WorkflowApi.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await client.GetAsync("/api/people?search=Ana");

        var requestLines = logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)).ToList();
        var post = Assert.Single(requestLines, e => e.Message.Contains("POST", StringComparison.Ordinal) && e.Message.Contains("/api/people", StringComparison.Ordinal));
        Assert.Contains("201", post.Message, StringComparison.Ordinal);
        Assert.True(post.Scopes.TryGetValue("TraceId", out var traceId) && traceId is { Length: 32 } && traceId != new string('0', 32), $"No trace id in the scopes of: {post.Message}");
        Assert.DoesNotContain(requestLines, e => e.Message.Contains("search=Ana", StringComparison.Ordinal));
        foreach (var entry in logs.Entries)
        {
            Assert.DoesNotContain(token, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(notes, entry.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>An OTLP/HTTP receiver on loopback that records which signal paths were posted to it.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication app;

        private OtlpCollector(WebApplication app) => this.app = app;

        public ConcurrentBag<string> Paths { get; } = [];

        public Uri Address { get; private set; } = null!;

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                if (request.ContentType == "application/x-protobuf" && body.Length > 0) collector.Paths.Add(request.Path);
                return Results.Ok();
            });
            await app.StartAsync();
            collector.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return collector;
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}

/// <summary>A collection an exporter adds to from any thread while a test reads a copy of it.</summary>
public sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> items = [];

    public int Count { get { lock (items) return items.Count; } }
    public bool IsReadOnly => false;
    public T[] Snapshot() { lock (items) return [.. items]; }
    public void Add(T item) { lock (items) items.Add(item); }
    public void Clear() { lock (items) items.Clear(); }
    public bool Contains(T item) { lock (items) return items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (items) items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (items) return items.Remove(item); }
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Keeps every log entry with the values of the scopes it was written in.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    public sealed record LogEntry(string Category, string Message, Dictionary<string, string?> Scopes, string Text);

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string?>();
            var text = new System.Text.StringBuilder(formatter(state, exception)).Append(' ').Append(exception);
            provider.scopes.ForEachScope((scope, _) =>
            {
                text.Append(' ').Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) values[key] = value?.ToString();
            }, (object?)null);
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                foreach (var (key, value) in fields) text.Append(' ').Append(key).Append('=').Append(value);
            provider.Entries.Enqueue(new LogEntry(category, formatter(state, exception), values, text.ToString()));
        }
    }
}
