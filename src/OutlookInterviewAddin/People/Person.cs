using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Interviews;

namespace OutlookInterviewAddin.People;

/// <summary>Someone the user talks to, or means to.</summary>
public sealed class Person : UserOwned
{
    private string name = "";
    private string? organisation;

    public required string Name
    {
        get => name;
        set
        {
            name = value;
            NameKey = KeyOf(value) ?? "";
        }
    }

    /// <summary>
    /// How drafts greet them when it is not their first name: "Dr. Okafor" or "Professor Chen" for a
    /// professor, "Liz" for Elizabeth. Null: their first name.
    /// </summary>
    public string? GreetAs { get; set; }

    /// <summary>The name trimmed and upper-cased: the list's order, case-insensitive on every database.</summary>
    public string NameKey { get; private set; } = "";

    public string? Email { get; set; }

    /// <summary>The email trimmed and lower-cased: unique per user, so re-adding a person updates them.</summary>
    public string? EmailKey { get; private set; }

    public string? Organisation
    {
        get => organisation;
        set
        {
            organisation = value;
            OrganisationKey = KeyOf(value);
        }
    }

    /// <summary>The organisation trimmed and upper-cased, so next actions find the others at the same place in SQL.</summary>
    public string? OrganisationKey { get; private set; }

    public string? Role { get; set; }
    public string? Field { get; set; }
    public string? City { get; set; }
    /// <summary>IANA id; drafts propose times and reminders fire in it.</summary>
    public string? TimeZone { get; set; }
    public string? LinkedInUrl { get; set; }
    public ConnectionKind Connection { get; set; }
    public string? ConnectionDetail { get; set; }
    public string? Notes { get; set; }

    /// <summary>The language drafts and question lists to them are written in; English unless the user says otherwise.</summary>
    public DraftLanguage Language { get; set; }

    /// <summary>In French, <c>tu</c> or <c>vous</c> as the user chose; null: by the relationship (family and friends get <c>tu</c>).</summary>
    public AddressForm? AddressForm { get; set; }

    /// <summary>The address form French drafts to them use: the user's choice, else the relationship's.</summary>
    public AddressForm AddressFormInUse => AddressForm ?? DraftLanguages.DefaultAddress(Mail.DraftSources.ConnectionOf(Connection));

    /// <summary>The user asked never to write to this person again: no stay-in-touch nudge, no follow-up is drafted for them.</summary>
    public bool DoNotContact { get; set; }

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

    /// <summary>The comparison key of an email, a name or an organisation: trimmed and upper-cased, null when blank.</summary>
    public static string? KeyOf(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.NameKey).HasMaxLength(200);
        builder.Property(p => p.GreetAs).HasMaxLength(100);
        // The list's order (and its keyset cursor), and next actions' people not yet contacted.
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId, p.NameKey, p.Id });
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.EmailKey).HasMaxLength(254);
        // Null keys never collide, so people without an email are not constrained.
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId, p.EmailKey }).IsUnique();
        builder.Property(p => p.Organisation).HasMaxLength(200);
        builder.Property(p => p.OrganisationKey).HasMaxLength(200);
        // Next actions look up the others at an organisation for the second-contact rule.
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId, p.OrganisationKey });
        builder.Property(p => p.Role).HasMaxLength(200);
        builder.Property(p => p.Field).HasMaxLength(200);
        builder.Property(p => p.City).HasMaxLength(200);
        builder.Property(p => p.TimeZone).HasMaxLength(100);
        builder.Property(p => p.LinkedInUrl).HasMaxLength(2048);
        builder.Property(p => p.Connection).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.ConnectionDetail).HasMaxLength(500);
        builder.Property(p => p.Notes).HasMaxLength(20000);
        // Stored as the codes the API speaks ("en", "fr"; "tu", "vous"); a row from before the column reads as English.
        builder.Property(p => p.Language).HasMaxLength(10)
            .HasConversion(v => DraftLanguages.Code(v), v => v == "fr" ? DraftLanguage.Fr : DraftLanguage.En);
        builder.Property(p => p.AddressForm).HasMaxLength(10)
            .HasConversion(v => v == Drafting.AddressForm.Tu ? "tu" : "vous", v => v == "tu" ? Drafting.AddressForm.Tu : Drafting.AddressForm.Vous);
        builder.HasOne(p => p.ReferredBy).WithMany().HasForeignKey(p => p.ReferredById).OnDelete(DeleteBehavior.SetNull);
        // A person's referrals (both ways), owner first as every query filters.
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId, p.ReferredById });
        builder.HasIndex(p => new { p.OwnerTenantId, p.OwnerObjectId, p.ReferredViaInterviewId });
        builder.HasOne<Interview>().WithMany().HasForeignKey(p => p.ReferredViaInterviewId).OnDelete(DeleteBehavior.SetNull);
    }
}
