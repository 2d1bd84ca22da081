using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OutlookInterviewAddin.Import;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Import;

/// <summary>Uploads, previews and imports through the API, each test on a host of its own (their people must not mix).</summary>
public static class ImportClient
{
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string source, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return client.PostAsync($"/api/import/{source}/preview", form);
    }

    public static async Task<ImportPreview> PreviewAsync(this HttpClient client, string source, string file, string fileName) =>
        await (await client.UploadAsync(source, Encoding.UTF8.GetBytes(file), fileName)).ReadAsync<ImportPreview>(HttpStatusCode.OK);

    /// <summary>Imports every previewed row, as the pane's one button does (error rows are sent too: they come back as errors).</summary>
    public static async Task<ImportResult> ImportAsync(this HttpClient client, ImportPreview preview, ConnectionKind? connection = null) =>
        await (await client.PostAsJsonAsync("/api/import", new ImportRequest(preview.Source, connection, [.. preview.Rows.Select(r => r.Person)]), WorkflowApi.Json))
            .ReadAsync<ImportResult>(HttpStatusCode.OK);

    public static async Task<List<PersonDto>> AllPeopleAsync(this HttpClient client)
    {
        var page = await client.GetAsync<OutlookInterviewAddin.Paging.Page<PersonSummary>>("/api/people?limit=200");
        var people = new List<PersonDto>();
        foreach (var p in page.Items) people.Add(await client.GetAsync<PersonDto>($"/api/people/{p.Id}"));
        return people;
    }
}

public sealed class LinkedInImportTests : IDisposable
{
    private readonly AddinFactory factory = new();
    private readonly HttpClient alice;

    public LinkedInImportTests() => alice = factory.CreateClientFor(TestUser.Alice);

    public void Dispose()
    {
        alice.Dispose();
        factory.Dispose();
    }

    /// <summary>Connections.csv as LinkedIn sends it: the Notes preamble, a blank line, the header, quoted commas, empty emails.</summary>
    public const string Connections =
        "Notes:\r\n" +                                                                                                         // 1
        "\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this setting at https://www.linkedin.com/help/linkedin/answer/261\"\r\n" +
        "\r\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +                                            // 4
        "Ana,Lopez,https://www.linkedin.com/in/ana-lopez-1a2b3c,,\"Metrolinx, Planning Division\",Senior Transportation Planner,04 Mar 2021\r\n" + // 5 add
        "Jordan,Wu,https://www.linkedin.com/in/jordanwu,Jordan.Wu@Example.com,City of Toronto,\"Analyst, Data & Insights\",15 Jan 2022\r\n" +     // 6 match
        "Priya,Shah,https://www.linkedin.com/in/priya-other,,Metrolinx,Lead planner,20 Feb 2020\r\n" +                        // 7 skip (has it all)
        "Sam,<script>,https://www.linkedin.com/in/sam,,Acme,Engineer,01 Jan 2023\r\n" +                                       // 8 error
        "Lee,Chen,https://www.linkedin.com/in/leechen,not-an-email,Shopify,Developer,02 Feb 2023\r\n" +                       // 9 error
        "Ana,Lopez,https://www.linkedin.com/in/ana-lopez-1a2b3c,,\"Metrolinx, Planning Division\",Senior Transportation Planner,04 Mar 2021\r\n" + // 10 duplicate
        "Zoë,O'Brien,https://www.linkedin.com/in/zoe,zoe@example.com,AT&T,,10 Oct 2024\r\n" +                                 // 11 add
        "Kim,Park,https://www.linkedin.com/in/kimpark,,Hydro One,\"Planner\r\nPart-time\",03 Mar 2023\r\n" +                  // 12-13 error
        "Mo,Ali,https://www.linkedin.com/in/moali,,,,05 May 2025\r\n";                                                      // 14 add

