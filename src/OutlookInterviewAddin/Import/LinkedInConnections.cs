using System.Globalization;
using CsvHelper;

namespace OutlookInterviewAddin.Import;

/// <summary>
/// LinkedIn's connections export (Settings → Data privacy → Get a copy of your data → Connections):
/// a "Notes:" preamble of a few lines, a blank line, then the header First Name, Last Name, URL,
/// Email Address, Company, Position, Connected On and one row per connection. Fields are quoted
/// when they hold commas ("Metrolinx, Planning"); most emails are empty (people choose whether
/// their connections may download them).
/// </summary>
public static class LinkedInConnections
{
    public static readonly string[] Columns = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"];

    /// <summary>The rows as candidates (each with its line in the file), or null when no header line was found.</summary>
    public static IReadOnlyList<ImportCandidate>? Read(string text, int maxRows)
    {
        text = text.TrimStart('\uFEFF');
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.TrimStart('\uFEFF', '"').StartsWith("First Name", StringComparison.OrdinalIgnoreCase)
            && l.Contains("Last Name", StringComparison.OrdinalIgnoreCase));
        if (headerIndex < 0) return null;

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var csv = CsvReader.Create(new StringReader(string.Join('\n', lines.Skip(headerIndex))), options);
        var columns = Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var index) ? index : -1, StringComparer.Ordinal);
        var rows = new List<ImportCandidate>();
        while (csv.Read())
        {
            // The reader counts lines from the header; the preamble above it counts too.
            var line = headerIndex + (int)csv.LineNumber;
            if (rows.Count >= maxRows) throw new TooManyRowsException(maxRows);
            string? Field(string name) => columns[name] is >= 0 and var index && index < csv.FieldCount
                && csv.GetString(index) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

            var first = Field("First Name");
            var last = Field("Last Name");
            var name = string.Join(' ', new[] { first, last }.Where(p => p is not null));
            rows.Add(new ImportCandidate(
                line,
                name.Length == 0 ? null : name,
                Email: Field("Email Address"),
                Organisation: Field("Company"),
                Role: Field("Position"),
                City: null,
                LinkedInUrl: HttpsLinkedIn(Field("URL")),
                ConnectionDetail: ConnectedOn(Field("Connected On")),
                Notes: null,
                TimeZone: null));
        }
        return rows;
    }

    // Older exports wrote http:// links; the profile is the same page over https.
    private static string? HttpsLinkedIn(string? url) =>
        url is not null && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "https://" + url[7..] : url;

    private static readonly string[] DateFormats = ["dd MMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "M/d/yyyy", "MM/dd/yy"];

    /// <summary>"Connected on LinkedIn on 4 March 2021", from the export's "04 Mar 2021"; the text as given when it is not a date.</summary>
    public static string? ConnectedOn(string? value)
    {
        if (value is null) return "Connected on LinkedIn";
        return DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $"Connected on LinkedIn on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"Connected on LinkedIn on {value}";
    }
}

/// <summary>A file with more rows than one import takes.</summary>
public sealed class TooManyRowsException(int max) : Exception($"The file has more than {max} people.")
{
    public int Max { get; } = max;
}
