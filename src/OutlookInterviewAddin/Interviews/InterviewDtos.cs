using OutlookInterviewAddin.People;

namespace OutlookInterviewAddin.Interviews;

public sealed record InterviewPersonRef(Guid Id, string Name, string? Organisation, string? TimeZone);

public sealed record StageChangeDto(InterviewStage Stage, DateTimeOffset At);

public sealed record OutlookItemsDto(string? OutreachMessageId, string? InviteEventId, string? ThankYouMessageId);

/// <param name="Action">What the user means to do with it, or null.</param>
public sealed record TakeawayDto(Guid Id, string Text, string? Action, bool IsMostHelpful, DateTimeOffset CreatedAt);

/// <summary>A stay-in-touch update; <paramref name="At"/> is when it was sent.</summary>
public sealed record TouchDto(Guid Id, DateTimeOffset At, string? Note, DateTimeOffset CreatedAt);

public sealed record FitDto(int? Rating, string? Note);

/// <summary>The latest stage move, while it can still be undone: the stage undo returns to, and until when.</summary>
public sealed record StageUndoDto(InterviewStage Stage, InterviewStage Back, DateTimeOffset Until);

public sealed record InterviewDto(
    Guid Id,
    InterviewPersonRef Person,
    InterviewStage Stage,
    DateTimeOffset StageEnteredAt,
    IReadOnlyList<StageChangeDto> StageHistory,
    IReadOnlyList<InterviewStage> AllowedNextStages,
    StageUndoDto? Undo,
    DateTimeOffset? PlannedStart,
    int? DurationMinutes,
    PlaceKind? PlaceKind,
    string? Place,
    string? MeetingUrl,
    string QuestionListId,
    bool HasTailoredQuestions,
    OutlookItemsDto OutlookItems,
    IReadOnlyList<TakeawayDto> Takeaways,
    FitDto Fit,
    IReadOnlyList<TouchDto> Touches,
    IReadOnlyList<PersonRef> Referrals,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record InterviewSummary(Guid Id, InterviewPersonRef Person, InterviewStage Stage, DateTimeOffset StageEnteredAt, DateTimeOffset? PlannedStart);

/// <param name="ConfirmPast">True when a planned start in the past is meant (the conversation already happened).</param>
public sealed record NewInterviewInput(
    Guid? PersonId,
    string? QuestionListId = null,
    DateTimeOffset? PlannedStart = null,
    int? DurationMinutes = null,
    PlaceKind? PlaceKind = null,
    string? Place = null,
    string? MeetingUrl = null,
    bool? ConfirmPast = null);

/// <param name="ConfirmPast">
/// True when a planned start in the past is meant (the conversation already happened). Not needed
/// when the start is unchanged, or once the interview is past the meeting (interviewed or later).
/// </param>
public sealed record InterviewPlanInput(
    string? QuestionListId = null,
    DateTimeOffset? PlannedStart = null,
    int? DurationMinutes = null,
    PlaceKind? PlaceKind = null,
    string? Place = null,
    string? MeetingUrl = null,
    bool? ConfirmPast = null);

/// <param name="PlannedStart">
/// With a move to scheduled: the meeting's time, saved with the move. A scheduled conversation has a
/// time: without one here or in the plan, the move is refused.
/// </param>
/// <param name="ConfirmEarly">
/// True when a move to interviewed or thanked before the planned meeting's start is meant (it took
/// place earlier than planned); without it such a move is refused, naming this field.
/// </param>
public sealed record StageChangeInput(InterviewStage? Stage, DateTimeOffset? At = null, DateTimeOffset? PlannedStart = null, bool? ConfirmEarly = null);

/// <param name="Stage">The stage being undone: the interview's current stage as the client saw it, so a repeated undo cannot undo a second move.</param>
public sealed record StageUndoInput(InterviewStage? Stage);

public sealed record OutlookItemInput(string? ItemId);

/// <param name="IsMostHelpful">On an edit, null leaves the mark as it is.</param>
/// <param name="Action">What the user will do with it; on an edit, null (or blank) clears it, as the text is replaced.</param>
public sealed record TakeawayInput(string? Text, bool? IsMostHelpful = null, string? Action = null);

/// <param name="At">When the update was sent; now when missing.</param>
public sealed record TouchInput(DateTimeOffset? At = null, string? Note = null);

public sealed record FitInput(int? Rating, string? Note);

/// <summary>Either an existing person's id, or the fields of someone new (at least a name).</summary>
public sealed record ReferralInput(
    Guid? PersonId = null,
    string? Name = null,
    string? Email = null,
    string? Organisation = null,
    string? Role = null,
    string? Field = null,
    string? City = null,
    string? TimeZone = null,
    string? LinkedInUrl = null,
    ConnectionKind? Connection = null,
    string? ConnectionDetail = null,
    string? Notes = null,
    string? GreetAs = null);
