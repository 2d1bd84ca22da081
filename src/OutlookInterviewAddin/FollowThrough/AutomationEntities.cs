using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>A user's follow-through setting: off until they turn it on. One per user.</summary>
public sealed class AutomationSetting : UserOwned
{
    public const int DefaultStayInTouchMonths = 4;

    public bool Enabled { get; set; }

    /// <summary>Months between stay-in-touch nudges after the thank-you; null: no nudges.</summary>
    public int? StayInTouchMonths { get; set; } = DefaultStayInTouchMonths;

    /// <summary>ISO 3166-1 alpha-2 code ("CA") whose public holidays business days skip; null: weekends only.</summary>
    public string? Country { get; set; }

    /// <summary>A province or state code ("ON") where the country's holidays differ by region; null: the national ones.</summary>
    public string? Province { get; set; }

    /// <summary>The longest <see cref="Problem"/> (and <c>AutomationGrant.Problem</c>) the database keeps.</summary>
    public const int ProblemLength = 500;

    /// <summary>When automation stopped by itself (no session in this mode, a revoked grant): the sentence the pane shows, stored as its key (<c>StoredText</c>).</summary>
    public string? Problem { get; set; }

    public DateTimeOffset? EnabledAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The pieces of follow-through work, each done at most once per interview (and round).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AutomationWork>))]
public enum AutomationWork
{
    /// <summary>The thank-you drafted after the meeting ended (or once takeaways were recorded).</summary>
    ThankYou,
    /// <summary>A reply from the person was noticed: the conversation moved on and the follow-up is off.</summary>
    ReplyNoticed,
    /// <summary>Three business days without a reply: a second person at the organisation suggested.</summary>
    SecondContact,
    /// <summary>Seven business days without a reply: the single follow-up drafted.</summary>
    FollowUp,
    /// <summary>A stay-in-touch update drafted; <see cref="AutomationActivity.Round"/> counts them.</summary>
    StayInTouch,
    /// <summary>The invite was moved in Outlook: the stored plan now follows the calendar; <see cref="AutomationActivity.Round"/> counts the moves.</summary>
    MeetingMoved,
}

/// <summary>
/// One piece of follow-through work, claimed before it is done and completed once it is: the unique
/// key (interview, work, round) makes it happen once whatever the number of hosts or retries, and a
/// claim without <see cref="CompletedAt"/> is work a stopped sweep left half-way, which the next one finishes.
/// </summary>
public sealed class AutomationActivity : UserOwned
{
    public Guid InterviewId { get; set; }
    public Guid PersonId { get; set; }
    public required string PersonName { get; set; }
    public AutomationWork Work { get; set; }

    /// <summary>0, or the number of the stay-in-touch update (1, 2, …).</summary>
    public int Round { get; set; }

    /// <summary>When the work became due (the meeting's end, the business day reached).</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The Graph id of the draft made, when the work made one.</summary>
    public string? ItemId { get; set; }

    /// <summary>One line for next actions ("Thank-you to Ana drafted 10 minutes after your meeting"), as <see cref="Localization.StoredText"/>: written in the reader's language when read.</summary>
    public string Summary { get; set; } = "";

    public const int SummaryLength = 500;
}

internal sealed class AutomationSettingConfiguration : IEntityTypeConfiguration<AutomationSetting>
{
    public void Configure(EntityTypeBuilder<AutomationSetting> builder)
    {
        builder.HasIndex(s => new { s.OwnerTenantId, s.OwnerObjectId }).IsUnique();
        builder.Property(s => s.Country).HasMaxLength(2);
        builder.Property(s => s.Province).HasMaxLength(10);
        builder.Property(s => s.Problem).HasMaxLength(AutomationSetting.ProblemLength);
        // The sweep's one unfiltered query: which users turned automation on.
        builder.HasIndex(s => s.Enabled);
    }
}

internal sealed class AutomationActivityConfiguration : IEntityTypeConfiguration<AutomationActivity>
{
    public void Configure(EntityTypeBuilder<AutomationActivity> builder)
    {
        builder.Property(a => a.PersonName).HasMaxLength(200);
        builder.Property(a => a.Work).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ItemId).HasMaxLength(512);
        builder.Property(a => a.Summary).HasMaxLength(AutomationActivity.SummaryLength);
        // Exactly once: a second claim of the same work fails on this index.
        builder.HasIndex(a => new { a.OwnerTenantId, a.OwnerObjectId, a.InterviewId, a.Work, a.Round }).IsUnique();
        builder.HasIndex(a => new { a.OwnerTenantId, a.OwnerObjectId, a.ClaimedAt });
        builder.HasIndex(a => a.InterviewId);
        builder.HasOne<Interviews.Interview>().WithMany().HasForeignKey(a => a.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
