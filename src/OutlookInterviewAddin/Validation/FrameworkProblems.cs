using System.Collections.Frozen;
using Microsoft.AspNetCore.WebUtilities;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Validation;

/// <summary>
/// The problems the framework writes itself (the status-code pages' 404 and 405, JwtBearer's 401 and
/// 403 challenges, an unhandled exception's 500, a body it cannot take) carry its English reason
/// phrase as their title and no detail: each is given its status's title and detail in the request's
/// language. The product's own problems have titles of their own and are left as they are.
/// </summary>
public static class FrameworkProblems
{
    /// <summary>The statuses with a title and a detail of their own in <c>ApiStrings</c> (<c>Problem.404.Title</c>, <c>Problem.404.Detail</c>).</summary>
    public static readonly FrozenSet<int> Statuses = FrozenSet.ToFrozenSet([400, 401, 403, 404, 405, 406, 413, 415, 500, 503]);

    // The framework's title for a 500 (ProblemDetailsDefaults); every other one is the status's reason phrase.
    private const string ServerErrorTitle = "An error occurred while processing your request.";

    /// <summary>ProblemDetails for every error (as <c>AddProblemDetails</c>), the framework's own in the request's language.</summary>
    public static IServiceCollection AddLocalizedProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Localize(context.ProblemDetails));

    /// <summary>Runs after the framework's defaults (type and title by status) were applied.</summary>
    public static void Localize(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Status is not { } status || !Statuses.Contains(status)) return;
        if (problem.Title != ReasonPhrases.GetReasonPhrase(status) && !(status == StatusCodes.Status500InternalServerError && problem.Title == ServerErrorTitle)) return;
        problem.Title = ApiText.Get($"Problem.{status}.Title");
        problem.Detail ??= ApiText.Get($"Problem.{status}.Detail");
    }
}
