using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// The host in local mode whose Graph client reaches its own local mailbox in-process, through a
/// <see cref="FaultInjector"/>: the real SDK, the real mailbox, and faults where a test wants them.
/// Short timeouts so that a "timeout" costs a test a second, not thirty.
/// </summary>
public sealed class MailboxHost : IDisposable
{
    public MailboxHost()
    {
        Factory = new AddinFactory
        {
            Settings =
            {
                ["Graph:AttemptTimeoutSeconds"] = "2",
                ["Graph:MaxWaitSeconds"] = "2",
            },
            TestServices = services => services.Configure<GraphTransportOptions>(o =>
                o.GraphHandler = _ => Faults = new FaultInjector(Factory!.Server.CreateHandler())),
        };
        Client = Factory.CreateClientFor(TestUser.Alice);
    }

    public AddinFactory Factory { get; }

    /// <summary>Alice's client for the API (and the local mailbox's page API).</summary>
    public HttpClient Client { get; }

    /// <summary>The injector under the Graph client; exists once the host made its first Graph call (see <see cref="SetProfileAsync"/>).</summary>
    public FaultInjector Faults { get; private set; } = null!;

    /// <summary>Alice's profile with her name, in Toronto.</summary>
    public async Task SetProfileAsync(string name = "Alice Martin", string timeZone = "America/Toronto")
    {
        var response = await Client.PutAsJsonAsync("/api/profile", new ProfileInput("cities that work", ["urban planning"], null, null, null,
            "University of Waterloo", "Planning", "Waterloo", timeZone, null, name), WorkflowApi.Json);
        response.EnsureSuccessStatusCode();
        // Resolving the Graph pipeline creates the injector before a test arms it.
        _ = Factory.Services.GetRequiredService<GraphHttp>();
    }

    public Task<HttpResponseMessage> CreateAsync(Guid interviewId, string kind, object? body = null) =>
        Client.PostAsJsonAsync($"/api/interviews/{interviewId}/drafts/{kind}", body ?? new { }, WorkflowApi.Json);

    public Task<HttpResponseMessage> PreviewAsync(Guid interviewId, string kind, object? body = null) =>
        Client.PostAsJsonAsync($"/api/interviews/{interviewId}/drafts/{kind}/preview", body ?? new { }, WorkflowApi.Json);

    /// <summary>The local mailbox as its page sees it.</summary>
    public async Task<JsonElement> MailboxAsync() =>
        JsonDocument.Parse(await (await Client.GetAsync("/local-mailbox")).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.Clone();

    public async Task<JsonElement[]> InvitationsAsync() =>
        [.. JsonDocument.Parse(await (await Client.GetAsync("/local-mailbox/invitations")).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.Clone())];

    public async Task<JsonElement[]> MessagesAsync(string? folder = null) =>
        [.. (await MailboxAsync()).GetProperty("messages").EnumerateArray().Where(m => folder is null || m.GetProperty("folder").GetString() == folder)];

    public async Task<JsonElement[]> EventsAsync() => [.. (await MailboxAsync()).GetProperty("events").EnumerateArray()];

    public static async Task<T> Read<T>(HttpResponseMessage response, params HttpStatusCode[] expected) => await response.ReadAsync<T>(expected);

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
