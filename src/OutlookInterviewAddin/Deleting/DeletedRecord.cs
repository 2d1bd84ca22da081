using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Deleting;

/// <summary>
/// What a delete removed, kept for <see cref="DeletedRecords.UndoWindow"/> so "Undo" can put it back:
/// the rows themselves are gone at once (lists, next actions and the export never see them), and
/// this copy is removed once the window has passed, or with "delete all my data".
/// </summary>
public sealed class DeletedRecord : UserOwned
{
    /// <summary>"person" or "interview": what was deleted.</summary>
    public required string Kind { get; set; }
    /// <summary>The deleted person's or interview's id.</summary>
    public Guid RecordId { get; set; }
    /// <summary>What the undo offer names: the person's name, or the conversation with them (as <see cref="Localization.StoredText"/>).</summary>
    public required string Description { get; set; }

    public const int DescriptionLength = 300;

    /// <summary>The rows removed and the links cleared with them, as JSON (<see cref="DeletedRecords"/>).</summary>
    public required string Snapshot { get; set; }
    public DateTimeOffset DeletedAt { get; set; }
}

internal sealed class DeletedRecordConfiguration : IEntityTypeConfiguration<DeletedRecord>
{
    public void Configure(EntityTypeBuilder<DeletedRecord> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(20);
        builder.Property(d => d.Description).HasMaxLength(DeletedRecord.DescriptionLength);
        // Old copies are removed by age.
        builder.HasIndex(d => d.DeletedAt);
    }
}
