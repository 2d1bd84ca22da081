using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;

namespace OutlookInterviewAddin.People;

/// <summary>Someone the user talks to, or means to.</summary>
public sealed class Person : UserOwned
{
    public required string Name { get; set; }
    public string? Email { get; set; }

    /// <summary>The email trimmed and lower-cased: unique per user, so re-adding a person updates them.</summary>
    public string? EmailKey { get; private set; }

    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public string? Field { get; set; }
    public string? City { get; set; }
    /// <summary>IANA id; drafts propose times and reminders fire in it.</summary>
    public string? TimeZone { get; set; }
    public string? LinkedInUrl { get; set; }
    public ConnectionKind Connection { get; set; }
    public string? ConnectionDetail { get; set; }
    public string? Notes { get; set; }

    /// <summary>The person who suggested talking to this one.</summary>
    public Guid? ReferredById { get; set; }
    public Person? ReferredBy { get; set; }

    /// <summary>The interview in which the referral was made, when it was recorded there.</summary>
    public Guid? ReferredViaInterviewId { get; set; }

    public List<Interview> Interviews { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void SetEmail(string? email)
    {
        Email = email;
        EmailKey = KeyOf(email);
    }

    public static string? KeyOf(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.EmailKey).HasMaxLength(254);
        // Null keys never collide, so people without an email are not constrained.
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId, p.EmailKey }).IsUnique();
        builder.Property(p => p.Organisation).HasMaxLength(200);
        builder.Property(p => p.Role).HasMaxLength(200);
        builder.Property(p => p.Field).HasMaxLength(200);
        builder.Property(p => p.City).HasMaxLength(200);
        builder.Property(p => p.TimeZone).HasMaxLength(100);
        builder.Property(p => p.LinkedInUrl).HasMaxLength(2048);
        builder.Property(p => p.Connection).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.ConnectionDetail).HasMaxLength(500);
        builder.Property(p => p.Notes).HasMaxLength(20000);
        builder.HasOne(p => p.ReferredBy).WithMany().HasForeignKey(p => p.ReferredById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Interview>().WithMany().HasForeignKey(p => p.ReferredViaInterviewId).OnDelete(DeleteBehavior.SetNull);
    }
}
