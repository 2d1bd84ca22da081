using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// What a load balancer or orchestrator asks: /health/live answers as soon as the host listens
/// (restart it if this fails); /health/ready once its database is migrated and answers (send it
/// traffic only then). /health is every check, as before.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks($"{Path}/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks($"{Path}/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks(Path).AllowAnonymous();
        return app;
    }
}
