using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Validation;

/// <summary>
/// A write that kept losing to other writes on the same rows (see Interviews/InterviewWrites) is
/// refused as a conflict the user can retry: 409 ProblemDetails, not a 500.
/// </summary>
internal sealed class ConcurrentChangeExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException) return false;
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = ApiText.Get("Conflict.SameTime"),
            Detail = ApiText.Get("Conflict.SameTime.Detail"),
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
