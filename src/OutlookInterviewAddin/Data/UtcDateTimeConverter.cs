using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OutlookInterviewAddin.Data;

/// <summary>
/// Stores a DateTimeOffset as its UTC instant, to the microsecond (PostgreSQL's precision, so both
/// providers keep exactly the same value); reads it back with a zero offset.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => ToStored(value),
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)))
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static DateTime ToStored(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TicksPerMicrosecond, DateTimeKind.Utc);
}
