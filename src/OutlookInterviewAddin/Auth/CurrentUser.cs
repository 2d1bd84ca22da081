using System.Security.Claims;

namespace OutlookInterviewAddin.Auth;

/// <summary>
/// The signed-in user of the current request, identified by tenant id and object id (never by
/// email or name, which can change or be reused). Every row of user data is keyed by these two.
/// </summary>
public sealed class CurrentUser
{
    public required Guid TenantId { get; init; }
    public required Guid ObjectId { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }

    /// <summary>
    /// Reads the user from a validated principal; null when a claim the API relies on is missing or
    /// malformed. An all-zero id names nobody (it is also how storage marks "no user"), so it is refused too.
    /// </summary>
    public static CurrentUser? FromPrincipal(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimNames.TenantId), out var tid)
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.ObjectId), out var oid)
            || tid == Guid.Empty || oid == Guid.Empty)
            return null;
        var email = principal.FindFirstValue(ClaimNames.PreferredUsername);
        return new CurrentUser
        {
            TenantId = tid,
            ObjectId = oid,
            DisplayName = principal.FindFirstValue(ClaimNames.Name) ?? email ?? "Signed-in user",
            Email = email,
        };
    }
}
