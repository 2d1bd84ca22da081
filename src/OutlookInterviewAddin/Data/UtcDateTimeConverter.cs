using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OutlookInterviewAddin.Data;

/// <summary>Stores a DateTimeOffset as its UTC instant; reads it back with a zero offset.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
