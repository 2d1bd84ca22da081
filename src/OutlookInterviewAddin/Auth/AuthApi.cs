using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Manifest;

namespace OutlookInterviewAddin.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Sign-in");
        auth.MapGet("/config", GetConfig).AllowAnonymous();
        auth.MapPost("/local/token", IssueLocalToken).AllowAnonymous();

        app.MapGet("/api/me", GetMe).RequireAuthorization().WithTags("Sign-in");
        return app;
    }

    /// <summary>The page the pane opens in an Office dialog when neither nested app authentication nor Office SSO can sign in.</summary>
    public const string SignInDialogPath = "signin-dialog.html";

    /// <summary>
    /// What the pane needs to sign in: the mode and, in Microsoft 365 mode, the registration to ask a
    /// token for and the sign-in dialog's address (also the redirect URI the registration lists for it).
    /// </summary>
    public static Ok<SignInConfig> GetConfig(
        HttpContext http, AddinMode mode, IOptions<EntraOptions> entra, IOptions<ManifestOptions> manifest, IOptionsMonitor<HostFilteringOptions> hosts)
    {
        if (mode.IsLocal) return TypedResults.Ok(new SignInConfig(mode.Name, null, null, [], null));
        var o = entra.Value;
        // The same resource the manifest's WebApplicationInfo names, so Office and the pane ask for one token.
        var publicBaseUrl = ManifestApi.PublicBaseUrl(http.Request, manifest.Value, hosts.CurrentValue) ?? new Uri("https://localhost/");
        return TypedResults.Ok(new SignInConfig(
            mode.Name, o.ClientId, o.Authority, [$"{o.AppIdUriFor(publicBaseUrl)}/{Scopes.AccessAsUser}"],
            $"{publicBaseUrl.ToString().TrimEnd('/')}/{SignInDialogPath}"));
    }

    /// <summary>
    /// Local mode only, and only for a caller on this machine: a token for the local user, with who
    /// that is (what <c>GET /api/me</c> answers), so the pane starts with this one request. In
    /// Microsoft 365 mode the endpoint does not exist (404), so it cannot be used to forge a session.
    /// </summary>
    public static Results<Ok<LocalTokenResponse>, NotFound, ProblemHttpResult> IssueLocalToken(
        HttpContext http, AddinMode mode, LocalTokenIssuer issuer, IOptions<LocalUserOptions> user)
    {
        if (!mode.IsLocal) return TypedResults.NotFound();
        if (!IsLoopback(http.Connection))
            return TypedResults.Problem(
                title: "Local sign-in is only available on this machine",
                detail: "The host issues local-mode tokens only to callers on the loopback interface.",
                statusCode: StatusCodes.Status403Forbidden);
        var u = user.Value;
        var token = issuer.Issue(LocalTokenIssuer.LocalTenantId, LocalTokenIssuer.LocalObjectId, u.DisplayName, u.Email);
        return TypedResults.Ok(new LocalTokenResponse(
            token.AccessToken, token.ExpiresOn, LocalTokenIssuer.LocalTenantId, LocalTokenIssuer.LocalObjectId, u.DisplayName, u.Email, mode.Name));
    }

    public static Ok<MeResponse> GetMe(CurrentUser user, AddinMode mode) =>
        TypedResults.Ok(new MeResponse(user.TenantId, user.ObjectId, user.DisplayName, user.Email, mode.Name));

    // The in-memory test server has no socket; its requests come from this process.
    private static bool IsLoopback(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote ? IPAddress.IsLoopback(remote) : connection.LocalIpAddress is null;
}

public sealed record SignInConfig(string Mode, string? ClientId, string? Authority, string[] Scopes, string? DialogUrl);

/// <summary>The token and the user it was issued to, as <c>GET /api/me</c> would describe them: the pane needs no second request.</summary>
public sealed record LocalTokenResponse(string AccessToken, DateTimeOffset ExpiresOn, Guid TenantId, Guid ObjectId, string DisplayName, string Email, string Mode);

public sealed record MeResponse(Guid TenantId, Guid ObjectId, string DisplayName, string? Email, string Mode);
