using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using OutlookInterviewAddin.Export;
using OutlookInterviewAddin.Import;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Import;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Export;

/// <summary>Each export file opened by its own kind of parser: CsvHelper, the vCard reader and ical.js, Ical.Net.</summary>
public sealed class ExportFilesTests : IDisposable
{
    private readonly AddinFactory factory = new();
    private readonly HttpClient alice;

    public ExportFilesTests() => alice = factory.CreateClientFor(TestUser.Alice);

    public void Dispose()
    {
        alice.Dispose();
        factory.Dispose();
    }

    private static readonly PersonInput Awkward = new("Zoë O'Brien-Smith, Jr.", "zoe@example.com", "AT&T; Labs, Research", "Planner \"lead\"",
        City: "Saint-Jean-sur-Richelieu", TimeZone: "America/Toronto", LinkedInUrl: "https://www.linkedin.com/in/zoe",
        Connection: ConnectionKind.Alumni, Notes: "First line, with a comma\nSecond line; with a semicolon and a backslash \\ and a long tail that needs folding: " + new string('x', 120));

    private async Task<byte[]> DownloadAsync(string path, string contentType, string fileName)
    {
        var response = await alice.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task People_csv_reads_back_with_CsvHelper_field_for_field()
    {
        var zoe = await alice.AddPersonAsync(Awkward);
        await alice.AddPersonAsync(new PersonInput("=HYPERLINK(\"http://evil.example\")", Connection: ConnectionKind.Cold, ReferredById: zoe.Id));

        var bytes = await DownloadAsync("/api/export/people.csv", "text/csv", "people.csv");

        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        Assert.Equal(ExportFiles.CsvColumns, csv.Headers);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(ExportFiles.CsvColumns.ToDictionary(c => c, c => csv.GetString(c)));
        Assert.Equal(2, rows.Count);
        var row = rows.Single(r => r["Email"] == "zoe@example.com");
        Assert.Equal((Awkward.Name, Awkward.Organisation, Awkward.Role, Awkward.City, Awkward.Notes, "alumni", "America/Toronto", Awkward.LinkedInUrl),
            (row["Name"], row["Organisation"], row["Role"], row["City"], row["Notes"], row["Connection"], row["Time zone"], row["LinkedIn URL"]));
        // A value a spreadsheet would run as a formula is written as text.
        var formula = rows.Single(r => r["Email"] == "");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", formula["Name"]);
        Assert.Equal(Awkward.Name, formula["Referred by"]);
    }

    [Fact]
    public async Task People_vcf_is_vcard_4_and_reads_back_with_the_vcard_reader()
    {
        await alice.AddPersonAsync(Awkward with { Language = "fr" });
        await alice.AddPersonAsync(new PersonInput("李小龙"));

        var bytes = await DownloadAsync("/api/export/people.vcf", "text/vcard", "people.vcf");
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("VERSION:4.0\r\n", text);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var cards = VCardReader.Read(text);
        Assert.Empty(cards.Problems);
        var zoe = Assert.Single(cards.Contacts, c => c.Emails.SequenceEqual(["zoe@example.com"]));
        Assert.Equal((Awkward.Name, Awkward.Organisation, Awkward.Role, Awkward.City, Awkward.Notes, "America/Toronto"),
            (zoe.Name, zoe.Organisation, zoe.Title, zoe.City, zoe.Note, zoe.TimeZone));
        Assert.Equal(Awkward.LinkedInUrl, ImportSources.LinkedInUrlAmong(zoe.Urls));
        Assert.Equal("fr", ImportSources.DraftLanguageOf(zoe.Language));
        Assert.Equal("en", ImportSources.DraftLanguageOf(Assert.Single(cards.Contacts, c => c.Name == "李小龙").Language));
    }

    [Fact]
    public async Task People_vcf_reads_back_with_ical_js_a_vcard_parser_not_written_here()
    {
        await alice.AddPersonAsync(Awkward with { Language = "fr" });
        await alice.AddPersonAsync(new PersonInput("李小龙"));
        var file = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.vcf");
        await File.WriteAllBytesAsync(file, await DownloadAsync("/api/export/people.vcf", "text/vcard", "people.vcf"));
        try
        {
            var cards = await IcalJsAsync(file);

            Assert.Equal(2, cards.GetArrayLength());
            Assert.All(cards.EnumerateArray(), c => Assert.Equal("4.0", c.GetProperty("version").GetString()));
            var zoe = cards.EnumerateArray().Single(c => c.GetProperty("emails").EnumerateArray().Select(e => e.GetString()).SequenceEqual(["zoe@example.com"]));
            Assert.Equal((Awkward.Name, Awkward.Organisation, Awkward.Role, Awkward.City, Awkward.Notes, "America/Toronto"),
                (zoe.GetProperty("fn").GetString(), zoe.GetProperty("org").GetString(), zoe.GetProperty("title").GetString(),
                 zoe.GetProperty("locality").GetString(), zoe.GetProperty("note").GetString(), zoe.GetProperty("tz").GetString()));
            Assert.Contains(Awkward.LinkedInUrl, zoe.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
            Assert.Equal("fr", zoe.GetProperty("lang").GetString());
            Assert.Contains(cards.EnumerateArray(), c => c.GetProperty("fn").GetString() == "李小龙");
        }
        finally
        {
            File.Delete(file);
        }
    }

    // ical.js comes with the pane's npm packages (a dev dependency), installed by the build.
    private static async Task<System.Text.Json.JsonElement> IcalJsAsync(string file)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OutlookInterviewAddin.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var ical = Path.Combine(root.FullName, "src", "OutlookInterviewAddin", "Pane", "node_modules", "ical.js", "dist", "ical.js");
        Assert.True(File.Exists(ical), $"{ical} is missing: build the host, which installs the pane's npm packages.");
        var start = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Export", "read-vcard.mjs"), ical, file }) start.ArgumentList.Add(argument);
        using var node = System.Diagnostics.Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"ical.js could not read the file: {await error}");
        return System.Text.Json.JsonDocument.Parse(await output).RootElement;
    }