    private async Task<(PersonDto Jordan, PersonDto Priya)> ExistingPeopleAsync()
    {
        var jordan = await alice.AddPersonAsync(new PersonInput("Jordan Wu", "jordan.wu@example.com", Notes: "Met at the career fair", Connection: ConnectionKind.Friend));
        var priya = await alice.AddPersonAsync(new PersonInput("Priya Shah", "priya@metrolinx.example", "Metrolinx", "Senior planner", City: "Toronto",
            LinkedInUrl: "https://www.linkedin.com/in/priyashah", ConnectionDetail: "Jordan's aunt", TimeZone: "America/Toronto"));
        return (jordan, priya);
    }

    [Fact]
    public async Task The_preview_sorts_every_row_and_reports_bad_rows_by_their_line()
    {
        var (jordan, priya) = await ExistingPeopleAsync();

        var preview = await alice.PreviewAsync("linkedin", Connections, "Connections.csv");

        Assert.Equal(new ImportCounts(Add: 3, Match: 1, Skip: 2, Error: 3), preview.Counts);
        Assert.Equal(ConnectionKind.OtherWarm, preview.DefaultConnection);
        var byLine = preview.Rows.ToDictionary(r => r.Line);
        Assert.Equal([5, 6, 7, 8, 9, 10, 11, 12, 14], byLine.Keys.Order());
        Assert.Equal(ImportAction.Add, byLine[5].Action);
        Assert.Equal("Metrolinx, Planning Division", byLine[5].Person.Organisation);
        Assert.Equal((ImportAction.Match, jordan.Id), (byLine[6].Action, byLine[6].ExistingPersonId));
        Assert.Equal(["organisation", "role", "linkedInUrl", "connectionDetail"], byLine[6].Fills);
        Assert.Equal((ImportAction.Skip, priya.Id), (byLine[7].Action, byLine[7].ExistingPersonId));
        Assert.Equal(ImportAction.Error, byLine[8].Action);
        Assert.StartsWith("First Name / Last Name: This does not look like a name", byLine[8].Reason);
        Assert.StartsWith("Email Address: Enter a valid email address", byLine[9].Reason);
        Assert.Equal("The same name and organisation as line 5.", byLine[10].Reason);
        Assert.StartsWith("Position: This does not look like a role: keep it on one line", byLine[12].Reason);
        Assert.Equal(ImportAction.Add, byLine[14].Action);
        // A preview changes nothing.
        Assert.Equal(2, (await alice.AllPeopleAsync()).Count);
    }

    [Fact]
    public async Task Importing_adds_what_the_preview_counted_never_overwrites_and_adds_nothing_the_second_time()
    {
        var (jordan, priya) = await ExistingPeopleAsync();
        var preview = await alice.PreviewAsync("linkedin", Connections, "Connections.csv");

        var result = await alice.ImportAsync(preview);

        Assert.Equal(preview.Counts, result.Counts);
        var people = await alice.AllPeopleAsync();
        Assert.Equal(2 + preview.Counts.Add, people.Count);
        var ana = Assert.Single(people, p => p.Name == "Ana Lopez");
        Assert.Equal(("Metrolinx, Planning Division", "Senior Transportation Planner", "https://www.linkedin.com/in/ana-lopez-1a2b3c", ConnectionKind.OtherWarm, "Connected on LinkedIn on 4 March 2021"),
            (ana.Organisation, ana.Role, ana.LinkedInUrl, ana.Connection, ana.ConnectionDetail));
        Assert.Null(ana.Email);
        Assert.Empty(ana.Interviews);
        Assert.Contains(people, p => p.Name == "Zoë O'Brien" && p.Email == "zoe@example.com" && p.Organisation == "AT&T");

        var jordanNow = Assert.Single(people, p => p.Id == jordan.Id);
        Assert.Equal(("Jordan Wu", "jordan.wu@example.com", ConnectionKind.Friend, "Met at the career fair"), (jordanNow.Name, jordanNow.Email, jordanNow.Connection, jordanNow.Notes));
        Assert.Equal(("City of Toronto", "Analyst, Data & Insights", "https://www.linkedin.com/in/jordanwu"), (jordanNow.Organisation, jordanNow.Role, jordanNow.LinkedInUrl));
        var priyaNow = Assert.Single(people, p => p.Id == priya.Id);
        Assert.Equal((priya.Role, priya.LinkedInUrl, priya.UpdatedAt), (priyaNow.Role, priyaNow.LinkedInUrl, priyaNow.UpdatedAt));

        var again = await alice.PreviewAsync("linkedin", Connections, "Connections.csv");
        Assert.Equal(new ImportCounts(Add: 0, Match: 0, Skip: 6, Error: 3), again.Counts);
        var second = await alice.ImportAsync(again);
        Assert.Equal(again.Counts, second.Counts);
        Assert.Equal(people.Count, (await alice.AllPeopleAsync()).Count);
    }

