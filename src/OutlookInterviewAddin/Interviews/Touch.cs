using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Interviews;

/// <summary>
/// One stay-in-touch update sent after the thank-you (about three a year). The stage only records
/// that staying in touch began; each update is a touch, so the four-month nudge restarts from the latest.
/// </summary>
public sealed class Touch : UserOwned, IInterviewPart
{
    public Guid InterviewId { get; set; }
    /// <summary>When the update was sent (UTC); may be back-dated, never before the thank-you.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>What was said, for example which advice was acted on and how it went.</summary>
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TouchConfiguration : IEntityTypeConfiguration<Touch>
{
    public void Configure(EntityTypeBuilder<Touch> builder)
    {
        builder.Property(t => t.Note).HasMaxLength(TouchRules.MaxNoteLength);
        builder.HasIndex(t => new { t.InterviewId, t.At });
        // Owner first, as every query filters (see StageChangeConfiguration).
        builder.HasIndex(t => new { t.OwnerTenantId, t.OwnerObjectId, t.InterviewId, t.At });
    }
}

/// <summary>When a touch may be recorded, and in plain words why not.</summary>
public static class TouchRules
{
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// A date picked in another time zone can land up to a day ahead of the server's clock; beyond
    /// that a touch in the future is a mistake.
    /// </summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>Null when a touch may be recorded at <paramref name="stage"/>; otherwise the reason, naming <paramref name="personName"/>.</summary>
    public static string? Refusal(InterviewStage stage, string personName) =>
        stage == InterviewStage.StayingInTouch ? null : StageRules.Refusal(stage, InterviewStage.StayingInTouch, personName);
}
