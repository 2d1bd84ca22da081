using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// On the Graph routes, a missing or refused token answers as Graph does (401 InvalidAuthenticationToken,
/// 403 ErrorAccessDenied, with Graph's error body), so the product's error handling meets the
/// same codes locally as against Microsoft 365. Every other route keeps the framework's behaviour.
/// </summary>
internal sealed class GraphAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<GraphEndpointMetadata>() is null)
        {
            await framework.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        GraphResponse answer;
        if (authorizeResult.Challenged)
        {
            foreach (var scheme in policy.AuthenticationSchemes) await context.ChallengeAsync(scheme);
            if (policy.AuthenticationSchemes.Count == 0) await context.ChallengeAsync();
            answer = GraphResponse.Error(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken",
                context.Request.Headers.Authorization.Count == 0 ? "Access token is empty." : "Access token validation failure.");
        }
        else
        {
            foreach (var scheme in policy.AuthenticationSchemes) await context.ForbidAsync(scheme);
            if (policy.AuthenticationSchemes.Count == 0) await context.ForbidAsync();
            answer = GraphResponse.Error(StatusCodes.Status403Forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        await answer.ExecuteAsync(context);
    }
}
