using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// /me/contacts: the user's Outlook contacts, which the add-in reads to import people. Creating
/// one is what Outlook does when the user adds a contact (and how a test or a trial fills the folder).
/// </summary>
public static class GraphContacts
{
    public static GraphType Contact { get; } = new("contact",
        new HashSet<string>(
            ["assistantName", "birthday", "businessAddress", "businessHomePage", "businessPhones", "categories", "changeKey", "children",
                "companyName", "createdDateTime", "department", "displayName", "emailAddresses", "fileAs", "generation", "givenName",
                "homeAddress", "homePhones", "id", "imAddresses", "initials", "jobTitle", "lastModifiedDateTime", "manager", "middleName",
                "mobilePhone", "nickName", "officeLocation", "otherAddress", "parentFolderId", "personalNotes", "profession", "spouseName",
                "surname", "title", "yomiCompanyName", "yomiGivenName", "yomiSurname"],
            StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["displayName"] = "displayName",
            ["createdDateTime"] = "createdDateTime",
        });

    public static async Task<GraphResponse> CreateAsync(GraphCall call, GraphBody body, CancellationToken ct)
    {
        var contact = new MailboxContact
        {
            GraphId = GraphCall.NewId(),
            DisplayName = body.Text("displayName", 500),
            GivenName = body.Text("givenName", 200),
            Surname = body.Text("surname", 200),
            CompanyName = body.Text("companyName", 500),
            JobTitle = body.Text("jobTitle", 500),
            Department = body.Text("department", 500),
            BusinessCity = body.Nested("businessAddress")?.Text("city", 200),
            PersonalNotes = body.Text("personalNotes", 20000),
            EmailAddresses = body.Objects("emailAddresses")?
                .Select((e, i) => new MailboxAddress(e.Text("name", 500), e.Text("address", 254)?.Trim() is { Length: > 0 } address
                    ? address
                    : throw GraphErrors.InvalidBody($"'emailAddresses[{i}].address' is empty.")))
                .ToList() ?? [],
            CreatedAt = call.Now,
            LastModifiedAt = call.Now,
        };
        // Outlook fills the display name from the parts when it is not given.
        contact.DisplayName ??= string.Join(' ', new[] { contact.GivenName, contact.Surname }.Where(s => !string.IsNullOrWhiteSpace(s)));
        call.Db.MailboxContacts.Add(contact);
        await call.Db.SaveChangesAsync(ct);
        return GraphResponse.Json(StatusCodes.Status201Created, Shape(contact, call, GraphQuery.None, call.Context("contacts/$entity")));
    }

    public static async Task<GraphResponse> ListAsync(GraphCall call, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(Contact, collection: true);
        if (query.Filter is not null) throw GraphErrors.NotImplemented("$filter on contacts is not supported by the local mailbox.");
        var all = await call.Db.MailboxContacts.AsNoTracking().ToListAsync(ct);
        IOrderedEnumerable<MailboxContact> sorted = query.OrderBy switch
        {
            [("createdDateTime", var desc)] => desc ? all.OrderByDescending(c => c.CreatedAt) : all.OrderBy(c => c.CreatedAt),
            [("displayName", true)] => all.OrderByDescending(c => c.DisplayName, StringComparer.OrdinalIgnoreCase),
            // Graph lists contacts by display name unless told otherwise.
            _ => all.OrderBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase),
        };
        var list = sorted.ThenBy(c => c.CreatedAt).ToList();
        var page = list.Skip(query.Skip).Take(query.Top);
        var next = query.Skip + query.Top < list.Count ? query.NextLink($"{call.ServiceRoot}/me/contacts") : null;
        return GraphResponse.Json(StatusCodes.Status200OK,
            GraphShapes.Collection(call.Context("contacts"), page.Select(c => Shape(c, call, query)), next));
    }

    public static async Task<GraphResponse> GetAsync(GraphCall call, string id, GraphQuery rawQuery, CancellationToken ct)
    {
        var query = rawQuery.For(Contact, collection: false);
        var contact = await call.Db.MailboxContacts.AsNoTracking().FirstOrDefaultAsync(c => c.GraphId == id, ct);
        return contact is null
            ? GraphErrors.NotFound()
            : GraphResponse.Json(StatusCodes.Status200OK, Shape(contact, call, query, call.Context("contacts/$entity")));
    }

    public static async Task<GraphResponse> DeleteAsync(GraphCall call, string id, CancellationToken ct)
    {
        var deleted = await call.Db.MailboxContacts.Where(c => c.GraphId == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? GraphErrors.NotFound() : GraphResponse.Empty(StatusCodes.Status204NoContent);
    }

    private static JsonObject Shape(MailboxContact c, GraphCall call, GraphQuery query, string? context = null)
    {
        var json = new JsonObject
        {
            ["@odata.context"] = context,
            ["id"] = c.GraphId,
            ["createdDateTime"] = GraphTime.Instant(c.CreatedAt),
            ["lastModifiedDateTime"] = GraphTime.Instant(c.LastModifiedAt),
            ["parentFolderId"] = "contacts",
            ["displayName"] = c.DisplayName,
            ["givenName"] = c.GivenName,
            ["surname"] = c.Surname,
            ["companyName"] = c.CompanyName,
            ["jobTitle"] = c.JobTitle,
            ["department"] = c.Department,
            ["personalNotes"] = c.PersonalNotes,
            ["emailAddresses"] = new JsonArray([.. c.EmailAddresses.Select(e => (JsonNode?)new JsonObject { ["name"] = e.Name ?? e.Address, ["address"] = e.Address })]),
            ["businessAddress"] = new JsonObject { ["city"] = c.BusinessCity },
            ["businessPhones"] = new JsonArray(),
            ["homeAddress"] = new JsonObject(),
            ["categories"] = new JsonArray(),
        };
        if (context is null) json.Remove("@odata.context");
        if (query.Select is { } select)
        {
            foreach (var name in json.Select(p => p.Key).ToList())
                if (!name.StartsWith('@') && name != "id" && !select.Contains(name)) json.Remove(name);
        }
        _ = call;
        return json;
    }
}
