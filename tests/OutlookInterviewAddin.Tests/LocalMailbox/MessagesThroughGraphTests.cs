using System.Net;
using System.Text;
using Microsoft.Graph.Me.Messages.Item.CreateReply;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

/// <summary>Drafts, lookups, replies and sending through the real Graph SDK against the local mailbox.</summary>
public sealed class MessagesThroughGraphTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    [Fact]
    public async Task A_draft_created_through_the_SDK_reads_back_by_id()
    {
        using var mailbox = new Mailbox(factory);

        var created = await mailbox.Graph.Me.Messages.PostAsync(new Message
        {
            Subject = "Twenty minutes about transit planning?",
            Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Hello <b>Priya</b></p>" },
            ToRecipients = [Mailbox.To("Priya Shah", "priya@metrolinx.example")],
            Categories = ["Informational interview"],
        });

        Assert.NotNull(created);
        Assert.True(created.IsDraft);
        Assert.Matches("^[A-Za-z0-9_-]{20,}$", created.Id);
        Assert.Equal(mailbox.User.Email, created.From?.EmailAddress?.Address);
        Assert.Equal(mailbox.User.DisplayName, created.From?.EmailAddress?.Name);
        Assert.False(created.HasAttachments);
        Assert.NotNull(created.ConversationId);
        Assert.True(Uri.IsWellFormedUriString(created.WebLink, UriKind.Absolute));
        Assert.InRange(created.CreatedDateTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var read = await mailbox.Graph.Me.Messages[created.Id].GetAsync();
        Assert.Equal("Twenty minutes about transit planning?", read!.Subject);
        Assert.Equal(BodyType.Html, read.Body!.ContentType);
        Assert.Equal("<p>Hello <b>Priya</b></p>", read.Body.Content);
        Assert.Equal("priya@metrolinx.example", Assert.Single(read.ToRecipients!).EmailAddress!.Address);
        Assert.Equal(["Informational interview"], read.Categories);
        Assert.True(read.IsDraft);
    }

    [Fact]
    public async Task The_extended_property_filter_finds_exactly_the_tagged_draft()
    {
        using var mailbox = new Mailbox(factory);
        var tagged = await mailbox.DraftAsync("Outreach to Priya", tag: "interview-1:outreach");
        await mailbox.DraftAsync("Outreach to Jonas", tag: "interview-2:outreach");
        await mailbox.DraftAsync("Untagged draft");
        var apostrophe = await mailbox.DraftAsync("Outreach to Seán", tag: "O'Brien's outreach");

        var found = await mailbox.Graph.Me.Messages.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = Mailbox.TagFilter("interview-1:outreach");
            rc.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{Mailbox.TagId}')"];
            rc.QueryParameters.Select = ["id", "isDraft", "webLink", "sentDateTime", "subject"];
        });
        var withQuote = await mailbox.Graph.Me.Messages.GetAsync(rc =>
            rc.QueryParameters.Filter = $"singleValueExtendedProperties/any(x: x/id eq '{Mailbox.TagId}' and x/value eq 'O''Brien''s outreach')");

        var only = Assert.Single(found!.Value!);
        Assert.Equal(tagged!.Id, only.Id);
        Assert.Equal("Outreach to Priya", only.Subject);
        Assert.Null(only.Body);
        var property = Assert.Single(only.SingleValueExtendedProperties!);
        Assert.Equal("interview-1:outreach", property.Value);
        Assert.Equal(apostrophe!.Id, Assert.Single(withQuote!.Value!).Id);
    }

    [Fact]
    public async Task Extended_properties_are_returned_only_when_expanded()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.DraftAsync("Tagged", tag: "t-1");

        var plain = await mailbox.Graph.Me.Messages[draft!.Id].GetAsync();
        var expanded = await mailbox.Graph.Me.Messages[draft.Id].GetAsync(rc =>
            rc.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{Mailbox.TagId}')"]);

        Assert.Null(plain!.SingleValueExtendedProperties);
        Assert.Equal("t-1", Assert.Single(expanded!.SingleValueExtendedProperties!).Value);
    }

    [Fact]
    public async Task The_sender_filter_sorted_by_received_time_finds_the_latest_message_from_the_person()
    {
        using var mailbox = new Mailbox(factory);
        var first = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "Nice to meet you");
        var latest = await mailbox.ReceiveAsync("Priya Shah", "Priya@Metrolinx.example", "About Thursday");
        await mailbox.ReceiveAsync("Jonas Berg", "jonas@arup.example", "Unrelated");
        await mailbox.DraftAsync("My own draft to Priya");

        var answer = await mailbox.Graph.Me.Messages.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = "receivedDateTime ge 2000-01-01T00:00:00Z and from/emailAddress/address eq 'PRIYA@metrolinx.example'";
            rc.QueryParameters.Orderby = ["receivedDateTime desc"];
            rc.QueryParameters.Top = 1;
        });
        var all = await mailbox.Graph.Me.Messages.GetAsync(rc => rc.QueryParameters.Filter = "from/emailAddress/address eq 'priya@metrolinx.example'");

        Assert.Equal(latest, Assert.Single(answer!.Value!).Id);
        Assert.Equal([latest, first], all!.Value!.Select(m => m.Id));
        Assert.All(all.Value!, m => Assert.False(m.IsDraft));
    }

    [Theory]
    [InlineData("subject eq 'Hello'")]
    [InlineData("from/emailAddress/address eq 'a@b.example' or from/emailAddress/address eq 'c@d.example'")]
    [InlineData("singleValueExtendedProperties/Any(ep: ep/value eq 'x')")]
    [InlineData("singleValueExtendedProperties/Any(ep: ep/id eq 'unterminated)")]
    [InlineData("receivedDateTime ge yesterday")]
    public async Task Filters_the_local_mailbox_does_not_understand_are_refused_as_Graph_does(string filter)
    {
        using var mailbox = new Mailbox(factory);

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages.GetAsync(rc => rc.QueryParameters.Filter = filter));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUrlQueryFilter", error.Error!.Code);
    }

    [Fact]
    public async Task Sorting_a_filtered_query_by_a_property_the_filter_does_not_name_first_is_refused_as_Exchange_does()
    {
        using var mailbox = new Mailbox(factory);

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = "from/emailAddress/address eq 'priya@metrolinx.example'";
            rc.QueryParameters.Orderby = ["receivedDateTime desc"];
        }));

        Assert.Equal("InefficientFilter", error.Error!.Code);
    }

    [Fact]
    public async Task A_list_is_paged_ten_at_a_time_with_a_next_link_the_SDK_follows()
    {
        using var mailbox = new Mailbox(factory);
        for (var i = 0; i < 12; i++) await mailbox.DraftAsync($"Draft {i}", tag: "paged");

        var first = await mailbox.Graph.Me.Messages.GetAsync(rc => rc.QueryParameters.Filter = Mailbox.TagFilter("paged"));
        var second = await mailbox.Graph.Me.Messages.WithUrl(first!.OdataNextLink!).GetAsync();

        Assert.Equal(10, first.Value!.Count);
        Assert.Equal(2, second!.Value!.Count);
        Assert.Null(second.OdataNextLink);
        Assert.Empty(first.Value.Select(m => m.Id).Intersect(second.Value.Select(m => m.Id)));
    }

    [Fact]
    public async Task A_reply_is_a_draft_in_the_same_conversation_to_the_sender_with_RE_subject()
    {
        using var mailbox = new Mailbox(factory);
        var original = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "Nice to meet you at the alumni night");

        var reply = await mailbox.Graph.Me.Messages[original].CreateReply.PostAsync(new CreateReplyPostRequestBody
        {
            Message = new Message
            {
                Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Would you have 20 minutes?</p>" },
                SingleValueExtendedProperties = [Mailbox.Tag("interview-9:outreach")],
            },
        });
        var read = await mailbox.Graph.Me.Messages[original].GetAsync();

        Assert.True(reply!.IsDraft);
        Assert.Equal(read!.ConversationId, reply.ConversationId);
        Assert.Equal("RE: Nice to meet you at the alumni night", reply.Subject);
        Assert.Equal("priya@metrolinx.example", Assert.Single(reply.ToRecipients!).EmailAddress!.Address);
        Assert.Equal("<p>Would you have 20 minutes?</p>", reply.Body!.Content);
        var lookup = await mailbox.Graph.Me.Messages.GetAsync(rc => rc.QueryParameters.Filter = Mailbox.TagFilter("interview-9:outreach"));
        Assert.Equal(reply.Id, Assert.Single(lookup!.Value!).Id);

        var page = await mailbox.PageAsync();
        var stored = page.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == reply.Id);
        Assert.Equal(original, stored.GetProperty("inReplyToId").GetString());
        Assert.Equal("drafts", stored.GetProperty("folder").GetString());
    }

    [Fact]
    public async Task A_reply_with_a_comment_quotes_the_original_and_keeps_a_single_RE()
    {
        using var mailbox = new Mailbox(factory);
        var original = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "RE: Coffee?", "Thursday works <for me>.");

        var reply = await mailbox.Graph.Me.Messages[original].CreateReply.PostAsync(new CreateReplyPostRequestBody { Comment = "Great, see you then & thanks!" });

        Assert.Equal("RE: Coffee?", reply!.Subject);
        Assert.Equal(BodyType.Html, reply.Body!.ContentType);
        Assert.Contains("Great, see you then &amp; thanks!", reply.Body.Content, StringComparison.Ordinal);
        Assert.Contains("Thursday works &lt;for me&gt;.", reply.Body.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_with_both_a_comment_and_a_body_is_refused_as_Graph_does()
    {
        using var mailbox = new Mailbox(factory);
        var original = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "Hello");

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages[original].CreateReply.PostAsync(new CreateReplyPostRequestBody
        {
            Comment = "Thanks!",
            Message = new Message { Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Thanks!</p>" } },
        }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidRequest", error.Error!.Code);
        Assert.Equal(1, (await mailbox.PageAsync()).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Sending_a_draft_moves_it_to_sent_items_with_the_same_id()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.DraftAsync("Thank you for your time");

        await mailbox.Graph.Me.Messages[draft!.Id].Send.PostAsync();
        var sent = await mailbox.Graph.Me.Messages[draft.Id].GetAsync();

        Assert.False(sent!.IsDraft);
        Assert.InRange(sent.SentDateTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var stored = Assert.Single((await mailbox.PageAsync()).GetProperty("messages").EnumerateArray());
        Assert.Equal("sentitems", stored.GetProperty("folder").GetString());
        Assert.False(stored.GetProperty("isDraft").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, stored.GetProperty("sentDateTime").ValueKind);
    }

    [Fact]
    public async Task A_sent_message_keeps_its_content_but_takes_new_categories()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.DraftAsync("Thank you");
        await mailbox.Graph.Me.Messages[draft!.Id].Send.PostAsync();

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages[draft.Id].PatchAsync(new Message { Subject = "Changed" }));
        var categorised = await mailbox.Graph.Me.Messages[draft.Id].PatchAsync(new Message { Categories = ["Thanked"] });

        Assert.Equal("ErrorInvalidPropertyUpdateSentMessage", error.Error!.Code);
        Assert.Equal("Thank you", categorised!.Subject);
        Assert.Equal(["Thanked"], categorised.Categories);
    }

    [Fact]
    public async Task A_draft_is_rewritten_by_PATCH_and_gone_after_DELETE()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.DraftAsync("First subject", tag: "rewrite");

        var patched = await mailbox.Graph.Me.Messages[draft!.Id].PatchAsync(new Message
        {
            Subject = "Second subject",
            Body = new ItemBody { ContentType = BodyType.Text, Content = "Plain now" },
            ToRecipients = [Mailbox.To("Jonas Berg", "jonas@arup.example")],
        });
        var stillTagged = await mailbox.Graph.Me.Messages.GetAsync(rc => rc.QueryParameters.Filter = Mailbox.TagFilter("rewrite"));
        await mailbox.Graph.Me.Messages[draft.Id].DeleteAsync();
        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages[draft.Id].GetAsync());

        Assert.Equal("Second subject", patched!.Subject);
        Assert.Equal(BodyType.Text, patched.Body!.ContentType);
        Assert.Equal("jonas@arup.example", Assert.Single(patched.ToRecipients!).EmailAddress!.Address);
        Assert.Equal(draft.Id, Assert.Single(stillTagged!.Value!).Id);
        Assert.Equal(404, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_ErrorItemNotFound()
    {
        using var mailbox = new Mailbox(factory);

        var read = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages["AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZi"].GetAsync());
        var reply = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages["nope"].CreateReply.PostAsync(new CreateReplyPostRequestBody()));
        var send = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages["nope"].Send.PostAsync());

        Assert.All(new[] { read, reply, send }, e =>
        {
            Assert.Equal(404, e.ResponseStatusCode);
            Assert.Equal("ErrorItemNotFound", e.Error!.Code);
            Assert.Equal("The specified object was not found in the store.", e.Error.Message);
        });
    }

    [Fact]
    public async Task Bob_cannot_read_change_or_send_Alices_draft()
    {
        using var alice = new Mailbox(factory, TestUser.Alice);
        using var bob = new Mailbox(factory, TestUser.Bob);
        var draft = await alice.DraftAsync("Alice's outreach", tag: "alice-only");

        var read = await Mailbox.RefusedAsync(() => bob.Graph.Me.Messages[draft!.Id].GetAsync());
        var patch = await Mailbox.RefusedAsync(() => bob.Graph.Me.Messages[draft!.Id].PatchAsync(new Message { Subject = "Bob's now" }));
        var send = await Mailbox.RefusedAsync(() => bob.Graph.Me.Messages[draft!.Id].Send.PostAsync());
        var lookup = await bob.Graph.Me.Messages.GetAsync(rc => rc.QueryParameters.Filter = Mailbox.TagFilter("alice-only"));

        Assert.All(new[] { read, patch, send }, e => Assert.Equal("ErrorItemNotFound", e.Error!.Code));
        Assert.Empty(lookup!.Value!);
        var mine = await alice.Graph.Me.Messages[draft!.Id].GetAsync();
        Assert.Equal("Alice's outreach", mine!.Subject);
        Assert.True(mine.IsDraft);
    }

    [Fact]
    public async Task Sending_a_draft_without_recipients_is_refused()
    {
        using var mailbox = new Mailbox(factory);
        var draft = await mailbox.Graph.Me.Messages.PostAsync(new Message { Subject = "No one yet" });

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Messages[draft!.Id].Send.PostAsync());

        Assert.Equal("ErrorInvalidRecipients", error.Error!.Code);
    }

    [Theory]
    [InlineData("{\"subject\": ")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    [InlineData("{\"subject\": 42}")]
    [InlineData("{\"body\": {\"contentType\": \"rtf\", \"content\": \"x\"}}")]
    [InlineData("{\"toRecipients\": [{\"emailAddress\": {\"name\": \"No address\"}}]}")]
    [InlineData("{\"singleValueExtendedProperties\": [{\"id\": \"not an id\", \"value\": \"x\"}]}")]
    public async Task A_body_Graph_cannot_read_is_a_400_in_Graphs_error_shape(string body)
    {
        using var mailbox = new Mailbox(factory);

        var response = await mailbox.Http.PostAsync("/graph/v1.0/me/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        var error = await Mailbox.GraphErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(error.GetProperty("code").GetString()!);
        Assert.Equal(0, (await mailbox.PageAsync()).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_Graphs_401()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/graph/v1.0/me/messages");

        var error = await Mailbox.GraphErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_the_local_mailbox_does_not_have_answers_Graphs_400()
    {
        using var mailbox = new Mailbox(factory);

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.MailFolders.GetAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("BadRequest", error.Error!.Code);
    }
}
