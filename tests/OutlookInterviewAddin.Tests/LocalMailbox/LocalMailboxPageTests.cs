using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

/// <summary>The API of the pane's "Local mailbox" page: its JSON shapes, and the stand-ins for Send and for a person writing.</summary>
public sealed class LocalMailboxPageTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    [Fact]
    public async Task The_page_lists_messages_and_events_newest_first_in_the_agreed_shape()
    {
        using var mailbox = new Mailbox(factory);
        var incoming = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "Hello", "Tea <or> coffee?");
        var draft = await mailbox.DraftAsync("My outreach");
        var e = await mailbox.Graph.Me.Events.PostAsync(new Event
        {
            Subject = "Coffee",
            Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Agenda</p>" },
            Start = new DateTimeTimeZone { DateTime = "2027-03-15T10:00:00", TimeZone = "Eastern Standard Time" },
            End = new DateTimeTimeZone { DateTime = "2027-03-15T10:30:00", TimeZone = "Eastern Standard Time" },
            Location = new Location { DisplayName = "Balzac's" },
            Categories = ["Informational interview"],
        });
        var file = await mailbox.Graph.Me.Events[e!.Id].Attachments.PostAsync(new FileAttachment
        {
            OdataType = "#microsoft.graph.fileAttachment", Name = "Questions.docx", ContentType = "application/octet-stream", ContentBytes = [1, 2, 3, 4],
        });
        await mailbox.Graph.Me.Events[e.Id].PatchAsync(new Event
        {
            Attendees = [new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Name = "Priya Shah", Address = "priya@metrolinx.example" } }],
        });

        var response = await mailbox.Http.GetAsync("/local-mailbox");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var page = await response.ReadAsync<JsonElement>(HttpStatusCode.OK);

        var messages = page.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([draft!.Id, incoming], messages.Select(m => m.GetProperty("id").GetString()));
        var mine = messages[0];
        Assert.Equal(["id", "subject", "folder", "isDraft", "from", "to", "createdDateTime", "sentDateTime", "receivedDateTime", "conversationId", "inReplyToId", "html", "categories"],
            mine.EnumerateObject().Select(p => p.Name));
        Assert.Equal("drafts", mine.GetProperty("folder").GetString());
        Assert.True(mine.GetProperty("isDraft").GetBoolean());
        Assert.Equal(mailbox.User.Email, mine.GetProperty("from").GetProperty("address").GetString());
        Assert.Equal("priya@metrolinx.example", mine.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("sentDateTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("receivedDateTime").ValueKind);
        Assert.Equal("<p>My outreach</p>", mine.GetProperty("html").GetString());
        Assert.EndsWith("Z", mine.GetProperty("createdDateTime").GetString(), StringComparison.Ordinal);
        var received = messages[1];
        Assert.Equal("inbox", received.GetProperty("folder").GetString());
        Assert.Equal("<pre>Tea &lt;or&gt; coffee?</pre>", received.GetProperty("html").GetString());
        Assert.Equal("Priya Shah", received.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(mailbox.User.Email, received.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.NotEqual(JsonValueKind.Null, received.GetProperty("receivedDateTime").ValueKind);

        var ev = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal(["id", "subject", "start", "end", "timeZone", "location", "attendees", "categories", "html", "attachments", "invitations"],
            ev.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2027-03-15T14:00:00Z", ev.GetProperty("start").GetString());
        Assert.Equal("2027-03-15T14:30:00Z", ev.GetProperty("end").GetString());
        Assert.Equal("Eastern Standard Time", ev.GetProperty("timeZone").GetString());
        Assert.Equal("Balzac's", ev.GetProperty("location").GetString());
        Assert.Equal("required", ev.GetProperty("attendees")[0].GetProperty("type").GetString());
        Assert.Equal("Informational interview", ev.GetProperty("categories")[0].GetString());
        Assert.Equal("<p>Agenda</p>", ev.GetProperty("html").GetString());
        var attachment = Assert.Single(ev.GetProperty("attachments").EnumerateArray());
        Assert.Equal(file!.Id, attachment.GetProperty("id").GetString());
        Assert.Equal("Questions.docx", attachment.GetProperty("name").GetString());
        Assert.Equal("application/octet-stream", attachment.GetProperty("contentType").GetString());
        Assert.Equal(4, attachment.GetProperty("size").GetInt32());
        var invitation = Assert.Single(ev.GetProperty("invitations").EnumerateArray());
        Assert.Equal(["attendee", "sentAt", "attachmentNames"], invitation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Questions.docx", invitation.GetProperty("attachmentNames")[0].GetString());
    }

    [Fact]
    public async Task An_incoming_reply_joins_the_original_conversation()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.DraftAsync("Coffee?");
        await mailbox.Graph.Me.Messages[draft!.Id].Send.PostAsync();

        var answer = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "RE: Coffee?", "Yes!", inReplyToId: draft.Id);

        var read = await mailbox.Graph.Me.Messages[answer].GetAsync();
        Assert.Equal(draft.ConversationId, read!.ConversationId);
        Assert.Equal("priya@metrolinx.example", read.From!.EmailAddress!.Address);
        Assert.False(read.IsDraft);
        var stored = (await mailbox.PageAsync()).GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == answer);
        Assert.Equal(draft.Id, stored.GetProperty("inReplyToId").GetString());
    }

    [Fact]
    public async Task An_incoming_message_needs_a_sender_and_an_existing_original()
    {
        using var mailbox = new Mailbox(factory);

        var invalid = await mailbox.Http.PostAsJsonAsync("/local-mailbox/incoming", new { fromName = "Priya", fromAddress = "not an address", subject = "Hi", text = "Hello" });
        var orphan = await mailbox.Http.PostAsJsonAsync("/local-mailbox/incoming", new { fromName = "Priya", fromAddress = "priya@metrolinx.example", subject = "Hi", text = "Hello", inReplyToId = "gone" });

        var problem = await invalid.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("fromAddress", out _));
        await orphan.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await mailbox.PageAsync()).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Sending_from_the_page_is_Graphs_send()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.DraftAsync("Thanks");

        var sent = await mailbox.Http.PostAsync($"/local-mailbox/messages/{draft!.Id}/send", null);
        var again = await mailbox.Http.PostAsync($"/local-mailbox/messages/{draft.Id}/send", null);
        var unknown = await mailbox.Http.PostAsync("/local-mailbox/messages/unknown/send", null);

        Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);
        await again.ProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await mailbox.Graph.Me.Messages[draft.Id].GetAsync())!.IsDraft);
    }

    [Fact]
    public async Task An_attachment_downloads_as_a_file_with_a_safe_name_and_only_for_its_owner()
    {
        using var mailbox = new Mailbox(factory);
        using var other = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(new Event
        {
            Subject = "Coffee",
            Start = new DateTimeTimeZone { DateTime = "2027-03-15T10:00:00", TimeZone = "UTC" },
            End = new DateTimeTimeZone { DateTime = "2027-03-15T10:30:00", TimeZone = "UTC" },
        });
        var file = await mailbox.Graph.Me.Events[e!.Id].Attachments.PostAsync(new FileAttachment
        {
            OdataType = "#microsoft.graph.fileAttachment", Name = "../\"notes\".txt", ContentType = "text/plain", ContentBytes = Encoding.UTF8.GetBytes("Ask about GIS"),
        });

        var download = await mailbox.Http.GetAsync($"/local-mailbox/attachments/{file!.Id}");
        var stranger = await other.Http.GetAsync($"/local-mailbox/attachments/{file.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("Ask about GIS", await download.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("_notes_.txt", (disposition.FileNameStar ?? disposition.FileName)?.Trim('"'));
        await stranger.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_needs_the_local_token()
    {
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/local-mailbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/local-mailbox/invitations")).StatusCode);
    }
}
