using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Automation;

/// <summary>
/// Microsoft 365 mode's long-running on-behalf-of session, with the real MSAL.NET against a token
/// endpoint on loopback: begun from the user's token when automation is turned on, used by a job
/// with nobody signed in (a new scope, a restarted host over the same database), forgotten when
/// turned off, and reported to the user when Entra revokes the grant.
/// </summary>
public sealed class LongRunningSessionTests : IAsyncLifetime
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";
    private const string PublicInstance = "https://login.entra.test/";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
    private readonly List<AddinFactory> hosts = [];
    private FakeEntraIssuer entra = null!;

    public async Task InitializeAsync()
    {
        entra = await FakeEntraIssuer.StartAsync(PublicInstance);
        // Under MSAL's five-minute margin: every later use of the session goes back to Entra with the refresh token.
        entra.AccessTokenLifetimeSeconds = 60;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts) await host.DisposeAsync();
        await entra.DisposeAsync();
        if (TestStorage.IsPostgreSql) TestStorage.Drop(TestStorage.DatabaseNameFor(dataDirectory));
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>A Microsoft 365 mode host over this test's data folder (and database); several in turn share them.</summary>
    private async Task<AddinFactory> StartHostAsync()
    {
        var host = new AddinFactory
        {
            DataDirectory = dataDirectory,
            DeleteDataOnDispose = false,
            Settings =
            {
                ["AzureAd:Instance"] = PublicInstance,
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "test-client-secret",
                ["Graph:BaseUrl"] = "https://graph.entra.test/v1.0",
            },
            TestServices = services =>
            {
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = new HostRewriteHandler(entra.Loopback));
                services.Configure<GraphTransportOptions>(o =>
                {
                    o.IdentityHandler = _ => new HostRewriteHandler(entra.Loopback);
                    o.GraphHandler = _ => new HostRewriteHandler(entra.Loopback);
                });
            },
        };
        hosts.Add(host);
        await host.DataReadyAsync();
        return host;
    }

    private string TokenFor(TestUser user) => TestTokens.Create(entra.SigningKey, entra.IssuerFor(user.TenantId), ClientId, user);

    private static CurrentUser As(TestUser user) => new() { TenantId = user.TenantId, ObjectId = user.ObjectId, DisplayName = user.DisplayName, Email = user.Email };

    private static DataOwner Owner(TestUser user) => new(user.TenantId, user.ObjectId);

    private static Task BeginAsync(AddinFactory host, TestUser user, string token) =>
        host.Services.GetRequiredService<IAutomationSession>().BeginAsync(As(user), token, CancellationToken.None);

    private static async Task<BackgroundMailbox> OpenInNewScopeAsync(AddinFactory host, TestUser user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Null(scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext);
        return await scope.ServiceProvider.GetRequiredService<IBackgroundMailbox>().OpenAsync(Owner(user), CancellationToken.None);
    }

    private static async Task<AutomationGrant?> GrantOfAsync(AddinFactory host, TestUser user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateDbContextFor(Owner(user));
        return await db.AutomationGrants.AsNoTracking().SingleOrDefaultAsync();
    }

    private static async Task<AutomationSessionView> SessionStateAsync(AddinFactory host, string token, string? language = null)
    {
        using var client = host.CreateClientWithToken(token);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var answer = await client.GetAsync("/api/automation/session");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<AutomationSessionView>())!;
    }

    private static DraftMessage Draft(string tag) => new(tag, "Thank you", "<p>Thank you for your time.</p>", new MailRecipient("Ana Silva", "ana@example.com"));

    [Fact]
    public async Task Turning_automation_on_exchanges_the_users_token_and_keeps_the_session_encrypted()
    {
        var host = await StartHostAsync();
        var token = TokenFor(TestUser.Alice);

        await BeginAsync(host, TestUser.Alice, token);

        var (tenant, form) = Assert.Single(entra.TokenRequests);
        Assert.Equal(TestUser.Alice.TenantId.ToString(), tenant);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", form["grant_type"]);
        Assert.Equal("on_behalf_of", form["requested_token_use"]);
        Assert.Equal(token, form["assertion"]);
        Assert.Equal(ClientId, form["client_id"]);
        var scopes = form["scope"].Split(' ');
        Assert.Contains("https://graph.microsoft.com/.default", scopes);
        Assert.Contains("offline_access", scopes);

        var grant = Assert.IsType<AutomationGrant>(await GrantOfAsync(host, TestUser.Alice));
        Assert.Null(grant.RevokedAt);
        Assert.StartsWith("automation-", grant.SessionKey);
        var blob = Assert.IsType<byte[]>(grant.ProtectedCache);
        var stored = Encoding.UTF8.GetString(blob) + Convert.ToBase64String(blob);
        Assert.DoesNotContain("refresh-token-1", stored);
        Assert.DoesNotContain("graph-token-1", stored);
        // What is stored is the session's cache, readable only with the purpose bound to Alice.
        var protection = host.Services.GetRequiredService<IDataProtectionProvider>();
        var cache = Encoding.UTF8.GetString(protection.CreateProtector(AutomationTokenCache.Purpose, TestUser.Alice.TenantId.ToString("D"), TestUser.Alice.ObjectId.ToString("D")).Unprotect(blob));
        Assert.Contains("refresh-token-1", cache);
        Assert.ThrowsAny<CryptographicException>(() =>
            protection.CreateProtector(AutomationTokenCache.Purpose, TestUser.Bob.TenantId.ToString("D"), TestUser.Bob.ObjectId.ToString("D")).Unprotect(blob));
        if (!TestStorage.IsPostgreSql)
        {
            // Nor anywhere in the database's files.
            foreach (var file in Directory.GetFiles(dataDirectory, DataExtensions.DatabaseFileName + "*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.DoesNotContain("refresh-token-1", Encoding.Latin1.GetString(copy.ToArray()));
            }
        }

        Assert.Equal(new AutomationSessionView(true, null), await SessionStateAsync(host, token));
    }

    [Fact]
    public async Task The_automation_switch_begins_the_session_with_the_callers_token_and_ends_it_when_turned_off()
    {
        var host = await StartHostAsync();
        var token = TokenFor(TestUser.Alice);
        using var client = host.CreateClientWithToken(token);

        var on = await (await client.PutAsJsonAsync("/api/automation", new AutomationInput(true), WorkflowApi.Json)).ReadAsync<AutomationDto>(HttpStatusCode.OK);

        Assert.True(on.Enabled, on.Problem);
        var (_, form) = Assert.Single(entra.TokenRequests);
        Assert.Equal("on_behalf_of", form["requested_token_use"]);
        Assert.Equal(token, form["assertion"]);
        Assert.NotNull(await GrantOfAsync(host, TestUser.Alice));
        Assert.Equal(new AutomationSessionView(true, null), await SessionStateAsync(host, token));
        // The job's way in, with no request in flight, is the session the switch began.
        var opened = await OpenInNewScopeAsync(host, TestUser.Alice);
        Assert.NotNull(opened.Gateway);

        var off = await (await client.PutAsJsonAsync("/api/automation", new AutomationInput(false), WorkflowApi.Json)).ReadAsync<AutomationDto>(HttpStatusCode.OK);

        Assert.False(off.Enabled);
        Assert.Null(await GrantOfAsync(host, TestUser.Alice));
        Assert.Equal(new AutomationSessionView(false, null), await SessionStateAsync(host, token));
        Assert.Null((await OpenInNewScopeAsync(host, TestUser.Alice)).Gateway);
    }

    [Fact]
    public async Task A_job_on_a_restarted_host_with_nobody_signed_in_drafts_through_the_session()
    {
        var first = await StartHostAsync();
        await BeginAsync(first, TestUser.Alice, TokenFor(TestUser.Alice));
        await first.DisposeAsync();
        hosts.Remove(first);
        entra.TokenRequests.Clear();

        var second = await StartHostAsync();
        var opened = await OpenInNewScopeAsync(second, TestUser.Alice);

        Assert.Null(opened.Problem);
        Assert.False(opened.Revoked);
        Assert.NotNull(opened.Gateway);
        var (tenant, form) = Assert.Single(entra.TokenRequests);
        Assert.Equal(TestUser.Alice.TenantId.ToString(), tenant);
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("refresh-token-1", form["refresh_token"]);
        Assert.False(form.ContainsKey("assertion"));

        var item = await opened.Gateway.CreateDraftAsync(Draft("thank-you-1"), CancellationToken.None);

        Assert.StartsWith("standin-", item.Id);
        var post = Assert.Single(entra.GraphRequests, r => r.Path == "/v1.0/me/messages");
        Assert.StartsWith("Bearer graph-token-", post.Authorization);
        Assert.NotEqual("Bearer graph-token-1", post.Authorization); // not the token bought when the session began
        // Each refresh's new refresh token was put back in the stored cache and used next.
        Assert.All(entra.TokenRequests, r => Assert.Equal("refresh_token", r.Form["grant_type"]));
        Assert.Equal("refresh-token-2", entra.TokenRequests.Last().Form["refresh_token"]);
    }

    [Fact]
    public async Task Turning_automation_off_forgets_the_session()
    {
        var host = await StartHostAsync();
        var token = TokenFor(TestUser.Alice);
        await BeginAsync(host, TestUser.Alice, token);

        await host.Services.GetRequiredService<IAutomationSession>().EndAsync(Owner(TestUser.Alice), CancellationToken.None);

        Assert.Null(await GrantOfAsync(host, TestUser.Alice));
        entra.TokenRequests.Clear();
        var opened = await OpenInNewScopeAsync(host, TestUser.Alice);
        Assert.Null(opened.Gateway);
        Assert.False(opened.Revoked);
        Assert.Equal(Microsoft365AutomationSession.TurnedOff, opened.Problem);
        Assert.Empty(entra.TokenRequests);
        Assert.Equal(new AutomationSessionView(false, null), await SessionStateAsync(host, token));
        // Ending what is already ended is nothing.
        await host.Services.GetRequiredService<IAutomationSession>().EndAsync(Owner(TestUser.Alice), CancellationToken.None);
    }

    [Fact]
    public async Task A_revoked_grant_stops_automation_with_a_sentence_for_the_user_and_turning_it_on_again_starts_afresh()
    {
        var host = await StartHostAsync();
        await BeginAsync(host, TestUser.Alice, TokenFor(TestUser.Alice));
        entra.TokenError = new
        {
            error = "invalid_grant",
            error_description = "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.",
            error_codes = new[] { 50173 },
        };

        var opened = await OpenInNewScopeAsync(host, TestUser.Alice);

        Assert.Null(opened.Gateway);
        Assert.True(opened.Revoked);
        Assert.Equal(Microsoft365AutomationSession.SignInAgain, opened.Problem);
        Assert.Equal("refresh_token", entra.TokenRequests.Last().Form["grant_type"]);
        var grant = Assert.IsType<AutomationGrant>(await GrantOfAsync(host, TestUser.Alice));
        Assert.NotNull(grant.RevokedAt);
        Assert.Equal(opened.Problem, grant.Problem);
        Assert.Null(grant.ProtectedCache);
        // Stored as its sentence key, written in the reader's language.
        Assert.Equal(new AutomationSessionView(false, "Automation stopped: Microsoft 365 needs you to sign in again. Turn it on again from your profile."),
            await SessionStateAsync(host, TokenFor(TestUser.Alice)));
        Assert.Equal(new AutomationSessionView(false, "Automatisation arrêtée\u00a0: Microsoft 365 vous demande de vous reconnecter. Réactivez-la depuis votre profil."),
            await SessionStateAsync(host, TokenFor(TestUser.Alice), "fr-CA"));
        // A stopped session is not tried again until the user turns it on.
        var asked = entra.TokenRequests.Count;
        Assert.True((await OpenInNewScopeAsync(host, TestUser.Alice)).Revoked);
        Assert.Equal(asked, entra.TokenRequests.Count);

        entra.TokenError = null;
        var again = TokenFor(TestUser.Alice);
        await BeginAsync(host, TestUser.Alice, again);

        Assert.Equal(again, entra.TokenRequests.Last().Form["assertion"]);
        var renewed = Assert.IsType<AutomationGrant>(await GrantOfAsync(host, TestUser.Alice));
        Assert.Null(renewed.RevokedAt);
        Assert.Null(renewed.Problem);
        Assert.NotEqual(grant.SessionKey, renewed.SessionKey);
        var reopened = await OpenInNewScopeAsync(host, TestUser.Alice);
        Assert.NotNull(reopened.Gateway);
        Assert.False(reopened.Revoked);
        Assert.Equal(new AutomationSessionView(true, null), await SessionStateAsync(host, again));
    }

    [Fact]
    public async Task A_grant_revoked_while_a_job_runs_fails_its_call_as_sign_in_required_and_stops_the_session()
    {
        var host = await StartHostAsync();
        await BeginAsync(host, TestUser.Alice, TokenFor(TestUser.Alice));
        var opened = await OpenInNewScopeAsync(host, TestUser.Alice);
        Assert.NotNull(opened.Gateway);
        entra.TokenError = new { error = "invalid_grant", error_description = "AADSTS700082: The refresh token has expired due to inactivity.", error_codes = new[] { 700082 } };

        var failure = await Assert.ThrowsAsync<MailboxException>(() => opened.Gateway.CreateDraftAsync(Draft("thank-you-2"), CancellationToken.None));

        Assert.Equal(MailboxFailure.SignInRequired, failure.Failure);
        Assert.DoesNotContain(entra.GraphRequests, r => r.Path == "/v1.0/me/messages");
        Assert.Equal(Microsoft365AutomationSession.SignInAgain, (await GrantOfAsync(host, TestUser.Alice))?.Problem);
    }

    [Fact]
    public async Task One_user_cannot_open_or_end_another_users_session()
    {
        var host = await StartHostAsync();
        await BeginAsync(host, TestUser.Alice, TokenFor(TestUser.Alice));
        entra.TokenRequests.Clear();

        var bobs = await OpenInNewScopeAsync(host, TestUser.Bob);
        Assert.Null(bobs.Gateway);
        Assert.False(bobs.Revoked);
        Assert.Equal(Microsoft365AutomationSession.TurnedOff, bobs.Problem);
        Assert.Empty(entra.TokenRequests);
        await host.Services.GetRequiredService<IAutomationSession>().EndAsync(Owner(TestUser.Bob), CancellationToken.None);
        Assert.NotNull(await GrantOfAsync(host, TestUser.Alice));

        await BeginAsync(host, TestUser.Bob, TokenFor(TestUser.Bob));
        entra.TokenRequests.Clear();
        Assert.NotNull((await OpenInNewScopeAsync(host, TestUser.Bob)).Gateway);
        Assert.NotNull((await OpenInNewScopeAsync(host, TestUser.Alice)).Gateway);

        // Each session refreshed with its own user's refresh token, at its own tenant.
        var refreshes = entra.TokenRequests.ToList();
        Assert.Equal(2, refreshes.Count);
        Assert.Equal(TestUser.Bob.ObjectId.ToString(), entra.RefreshTokens[refreshes[0].Form["refresh_token"]].Oid);
        Assert.Equal(TestUser.Bob.TenantId.ToString(), refreshes[0].Tenant);
        Assert.Equal(TestUser.Alice.ObjectId.ToString(), entra.RefreshTokens[refreshes[1].Form["refresh_token"]].Oid);
        Assert.Equal(TestUser.Alice.TenantId.ToString(), refreshes[1].Tenant);
    }
}

/// <summary>Local mode has no session to report: its jobs use the local mailbox.</summary>
public sealed class LocalModeAutomationSessionTests
{
    [Fact]
    public async Task Local_mode_has_no_session_endpoint_answer_and_no_Microsoft_365_session()
    {
        await using var host = new AddinFactory();
        await host.DataReadyAsync();
        using var client = host.CreateClientFor(TestUser.Alice);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/automation/session")).StatusCode);
        Assert.Null(host.Services.GetService<Microsoft365AutomationSession>());
    }
}
