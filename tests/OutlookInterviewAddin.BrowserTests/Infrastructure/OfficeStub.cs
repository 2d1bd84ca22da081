using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>The Outlook item surfaces the pane can be opened on.</summary>
public enum OfficeSurface
{
    MessageRead,
    MessageCompose,
    AppointmentOrganizer,
    AppointmentAttendee,
}

public sealed record Sender(
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("emailAddress")] string EmailAddress);

public sealed record OfficeTheme(
    [property: JsonPropertyName("bodyBackgroundColor")] string BodyBackgroundColor,
    [property: JsonPropertyName("bodyForegroundColor")] string BodyForegroundColor,
    [property: JsonPropertyName("controlBackgroundColor")] string ControlBackgroundColor,
    [property: JsonPropertyName("controlForegroundColor")] string ControlForegroundColor)
{
    public static OfficeTheme Dark { get; } = new("#262626", "#ffffff", "#333333", "#f0f0f0");
}

/// <summary>
/// What the office.js stand-in (OfficeStub/office-stub.js) pretends: the host (Outlook, or none as
/// in a plain browser where office.js did load) and the open item.
/// </summary>
public sealed record OfficeStub
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OfficeStub", "office-stub.js"));

    /// <summary>"Outlook", or null for office.js loaded outside any Office host.</summary>
    public string? Host { get; init; } = "Outlook";

    public OfficeSurface? Surface { get; init; }

    public Sender? From { get; init; }

    public string? Subject { get; init; }

    /// <summary>The open message's id as Office.js gives it (EWS format); the stub converts "/" and "+" to "-" and "_" for REST.</summary>
    public string? ItemId { get; init; }

    public OfficeTheme? Theme { get; init; }

    /// <summary>The open appointment's start (ISO 8601) and length; the stub's fixed day when null.</summary>
    public string? Start { get; init; }

    public int? Minutes { get; init; }

    /// <summary>The open compose item's body and its type ("html" or "text").</summary>
    public string? Body { get; init; }

    public string? BodyType { get; init; }

    /// <summary>The To line of the message being written.</summary>
    public IReadOnlyList<Sender>? To { get; init; }

    /// <summary>The open appointment's attendees.</summary>
    public IReadOnlyList<Sender>? Attendees { get; init; }

    /// <summary>Whether Outlook offers nested app authentication (NestedAppAuth 1.1); off by default.</summary>
    public bool NestedAppAuth { get; init; }

    /// <summary>The code Office.auth.getAccessToken fails with (13000 when null).</summary>
    public int? SsoError { get; init; }

    /// <summary>Outlook's display language (Office.context.displayLanguage), "en-US" when null.</summary>
    public string? DisplayLanguage { get; init; }

    public static OfficeStub In(OfficeSurface surface) => new() { Surface = surface };

    public static OfficeStub OutsideOffice { get; } = new() { Host = null };

    public static string ScriptText => Script;

    /// <summary>The script that sets window.__officeStubConfig before the page's own scripts run.</summary>
    public string ConfigScript()
    {
        var config = new Dictionary<string, object?>
        {
            ["host"] = Host,
            ["surface"] = Surface is { } s ? JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : null,
            ["from"] = From,
            ["subject"] = Subject,
            ["itemId"] = ItemId,
            ["theme"] = Theme,
            ["start"] = Start,
            ["minutes"] = Minutes,
            ["attendees"] = Attendees,
            ["to"] = To,
            ["body"] = Body,
            ["bodyType"] = BodyType,
            ["nestedAppAuth"] = NestedAppAuth,
            ["ssoError"] = SsoError,
            ["displayLanguage"] = DisplayLanguage,
        };
        return $"window.__officeStubConfig = {JsonSerializer.Serialize(config)};";
    }
}
