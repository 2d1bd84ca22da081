using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Profile;

/// <summary>Who the user is and where they want to go; feeds every draft. One per user.</summary>
public sealed class UserProfile : UserOwned
{
    /// <summary>How the user signs their mail ("Maya López").</summary>
    public string? FullName { get; set; }
    public string? Interests { get; set; }
    public List<string> FieldsOfInterest { get; set; } = [];
    public List<string> PositionsOfInterest { get; set; } = [];
    public string? InTenYears { get; set; }
    public string? InTwentyYears { get; set; }
    public string? School { get; set; }
    public string? Program { get; set; }
    public string? City { get; set; }
    /// <summary>IANA id.</summary>
    public string? TimeZone { get; set; }
    public string? Signature { get; set; }

    /// <summary>The language the pane uses: "en", "fr", or null for automatic (Outlook's display language, else the browser's).</summary>
    public string? Language { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId }).IsUnique();
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Interests).HasMaxLength(2000);
        builder.Property(p => p.InTenYears).HasMaxLength(2000);
        builder.Property(p => p.InTwentyYears).HasMaxLength(2000);
        builder.Property(p => p.School).HasMaxLength(200);
        builder.Property(p => p.Program).HasMaxLength(200);
        builder.Property(p => p.City).HasMaxLength(200);
        builder.Property(p => p.TimeZone).HasMaxLength(100);
        builder.Property(p => p.Signature).HasMaxLength(2000);
        builder.Property(p => p.Language).HasMaxLength(10);
    }
}
