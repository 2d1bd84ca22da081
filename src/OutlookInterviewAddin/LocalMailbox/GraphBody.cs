using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>An itemBody: html or text, and its content exactly as given (never rewritten).</summary>
public sealed record GraphItemBody(string ContentType, string Content);

/// <summary>
/// A request body as Graph reads it: property names without regard to case, unknown properties
/// ignored, a value of the wrong shape refused with Graph's UnableToDeserializePostBody.
/// </summary>
public sealed partial class GraphBody
{
    public const int MaxSubjectLength = 1000;
    public const int MaxItems = 500;

    private readonly JsonObject json;

    private GraphBody(JsonObject json) => this.json = json;

    /// <summary>An empty body, for actions whose body is optional (createReply).</summary>
    public static GraphBody Nothing { get; } = new([]);

    public static async Task<GraphBody> ReadAsync(HttpRequest request, bool required, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            return required ? throw GraphErrors.EmptyPayload() : Nothing;
        try
        {
            return JsonNode.Parse(buffer.ToArray()) is JsonObject json ? new GraphBody(json) : throw GraphErrors.MalformedJson();
        }
        catch (JsonException)
        {
            throw GraphErrors.MalformedJson();
        }
    }

    private JsonNode? Node(string name, out bool present)
    {
        foreach (var (key, value) in json)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                present = true;
                return value;
            }
        }
        present = false;
        return null;
    }

    public bool Has(string name)
    {
        Node(name, out var present);
        return present;
    }

    /// <summary>Every property whose value is a string, for a map such as a $batch step's headers.</summary>
    public IEnumerable<(string Name, string Value)> StringProperties() =>
        json.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).Select(p => (p.Key, p.Value!.GetValue<string>()));

    public string? Text(string name, int maxLength = int.MaxValue)
    {
        var node = Node(name, out _);
        if (node is null) return null;
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
            throw GraphErrors.InvalidBody($"'{name}' must be a string.");
        if (text.Length > maxLength) throw GraphErrors.InvalidBody($"'{name}' is longer than {maxLength} characters.");
        return text;
    }

    public GraphBody? Nested(string name)
    {
        var node = Node(name, out _);
        return node switch
        {
            null => null,
            JsonObject o => new GraphBody(o),
            _ => throw GraphErrors.InvalidBody($"'{name}' must be an object."),
        };
    }

    public IReadOnlyList<GraphBody>? Objects(string name)
    {
        var node = Node(name, out _);
        if (node is null) return null;
        if (node is not JsonArray array) throw GraphErrors.InvalidBody($"'{name}' must be an array.");
        if (array.Count > MaxItems) throw GraphErrors.InvalidBody($"'{name}' has more than {MaxItems} items.");
        return array.Select((item, i) => item is JsonObject o ? new GraphBody(o) : throw GraphErrors.InvalidBody($"'{name}[{i}]' must be an object.")).ToList();
    }

    public List<string>? Strings(string name, int maxLength)
    {
        var node = Node(name, out _);
        if (node is null) return null;
        if (node is not JsonArray array) throw GraphErrors.InvalidBody($"'{name}' must be an array of strings.");
        if (array.Count > MaxItems) throw GraphErrors.InvalidBody($"'{name}' has more than {MaxItems} items.");
        return array.Select((item, i) => item is JsonValue v && v.TryGetValue<string>(out var s) && s.Length <= maxLength
            ? s
            : throw GraphErrors.InvalidBody($"'{name}[{i}]' must be a string of at most {maxLength} characters.")).ToList();
    }

    /// <summary>body: { contentType: html | text, content }.</summary>
    public GraphItemBody? ItemBody(string name = "body")
    {
        if (Nested(name) is not { } body) return null;
        var type = body.Text("contentType") ?? "text";
        if (!type.Equals("html", StringComparison.OrdinalIgnoreCase) && !type.Equals("text", StringComparison.OrdinalIgnoreCase))
            throw GraphErrors.InvalidBody($"'{name}.contentType' must be html or text, not '{type}'.");
        return new GraphItemBody(type.ToLowerInvariant(), body.Text("content") ?? "");
    }

    /// <summary>A list of recipients: [{ emailAddress: { name, address } }].</summary>
    public List<MailboxAddress>? Recipients(string name)
    {
        if (Objects(name) is not { } items) return null;
        return items.Select((item, i) => item.EmailAddress($"{name}[{i}]")).ToList();
    }

    public MailboxAddress EmailAddress(string path)
    {
        var email = Nested("emailAddress") ?? throw GraphErrors.InvalidBody($"'{path}.emailAddress' is missing.");
        var address = email.Text("address", 254)?.Trim();
        if (string.IsNullOrEmpty(address))
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients", $"At least one recipient isn't valid: '{path}.emailAddress.address' is empty.");
        var displayName = email.Text("name", 200)?.Trim();
        return new MailboxAddress(string.IsNullOrEmpty(displayName) ? null : displayName, address);
    }

    /// <summary>attendees: [{ emailAddress, type: required | optional | resource }].</summary>
    public List<MailboxAttendee>? Attendees()
    {
        if (Objects("attendees") is not { } items) return null;
        return items.Select((item, i) =>
        {
            var address = item.EmailAddress($"attendees[{i}]");
            var type = (item.Text("type") ?? "required").ToLowerInvariant();
            if (type is not ("required" or "optional" or "resource"))
                throw GraphErrors.InvalidBody($"'attendees[{i}].type' must be required, optional or resource, not '{type}'.");
            return new MailboxAttendee(address.Name, address.Address, type);
        }).ToList();
    }

    [GeneratedRegex(@"^(String|Integer|Boolean|SystemTime|Binary|Double|Float|Currency|Long|Short|CLSID|Null|Object)\s+(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}\s+(Name\s+\S.*|Id\s+0x[0-9a-fA-F]+)|0x[0-9a-fA-F]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExtendedPropertyId();

    /// <summary>singleValueExtendedProperties: [{ id: "String {guid} Name X", value }].</summary>
    public List<MailboxExtendedProperty>? ExtendedProperties()
    {
        if (Objects(ODataFilter.ExtendedPropertiesProperty) is not { } items) return null;
        return items.Select((item, i) =>
        {
            var id = item.Text("id", 300)?.Trim();
            if (id is null || !ExtendedPropertyId().IsMatch(id))
                throw new GraphException(StatusCodes.Status400BadRequest, "ErrorInvalidProperty",
                    $"The extended property id '{id}' (singleValueExtendedProperties[{i}]) is not valid: use the form \"String {{guid}} Name SomeName\".");
            var value = item.Text("value", 4000) ?? "";
            return new MailboxExtendedProperty(ODataFilter.NormalisePropertyId(id), value);
        }).ToList();
    }

    /// <summary>Sets or replaces the given properties by id, keeping the others (a PATCH adds, it does not remove).</summary>
    public static List<MailboxExtendedProperty> Merge(IEnumerable<MailboxExtendedProperty> current, IEnumerable<MailboxExtendedProperty> changes)
    {
        var merged = current.ToList();
        foreach (var change in changes)
        {
            merged.RemoveAll(p => ODataFilter.SamePropertyId(p.Id, change.Id));
            merged.Add(change);
        }
        return merged;
    }

    /// <summary>A dateTimeTimeZone: { dateTime, timeZone }, as the instant it names and the zone given.</summary>
    public (DateTimeOffset Instant, string TimeZone)? DateTimeTimeZone(string name)
    {
        if (Nested(name) is not { } value) return null;
        var zone = GraphTime.ZoneOrThrow(value.Text("timeZone", 100));
        return (GraphTime.ToInstant(value.Text("dateTime", 40), zone, name), zone.Name);
    }
}
