using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.QuestionLists;

namespace OutlookInterviewAddin.Interviews;

/// <summary>One conversation with one person, from the first idea of asking to staying in touch.</summary>
public sealed class Interview : UserOwned
{
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The current stage; <see cref="StageChanges"/> holds every stage with the time it was entered.</summary>
    public InterviewStage Stage { get; set; }
    public DateTimeOffset StageEnteredAt { get; set; }
    public List<StageChange> StageChanges { get; set; } = [];

    public DateTimeOffset? PlannedStart { get; set; }
    public int? DurationMinutes { get; set; }
    public PlaceKind? PlaceKind { get; set; }
    public string? Place { get; set; }
    public string? MeetingUrl { get; set; }

    /// <summary>The saved list the questions come from: a built-in id ("default", "tiara") or a user list's id.</summary>
    public string? QuestionListId { get; set; }

    /// <summary>This interview's own copy of the questions, when the user tailored them; the saved list stays as it was.</summary>
    public QuestionListContent? TailoredQuestions { get; set; }

    // Outlook items (Graph ids) created for this interview.
    public string? OutreachMessageId { get; set; }
    public string? InviteEventId { get; set; }
    public string? ThankYouMessageId { get; set; }

    /// <summary>The invite's idempotency key (Graph's transactionId), stable across retries of one invite.</summary>
    public string? InviteTransactionId { get; set; }
    /// <summary>How far the multi-step invite got, so a retry resumes instead of starting over.</summary>
    public InviteStep? InviteStep { get; set; }
    public DateTimeOffset? InviteSentAt { get; set; }

    public List<Takeaway> Takeaways { get; set; } = [];
    /// <summary>Stay-in-touch updates sent after the thank-you.</summary>
    public List<Touch> Touches { get; set; } = [];
    /// <summary>How the career sounded, 1 (a nightmare) to 5 (a dream).</summary>
    public int? FitRating { get; set; }
    public string? FitNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// A concurrency token, one higher after every save that changes the interview or its stages,
    /// takeaways and touches (<see cref="Data.AppDbContext"/> moves it, whichever code made the
    /// change): a write decided from an older read fails (see <see cref="InterviewWrites"/>).
    /// </summary>
    public int Version { get; set; }

    /// <summary>Records when the interview or what it holds last changed.</summary>
    public void Changed(DateTimeOffset at) => UpdatedAt = at;

    /// <summary>The time the interview entered <paramref name="stage"/> most recently, if it ever did.</summary>
    public DateTimeOffset? EnteredAt(InterviewStage stage) =>
        StageChanges.Where(c => c.Stage == stage).Select(c => (DateTimeOffset?)c.EnteredAt).Max();
}

/// <summary>The steps of sending an invite with its question list, in order.</summary>
public enum InviteStep
{
    /// <summary>The event exists, without attendees: nobody has been invited yet.</summary>
    Created = 1,
    /// <summary>The question list is attached.</summary>
    Attached = 2,
    /// <summary>The attendee was added, which sent the invitation with the attachment.</summary>
    Sent = 3,
}

/// <summary>A row that belongs to one interview: changing it changes the interview (its <see cref="Interview.Version"/> moves).</summary>
public interface IInterviewPart
{
    Guid InterviewId { get; }
}

/// <summary>One stage an interview entered, and when (UTC).</summary>
public sealed class StageChange : UserOwned, IInterviewPart
{
    public Guid InterviewId { get; set; }
    public InterviewStage Stage { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
}

/// <summary>A point the user kept from the conversation; at most one per interview is the most helpful tip.</summary>
public sealed class Takeaway : UserOwned, IInterviewPart
{
    public Guid InterviewId { get; set; }
    public required string Text { get; set; }
    /// <summary>What the user means to do with it ("Sign up for the spring hackathon"): the thank-you and later updates can say so.</summary>
    public string? Action { get; set; }
    public bool IsMostHelpful { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.HasOne(i => i.Person).WithMany(p => p.Interviews).HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.PlaceKind).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Place).HasMaxLength(500);
        builder.Property(i => i.MeetingUrl).HasMaxLength(2048);
        builder.Property(i => i.QuestionListId).HasMaxLength(64);
        builder.Property(i => i.TailoredQuestions).HasConversion(QuestionListContent.JsonConverter!, QuestionListContent.JsonComparer);
        builder.Property(i => i.OutreachMessageId).HasMaxLength(512);
        builder.Property(i => i.InviteEventId).HasMaxLength(512);
        builder.Property(i => i.ThankYouMessageId).HasMaxLength(512);
        builder.Property(i => i.InviteTransactionId).HasMaxLength(100);
        builder.Property(i => i.InviteStep).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.FitNote).HasMaxLength(4000);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.StageChanges).WithOne().HasForeignKey(c => c.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Takeaways).WithOne().HasForeignKey(t => t.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Touches).WithOne().HasForeignKey(t => t.InterviewId).OnDelete(DeleteBehavior.Cascade);
        // The list filters (stage, person), its order (newest first, then id) and next actions' stage-and-date filters.
        builder.HasIndex(i => new { i.OwnerTenantId, i.OwnerObjectId, i.Stage, i.StageEnteredAt });
        builder.HasIndex(i => new { i.OwnerTenantId, i.OwnerObjectId, i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.OwnerTenantId, i.OwnerObjectId, i.PersonId, i.CreatedAt });
        builder.HasIndex(i => new { i.OwnerTenantId, i.OwnerObjectId, i.PlannedStart });
        builder.HasIndex(i => new { i.OwnerTenantId, i.OwnerObjectId, i.QuestionListId });
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(c => new { c.InterviewId, c.EnteredAt });
        // Led by the owner, as every query filters: otherwise SQLite prefers the owner-only index
        // and each per-interview subquery (next actions, the stage history) scans all of the user's changes.
        builder.HasIndex(c => new { c.OwnerTenantId, c.OwnerObjectId, c.InterviewId, c.Stage, c.EnteredAt });
    }
}

internal sealed class TakeawayConfiguration : IEntityTypeConfiguration<Takeaway>
{
    public void Configure(EntityTypeBuilder<Takeaway> builder)
    {
        builder.Property(t => t.Text).HasMaxLength(1000);
        builder.Property(t => t.Action).HasMaxLength(500);
        builder.HasIndex(t => new { t.OwnerTenantId, t.OwnerObjectId, t.InterviewId });
        // For the foreign key (deleting an interview deletes its takeaways); the filtered index below does not serve it.
        builder.HasIndex(t => t.InterviewId);
        // The thank-you quotes the most helpful tip, so the database keeps it to one per interview.
        // The filter is valid SQL on SQLite and PostgreSQL alike.
        builder.HasIndex(t => t.InterviewId, "IX_Takeaways_InterviewId_MostHelpful").IsUnique().HasFilter("\"IsMostHelpful\"");
    }
}
