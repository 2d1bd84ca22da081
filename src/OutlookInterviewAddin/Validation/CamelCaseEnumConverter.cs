using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutlookInterviewAddin.Validation;

/// <summary>Enums travel as camelCase names ("stayingInTouch"), never as numbers, so the pane does not depend on their values.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
