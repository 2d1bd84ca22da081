using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Mail;

/// <summary>
/// A claim on one mailbox operation (one interview's outreach, invite or thank-you) while it runs.
/// The unique index lets exactly one request, on any host sharing the database, hold it: a second
/// press of the same button is told to wait instead of racing the first into a duplicate.
/// </summary>
public sealed class MailboxOperation : UserOwned
{
    public Guid InterviewId { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
}

internal sealed class MailboxOperationConfiguration : IEntityTypeConfiguration<MailboxOperation>
{
    public void Configure(EntityTypeBuilder<MailboxOperation> builder)
    {
        builder.Property(o => o.Kind).HasMaxLength(20);
        builder.HasIndex(o => new { o.OwnerTenantId, o.OwnerObjectId, o.InterviewId, o.Kind }).IsUnique();
    }
}
