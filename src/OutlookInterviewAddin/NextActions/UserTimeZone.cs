using System.Diagnostics.CodeAnalysis;

namespace OutlookInterviewAddin.NextActions;

/// <summary>
/// Finds a user's time zone from the id their profile or Outlook gives: an IANA id
/// ("America/Toronto") or a Windows id ("Eastern Standard Time"). Windows ids are converted first
/// so they resolve on Linux hosts too.
/// </summary>
public static class UserTimeZone
{
    public static bool TryResolve(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id)) return false;
        var trimmed = id.Trim();
        var candidate = TimeZoneInfo.TryConvertWindowsIdToIanaId(trimmed, out var iana) ? iana : trimmed;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(candidate);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The zone for <paramref name="id"/>, or UTC when it is missing or unknown.</summary>
    public static TimeZoneInfo ResolveOrUtc(string? id) => TryResolve(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
