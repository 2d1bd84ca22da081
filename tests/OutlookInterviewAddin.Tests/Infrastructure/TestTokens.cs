using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>Signs real JWTs with whatever issuer, audience, lifetime and key a test asks for.</summary>
public static class TestTokens
{
    public static string Create(
        SecurityKey key,
        string issuer,
        string audience,
        TestUser user,
        string? scope = "access_as_user",
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        IEnumerable<Claim>? extraClaims = null,
        bool includeObjectId = true)
    {
        var nbf = notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        var exp = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        var claims = new List<Claim>
        {
            new("tid", user.TenantId.ToString()),
            new("name", user.DisplayName),
            new("preferred_username", user.Email),
            new("ver", "2.0"),
        };
        if (includeObjectId) claims.Add(new Claim("oid", user.ObjectId.ToString()));
        if (scope is not null) claims.Add(new Claim("scp", scope));
        if (extraClaims is not null) claims.AddRange(extraClaims);

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = nbf.UtcDateTime,
            NotBefore = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(claims),
        });
    }

    /// <summary>A key nobody trusts, for bad-signature cases.</summary>
    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };
}
