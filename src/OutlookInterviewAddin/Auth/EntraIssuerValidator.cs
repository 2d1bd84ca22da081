using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookInterviewAddin.Auth;

/// <summary>
/// Entra v2 tokens are issued by "{instance}{tid}/v2.0" for the token's own tenant. A single-tenant
/// registration accepts only its tenant; a multi-tenant one ("organizations"/"common") accepts any
/// tenant, but the issuer must still name the tenant in the token's tid claim.
/// </summary>
public static class EntraIssuerValidator
{
    public static IssuerValidator For(EntraOptions options)
    {
        var instance = options.NormalizedInstance;
        Guid? onlyTenant = Guid.TryParse(options.TenantId, out var t) ? t : null;
        return (issuer, token, _) =>
        {
            var tidValue = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(ClaimNames.TenantId, out var v) ? v : null;
            if (!Guid.TryParse(tidValue, out var tid))
                throw new SecurityTokenInvalidIssuerException("The token has no valid tid claim.");
            if (onlyTenant is { } expectedTenant && tid != expectedTenant)
                throw new SecurityTokenInvalidIssuerException($"Tokens from tenant {tid} are not accepted.");
            var expectedIssuer = $"{instance}{tid}/v2.0";
            if (!string.Equals(issuer, expectedIssuer, StringComparison.Ordinal))
                throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not '{expectedIssuer}'.");
            return issuer;
        };
    }
}
