using Microsoft.AspNetCore.Http.HttpResults;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Automation;

public static class AutomationSessionApi
{
    /// <summary>
    /// Microsoft 365 mode's way for automation to act while the user is away: the long-running
    /// on-behalf-of session (<see cref="Microsoft365AutomationSession"/>) as both
    /// <see cref="IAutomationSession"/> and <see cref="IBackgroundMailbox"/>. Call it in Microsoft 365
    /// mode only; local mode's jobs use the local mailbox.
    /// </summary>
    public static IServiceCollection AddMicrosoft365AutomationSession(this IServiceCollection services)
    {
        services.AddSingleton<AutomationIdentityHttp>();
        services.AddSingleton<Microsoft365AutomationSession>();
        services.AddSingleton<IAutomationSession>(sp => sp.GetRequiredService<Microsoft365AutomationSession>());
        services.AddSingleton<IBackgroundMailbox>(sp => sp.GetRequiredService<Microsoft365AutomationSession>());
        return services;
    }

    /// <summary>GET /api/automation/session: whether the session jobs act through works, and why not when it stopped.</summary>
    public static IEndpointRouteBuilder MapAutomationSession(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/automation").RequireAuthorization().WithTags("Automation")
            .MapGet("/session", GetSession);
        return app;
    }

    public static async Task<Results<Ok<AutomationSessionView>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetSession(
        CurrentUser user, IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<Microsoft365AutomationSession>() is not { } session)
            return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Title = "Not found",
                Detail = "Local mode needs no session: automation uses the local mailbox.",
                Status = StatusCodes.Status404NotFound,
            });
        var state = await session.StateAsync(DataOwner.From(user), ct);
        return TypedResults.Ok(new AutomationSessionView(state.Active, state.Problem));
    }
}

/// <param name="Active">Automation can reach the mailbox while the user is away.</param>
/// <param name="Problem">Why it cannot any more ("Automation stopped: …"); null while active or never turned on.</param>
public sealed record AutomationSessionView(bool Active, string? Problem);
