using System.Text.Json.Serialization;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.People;

/// <summary>How the user knows a person. Everything but <see cref="Cold"/> is a warm contact, the easier place to start.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ConnectionKind>))]
public enum ConnectionKind
{
    Cold = 0,
    Manager = 1,
    CoopTeammate = 2,
    Colleague = 3,
    Family = 4,
    Friend = 5,
    FriendOfFriend = 6,
    Alumni = 7,
    Professor = 8,
    OtherWarm = 9,
}
