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

    private FakeEntraIssuer(WebApplication app) => this.app = app;

    public static async Task<FakeEntraIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new FakeEntraIssuer(app);
        issuer.MapEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.Instance = address.TrimEnd('/') + "/";
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

    public string IssuerFor(Guid tenantId) => $"{Instance}{tenantId}/v2.0";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SigningKey.Rsa.Dispose();
    }
}
