using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Deployment;

/// <summary>The one command that moves a single host's SQLite file into PostgreSQL, for a deployment that outgrows one machine.</summary>
public sealed class DataCopyTests
{
    [Fact]
    public async Task Every_users_data_reads_back_the_same_from_PostgreSQL_after_the_copy()
    {
        var sqliteFolder = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        var database = "oia_copy_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            string aliceBefore, bobBefore;
            await using (var single = new AddinFactory { DataDirectory = sqliteFolder, DeleteDataOnDispose = false, Settings = { ["ConnectionStrings:PostgreSQL"] = "" } })
            {
                var alice = single.CreateClientFor(TestUser.Alice);
                var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez", city: "Halifax") with { GreetAs = "Dr. Lopez" });
                await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed);
                await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Learn GIS early", true, "Take the GIS night course"), WorkflowApi.Json))
                    .ReadAsync<InterviewDto>(HttpStatusCode.Created);
                await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(Name: "Sam Okafor", Email: "sam@example.com"), WorkflowApi.Json))
                    .ReadAsync<JsonElement>(HttpStatusCode.Created, HttpStatusCode.OK);
                var bob = single.CreateClientFor(TestUser.Bob);
                await bob.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
                aliceBefore = await ExportAsync(alice);
                bobBefore = await ExportAsync(bob);
                Assert.Contains("\"greetAs\":\"Dr. Lopez\"", aliceBefore, StringComparison.Ordinal);
                Assert.Contains("\"action\":\"Take the GIS night course\"", aliceBefore, StringComparison.Ordinal);
            }
            var file = Path.Combine(sqliteFolder, DataExtensions.DatabaseFileName);
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await DataCopyCommand.RunAsync([DataCopyCommand.Name, "--from", file, "--to", TestStorage.ConnectionStringFor(database)], output, error);

            Assert.True(exit == 0, error.ToString());
            Assert.Contains("Copied", output.ToString(), StringComparison.Ordinal);
            var (certificate, password) = TestStorage.SharedKeyCertificate;
            await using (var cluster = new AddinFactory
            {
                DatabaseName = database,
                DeleteDataOnDispose = false,
                Settings =
                {
                    ["ConnectionStrings:PostgreSQL"] = TestStorage.ConnectionStringFor(database),
                    ["DataProtection:CertificatePath"] = certificate,
                    ["DataProtection:CertificatePassword"] = password,
                },
            })
            {
                // Local tokens are per host; the same users (tenant and object ids) sign in to the new one.
                Assert.Equal(aliceBefore, await ExportAsync(cluster.CreateClientFor(TestUser.Alice)));
                Assert.Equal(bobBefore, await ExportAsync(cluster.CreateClientFor(TestUser.Bob)));
                // With PostgreSQL configured, the host keeps nothing in its data folder.
                Assert.False(Directory.Exists(cluster.DataDirectory));
            }

            // A second copy would mix two databases' rows: refused, and nothing changes.
            var again = new StringWriter();
            Assert.Equal(1, await DataCopyCommand.RunAsync([DataCopyCommand.Name, "--from", file, "--to", TestStorage.ConnectionStringFor(database)], new StringWriter(), again));
            Assert.Contains("already holds data", again.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            TestStorage.Drop(database);
            Directory.Delete(sqliteFolder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_file_or_target_is_a_clear_error_not_a_stack_trace()
    {
        var error = new StringWriter();
        Assert.Equal(1, await DataCopyCommand.RunAsync([DataCopyCommand.Name, "--from", "/nonexistent/addin.db", "--to", "Host=127.0.0.1;Database=x"], new StringWriter(), error));
        Assert.Contains("There is no SQLite file at /nonexistent/addin.db", error.ToString(), StringComparison.Ordinal);

        var unknown = new StringWriter();
        Assert.Equal(1, await DataCopyCommand.RunAsync([DataCopyCommand.Name, "--into", "x"], new StringWriter(), unknown));
        Assert.Contains("Unknown argument: --into", unknown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", unknown.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The user's export without the moment it was made.</summary>
    private static async Task<string> ExportAsync(HttpClient client)
    {
        var export = JsonNode.Parse(await (await client.GetAsync("/api/export")).Content.ReadAsStringAsync())!.AsObject();
        export.Remove("exportedAt");
        return export.ToJsonString();
    }
}