    [Fact]
    public async Task The_connection_the_user_picks_is_the_one_imported_people_get()
    {
        var preview = await alice.PreviewAsync("linkedin", Connections, "Connections.csv");

        await alice.ImportAsync(preview, ConnectionKind.Alumni);

        Assert.All(await alice.AllPeopleAsync(), p => Assert.Equal(ConnectionKind.Alumni, p.Connection));
    }

    [Fact]
    public async Task Another_users_people_are_neither_matched_nor_changed()
    {
        var bob = factory.CreateClientFor(TestUser.Bob);
        var bobsJordan = await bob.AddPersonAsync(new PersonInput("Jordan Wu", "jordan.wu@example.com"));

        var preview = await alice.PreviewAsync("linkedin", Connections, "Connections.csv");
        await alice.ImportAsync(preview);

        Assert.Equal(ImportAction.Add, preview.Rows.Single(r => r.Line == 6).Action);
        var bobsNow = await bob.GetAsync<PersonDto>($"/api/people/{bobsJordan.Id}");
        Assert.Null(bobsNow.Organisation);
    }

    [Fact]
    public async Task A_file_that_is_not_linkedins_export_is_a_400_that_says_what_to_choose()
    {
        var response = await alice.UploadAsync("linkedin", Encoding.UTF8.GetBytes("Name,Email\nAna,ana@example.com\n"), "people.csv");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Connections.csv", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_a_413_and_a_missing_file_a_400_keyed_file()
    {
        var big = new byte[ImportApi.MaxFileBytes + 1];
        Array.Fill(big, (byte)'a');

        var tooLarge = await alice.UploadAsync("linkedin", big, "Connections.csv");
        var none = await alice.PostAsync("/api/import/linkedin/preview", new MultipartFormDataContent { { new StringContent("x"), "other" } });

        var problem = await tooLarge.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("5 MB", problem.GetProperty("detail").GetString());
        var missing = await none.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task An_import_without_a_known_source_or_rows_is_a_400()
    {
        var response = await alice.PostAsJsonAsync("/api/import", new { source = "excel" }, WorkflowApi.Json);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("source", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("people", out _));
    }
}

public sealed class VCardImportTests : IDisposable
{
    private readonly AddinFactory factory = new();
    private readonly HttpClient alice;

    public VCardImportTests() => alice = factory.CreateClientFor(TestUser.Alice);

    public void Dispose()
    {
        alice.Dispose();
        factory.Dispose();
    }

    [Fact]
    public async Task A_vcard_file_with_several_contacts_and_odd_encodings_is_previewed_and_imported_as_counted()
    {
        var bruce = await alice.AddPersonAsync(new PersonInput("Bruce Lee", "BRUCE@example.com"));
        var file = VCardReaderTests.AddressBook + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<b>Bold</b>\r\nEND:VCARD\r\n"; // line 39

        var preview = await alice.PreviewAsync("vcard", file, "contacts.vcf");

        Assert.Equal(new ImportCounts(Add: 2, Match: 1, Skip: 0, Error: 3), preview.Counts);
        var byLine = preview.Rows.ToDictionary(r => r.Line);
        Assert.Equal((ImportAction.Match, bruce.Id), (byLine[26].Action, byLine[26].ExistingPersonId));
        Assert.Equal(["timeZone"], byLine[26].Fills);
        Assert.Equal("This card has no name (neither FN nor N).", byLine[32].Reason);
        Assert.Equal(ImportAction.Error, byLine[36].Action);
        Assert.StartsWith("FN / N: This does not look like a name", byLine[39].Reason);

        var result = await alice.ImportAsync(preview);

        Assert.Equal(preview.Counts, result.Counts);
        var people = await alice.AllPeopleAsync();
        Assert.Equal(3, people.Count);
        var juergen = Assert.Single(people, p => p.Name == "Jürgen Müller");
        Assert.Equal(("juergen@example.de", "Café Central"), (juergen.Email, juergen.Organisation));
        var nadia = Assert.Single(people, p => p.Name == "Nadia Haddad, PhD");
        Assert.Equal(("Shopify, Inc.", "Director; Analytics", "Ottawa", "https://www.linkedin.com/in/nadia-haddad"), (nadia.Organisation, nadia.Role, nadia.City, nadia.LinkedInUrl));
        var bruceNow = Assert.Single(people, p => p.Id == bruce.Id);
        Assert.Equal(("Bruce Lee", "BRUCE@example.com", "America/Vancouver"), (bruceNow.Name, bruceNow.Email, bruceNow.TimeZone));

        var again = await alice.PreviewAsync("vcard", file, "contacts.vcf");
        Assert.Equal(new ImportCounts(Add: 0, Match: 0, Skip: 3, Error: 3), again.Counts);
    }

    [Fact]
    public async Task A_cards_language_says_whom_to_write_to_in_French_and_fills_an_english_default_on_a_match()
    {
        var known = await alice.AddPersonAsync(new PersonInput("Geneviève Tremblay", "genevieve@example.ca"));
        const string file =
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Geneviève Tremblay\r\nEMAIL:GENEVIEVE@example.ca\r\nLANG;PREF=2:en\r\nLANG;PREF=1:fr-CA\r\nEND:VCARD\r\n" +
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Luc Gagnon\r\nEMAIL:luc@example.ca\r\nLANG:fr\r\nEND:VCARD\r\n" +
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jürgen Müller\r\nEMAIL:juergen@example.de\r\nLANG:de\r\nEND:VCARD\r\n";

        var preview = await alice.PreviewAsync("vcard", file, "contacts.vcf");

        Assert.Equal(new ImportCounts(Add: 2, Match: 1, Skip: 0, Error: 0), preview.Counts);
        var match = Assert.Single(preview.Rows, r => r.Action == ImportAction.Match);
        Assert.Equal(known.Id, match.ExistingPersonId);
        Assert.Equal(["language"], match.Fills);
        Assert.Contains("LANG", match.Reason, StringComparison.Ordinal);

        await alice.ImportAsync(preview);
        var people = (await alice.AllPeopleAsync()).ToDictionary(p => p.Name);
        Assert.Equal("fr", people["Geneviève Tremblay"].Language);
        Assert.Equal("fr", people["Luc Gagnon"].Language);
        // A language drafts are not written in is left out: English, the default.
        Assert.Equal("en", people["Jürgen Müller"].Language);

        // Nothing new the second time.
        var again = await alice.PreviewAsync("vcard", file, "contacts.vcf");
        Assert.Equal(new ImportCounts(Add: 0, Match: 0, Skip: 3, Error: 0), again.Counts);
    }

    [Fact]
    public async Task A_file_without_cards_is_a_400()
    {
        var response = await alice.UploadAsync("vcard", Encoding.UTF8.GetBytes("just some text"), "notes.txt");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
