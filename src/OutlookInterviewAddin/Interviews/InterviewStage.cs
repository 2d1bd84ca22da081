using System.Text.Json.Serialization;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.Interviews;

/// <summary>
/// Where one conversation with a person stands. The main path runs
/// Prospect → Contacted → Scheduled → Interviewed → Thanked → StayingInTouch; NoReply and Declined
/// end an outreach that did not lead to a meeting.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<InterviewStage>))]
public enum InterviewStage
{
    Prospect = 0,
    Contacted = 1,
    Scheduled = 2,
    Interviewed = 3,
    Thanked = 4,
    StayingInTouch = 5,
    NoReply = 10,
    Declined = 11,
}

public static class InterviewStages
{
    /// <summary>A stage named in a query string (any case, never a number): the lists' stage filters.</summary>
    public static bool TryParse(string? text, out InterviewStage stage) =>
        Enum.TryParse(text, ignoreCase: true, out stage) && Enum.IsDefined(stage) && !int.TryParse(text, out _);
}
