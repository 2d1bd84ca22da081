using System.Globalization;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>A time zone as a request named it, and what it resolved to on this machine.</summary>
public sealed record NamedZone(string Name, TimeZoneInfo Zone)
{
    public static NamedZone Utc { get; } = new("UTC", TimeZoneInfo.Utc);
}

/// <summary>
/// Graph's dateTimeTimeZone values: a wall-clock time and the zone it is read in. Zones come as
/// Windows ids ("Eastern Standard Time", what Outlook uses) or IANA ids ("America/Toronto"); Windows
/// ids are converted first, so they resolve on Linux and macOS too.
/// </summary>
public static partial class GraphTime
{
    /// <summary>The zone for <paramref name="id"/>, or null when neither a Windows nor an IANA zone has that name.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        id = id.Trim();
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var fromWindows))
            return fromWindows;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static NamedZone ZoneOrThrow(string? id) =>
        FindZone(id) is { } zone ? new NamedZone(id!.Trim(), zone) : throw GraphErrors.TimeZoneNotSupported(id);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeShape();

    /// <summary>
    /// The instant a dateTimeTimeZone names. A dateTime that carries its own offset ("…Z",
    /// "…-05:00") is taken as that instant; otherwise it is a wall-clock time in <paramref name="zone"/>.
    /// </summary>
    public static DateTimeOffset ToInstant(string? dateTime, NamedZone zone, string property)
    {
        var text = dateTime?.Trim() ?? "";
        var shape = DateTimeShape().Match(text);
        if (!shape.Success)
            throw GraphErrors.InvalidBody($"'{dateTime}' is not a dateTime such as 2027-03-15T10:00:00 ({property}).");
        if (shape.Groups["offset"].Success)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                throw GraphErrors.InvalidBody($"'{dateTime}' is not a valid date and time ({property}).");
            return instant.ToUniversalTime();
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            throw GraphErrors.InvalidBody($"'{dateTime}' is not a valid date and time ({property}).");
        return FromWallClock(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), zone.Zone);
    }

    /// <summary>
    /// A wall-clock time in a zone as a UTC instant. A time that a spring-forward skips is moved past
    /// the gap, as Outlook does; a time that a fall-back repeats is read as the earlier one (daylight time).
    /// </summary>
    public static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(wall))
        {
            var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= wall && r.DateEnd >= wall);
            wall += rule?.DaylightDelta ?? TimeSpan.FromHours(1);
        }
        if (zone.IsAmbiguousTime(wall))
        {
            var offset = zone.GetAmbiguousTimeOffsets(wall).Max();
            return new DateTimeOffset(wall, offset).ToUniversalTime();
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, zone), TimeSpan.Zero);
    }

    /// <summary>Graph's dateTime format in a response: "2027-03-15T14:00:00.0000000".</summary>
    public static string WallClock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>Graph's format for a UTC instant: "2026-12-01T10:00:00Z".</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// The zone a request asks answers in (Prefer: outlook.timezone="…"); UTC when it names none.
    /// Other preferences (IdType="ImmutableId": ids here never change) are accepted and ignored.
    /// </summary>
    public static NamedZone PreferredZone(IEnumerable<string?> preferHeaders)
    {
        foreach (var header in preferHeaders)
        {
            foreach (var preference in SplitOutsideQuotes(header ?? "", ','))
            {
                var equals = preference.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0) continue;
                var name = preference[..equals].Trim();
                if (!name.Equals("outlook.timezone", StringComparison.OrdinalIgnoreCase)) continue;
                var value = preference[(equals + 1)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
                return ZoneOrThrow(value);
            }
        }
        return NamedZone.Utc;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text, char separator)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == separator && !quoted)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
