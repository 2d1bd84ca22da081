using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// The "Your data" screen at 320 px: a LinkedIn export previewed and imported, every export
/// downloaded with the pane's token, and everything deleted after the typed confirmation. One host
/// for the class (the local user is the same in every browser context, and this deletes their data).
/// </summary>
public sealed class YourDataTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public YourDataTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    private const string Connections =
        "Notes:\r\n" +
        "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n" +
        "\r\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
        "Ana,Lopez,https://www.linkedin.com/in/ana-lopez,,\"Metrolinx, Planning\",Planner,04 Mar 2021\r\n" +   // 5: add
        "Sam,<b>,https://www.linkedin.com/in/sam,,Acme,Engineer,01 Jan 2023\r\n" +                            // 6: error
        "Ana,Lopez,https://www.linkedin.com/in/ana-lopez,,\"Metrolinx, Planning\",Planner,04 Mar 2021\r\n" +   // 7: duplicate
        "Zoë,O'Brien,https://www.linkedin.com/in/zoe,zoe@example.com,AT&T,Analyst,10 Oct 2024\r\n";           // 8: add

    private static async Task<string> DownloadAsync(IPage page, string button, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        return await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
    }

    [Fact]
    public async Task A_linkedin_export_is_previewed_and_imported_then_downloaded_and_everything_is_deleted_after_typing_DELETE()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, "#/profile", width: 320);
        var page = pane.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).ClickAsync();
        await pane.WaitForViewAsync("data");
        await Expect(pane.Heading).ToHaveTextAsync("Your data");

        // Preview: nothing is imported yet, every row is accounted for by its line.
        var import = page.GetByRole(AriaRole.Form, new() { Name = "Import people" });
        await Expect(import.GetByLabel("LinkedIn connections (Connections.csv)")).ToBeCheckedAsync();
        await import.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Connections.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Connections) });
        await import.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.GetByTestId("import-preview");
        await Expect(preview.GetByTestId("preview-counts")).ToHaveTextAsync("2 to add, 0 to fill in, 1 to skip, 1 with problems.");
        await Expect(preview.Locator("[data-line='6']")).ToContainTextAsync("Not imported");
        await Expect(preview.Locator("[data-line='6']")).ToContainTextAsync("This does not look like a name");
        await Expect(preview.Locator("[data-line='7']")).ToContainTextAsync("The same name and organisation as line 5.");
        await Expect(page.GetByTestId("import-status")).ToContainTextAsync("Preview ready");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        // One click imports what the preview said.
        await preview.GetByLabel("How you know the people added").SelectOptionAsync("alumni");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Import 2 people" }).ClickAsync();
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Import done: 2 added, 0 filled in, 1 skipped, 1 not imported.");
        await Expect(preview.GetByRole(AriaRole.Link, new() { Name = "Open your people" })).ToHaveAttributeAsync("href", "#/people");

        // Downloads carry the token: files, not a 401.
        var csv = await DownloadAsync(page, "Download People (CSV)", "people.csv");
        Assert.Contains("\"Metrolinx, Planning\"", csv);
        Assert.Contains("alumni", csv);
        var vcf = await DownloadAsync(page, "Download People (vCard)", "people.vcf");
        Assert.Contains("FN:Zoë O'Brien", vcf);
        var ics = await DownloadAsync(page, "Download Planned conversations (calendar, .ics)", "planned-conversations.ics");
        Assert.Contains("BEGIN:VCALENDAR", ics);
        var json = JsonDocument.Parse(await DownloadAsync(page, "Download Everything (JSON)", "interviews-export.json"));
        Assert.Equal(2, json.RootElement.GetProperty("people").GetArrayLength());
        await Expect(page.GetByTestId("export-status")).ToHaveTextAsync("Downloaded interviews-export.json.");

        // Delete: refused until the word is typed, then everything goes.
        var erase = page.GetByRole(AriaRole.Form, new() { Name = "Delete all my data" });
        await erase.GetByLabel("Type DELETE to confirm").FillAsync("yes");
        await erase.GetByRole(AriaRole.Button, new() { Name = "Delete all my data" }).ClickAsync();
        await Expect(erase.Locator("[data-error-for='confirmation']")).ToContainTextAsync("Type DELETE");
        await Expect(erase.GetByLabel("Type DELETE to confirm")).ToHaveAttributeAsync("aria-invalid", "true");
        var stillThere = JsonDocument.Parse(await DownloadAsync(page, "Download Everything (JSON)", "interviews-export.json"));
        Assert.Equal(2, stillThere.RootElement.GetProperty("people").GetArrayLength());

        await erase.GetByLabel("Type DELETE to confirm").FillAsync("DELETE");
        await Expect(erase.Locator("[data-error-for='confirmation']")).ToBeEmptyAsync();
        await erase.GetByRole(AriaRole.Button, new() { Name = "Delete all my data" }).ClickAsync();
        await Expect(page.GetByTestId("erase-status")).ToContainTextAsync("All your data is deleted");
        var empty = JsonDocument.Parse(await DownloadAsync(page, "Download Everything (JSON)", "interviews-export.json"));
        Assert.Equal(0, empty.RootElement.GetProperty("people").GetArrayLength());
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);
        await PageChecks.AssertFitsAsync(page);

        await page.GotoAsync("/#/people");
        await pane.WaitForViewAsync("people");
        await Expect(page.Locator("main")).ToContainTextAsync("No one on your list yet");
    }

    [Fact]
    public async Task Choosing_no_file_says_so_beside_the_file_field_and_outlook_needs_none()
    {
        await using var pane = await PanePage.OpenAsync(fixture, office: null, "#/data", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("data");
        var import = page.GetByRole(AriaRole.Form, new() { Name = "Import people" });

        await import.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(import.GetByLabel("File", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(import).ToContainTextAsync("Choose the file to import.");

        await import.GetByLabel("Your Outlook contacts").CheckAsync();
        await Expect(import.GetByLabel("File", new() { Exact = true })).ToBeHiddenAsync();
        await import.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("Preview of your Outlook contacts");
        await Expect(page.GetByTestId("preview-counts")).ToHaveTextAsync("0 to add, 0 to fill in, 0 to skip, 0 with problems.");
    }
}
