using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

/// <summary>One user's local mailbox: the real Graph SDK and a plain HTTP client, both with that user's token.</summary>
public sealed class Mailbox : IDisposable
{
    public const string TagId = "String {5d6e3a5c-2f0b-4c7e-9a43-7a1f0c2b9e11} Name InterviewItem";

    public Mailbox(AddinFactory factory, TestUser? user = null)
    {
        User = user ?? NewUser();
        Graph = LocalGraph.ClientFor(factory, User);
        Http = factory.CreateClientFor(User);
    }

    public TestUser User { get; }

    public GraphServiceClient Graph { get; }

    public HttpClient Http { get; }

    /// <summary>A user no other test shares, so each test starts with an empty mailbox.</summary>
    public static TestUser NewUser(string name = "Sam Lee") =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, $"sam.{Guid.NewGuid():N}@students.example");

    public static Recipient To(string name, string address) => new() { EmailAddress = new EmailAddress { Name = name, Address = address } };

    public static SingleValueLegacyExtendedProperty Tag(string value) => new() { Id = TagId, Value = value };

    public Task<Message?> DraftAsync(string subject, string to = "priya@metrolinx.example", string? tag = null) =>
        Graph.Me.Messages.PostAsync(new Message
        {
            Subject = subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = $"<p>{subject}</p>" },
            ToRecipients = [To("Priya Shah", to)],
            SingleValueExtendedProperties = tag is null ? null : [Tag(tag)],
        });

    /// <summary>A message from someone to this user, through the local mailbox page's API.</summary>
    public async Task<string> ReceiveAsync(string fromName, string fromAddress, string subject, string text = "Happy to help.", string? inReplyToId = null)
    {
        var response = await Http.PostAsJsonAsync("/local-mailbox/incoming", new { fromName, fromAddress, subject, text, inReplyToId });
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> PageAsync() =>
        await (await Http.GetAsync("/local-mailbox")).ReadAsync<JsonElement>(HttpStatusCode.OK);

    public static string TagFilter(string value) =>
        $"singleValueExtendedProperties/Any(ep: ep/id eq '{TagId}' and ep/value eq '{value.Replace("'", "''", StringComparison.Ordinal)}')";

    /// <summary>The ODataError the SDK raised for a refused call.</summary>
    public static async Task<ODataError> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<ODataError>(call);

    /// <summary>The error body of a raw HTTP answer, checked to be Graph's shape.</summary>
    public static async Task<JsonElement> GraphErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        var inner = error.GetProperty("innerError");
        Assert.True(Guid.TryParse(inner.GetProperty("request-id").GetString(), out _));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", inner.GetProperty("date").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return error;
    }

    public void Dispose()
    {
        Graph.Dispose();
        Http.Dispose();
    }
}
