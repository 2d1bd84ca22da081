using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>A Graph answer: a status and a JSON body (or none).</summary>
public sealed record GraphAnswer(int Status, JsonNode? Body)
{
    public IResult ToResult() => Body is null ? Results.StatusCode(Status) : Results.Json(Body, statusCode: Status);

    /// <summary>Graph's error shape: { error: { code, message, innerError } }.</summary>
    public static GraphAnswer Error(int status, string code, string message) => new(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                ["request-id"] = Guid.NewGuid().ToString(),
                ["client-request-id"] = Guid.NewGuid().ToString(),
            },
        },
    });

    public static GraphAnswer NotFound() => Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static GraphAnswer BadRequest(string code, string message) => Error(400, code, message);
}

/// <summary>The parts of Graph's JSON the local mailbox reads and writes.</summary>
internal static class GraphJson
{
    /// <summary>An opaque id in the style of Exchange's: the product never parses it.</summary>
    public static string NewId() => "AAMkLocal" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Address(string? name, string address) => new()
    {
        ["emailAddress"] = new JsonObject { ["name"] = name ?? address, ["address"] = address },
    };

    /// <summary>Reads recipients [{ emailAddress: { name, address } }]; null when the shape is wrong.</summary>
    public static List<MailboxAddress>? Recipients(JsonNode? node)
    {
        if (node is null) return [];
        if (node is not JsonArray array) return null;
        var list = new List<MailboxAddress>();
        foreach (var item in array)
        {
            var address = item?["emailAddress"]?["address"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(address)) return null;
            list.Add(new MailboxAddress(item?["emailAddress"]?["name"]?.GetValue<string>(), address.Trim()));
        }
        return list;
    }

    public static List<MailboxExtendedProperty>? ExtendedProperties(JsonNode? node)
    {
        if (node is null) return [];
        if (node is not JsonArray array) return null;
        var list = new List<MailboxExtendedProperty>();
        foreach (var item in array)
        {
            var id = item?["id"]?.GetValue<string>();
            var value = item?["value"]?.GetValue<string>();
            if (id is null || value is null) return null;
            list.Add(new MailboxExtendedProperty(id, value));
        }
        return list;
    }

    public static List<string>? Strings(JsonNode? node) =>
        node is null ? [] : node is JsonArray array && array.All(i => i is JsonValue) ? [.. array.Select(i => i!.GetValue<string>())] : null;

    /// <summary>A DateTimeTimeZone { dateTime, timeZone } as an instant; null with a reason when it is not one.</summary>
    public static (DateTimeOffset? Instant, string? Problem) DateTimeTimeZone(JsonNode? node, string field)
    {
        var text = node?["dateTime"]?.GetValue<string>();
        var zoneId = node?["timeZone"]?.GetValue<string>() ?? "UTC";
        if (text is null) return (null, $"'{field}' needs a dateTime.");
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
            return (null, $"Cannot convert the literal '{text}' to the expected type 'Edm.DateTime'.");
        if (!UserTimeZone.TryResolve(zoneId, out var zone))
            return (null, $"A valid TimeZone value must be specified. The following TimeZone value is not supported: '{zoneId}'.");
        wallClock = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock)) return (null, $"'{text}' does not exist in '{zoneId}' (a daylight-saving gap).");
        return (new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, zone), TimeSpan.Zero), null);
    }

    /// <summary>An instant as Graph writes it for the zone the caller asked for (Prefer: outlook.timezone), UTC by default.</summary>
    public static JsonObject DateTimeTimeZone(DateTimeOffset instant, string? preferredZone)
    {
        var zoneName = "UTC";
        var local = instant.UtcDateTime;
        if (preferredZone is not null && UserTimeZone.TryResolve(preferredZone, out var zone))
        {
            local = TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone);
            zoneName = preferredZone;
        }
        return new JsonObject { ["dateTime"] = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = zoneName };
    }

    /// <summary>The zone of a Prefer: outlook.timezone="…" header.</summary>
    public static string? PreferredZone(string? prefer)
    {
        if (string.IsNullOrEmpty(prefer)) return null;
        foreach (var part in prefer.Split(','))
        {
            var p = part.Trim();
            if (!p.StartsWith("outlook.timezone", StringComparison.OrdinalIgnoreCase)) continue;
            var value = p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Trim('"');
            return value.Length > 0 ? value : null;
        }
        return null;
    }
}
