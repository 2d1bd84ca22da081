using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect issuer on a loopback port, shaped like Entra ID's v2 endpoints:
/// /{tenant}/v2.0/.well-known/openid-configuration and a JWKS with its signing key. The host under
/// test is pointed at it through AzureAd:Instance and fetches its keys over HTTP like it would from
/// login.microsoftonline.com.
/// </summary>
public sealed class FakeEntraIssuer : IAsyncDisposable
{
    private readonly WebApplication app;

    public RsaSecurityKey SigningKey { get; } = TestTokens.NewKey("entra-test-key");

    /// <summary>The instance URL to configure, with a trailing slash, for example http://127.0.0.1:41234/.</summary>
    public string Instance { get; private set; } = "";

    /// <summary>Where the issuer really listens; differs from <see cref="Instance"/> when it stands in for an https name.</summary>
    public Uri Loopback { get; private set; } = null!;

    /// <summary>Every request to the token endpoint: the tenant in its path and its form fields.</summary>
    public ConcurrentQueue<(string Tenant, Dictionary<string, string> Form)> TokenRequests { get; } = new();

    /// <summary>When set, the token endpoint answers with this OAuth error body (status 400), as Entra does.</summary>
    public object? TokenError { get; set; }

    /// <summary>Every request to the Graph stand-in under /v1.0: method, path and the Authorization header.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Authorization)> GraphRequests { get; } = new();

    /// <summary>The lifetime of the access tokens it issues; under five minutes, MSAL refreshes one at its next use.</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The refresh tokens issued (to a request that asked for offline_access) and the user each stands for.</summary>
    public ConcurrentDictionary<string, (string Oid, string Tid)> RefreshTokens { get; } = new();

    private int issued;

    private FakeEntraIssuer(WebApplication app) => this.app = app;

    /// <summary>
    /// Starts the issuer. With <paramref name="publicInstance"/> (an https name such as
    /// https://login.entra.test/) it names itself so in its metadata and tokens; the host then reaches
    /// it through <see cref="HostRewriteHandler"/>, since Azure.Identity accepts only https authorities.
    /// </summary>
    public static async Task<FakeEntraIssuer> StartAsync(string? publicInstance = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new FakeEntraIssuer(app);
        issuer.MapEndpoints();
        issuer.MapTokenAndGraph();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.Loopback = new Uri(address.TrimEnd('/') + "/");
        issuer.Instance = publicInstance ?? issuer.Loopback.ToString();
        return issuer;
    }

    private void MapEndpoints()
    {
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            // Entra's multi-tenant metadata names a template issuer; a tenant's own metadata names that tenant.
            ["issuer"] = Guid.TryParse(tenant, out _) ? $"{Instance}{tenant}/v2.0" : $"{Instance}{{tenantid}}/v2.0",
            ["authorization_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{Instance}{tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token" },
            ["subject_types_supported"] = new[] { "pairwise" },
        }));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) =>
        {
            var parameters = SigningKey.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        use = "sig",
                        kid = SigningKey.KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus),
                        e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
    }

    // The v2 token endpoint for the on-behalf-of and refresh-token grants, and a Graph stand-in that records the bearer
    // tokens it is called with: enough to see which token the host exchanged and which it used.
    private void MapTokenAndGraph()
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            TokenRequests.Enqueue((tenant, form));
            if (TokenError is { } error) return Results.Json(error, statusCode: 400);
            (string Oid, string Tid) user;
            if (form.GetValueOrDefault("grant_type") == "refresh_token")
            {
                // A refresh token it issued, for the user it was issued to; anything else is refused as Entra would.
                if (!RefreshTokens.TryGetValue(form.GetValueOrDefault("refresh_token", ""), out user))
                    return Results.Json(new { error = "invalid_grant", error_description = "AADSTS9002313: Invalid request. The refresh token is malformed or not valid.", error_codes = new[] { 9002313 } }, statusCode: 400);
            }
            else
            {
                var assertion = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(form.GetValueOrDefault("assertion", ""));
                user = (assertion.GetPayloadValue<string>("oid"), assertion.GetPayloadValue<string>("tid"));
            }
            var n = Interlocked.Increment(ref issued);
            // Entra answers client_info=1 with the user's ids; MSAL keys its cache on them.
            var clientInfo = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = user.Oid, utid = user.Tid }));
            var answer = new Dictionary<string, object>
            {
                ["client_info"] = clientInfo,
                ["token_type"] = "Bearer",
                ["scope"] = form.GetValueOrDefault("scope", ""),
                ["expires_in"] = AccessTokenLifetimeSeconds,
                ["ext_expires_in"] = AccessTokenLifetimeSeconds,
                ["access_token"] = $"graph-token-{n}",
            };
            if (form.GetValueOrDefault("scope", "").Split(' ').Contains("offline_access"))
            {
                var refresh = $"refresh-token-{n}";
                RefreshTokens[refresh] = user;
                answer["refresh_token"] = refresh;
            }
            return Results.Json(answer);
        });
        app.MapPost("/v1.0/$batch", async (HttpRequest request) =>
        {
            GraphRequests.Enqueue(("POST", "/v1.0/$batch", request.Headers.Authorization.ToString()));
            using var body = await JsonDocument.ParseAsync(request.Body);
            var responses = body.RootElement.GetProperty("requests").EnumerateArray().Select(r => new
            {
                id = r.GetProperty("id").GetString(),
                status = 200,
                headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                body = new { value = Array.Empty<object>() },
            }).ToList();
            return Results.Json(new { responses });
        });
        app.MapPost("/v1.0/me/messages", (HttpRequest request) =>
        {
            GraphRequests.Enqueue(("POST", "/v1.0/me/messages", request.Headers.Authorization.ToString()));
            return Results.Json(new { id = $"standin-{Guid.NewGuid():N}", isDraft = true, subject = "s" }, statusCode: 201);
        });
        // The user's Outlook contacts, two pages as Graph pages them (the import reads every page).
        app.MapGet("/v1.0/me/contacts", (HttpRequest request) =>
        {
            GraphRequests.Enqueue(("GET", "/v1.0/me/contacts", request.Headers.Authorization.ToString()));
            var second = request.Query.ContainsKey("$skip");
            return Results.Json(second
                ? new Dictionary<string, object?> { ["value"] = new[] { new { id = "c2", displayName = "Tom Reyes", companyName = "Hydro One", emailAddresses = Array.Empty<object>() } } }
                : new Dictionary<string, object?>
                {
                    ["value"] = new[] { new { id = "c1", displayName = "Ana Lopez", companyName = "Metrolinx", emailAddresses = new[] { new { name = "Ana", address = "ana@metrolinx.example" } } } },
                    ["@odata.nextLink"] = $"https://graph.entra.test/v1.0/me/contacts?$top=100&$skip=100",
                });
        });
    }

    public string IssuerFor(Guid tenantId) => $"{Instance}{tenantId}/v2.0";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SigningKey.Rsa.Dispose();
    }
}

/// <summary>Sends requests for any host to one loopback address instead: https names reach a plain-http test server.</summary>
public sealed class HostRewriteHandler(Uri target) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
