using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Validation;

/// <summary>
/// A request the framework could not read (JSON that does not parse, a value of the wrong type, an
/// unreadable query parameter) is the caller's mistake: 400 ProblemDetails, never a 500, and a
/// per-field error when the JSON names the field.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var field = (badRequest.InnerException as JsonException)?.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..]
            : null;
        ProblemDetails problem = field is null
            ? new ProblemDetails { Title = ApiText.Get("BadRequest.Unreadable"), Detail = ApiText.Get("BadRequest.Unreadable.Detail") }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [ApiText.Get("BadRequest.WrongType")],
            }) { Title = ApiText.Get("Validation.Title") };
        problem.Status = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}

public static class ValidationExtensions
{
    /// <summary>
    /// Unreadable requests answer 400 ProblemDetails in every environment. Minimal APIs are told to
    /// throw for them (by default only in Development) so the handler can name the field at fault.
    /// A write that lost to concurrent writes answers 409.
    /// </summary>
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services.AddExceptionHandler<ConcurrentChangeExceptionHandler>();
    }
}
