using System.Collections.Concurrent;
using PublicHoliday;

namespace OutlookInterviewAddin.NextActions;

/// <summary>
/// The public holidays of one country, or of one Canadian province, from the PublicHoliday package.
/// Business-day rules skip them when the user names where they live.
/// </summary>
public sealed class Holidays
{
    private static readonly ConcurrentDictionary<string, Holidays?> Known = new(StringComparer.OrdinalIgnoreCase);

    private readonly IPublicHolidays calendar;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> years = new();

    private Holidays(IPublicHolidays calendar) => this.calendar = calendar;

    /// <summary>The calendar of <paramref name="country"/> (ISO 3166-1 alpha-2) and <paramref name="province"/>; null when no country is given or it is not one the package knows.</summary>
    public static Holidays? For(string? country, string? province)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        var key = $"{country.Trim()}/{province?.Trim()}";
        return Known.GetOrAdd(key, _ =>
        {
            var code = country.Trim().ToUpperInvariant();
            IPublicHolidays? calendar = code == "CA" && !string.IsNullOrWhiteSpace(province)
                ? new CanadaPublicHoliday(province.Trim().ToUpperInvariant())
                : Lookup(code);
            return calendar is null ? null : new Holidays(calendar);
        });
    }

    /// <summary>Whether <paramref name="country"/> is a code the package has holidays for.</summary>
    public static bool IsKnownCountry(string country) => Lookup(country.Trim().ToUpperInvariant()) is not null;

    public bool IsHoliday(DateOnly date) =>
        years.GetOrAdd(date.Year, y => [.. calendar.PublicHolidays(y).Select(DateOnly.FromDateTime)]).Contains(date);

    private static IPublicHolidays? Lookup(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) return null;
        try
        {
            return PublicHolidayFactory.GetPublicHolidayForCountry(code);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or NotImplementedException or KeyNotFoundException)
        {
            return null;
        }
    }
}
