using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.QuestionLists;

/// <summary>
/// What a question list says: an opening, parts of questions, a closing. Texts may hold
/// placeholders such as {city}. Stored as one JSON text column: a list is always read and written
/// whole, and JSON text works the same on every database provider.
/// </summary>
public sealed record QuestionListContent(string Name, string? Opening, IReadOnlyList<QuestionPart> Parts, string? Closing)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [JsonIgnore]
    public int QuestionCount => Parts.Sum(p => p.Questions.Count);

    public static ValueConverter<QuestionListContent, string> JsonConverter { get; } = new(
        content => JsonSerializer.Serialize(content, Json),
        json => JsonSerializer.Deserialize<QuestionListContent>(json, Json)!);

    public static ValueComparer<QuestionListContent?> JsonComparer { get; } = new(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        c => JsonSerializer.Serialize(c, Json).GetHashCode(StringComparison.Ordinal),
        c => c == null ? null : JsonSerializer.Deserialize<QuestionListContent>(JsonSerializer.Serialize(c, Json), Json));
}