    [Fact]
    public async Task Importing_the_exported_vcard_back_adds_nobody_and_changes_nobody()
    {
        await alice.AddPersonAsync(Awkward);
        await alice.AddPersonAsync(new PersonInput("Tom Reyes", null, "Hydro One"));
        var vcf = await DownloadAsync("/api/export/people.vcf", "text/vcard", "people.vcf");

        var preview = await alice.PreviewAsync("vcard", Encoding.UTF8.GetString(vcf), "people.vcf");

        Assert.Equal(new ImportCounts(Add: 0, Match: 0, Skip: 2, Error: 0), preview.Counts);
    }

    [Fact]
    public async Task Planned_conversations_open_in_Ical_Net_at_the_right_instant_in_the_users_zone_across_daylight_saving()
    {
        var profile = new ProfileInput(null, [], null, null, null, null, null, "Toronto", "America/Toronto", null, "Alice Martin");
        (await alice.PutAsJsonAsync("/api/profile", profile, WorkflowApi.Json)).EnsureSuccessStatusCode();
        var beforeDst = DateTimeOffset.Parse("2027-03-01T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture); // 10:00 EST
        var afterDst = DateTimeOffset.Parse("2027-03-15T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture);  // 10:00 EDT
        var first = await PlanAsync("Ana Lopez", beforeDst, 45, "Balzac's, Distillery District");
        var second = await PlanAsync("Jordan Wu", afterDst, null, null);
        var declined = await PlanAsync("Tom Reyes", afterDst.AddDays(1), null, null);
        await alice.MoveThroughAsync(declined.Id, InterviewStage.Contacted, InterviewStage.Declined);
        await alice.AddInterviewAsync(WorkflowApi.NewPerson("Not planned"));

        var bytes = await DownloadAsync("/api/export/planned-conversations.ics", "text/calendar", "planned-conversations.ics");

        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes))!;
        Assert.Equal("America/Toronto", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(2, calendar.Events.Count);
        var ana = Assert.Single(calendar.Events, e => e.Uid == $"{first.Id}@outlook-interview-addin");
        Assert.Equal("America/Toronto", ana.Start!.TzId);
        Assert.Equal(10, ana.Start.Value.Hour);
        Assert.Equal(beforeDst.UtcDateTime, ana.Start.AsUtc);
        Assert.Equal(beforeDst.AddMinutes(45).UtcDateTime, ana.End!.AsUtc);
        Assert.Equal("Balzac's, Distillery District", ana.Location);
        Assert.Contains("Ana Lopez", ana.Summary);
        var jordan = Assert.Single(calendar.Events, e => e.Uid == $"{second.Id}@outlook-interview-addin");
        Assert.Equal(10, jordan.Start!.Value.Hour);
        Assert.Equal(afterDst.UtcDateTime, jordan.Start.AsUtc);
        Assert.Equal(afterDst.AddMinutes(30).UtcDateTime, jordan.End!.AsUtc);
    }

    private async Task<InterviewDto> PlanAsync(string name, DateTimeOffset start, int? minutes, string? place)
    {
        var person = await alice.AddPersonAsync(WorkflowApi.NewPerson(name));
        var response = await alice.PostAsJsonAsync("/api/interviews", new NewInterviewInput(person.Id, null, start, minutes, place is null ? null : PlaceKind.Coffee, place), WorkflowApi.Json);
        return await response.ReadAsync<InterviewDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_a_profile_zone_the_times_are_in_utc_and_without_people_the_files_are_empty()
    {
        var start = DateTimeOffset.Parse("2027-06-01T13:30:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty(VCardReader.Read(Encoding.UTF8.GetString(await DownloadAsync("/api/export/people.vcf", "text/vcard", "people.vcf"))).Contacts);
        await PlanAsync("Ana Lopez", start, null, null);

        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(await DownloadAsync("/api/export/planned-conversations.ics", "text/calendar", "planned-conversations.ics")))!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(start.UtcDateTime, e.Start!.AsUtc);
        Assert.True(e.Start.IsUtc);
    }

    [Fact]
    public async Task The_files_need_a_token()
    {
        foreach (var path in new[] { "/api/export/people.csv", "/api/export/people.vcf", "/api/export/planned-conversations.ics" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(path)).StatusCode);
    }
}
