using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.FollowThrough;

/// <summary>
/// The host in local mode with a clock the test moves, its Graph client reaching its own local
/// mailbox in-process. Its scheduler does not fire: the test runs the user's sweep itself, as the
/// job would, after moving the clock.
/// </summary>
public sealed class FollowThroughHost : IDisposable
{
    /// <param name="withoutSeams">Registers no <see cref="OutlookInterviewAddin.Automation.IBackgroundMailbox"/> or <see cref="OutlookInterviewAddin.Automation.IAutomationSession"/>, as Microsoft 365 mode before its session exists.</param>
    /// <param name="services">More test services, applied last.</param>
    public FollowThroughHost(DateTimeOffset start, bool withoutSeams = false, Action<IServiceCollection>? services = null)
    {
        Clock = new FakeTimeProvider(start);
        Factory = new AddinFactory
        {
            Settings =
            {
                ["Graph:AttemptTimeoutSeconds"] = "5",
                ["Graph:MaxWaitSeconds"] = "2",
                ["Automation:RunScheduler"] = "false",
            },
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.Configure<GraphTransportOptions>(o => o.GraphHandler = _ => Factory!.Server.CreateHandler());
                if (withoutSeams)
                {
                    s.RemoveAll<OutlookInterviewAddin.Automation.IBackgroundMailbox>();
                    s.RemoveAll<OutlookInterviewAddin.Automation.IAutomationSession>();
                }
                services?.Invoke(s);
            },
        };
        var (fake, real) = (Clock.GetUtcNow(), DateTimeOffset.UtcNow);
        // Valid by the wall clock, which JwtBearer reads, for as long as a test runs.
        Client = Factory.CreateClientWithToken(Factory.LocalTokenFor(User, notBefore: (fake < real ? fake : real).AddMinutes(-5), expires: real.AddHours(2)));
    }

    public TestUser User { get; } = new(Guid.NewGuid(), Guid.NewGuid(), "Alice Martin", $"alice.{Guid.NewGuid():N}@example.com");

    public FakeTimeProvider Clock { get; }

    public AddinFactory Factory { get; }

    public HttpClient Client { get; }

    public DataOwner Owner => new(User.TenantId, User.ObjectId);

    public async Task SetUpAsync(int? stayInTouchMonths = 4, string? country = null, string? province = null)
    {
        (await Client.PutAsJsonAsync("/api/profile", new ProfileInput("cities that work", ["urban planning"], null, null, null,
            "University of Waterloo", "Planning", "Waterloo", "America/Toronto", null, "Alice Martin"), WorkflowApi.Json)).EnsureSuccessStatusCode();
        var automation = await (await Client.PutAsJsonAsync("/api/automation", new AutomationInput(true, stayInTouchMonths, country, province), WorkflowApi.Json))
            .ReadAsync<AutomationDto>(HttpStatusCode.OK);
        Assert.True(automation.Enabled, automation.Problem);
    }

    /// <summary>One run of the user's sweep, as the Quartz job does it.</summary>
    public async Task<SweepResult> SweepAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowThroughSweep>().RunAsync(Owner, CancellationToken.None);
    }

    /// <summary>A new person (with an address no other test uses) and a conversation with them.</summary>
    public async Task<(Guid Id, string Email)> InterviewWithAsync(string name, bool doNotContact = false, string organisation = "Metrolinx")
    {
        var person = WorkflowApi.NewPerson(name) with { Organisation = organisation, DoNotContact = doNotContact };
        return ((await Client.AddInterviewAsync(person)).Id, person.Email!);
    }

    public async Task PlanAsync(Guid interviewId, DateTimeOffset start, int minutes = 30) =>
        (await Client.PutAsJsonAsync($"/api/interviews/{interviewId}", new InterviewPlanInput(PlannedStart: start, DurationMinutes: minutes), WorkflowApi.Json))
            .EnsureSuccessStatusCode();

    public async Task TakeawayAsync(Guid interviewId, string text, string? action = null) =>
        await (await Client.PostAsJsonAsync($"/api/interviews/{interviewId}/takeaways", new TakeawayInput(text, true, action), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created);

    public async Task MoveAsync(Guid interviewId, InterviewStage stage, DateTimeOffset? at = null) =>
        await (await Client.MoveAsync(interviewId, stage, at)).ReadAsync<InterviewDto>(HttpStatusCode.OK);

    /// <summary>Sends the invite through the product (Graph, the local mailbox); answers the event's id.</summary>
    public async Task<string> SendInviteAsync(Guid interviewId) =>
        (await (await Client.PostAsync($"/api/interviews/{interviewId}/drafts/invite", null)).ReadAsync<DraftCreated>(HttpStatusCode.Created)).ItemId;

    /// <summary>Moves the event in the calendar, as the user dragging it in Outlook does.</summary>
    public async Task MoveEventAsync(string eventId, DateTimeOffset start, TimeSpan length)
    {
        static object Utc(DateTimeOffset t) => new { dateTime = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), timeZone = "UTC" };
        (await Client.PatchAsJsonAsync($"/graph/v1.0/me/events/{eventId}", new { start = Utc(start), end = Utc(start + length) })).EnsureSuccessStatusCode();
    }

    public async Task<JsonElement[]> DraftsToAsync(string address)
    {
        var mailbox = JsonDocument.Parse(await (await Client.GetAsync("/local-mailbox")).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement;
        return [.. mailbox.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("isDraft").GetBoolean()
                && m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.Clone())];
    }

    public async Task<List<ActivityDto>> ActivityAsync() => await Client.GetAsync<List<ActivityDto>>("/api/automation/activity");

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
