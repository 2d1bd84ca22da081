using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.FollowThrough;

/// <summary>
/// Two hosts over one PostgreSQL database, both running the clustered Quartz scheduler on the real
/// clock: every piece of work is done exactly once, whichever host fires a user's sweep and however
/// often both are asked to.
/// </summary>
public sealed class FollowThroughClusterTests : IAsyncLifetime
{
    private const int Users = 10;
    private const int MeetingsEach = 20;

    private readonly string database = "oia_follow_" + Guid.NewGuid().ToString("N")[..12];
    private AddinFactory first = null!;
    private AddinFactory second = null!;

    public async Task InitializeAsync()
    {
        first = Host();
        second = Host();
        _ = first.Server;
        await first.DataReadyAsync();
        _ = second.Server;
        await second.DataReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        TestStorage.Drop(database);
    }

    private AddinFactory Host()
    {
        var (certificate, password) = TestStorage.SharedKeyCertificate;
        AddinFactory? host = null;
        host = new AddinFactory
        {
            DatabaseName = database,
            Settings =
            {
                ["ConnectionStrings:PostgreSQL"] = TestStorage.ConnectionStringFor(database),
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = password,
                ["Automation:SweepIntervalSeconds"] = "1",
                ["Graph:AttemptTimeoutSeconds"] = "10",
            },
            // Each host drafts through its own local mailbox endpoint; both store in the one database.
            TestServices = services => services.Configure<GraphTransportOptions>(o => o.GraphHandler = _ => host!.Server.CreateHandler()),
            DeleteDataOnDispose = false,
        };
        return host;
    }

    [Fact]
    public async Task Two_hosts_over_one_PostgreSQL_database_do_every_piece_of_work_exactly_once_across_200_meetings()
    {
        var users = Enumerable.Range(0, Users).Select(n => new TestUser(Guid.NewGuid(), Guid.NewGuid(), $"User {n}", $"user{n}@example.com")).ToList();
        var emails = new Dictionary<TestUser, List<string>>();
        foreach (var user in users)
        {
            // Set up through either host: neither keeps state the other needs.
            using var client = (users.IndexOf(user) % 2 == 0 ? first : second).CreateClientFor(user);
            (await client.PutAsJsonAsync("/api/profile", new ProfileInput(null, ["urban planning"], null, null, null, "University of Waterloo", null, null,
                "America/Toronto", null, user.DisplayName), WorkflowApi.Json)).EnsureSuccessStatusCode();
            emails[user] = [];
            for (var n = 0; n < MeetingsEach; n++)
            {
                var person = WorkflowApi.NewPerson($"Person {n}");
                emails[user].Add(person.Email!.ToLowerInvariant());
                var interview = await client.AddInterviewAsync(person);
                await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled);
                (await client.PutAsJsonAsync($"/api/interviews/{interview.Id}", new InterviewPlanInput(PlannedStart: DateTimeOffset.UtcNow.AddHours(-3), DurationMinutes: 30, ConfirmPast: true),
                    WorkflowApi.Json)).EnsureSuccessStatusCode();
                (await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput($"Tip {n}", true), WorkflowApi.Json)).EnsureSuccessStatusCode();
            }
        }
        foreach (var user in users)
        {
            using var client = first.CreateClientFor(user);
            (await client.PutAsJsonAsync("/api/automation", new AutomationInput(true), WorkflowApi.Json)).EnsureSuccessStatusCode();
        }

        // Both hosts also fire every user's sweep at once, again and again: the job runs one at a time.
        var schedulers = new[] { first, second }.Select(h => h.Services.GetRequiredService<FollowThroughScheduler>()).ToList();
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(users.SelectMany(u => schedulers.Select(s => s.RunNowAsync(new DataOwner(u.TenantId, u.ObjectId), CancellationToken.None))));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        var done = 0;
        while (DateTime.UtcNow < deadline)
        {
            done = 0;
            foreach (var user in users)
            {
                using var client = second.CreateClientFor(user);
                done += (await client.GetAsync<List<ActivityDto>>("/api/automation/activity?all=true")).Count;
            }
            if (done >= Users * MeetingsEach) break;
            await Task.Delay(1000);
        }
        Assert.Equal(Users * MeetingsEach, done);
        // A few more sweeps on both hosts change nothing.
        await Task.WhenAll(users.SelectMany(u => schedulers.Select(s => s.RunNowAsync(new DataOwner(u.TenantId, u.ObjectId), CancellationToken.None))));
        await Task.Delay(3000);

        foreach (var user in users)
        {
            using var client = first.CreateClientFor(user);
            var activity = await client.GetAsync<List<ActivityDto>>("/api/automation/activity?all=true");
            Assert.Equal(MeetingsEach, activity.Count);
            Assert.All(activity, a => Assert.Equal(AutomationWork.ThankYou, a.Work));
            Assert.Equal(MeetingsEach, activity.Select(a => a.InterviewId).Distinct().Count());
            using var mailbox = JsonDocument.Parse(await (await client.GetAsync("/local-mailbox")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
            var drafts = mailbox.RootElement.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("isDraft").GetBoolean())
                .Select(m => m.GetProperty("to")[0].GetProperty("address").GetString()!.ToLowerInvariant()).Order().ToList();
            Assert.Equal(emails[user].Order(), drafts);
        }
    }
}
