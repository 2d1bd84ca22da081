using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Automation;

/// <summary>
/// The long-running on-behalf-of session a user began by turning automation on (Microsoft 365
/// mode): the key MSAL files the session's tokens under, and MSAL's token cache for it (refresh
/// token included), encrypted with Data Protection. One per user; every host sharing the database
/// reads and refreshes the same one. A revoked grant stays, marked, so the pane can say why
/// automation stopped, until the user turns it on again or off.
/// </summary>
public sealed class AutomationGrant : UserOwned
{
    /// <summary>The long-running process key given to MSAL; random, chosen when the session began.</summary>
    public required string SessionKey { get; set; }

    /// <summary>MSAL's serialized token cache, protected for this user (see <see cref="AutomationTokenCache"/>); null once revoked.</summary>
    public byte[]? ProtectedCache { get; set; }

    public DateTimeOffset BeganAt { get; set; }

    /// <summary>When Entra refused the grant (revoked, expired, sign-in required); null while the session works.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The sentence the pane shows when the session stopped.</summary>
    public string? Problem { get; set; }

    /// <summary>Moves on every write, so a host refreshing the cache never overwrites an end or a revocation another host saved.</summary>
    public int Version { get; set; }
}

internal sealed class AutomationGrantConfiguration : IEntityTypeConfiguration<AutomationGrant>
{
    public void Configure(EntityTypeBuilder<AutomationGrant> builder)
    {
        builder.ToTable("AutomationGrants");
        builder.Property(g => g.SessionKey).HasMaxLength(100);
        builder.Property(g => g.Problem).HasMaxLength(FollowThrough.AutomationSetting.ProblemLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        // One session per user: beginning again replaces it.
        builder.HasIndex(g => new { g.OwnerTenantId, g.OwnerObjectId }).IsUnique();
    }
}
