using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensibility;
using Microsoft.Kiota.Abstractions.Authentication;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.Mail;

namespace OutlookInterviewAddin.Automation;

/// <summary>
/// Automation in Microsoft 365 mode: MSAL.NET's long-running on-behalf-of flow. Turning automation
/// on exchanges the user's API token once (<c>InitiateLongRunningProcessInWebApi</c>) for a Graph
/// token and a refresh token, kept in the user's <see cref="AutomationGrant"/>; a job that opens the
/// mailbox later, on any host and with nobody signed in, gets its Graph token from that session
/// (<c>AcquireTokenInLongRunningProcess</c>, which refreshes when the access token ran out). When
/// Entra refuses the grant the session is marked stopped with a sentence for the user.
/// </summary>
/// <remarks>
/// One confidential client per operation, its user token cache bound to that user's row: the cache
/// is loaded from the row before MSAL reads it and written back when MSAL changed it, so nothing
/// about a session lives in a host's memory and a restarted or another host carries on.
/// </remarks>
public sealed class Microsoft365AutomationSession(
    IServiceScopeFactory scopes,
    IOptions<EntraOptions> entra,
    IOptions<GraphOptions> graphOptions,
    GraphHttp graphHttp,
    AutomationIdentityHttp identityHttp,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    ILogger<Microsoft365AutomationSession> logger) : IAutomationSession, IBackgroundMailbox
{
    // Why automation stopped or cannot reach the mailbox, stored as sentence keys (StoredText) and
    // written in the language of whoever reads them: jobs that store them have no request.

    /// <summary>What the pane shows once Entra refused the grant (revoked, expired, or a new sign-in required).</summary>
    public static readonly string SignInAgain = StoredText.Store(AutomationSetting.ProblemLength, "Automation.SignInAgain");

    /// <summary>Why a job cannot reach the mailbox of a user who never turned automation on, or turned it off.</summary>
    public static readonly string TurnedOff = StoredText.Store(AutomationSetting.ProblemLength, "Automation.TurnedOff");

    /// <summary>Why a job cannot reach the mailbox right now, though the session itself is fine.</summary>
    public static readonly string Unreachable = StoredText.Store(AutomationSetting.ProblemLength, "Automation.Unreachable");

    /// <summary>The same Graph permissions as the user's own requests (the registration's consented ones); MSAL adds offline_access, which brings the refresh token.</summary>
    internal static readonly string[] Scopes = [GraphClients.GraphScope];

    private readonly EntraOptions entra = entra.Value;
    private readonly GraphOptions graphOptions = graphOptions.Value;

    public async Task BeginAsync(CurrentUser user, string userAccessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        var owner = DataOwner.From(user);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(owner);

        var fresh = new AutomationGrant { SessionKey = NewSessionKey(), BeganAt = clock.GetUtcNow() };
        var cache = new AutomationTokenCache(fresh, ProtectorFor(owner));
        var app = (ILongRunningWebApi)NewApplication(owner, cache);
        var sessionKey = fresh.SessionKey;
        try
        {
            // Always an exchange of the user's token (the default: no look in the cache first).
            await app.InitiateLongRunningProcessInWebApi(Scopes, userAccessToken, ref sessionKey).ExecuteAsync(ct);
        }
        catch (MsalException e)
        {
            logger.LogWarning("Beginning the automation session failed: {Error}", e.ErrorCode);
            throw Translate(e);
        }

        // One row per user: beginning again replaces the session (a revoked one included).
        for (var attempt = 1; ; attempt++)
        {
            var grant = await db.AutomationGrants.SingleOrDefaultAsync(ct);
            if (grant is null)
            {
                grant = new AutomationGrant { SessionKey = sessionKey };
                db.AutomationGrants.Add(grant);
            }
            else
            {
                grant.Version++;
            }
            grant.SessionKey = sessionKey;
            grant.ProtectedCache = fresh.ProtectedCache;
            grant.BeganAt = fresh.BeganAt;
            grant.RevokedAt = null;
            grant.Problem = null;
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another host began or refreshed this user's session at the same moment: this one replaces it.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task EndAsync(DataOwner owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(owner);
        var grant = await db.AutomationGrants.AsNoTracking().SingleOrDefaultAsync(ct);
        if (grant is null) return;
        if (grant.ProtectedCache is not null)
        {
            try
            {
                var app = (ILongRunningWebApi)NewApplication(owner, new AutomationTokenCache(grant, ProtectorFor(owner)));
                await app.StopLongRunningProcessInWebApiAsync(grant.SessionKey, ct);
            }
            catch (CryptographicException)
            {
                // Unreadable anyway; the row goes below.
            }
        }
        // The row holds the cache: deleting it forgets every token of the session, whatever another host was doing with it.
        await db.AutomationGrants.ExecuteDeleteAsync(ct);
    }

    public async Task<BackgroundMailbox> OpenAsync(DataOwner owner, CancellationToken ct)
    {
        if (owner.IsNobody) return new BackgroundMailbox(null, TurnedOff);
        var first = await AcquireAsync(owner, ct);
        if (first.AccessToken is null) return new BackgroundMailbox(null, first.Problem, first.Revoked);

        var baseUrl = graphOptions.BaseUrl.TrimEnd('/');
        var tokens = new SessionTokens(this, owner, first, new Uri(baseUrl).Host);
        var graph = new GraphServiceClient(graphHttp.Client, new BaseBearerTokenAuthenticationProvider(tokens), baseUrl);
        return new BackgroundMailbox(new MailboxGateway(graph, graphOptions));
    }

    /// <summary>What the pane shows: whether the session works, and why not when it stopped (in the request's language).</summary>
    public async Task<AutomationSessionState> StateAsync(DataOwner owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(owner);
        var grant = await db.AutomationGrants.AsNoTracking()
            .Select(g => new { g.BeganAt, g.RevokedAt, g.Problem })
            .SingleOrDefaultAsync(ct);
        return grant is null
            ? new AutomationSessionState(false, null, null)
            : new AutomationSessionState(grant.RevokedAt is null, grant.RevokedAt is null ? null : StoredText.Read(grant.Problem ?? SignInAgain), grant.BeganAt);
    }

    /// <summary>A Graph token from the user's session, refreshed through Entra when the cached one ran out.</summary>
    internal async Task<SessionToken> AcquireAsync(DataOwner owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(owner);
        var grant = await db.AutomationGrants.SingleOrDefaultAsync(ct);
        if (grant is null) return SessionToken.Stopped(TurnedOff, revoked: false);
        if (grant.RevokedAt is not null || grant.ProtectedCache is null) return SessionToken.Stopped(grant.Problem ?? SignInAgain, revoked: true);

        var cache = new AutomationTokenCache(grant, ProtectorFor(owner));
        var app = (ILongRunningWebApi)NewApplication(owner, cache);
        AuthenticationResult result;
        try
        {
            result = await app.AcquireTokenInLongRunningProcess(Scopes, grant.SessionKey).ExecuteAsync(ct);
        }
        catch (Exception e) when (GrantIsGone(e))
        {
            logger.LogInformation("The automation session of a user ended: Entra refused its grant ({Error})", (e as MsalException)?.ErrorCode ?? e.GetType().Name);
            await MarkRevokedAsync(db, grant, ct);
            return SessionToken.Stopped(SignInAgain, revoked: true);
        }
        catch (MsalException e)
        {
            logger.LogWarning("Refreshing an automation session failed for now: {Error}", e.ErrorCode);
            return SessionToken.Stopped(Unreachable, revoked: false);
        }

        if (cache.Changed)
        {
            grant.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another host refreshed, ended or marked the session meanwhile: its write stands (an
                // ended session is not brought back). The token in hand is good for this job.
            }
        }
        return new SessionToken(result.AccessToken, result.ExpiresOn, null, false);
    }

    private async Task MarkRevokedAsync(AppDbContext db, AutomationGrant grant, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Attach(grant);
        grant.RevokedAt = clock.GetUtcNow();
        grant.Problem = SignInAgain;
        grant.ProtectedCache = null; // a refused refresh token is worth nothing
        grant.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Ended or begun again meanwhile: that stands.
        }
    }

    // Entra no longer honours the session: the refresh token was revoked or expired, a new sign-in
    // is required (MsalUiRequiredException: invalid_grant, interaction_required), or the cache that
    // held it is gone or cannot be decrypted any more.
    private static bool GrantIsGone(Exception e) => e switch
    {
        MsalUiRequiredException => true,
        MsalServiceException service => service.ErrorCode is "invalid_grant" or "interaction_required" or "consent_required",
        MsalClientException client => client.ErrorCode == MsalError.OboCacheKeyNotInCacheError,
        CryptographicException => true,
        _ => e.InnerException is CryptographicException,
    };

    private static MailboxException Translate(MsalException e)
    {
        var text = e.Message + " " + e.ErrorCode + " " + (e as MsalServiceException)?.ResponseBody;
        if (text.Contains("AADSTS65001", StringComparison.OrdinalIgnoreCase) || text.Contains("consent_required", StringComparison.OrdinalIgnoreCase))
            return new MailboxException(MailboxFailure.ConsentRequired, "consent_required", null, e);
        if (e is MsalUiRequiredException || e.ErrorCode is "invalid_grant" or "interaction_required")
            return new MailboxException(MailboxFailure.SignInRequired, "interaction_required", null, e);
        return new MailboxException(MailboxFailure.Unavailable, "Microsoft 365 could not be reached.", null, e);
    }

    private IConfidentialClientApplication NewApplication(DataOwner owner, AutomationTokenCache cache)
    {
        var instance = new Uri(entra.NormalizedInstance);
        var app = ConfidentialClientApplicationBuilder.Create(entra.ClientId!.Trim())
            .WithClientSecret(entra.ClientSecret!)
            // The user's own tenant, also when the registration is multi-tenant ("organizations").
            .WithAuthority($"{entra.NormalizedInstance}{owner.TenantId}/")
            // National clouds and test authorities are not in Entra's instance-discovery list.
            .WithInstanceDiscovery(instance.Host.EndsWith("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase))
            .WithHttpClientFactory(identityHttp)
            .WithLegacyCacheCompatibility(false)
            .Build();
        cache.Bind(app.UserTokenCache);
        return app;
    }

    // Bound to the user as well as to the purpose: a cache copied into another user's row does not open.
    private IDataProtector ProtectorFor(DataOwner owner) =>
        dataProtection.CreateProtector(AutomationTokenCache.Purpose, owner.TenantId.ToString("D"), owner.ObjectId.ToString("D"));

    private static string NewSessionKey() => "automation-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The Graph tokens of one opened mailbox: kept while MSAL would keep them, then asked of the session again.</summary>
    private sealed class SessionTokens(Microsoft365AutomationSession session, DataOwner owner, SessionToken first, string graphHost) : IAccessTokenProvider
    {
        private SessionToken current = first;

        public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (!AllowedHostsValidator.IsUrlHostValid(uri)) return "";
            // MSAL's own margin: a token within five minutes of its end is refreshed.
            if (current.AccessToken is { } token && current.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5)) return token;
            var next = await session.AcquireAsync(owner, cancellationToken);
            if (next.AccessToken is null)
                throw new MailboxException(next.Revoked ? MailboxFailure.SignInRequired : MailboxFailure.Unavailable, StoredText.Read(next.Problem ?? Unreachable));
            current = next;
            return next.AccessToken;
        }
    }
}

