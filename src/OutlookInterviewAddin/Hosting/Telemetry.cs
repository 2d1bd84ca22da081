using Microsoft.AspNetCore.HttpLogging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// What an operator watches. Traces (requests, Graph and other HTTP calls, database commands) and
/// metrics (requests, HTTP clients, the runtime) go out over OTLP when an endpoint is configured
/// (<c>OpenTelemetry:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); without
/// one, nothing is collected. Every request is logged in one line (method, path, status, duration)
/// under the request's trace id, with no header, query string or body: never a token, never what a
/// user wrote about a person.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "OutlookInterviewAddin";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });

        var endpoint = configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } configured
            ? configured
            : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"OpenTelemetry:OtlpEndpoint must be an http or https address, such as http://localhost:4318; it is '{endpoint}'.");
        var protocol = configuration["OpenTelemetry:Protocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments(HealthEndpoints.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => Configure(o, otlp, "v1/traces", protocol)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => Configure(o, otlp, "v1/metrics", protocol)));
        return services;
    }

    private static void Configure(OpenTelemetry.Exporter.OtlpExporterOptions options, Uri endpoint, string signalPath, string? protocol)
    {
        if (string.Equals(protocol, "grpc", StringComparison.OrdinalIgnoreCase))
        {
            options.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
            options.Endpoint = endpoint;
            return;
        }
        // OTLP over HTTP: the base address, with the signal's path added as the specification says.
        options.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }
}
