using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookInterviewAddin.Auth;

/// <summary>
/// Signs access tokens for local mode. The key lives in memory only: a restart invalidates every
/// token it issued, and the pane simply asks for a new one. Tokens carry the same claims an Entra
/// access token for this add-in carries, so one JwtBearer pipeline validates both.
/// </summary>
public sealed class LocalTokenIssuer(TimeProvider time) : IDisposable
{
    public const string Issuer = "https://localhost/outlook-interview-addin/local-issuer";
    public const string Audience = "api://localhost/outlook-interview-addin";

    /// <summary>The fixed tenant and object ids of the local user, so the local data stays theirs across restarts.</summary>
    public static readonly Guid LocalTenantId = new("6f2a1c1e-0000-4000-8000-00000000a001");
    public static readonly Guid LocalObjectId = new("6f2a1c1e-0000-4000-8000-00000000b001");

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly RSA rsa = RSA.Create(2048);
    private RsaSecurityKey? key;

    public SecurityKey SigningKey => key ??= new RsaSecurityKey(rsa) { KeyId = "local-" + Guid.NewGuid().ToString("N")[..8] };

    /// <summary>Signs a token for the given user, valid from now (or <paramref name="issuedAt"/>) for <paramref name="lifetime"/>.</summary>
    public LocalToken Issue(Guid tenantId, Guid objectId, string displayName, string email, TimeSpan? lifetime = null, string scope = Scopes.AccessAsUser,
        DateTimeOffset? issuedAt = null)
    {
        var now = issuedAt ?? time.GetUtcNow();
        var expires = now + (lifetime ?? DefaultLifetime);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.TenantId, tenantId.ToString()),
                new Claim(ClaimNames.ObjectId, objectId.ToString()),
                new Claim("sub", objectId.ToString()),
                new Claim(ClaimNames.Name, displayName),
                new Claim(ClaimNames.PreferredUsername, email),
                new Claim(ClaimNames.Scope, scope),
                new Claim("ver", "2.0"),
            ]),
        };
        return new LocalToken(new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }

    public void Dispose() => rsa.Dispose();
}

public sealed record LocalToken(string AccessToken, DateTimeOffset ExpiresOn);
