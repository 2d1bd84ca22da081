using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OutlookInterviewAddin.Localization;

/// <summary>
/// A sentence kept in the data for later display (what the follow-through did, what a delete
/// removed), stored as the key of its sentence (<see cref="ApiText"/>) and its arguments and written
/// out when read, in the reader's language: the follow-through's sweep runs with no request, so it
/// has no language. Arguments are texts, whole numbers, or an elapsed time (<c>{"seconds": 600}</c>,
/// "10 minutes"). Rows stored before keys were kept hold their English text and are shown as they are.
/// </summary>
public static class StoredText
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An elapsed time as an argument, written as "10 minutes", "3 hours", "2 days".</summary>
    public static object Elapsed(TimeSpan span) => new Dictionary<string, long> { ["seconds"] = (long)span.TotalSeconds };

    /// <summary>The stored form of a sentence; when it would not fit the column (<paramref name="maxLength"/>), the sentence written out in English.</summary>
    public static string Store(int maxLength, string key, params object[] args)
    {
        var line = new StoredLine(key, [.. args.Select(a => JsonSerializer.SerializeToElement(a, Json))]);
        var stored = JsonSerializer.Serialize(line, Json);
        if (stored.Length <= maxLength) return stored;
        var english = Write(line, RequestLanguages.English);
        return english.Length <= maxLength ? english : english[..maxLength];
    }

    /// <summary>The sentence in the request's language.</summary>
    public static string Read(string summary) => Read(summary, CultureInfo.CurrentUICulture);

    public static string Read(string summary, CultureInfo culture)
    {
        if (!summary.StartsWith("{\"key\":", StringComparison.Ordinal)) return summary;
        try
        {
            var stored = JsonSerializer.Deserialize<StoredLine>(summary, Json);
            return stored?.Key is null ? summary : Write(stored, culture);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException)
        {
            return summary;
        }
    }

    private sealed record StoredLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("key")] string? Key,
        [property: System.Text.Json.Serialization.JsonPropertyName("args")] JsonElement[]? Args);

    private static string Write(StoredLine line, CultureInfo culture)
    {
        var args = (line.Args ?? []).Select(a => Argument(a, culture)).ToArray();
        return string.Format(culture, ApiText.Get(line.Key!, culture), args);
    }

    private static object? Argument(JsonElement value, CultureInfo culture) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Object when value.TryGetProperty("seconds", out var seconds) => WriteElapsed(TimeSpan.FromSeconds(seconds.GetInt64()), culture),
        _ => value.ToString(),
    };

    /// <summary>"less than a minute", "10 minutes", "3 hours", "2 days" in <paramref name="culture"/>.</summary>
    public static string WriteElapsed(TimeSpan span, CultureInfo culture)
    {
        string Of(int n, string unit) => string.Format(culture, ApiText.Get(n == 1 ? $"Elapsed.{unit}" : $"Elapsed.{unit}s", culture), n);
        if (span < TimeSpan.FromMinutes(1)) return ApiText.Get("Elapsed.LessThanAMinute", culture);
        if (span < TimeSpan.FromHours(1)) return Of((int)span.TotalMinutes, "Minute");
        if (span < TimeSpan.FromDays(2)) return Of((int)span.TotalHours, "Hour");
        return Of((int)span.TotalDays, "Day");
    }
}
