using System.Text.Json.Serialization;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.Interviews;

/// <summary>Where the conversation happens.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PlaceKind>))]
public enum PlaceKind
{
    Coffee = 0,
    Online = 1,
    Phone = 2,
    Other = 3,
}
