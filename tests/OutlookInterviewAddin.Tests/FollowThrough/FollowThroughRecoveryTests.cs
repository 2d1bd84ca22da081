using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.FollowThrough;

/// <summary>
/// Real host processes and their Quartz schedulers on the real clock: a host killed (SIGKILL) in
/// the middle of a user's sweep, and the host started after it finishing the work exactly once.
/// </summary>
public sealed class FollowThroughRecoveryTests
{
    private const int Meetings = 60;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_host_killed_mid_sweep_has_its_work_completed_exactly_once_by_the_host_started_after_it()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        var database = TestStorage.DatabaseNameFor(dataDirectory);
        var environment = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["Automation__SweepIntervalSeconds"] = "2",
        };
        if (TestStorage.IsPostgreSql)
        {
            var (certificate, password) = TestStorage.SharedKeyCertificate;
            environment["ConnectionStrings__PostgreSQL"] = TestStorage.ConnectionStringFor(database);
            environment["DataProtection__CertificatePath"] = certificate;
            environment["DataProtection__CertificatePassword"] = password;
        }
        try
        {
            var emails = new List<string>();
            int doneWhenKilled;
            {
                var url = $"http://localhost:{HostProcess.FreePort()}";
                await using var first = HostProcess.Start(["--urls", url], environment);
                first.DeleteDataOnDispose = false;
                using var client = await SignedInAsync(first, url);
                (await client.PutAsJsonAsync("/api/profile", new ProfileInput(null, ["urban planning"], null, null, null, "University of Waterloo", null, null,
                    "America/Toronto", null, "Alice Martin"), WorkflowApi.Json)).EnsureSuccessStatusCode();
                for (var n = 0; n < Meetings; n++)
                {
                    var person = WorkflowApi.NewPerson($"Person {n}");
                    emails.Add(person.Email!);
                    var interview = await client.AddInterviewAsync(person);
                    await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);
                    (await client.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: DateTimeOffset.UtcNow.AddHours(-2), DurationMinutes: 30, ConfirmPast: true),
                        WorkflowApi.Json)).EnsureSuccessStatusCode();
                    (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput($"Tip number {n}", true), WorkflowApi.Json))
                        .EnsureSuccessStatusCode();
                }

                (await client.PutAsJsonAsync("/api/automation", new AutomationInput(true), WorkflowApi.Json)).EnsureSuccessStatusCode();
                var deadline = DateTime.UtcNow + Within;
                do
                {
                    doneWhenKilled = (await client.GetAsync<List<ActivityDto>>("/api/automation/activity")).Count;
                    if (doneWhenKilled > 0) break;
                    await Task.Delay(20);
                }
                while (DateTime.UtcNow < deadline);
                await first.KillAsync();
                Assert.True(doneWhenKilled is > 0 and < Meetings, $"The sweep had done {doneWhenKilled} of {Meetings} when the host was killed. {first.Transcript()}");
            }

            {
                var url = $"http://localhost:{HostProcess.FreePort()}";
                await using var second = HostProcess.Start(["--urls", url], environment);
                using var client = await SignedInAsync(second, url);
                var deadline = DateTime.UtcNow + Within;
                List<ActivityDto> activity;
                do
                {
                    await Task.Delay(500);
                    activity = await client.GetAsync<List<ActivityDto>>("/api/automation/activity?all=true");
                }
                while (activity.Count < Meetings && DateTime.UtcNow < deadline);

                Assert.True(activity.Count == Meetings, $"{activity.Count} of {Meetings} done. {second.Transcript()}");
                Assert.Equal(Meetings, activity.Select(a => a.InterviewId).Distinct().Count());
                using var mailbox = JsonDocument.Parse(await (await client.GetAsync("/local-mailbox")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
                var drafts = mailbox.RootElement.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("isDraft").GetBoolean())
                    .Select(m => m.GetProperty("to")[0].GetProperty("address").GetString()!.ToLowerInvariant()).ToList();
                Assert.Equal(Meetings, drafts.Count);
                Assert.Equal(emails.Select(e => e.ToLowerInvariant()).Order(), drafts.Order());
            }
        }
        finally
        {
            if (TestStorage.IsPostgreSql) TestStorage.Drop(database);
            try { Directory.Delete(dataDirectory, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task<HttpClient> SignedInAsync(HostProcess host, string url)
    {
        Assert.True(await host.AnswersHealthAsync(url, TimeSpan.FromSeconds(60)), host.Transcript());
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(200);
        var token = await (await client.PostAsync("/auth/local/token", null)).ReadAsync<LocalTokenResponse>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
