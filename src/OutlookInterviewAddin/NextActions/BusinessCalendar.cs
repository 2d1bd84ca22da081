namespace OutlookInterviewAddin.NextActions;

/// <summary>
/// Date arithmetic in the user's own calendar. Rules such as "3 business days after" are about the
/// user's working week, so they are counted on local dates and keep the local wall-clock time:
/// across a daylight-saving change the UTC instant moves by the change, the local time does not.
/// Public holidays count as business days unless a <see cref="Holidays"/> calendar is given (the
/// user's country or province, set with automation).
/// </summary>
public static class BusinessCalendar
{
    public static bool IsBusinessDay(DateTime date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The same local time of day, <paramref name="days"/> weekdays after <paramref name="start"/>:
    /// Friday 16:00 plus 3 is Wednesday 16:00. A start on a weekend counts from that weekend day, so
    /// Saturday 10:00 plus 1 is Monday 10:00. The result carries the zone's offset at that moment.
    /// </summary>
    public static DateTimeOffset AddBusinessDays(DateTimeOffset start, int days, TimeZoneInfo zone) => AddBusinessDays(start, days, zone, null);

    /// <summary>As above, also skipping the public holidays of <paramref name="holidays"/> (weekends only when null).</summary>
    public static DateTimeOffset AddBusinessDays(DateTimeOffset start, int days, TimeZoneInfo zone, Holidays? holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var date = local.Date;
        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date) && holidays?.IsHoliday(DateOnly.FromDateTime(date)) != true) added++;
        }
        return ToInstant(date + local.TimeOfDay, zone);
    }

    /// <summary>The same local time of day, <paramref name="months"/> calendar months later (31 January plus one is 28 or 29 February).</summary>
    public static DateTimeOffset AddMonths(DateTimeOffset start, int months, TimeZoneInfo zone) =>
        ToInstant(TimeZoneInfo.ConvertTime(start, zone).DateTime.AddMonths(months), zone);

    /// <summary>The same local time of day, <paramref name="days"/> calendar days later (negative for earlier).</summary>
    public static DateTimeOffset AddCalendarDays(DateTimeOffset start, int days, TimeZoneInfo zone) =>
        ToInstant(TimeZoneInfo.ConvertTime(start, zone).DateTime.AddDays(days), zone);

    /// <summary>
    /// The instant a local wall-clock time names in <paramref name="zone"/>, with the zone's offset.
    /// A time skipped by a spring-forward change moves forward by the gap (02:30 becomes 03:30); a
    /// time that occurs twice in the autumn is the first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the change, then show it on the new offset.
            var before = zone.GetUtcOffset(local.AddDays(-1));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
