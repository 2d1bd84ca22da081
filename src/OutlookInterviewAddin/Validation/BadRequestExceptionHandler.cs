using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OutlookInterviewAddin.Validation;

/// <summary>
/// A request the framework could not read (JSON that does not parse, a value of the wrong type, an
/// unreadable query parameter) is the caller's mistake: 400 ProblemDetails, never a 500. In
/// Development minimal APIs throw for these instead of answering 400, so they arrive here.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read",
                Detail = badRequest.Message,
            },
        });
    }
}

public static class ValidationExtensions
{
    /// <summary>Unreadable requests answer 400 ProblemDetails in every environment.</summary>
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services) =>
        services.AddExceptionHandler<BadRequestExceptionHandler>();
}
