using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.QuestionLists;

/// <summary>A question list the user saved (the built-in ones are code, not rows).</summary>
public sealed class QuestionList : UserOwned
{
    public required QuestionListContent Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class QuestionListConfiguration : IEntityTypeConfiguration<QuestionList>
{
    public void Configure(EntityTypeBuilder<QuestionList> builder) =>
        builder.Property(l => l.Content).HasConversion(QuestionListContent.JsonConverter, QuestionListContent.JsonComparer!);
}
