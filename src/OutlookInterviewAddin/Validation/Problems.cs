using Microsoft.AspNetCore.Http.HttpResults;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Validation;

/// <summary>The ProblemDetails answers shared by the features.</summary>
public static class Problems
{
    /// <summary>404 for an id that does not exist or is not the caller's: the two are indistinguishable on purpose.</summary>
    /// <param name="what">What was looked for: <c>Person</c>, <c>Interview</c>… (its sentence is <c>NotFound.{what}</c> in <see cref="ApiText"/>).</param>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: ApiText.Get("NotFound.Title"), detail: ApiText.Get("NotFound." + what), statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 for a refused change; <paramref name="title"/> and <paramref name="detail"/> are sentences in the request's language (<see cref="ApiText"/>).</summary>
    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>503: this host cannot do it now, through no fault of the request; the detail says what to do.</summary>
    public static ProblemHttpResult Unavailable(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}