/// <summary>A Graph token from the session, or why there is none.</summary>
internal sealed record SessionToken(string? AccessToken, DateTimeOffset ExpiresOn, string? Problem, bool Revoked)
{
    public static SessionToken Stopped(string problem, bool revoked) => new(null, default, problem, revoked);
}

/// <param name="Active">The session works: jobs can reach the mailbox.</param>
/// <param name="Problem">Why it stopped, when Entra refused the grant.</param>
/// <param name="Since">When the user turned automation on.</param>
public sealed record AutomationSessionState(bool Active, string? Problem, DateTimeOffset? Since);

/// <summary>
/// MSAL's token cache for one session, kept in the user's <see cref="AutomationGrant"/> row and
/// encrypted there with Data Protection: loaded before MSAL reads it, protected and put back on the
/// row when MSAL changed it (the caller saves the row).
/// </summary>
internal sealed class AutomationTokenCache(AutomationGrant grant, IDataProtector protector)
{
    public const string Purpose = "OutlookInterviewAddin.AutomationTokenCache";

    /// <summary>Whether MSAL changed the cache (a new or refreshed token) since it was loaded.</summary>
    public bool Changed { get; private set; }

    public void Bind(ITokenCache cache)
    {
        cache.SetBeforeAccess(args =>
        {
            // Only this session's tokens are ever in this cache.
            if (args.SuggestedCacheKey is { } key && key != grant.SessionKey) return;
            args.TokenCache.DeserializeMsalV3(grant.ProtectedCache is { } blob ? protector.Unprotect(blob) : null, shouldClearExistingCache: true);
        });
        cache.SetAfterAccess(args =>
        {
            if (!args.HasStateChanged) return;
            if (args.SuggestedCacheKey is { } key && key != grant.SessionKey) return;
            grant.ProtectedCache = protector.Protect(args.TokenCache.SerializeMsalV3());
            Changed = true;
        });
    }
}

/// <summary>
/// The HttpClient MSAL's token requests go through: the same seam as Azure.Identity's
/// (<see cref="GraphTransportOptions.IdentityHandler"/>), so tests answer them on loopback.
/// </summary>
public sealed class AutomationIdentityHttp : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient client;

    public AutomationIdentityHttp(IOptions<GraphTransportOptions> transport, IServiceProvider services)
    {
        HttpMessageHandler handler = transport.Value.IdentityHandler?.Invoke(services)
            ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        client = new HttpClient(handler, disposeHandler: true);
    }

    public HttpClient GetHttpClient() => client;

    public void Dispose() => client.Dispose();
}
