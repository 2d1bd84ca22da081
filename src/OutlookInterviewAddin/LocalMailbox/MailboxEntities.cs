using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.LocalMailbox;

// What the local mailbox keeps, per local user, in the host's own database. Graph ids are opaque
// strings the product never parses; the rows are UserOwned, so one user's mailbox is invisible to
// another exactly as the rest of their data is.

/// <summary>An address as Graph writes it: emailAddress { name, address }.</summary>
public sealed record MailboxAddress(string? Name, string Address);

/// <summary>A single-value extended property: id "String {guid} Name X", and its value.</summary>
public sealed record MailboxExtendedProperty(string Id, string Value);

/// <summary>An attendee of an event: its address and type (required, optional, resource).</summary>
public sealed record MailboxAttendee(string? Name, string Address, string Type);

/// <summary>A message in the local mailbox: a draft, a sent message or one received.</summary>
public sealed class MailboxMessage : UserOwned
{
    public required string GraphId { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>drafts, sentitems or inbox.</summary>
    public required string Folder { get; set; }
    public bool IsDraft { get; set; }
    public string Subject { get; set; } = "";
    /// <summary>html or text.</summary>
    public string BodyContentType { get; set; } = "html";
    public string BodyContent { get; set; } = "";
    public string? FromName { get; set; }
    public string? FromAddress { get; set; }
    public List<MailboxAddress> ToRecipients { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public List<MailboxExtendedProperty> ExtendedProperties { get; set; } = [];
    /// <summary>The message this one replies to (createReply), when it is a reply.</summary>
    public string? InReplyToGraphId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastModifiedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
}

/// <summary>A calendar event the user organises.</summary>
public sealed class MailboxEvent : UserOwned
{
    public required string GraphId { get; set; }
    /// <summary>The client's idempotency key: a second create with the same one returns the first event.</summary>
    public string? TransactionId { get; set; }
    public string Subject { get; set; } = "";
    public string BodyContentType { get; set; } = "html";
    public string BodyContent { get; set; } = "";
    public DateTimeOffset StartUtc { get; set; }
    public DateTimeOffset EndUtc { get; set; }
    /// <summary>The zone the organiser gave (Windows or IANA id), echoed back as Graph does.</summary>
    public string OriginalTimeZone { get; set; } = "UTC";
    public string? Location { get; set; }
    public List<MailboxAttendee> Attendees { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public List<MailboxExtendedProperty> ExtendedProperties { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastModifiedAt { get; set; }
}

/// <summary>A file attached to an event or a message.</summary>
public sealed class MailboxAttachment : UserOwned
{
    public required string GraphId { get; set; }
    public required string ParentGraphId { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One invitation the local mailbox "sent": to whom, when, and which files it carried.</summary>
public sealed class MailboxInvitation : UserOwned
{
    public required string EventGraphId { get; set; }
    public required string Attendee { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public List<string> AttachmentNames { get; set; } = [];
}

internal sealed class MailboxMessageConfiguration : IEntityTypeConfiguration<MailboxMessage>
{
    public void Configure(EntityTypeBuilder<MailboxMessage> builder)
    {
        builder.HasIndex(m => m.GraphId).IsUnique();
        builder.Property(m => m.GraphId).HasMaxLength(200);
        builder.Property(m => m.ConversationId).HasMaxLength(200);
        builder.Property(m => m.Folder).HasMaxLength(40);
        builder.Property(m => m.Subject).HasMaxLength(1000);
        builder.Property(m => m.BodyContentType).HasMaxLength(10);
        builder.Property(m => m.InReplyToGraphId).HasMaxLength(200);
        builder.Property(m => m.FromName).HasMaxLength(200);
        builder.Property(m => m.FromAddress).HasMaxLength(254);
        builder.Property(m => m.ToRecipients).HasJsonConversion();
        builder.Property(m => m.Categories).HasJsonConversion();
        builder.Property(m => m.ExtendedProperties).HasJsonConversion();
        builder.HasIndex(m => new { m.OwnerTenantId, m.OwnerObjectId, m.CreatedAt });
    }
}

internal sealed class MailboxEventConfiguration : IEntityTypeConfiguration<MailboxEvent>
{
    public void Configure(EntityTypeBuilder<MailboxEvent> builder)
    {
        builder.HasIndex(e => e.GraphId).IsUnique();
        builder.Property(e => e.GraphId).HasMaxLength(200);
        builder.Property(e => e.TransactionId).HasMaxLength(200);
        // Null transaction ids never collide; a repeated one is found and answered, not inserted.
        builder.HasIndex(e => new { e.OwnerTenantId, e.OwnerObjectId, e.TransactionId }).IsUnique();
        builder.Property(e => e.Subject).HasMaxLength(1000);
        builder.Property(e => e.BodyContentType).HasMaxLength(10);
        builder.Property(e => e.OriginalTimeZone).HasMaxLength(100);
        builder.Property(e => e.Location).HasMaxLength(500);
        builder.Property(e => e.Attendees).HasJsonConversion();
        builder.Property(e => e.Categories).HasJsonConversion();
        builder.Property(e => e.ExtendedProperties).HasJsonConversion();
        builder.HasIndex(e => new { e.OwnerTenantId, e.OwnerObjectId, e.StartUtc });
    }
}

internal sealed class MailboxAttachmentConfiguration : IEntityTypeConfiguration<MailboxAttachment>
{
    public void Configure(EntityTypeBuilder<MailboxAttachment> builder)
    {
        builder.HasIndex(a => a.GraphId).IsUnique();
        builder.Property(a => a.GraphId).HasMaxLength(200);
        builder.Property(a => a.ParentGraphId).HasMaxLength(200);
        builder.HasIndex(a => a.ParentGraphId);
        builder.Property(a => a.Name).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(255);
    }
}

internal sealed class MailboxInvitationConfiguration : IEntityTypeConfiguration<MailboxInvitation>
{
    public void Configure(EntityTypeBuilder<MailboxInvitation> builder)
    {
        builder.Property(i => i.EventGraphId).HasMaxLength(200);
        builder.HasIndex(i => i.EventGraphId);
        builder.Property(i => i.Attendee).HasMaxLength(254);
        builder.Property(i => i.AttachmentNames).HasJsonConversion();
    }
}

/// <summary>A contact in the user's Outlook contacts folder, as far as the add-in reads them (the import of people).</summary>
public sealed class MailboxContact : UserOwned
{
    public required string GraphId { get; set; }
    public string? DisplayName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public List<MailboxAddress> EmailAddresses { get; set; } = [];
    public string? CompanyName { get; set; }
    public string? JobTitle { get; set; }
    public string? Department { get; set; }
    public string? BusinessCity { get; set; }
    public string? PersonalNotes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastModifiedAt { get; set; }
}

internal sealed class MailboxContactConfiguration : IEntityTypeConfiguration<MailboxContact>
{
    public void Configure(EntityTypeBuilder<MailboxContact> builder)
    {
        builder.HasIndex(c => c.GraphId).IsUnique();
        builder.Property(c => c.GraphId).HasMaxLength(200);
        builder.Property(c => c.DisplayName).HasMaxLength(500);
        builder.Property(c => c.GivenName).HasMaxLength(200);
        builder.Property(c => c.Surname).HasMaxLength(200);
        builder.Property(c => c.EmailAddresses).HasJsonConversion();
        builder.Property(c => c.CompanyName).HasMaxLength(500);
        builder.Property(c => c.JobTitle).HasMaxLength(500);
        builder.Property(c => c.Department).HasMaxLength(500);
        builder.Property(c => c.BusinessCity).HasMaxLength(200);
        builder.HasIndex(c => new { c.OwnerTenantId, c.OwnerObjectId, c.CreatedAt });
    }
}
