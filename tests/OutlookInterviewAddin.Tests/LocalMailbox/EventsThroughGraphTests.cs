using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

/// <summary>Invites through the real Graph SDK: idempotent creation, attachments, invitations, time zones, the calendar window.</summary>
public sealed class EventsThroughGraphTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private static DateTimeTimeZone At(string dateTime, string zone = "America/Toronto") => new() { DateTime = dateTime, TimeZone = zone };

    private static Event Invite(string subject, string start, string end, string zone = "America/Toronto", string? transactionId = null, params Attendee[] attendees) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = $"<p>{subject}</p>" },
        Start = At(start, zone),
        End = At(end, zone),
        Location = new Location { DisplayName = "Balzac's, Distillery District" },
        Categories = ["Informational interview"],
        TransactionId = transactionId,
        IsReminderOn = true,
        Attendees = attendees.Length == 0 ? null : [.. attendees],
    };

    private static Attendee Person(string name, string address) =>
        new() { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Name = name, Address = address } };

    private static FileAttachment File(string name, string text) => new()
    {
        OdataType = "#microsoft.graph.fileAttachment",
        Name = name,
        ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ContentBytes = Encoding.UTF8.GetBytes(text),
    };

    [Fact]
    public async Task A_repeated_transaction_id_answers_the_first_event_and_creates_nothing()
    {
        using var mailbox = new Mailbox(factory);

        var first = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee with Priya", "2027-03-15T10:00:00", "2027-03-15T10:30:00", transactionId: "tx-1"));
        var again = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee with Priya (retry)", "2027-03-15T11:00:00", "2027-03-15T11:30:00", transactionId: "tx-1"));

        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal("Coffee with Priya", again.Subject);
        Assert.Equal("tx-1", again.TransactionId);
        Assert.Equal(1, (await mailbox.PageAsync()).GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Eight_parallel_creates_with_one_transaction_id_make_one_event()
    {
        using var mailbox = new Mailbox(factory);

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00", transactionId: "tx-parallel",
                attendees: Person("Priya Shah", "priya@metrolinx.example")))));

        Assert.Single(created.Select(e => e!.Id).Distinct());
        var page = await mailbox.PageAsync();
        Assert.Equal(1, page.GetProperty("events").GetArrayLength());
        Assert.Single(await InvitationsAsync(mailbox));
    }

    [Fact]
    public async Task An_attachment_without_its_odata_type_is_refused_as_Graph_does()
    {
        using var mailbox = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));

        var response = await mailbox.Http.PostAsJsonAsync($"/graph/v1.0/me/events/{e!.Id}/attachments",
            new { name = "questions.docx", contentType = "application/octet-stream", contentBytes = Convert.ToBase64String([1, 2, 3]) });

        var error = await Mailbox.GraphErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("UnableToDeserializePostBody", error.GetProperty("code").GetString());
        Assert.Contains("@odata.type", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var read = await mailbox.Graph.Me.Events[e.Id].GetAsync();
        Assert.False(read!.HasAttachments);
    }

    [Theory]
    [InlineData("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"contentBytes\":\"AQID\"}", HttpStatusCode.BadRequest, "ErrorRequiredPropertyMissing")]
    [InlineData("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.docx\",\"contentBytes\":\"not base64!\"}", HttpStatusCode.BadRequest, "UnableToDeserializePostBody")]
    [InlineData("{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\"}", HttpStatusCode.BadRequest, "BadRequest")]
    public async Task Attachments_Graph_would_not_take_are_refused(string body, HttpStatusCode status, string code)
    {
        using var mailbox = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));

        var response = await mailbox.Http.PostAsync($"/graph/v1.0/me/events/{e!.Id}/attachments", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(code, (await Mailbox.GraphErrorAsync(response, status)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_attachment_over_3_MB_is_refused_and_the_answer_names_upload_sessions()
    {
        using var mailbox = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Events[e!.Id].Attachments.PostAsync(new FileAttachment
        {
            OdataType = "#microsoft.graph.fileAttachment",
            Name = "big.pdf",
            ContentBytes = new byte[3 * 1024 * 1024 + 1],
        }));

        Assert.Equal(413, error.ResponseStatusCode);
        Assert.Contains("upload session", error.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attaching_then_adding_the_attendee_sends_an_invitation_that_carries_the_file()
    {
        using var mailbox = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee with Priya", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));

        var attachment = await mailbox.Graph.Me.Events[e!.Id].Attachments.PostAsync(File("Questions for Priya.docx", "Part one"));
        Assert.Empty(await InvitationsAsync(mailbox));
        var invited = await mailbox.Graph.Me.Events[e.Id].PatchAsync(new Event { Attendees = [Person("Priya Shah", "priya@metrolinx.example")] });
        // The same attendee again is not a new invitation; a second one is.
        await mailbox.Graph.Me.Events[e.Id].PatchAsync(new Event { Attendees = [Person("Priya Shah", "PRIYA@metrolinx.example"), Person("Jonas Berg", "jonas@arup.example")] });

        var file = Assert.IsType<FileAttachment>(attachment);
        Assert.Equal("Questions for Priya.docx", file.Name);
        Assert.Equal(8, file.Size);
        Assert.False(file.IsInline);
        Assert.True(invited!.HasAttachments);
        Assert.Equal("priya@metrolinx.example", Assert.Single(invited.Attendees!).EmailAddress!.Address);
        var invitations = await InvitationsAsync(mailbox);
        Assert.Equal(["priya@metrolinx.example", "jonas@arup.example"], invitations.Select(i => i.GetProperty("attendee").GetString()));
        Assert.All(invitations, i =>
        {
            Assert.Equal(e.Id, i.GetProperty("eventId").GetString());
            Assert.Equal(["Questions for Priya.docx"], i.GetProperty("attachmentNames").EnumerateArray().Select(n => n.GetString()));
        });
    }

    [Fact]
    public async Task An_event_created_with_attendees_invites_them_at_once_without_a_file()
    {
        using var mailbox = new Mailbox(factory);

        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00",
            attendees: Person("Priya Shah", "priya@metrolinx.example")));
        await mailbox.Graph.Me.Events[e!.Id].Attachments.PostAsync(File("Late.docx", "too late"));

        var invitation = Assert.Single(await InvitationsAsync(mailbox));
        Assert.Equal("priya@metrolinx.example", invitation.GetProperty("attendee").GetString());
        Assert.Equal(0, invitation.GetProperty("attachmentNames").GetArrayLength());
    }

    [Fact]
    public async Task Times_are_kept_as_instants_and_answered_in_the_preferred_zone_across_daylight_saving()
    {
        using var mailbox = new Mailbox(factory);
        // Toronto moves to daylight time on 14 March 2027: 10:00 is 15:00Z before it and 14:00Z after it.
        var after = await mailbox.Graph.Me.Events.PostAsync(Invite("After", "2027-03-15T10:00:00", "2027-03-15T10:45:00", "America/Toronto"));
        var before = await mailbox.Graph.Me.Events.PostAsync(Invite("Before", "2027-03-12T10:00:00", "2027-03-12T10:45:00", "Eastern Standard Time"));

        var utc = await mailbox.Graph.Me.Events[after!.Id].GetAsync();
        var beforeUtc = await mailbox.Graph.Me.Events[before!.Id].GetAsync();
        var toronto = await mailbox.Graph.Me.Events[before.Id].GetAsync(rc => rc.Headers.Add("Prefer", "outlook.timezone=\"America/Toronto\""));
        var windows = await mailbox.Graph.Me.Events[after.Id].GetAsync(rc => rc.Headers.Add("Prefer", "IdType=\"ImmutableId\", outlook.timezone=\"Eastern Standard Time\""));
        var paris = await mailbox.Graph.Me.Events[after.Id].GetAsync(rc => rc.Headers.Add("Prefer", "outlook.timezone=\"Romance Standard Time\""));

        Assert.Equal("2027-03-15T14:00:00.0000000", utc!.Start!.DateTime);
        Assert.Equal("UTC", utc.Start.TimeZone);
        Assert.Equal("2027-03-15T14:45:00.0000000", utc.End!.DateTime);
        Assert.Equal("2027-03-12T15:00:00.0000000", beforeUtc!.Start!.DateTime);
        Assert.Equal("2027-03-12T10:00:00.0000000", toronto!.Start!.DateTime);
        Assert.Equal("America/Toronto", toronto.Start.TimeZone);
        Assert.Equal("2027-03-15T10:00:00.0000000", windows!.Start!.DateTime);
        Assert.Equal("Eastern Standard Time", windows.Start.TimeZone);
        // Paris is still on winter time on 15 March: UTC+1.
        Assert.Equal("2027-03-15T15:00:00.0000000", paris!.Start!.DateTime);
        Assert.Equal("Eastern Standard Time", beforeUtc.OriginalStartTimeZone);

        var page = (await mailbox.PageAsync()).GetProperty("events").EnumerateArray().ToList();
        var stored = page.Single(x => x.GetProperty("id").GetString() == after.Id);
        Assert.Equal("2027-03-15T14:00:00Z", stored.GetProperty("start").GetString());
        Assert.Equal("America/Toronto", stored.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("2027-03-15 10:00", "America/Toronto", "UnableToDeserializePostBody")]
    [InlineData("2027-02-30T10:00:00", "America/Toronto", "UnableToDeserializePostBody")]
    [InlineData("tomorrow", "UTC", "UnableToDeserializePostBody")]
    [InlineData("2027-03-15T10:00:00", "Mars/Olympus_Mons", "TimeZoneNotSupportedException")]
    [InlineData("2027-03-15T10:00:00", "", "TimeZoneNotSupportedException")]
    public async Task Malformed_times_and_unknown_zones_are_a_400_in_Graphs_shape(string dateTime, string zone, string code)
    {
        using var mailbox = new Mailbox(factory);

        var error = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", dateTime, "2027-03-15T11:00:00", zone)));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal(code, error.Error!.Code);
        Assert.Equal(0, (await mailbox.PageAsync()).GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_preferred_zone_and_an_end_before_the_start_are_refused()
    {
        using var mailbox = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));

        var zone = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Events[e!.Id].GetAsync(rc => rc.Headers.Add("Prefer", "outlook.timezone=\"Nowhere\"")));
        var order = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Events[e!.Id].PatchAsync(new Event { End = At("2027-03-15T09:00:00") }));

        Assert.Equal("TimeZoneNotSupportedException", zone.Error!.Code);
        Assert.Equal("ErrorCalendarEndDateIsEarlierThanStartDate", order.Error!.Code);
    }

    [Fact]
    public async Task An_event_reads_back_with_its_attachments_expanded_and_its_file_downloads()
    {
        using var mailbox = new Mailbox(factory);
        var e = await mailbox.Graph.Me.Events.PostAsync(Invite("Coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));
        var added = await mailbox.Graph.Me.Events[e!.Id].Attachments.PostAsync(File("Questions.docx", "Part one"));

        var expanded = await mailbox.Graph.Me.Events[e.Id].GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id", "webLink", "hasAttachments", "attendees"];
            rc.QueryParameters.Expand = ["attachments($select=id,name)"];
        });
        var full = await mailbox.Graph.Me.Events[e.Id].GetAsync(rc => rc.QueryParameters.Expand = ["attachments"]);
        var list = await mailbox.Graph.Me.Events[e.Id].Attachments.GetAsync();
        var one = await mailbox.Graph.Me.Events[e.Id].Attachments[added!.Id].GetAsync();
        var raw = await mailbox.Http.GetAsync($"/graph/v1.0/me/events/{e.Id}/attachments/{added.Id}/$value");

        Assert.True(expanded!.HasAttachments);
        Assert.Null(expanded.Subject);
        var named = Assert.Single(expanded.Attachments!);
        Assert.Equal("Questions.docx", named.Name);
        Assert.Null(named.ContentType);
        Assert.Equal("Part one", Encoding.UTF8.GetString(Assert.IsType<FileAttachment>(Assert.Single(full!.Attachments!)).ContentBytes!));
        Assert.Equal("Part one", Encoding.UTF8.GetString(Assert.IsType<FileAttachment>(Assert.Single(list!.Value!)).ContentBytes!));
        Assert.Equal("Questions.docx", Assert.IsType<FileAttachment>(one).Name);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("Part one", await raw.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", raw.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Questions.docx", raw.Content.Headers.ContentDisposition?.FileNameStar ?? raw.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task The_tagged_event_is_found_by_its_extended_property()
    {
        using var mailbox = new Mailbox(factory);
        var tagged = Invite("Tagged", "2027-03-15T10:00:00", "2027-03-15T10:30:00");
        tagged.SingleValueExtendedProperties = [Mailbox.Tag("interview-3:invite")];
        var e = await mailbox.Graph.Me.Events.PostAsync(tagged);
        await mailbox.Graph.Me.Events.PostAsync(Invite("Other", "2027-03-16T10:00:00", "2027-03-16T10:30:00"));

        var found = await mailbox.Graph.Me.Events.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = Mailbox.TagFilter("interview-3:invite");
            rc.QueryParameters.Expand = ["attachments($select=id,name)"];
            rc.QueryParameters.Top = 1;
        });
        var refused = await Mailbox.RefusedAsync(() => mailbox.Graph.Me.Events.GetAsync(rc => rc.QueryParameters.Filter = "receivedDateTime ge 2000-01-01T00:00:00Z"));

        Assert.Equal(e!.Id, Assert.Single(found!.Value!).Id);
        Assert.Empty(found.Value![0].Attachments!);
        Assert.Equal("ErrorInvalidUrlQueryFilter", refused.Error!.Code);
    }

    [Fact]
    public async Task The_calendar_view_answers_the_events_that_overlap_the_window_in_start_order()
    {
        using var mailbox = new Mailbox(factory);
        await mailbox.Graph.Me.Events.PostAsync(Invite("Before the window", "2027-03-14T08:00:00", "2027-03-14T09:00:00", "UTC"));
        var overlapsStart = await mailbox.Graph.Me.Events.PostAsync(Invite("Overlaps the start", "2027-03-14T23:30:00", "2027-03-15T00:30:00", "UTC"));
        var inside = await mailbox.Graph.Me.Events.PostAsync(Invite("Inside", "2027-03-15T10:00:00", "2027-03-15T10:30:00", "America/Toronto"));
        await mailbox.Graph.Me.Events.PostAsync(Invite("Ends as the window starts", "2027-03-14T23:00:00", "2027-03-15T00:00:00", "UTC"));
        await mailbox.Graph.Me.Events.PostAsync(Invite("After the window", "2027-03-16T00:00:00", "2027-03-16T01:00:00", "UTC"));

        var view = await mailbox.Graph.Me.CalendarView.GetAsync(rc =>
        {
            rc.QueryParameters.StartDateTime = "2027-03-15T00:00:00Z";
            rc.QueryParameters.EndDateTime = "2027-03-15T20:00:00-04:00";
            rc.Headers.Add("Prefer", "outlook.timezone=\"Eastern Standard Time\"");
        });

        Assert.Equal([overlapsStart!.Id, inside!.Id], view!.Value!.Select(e => e.Id));
        Assert.Equal("2027-03-15T10:00:00.0000000", view.Value![1].Start!.DateTime);
        Assert.Equal("Eastern Standard Time", view.Value[1].Start!.TimeZone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?startDateTime=2027-03-15T00:00:00Z")]
    [InlineData("?startDateTime=yesterday&endDateTime=2027-03-16T00:00:00Z")]
    public async Task A_calendar_view_without_a_valid_window_is_ErrorInvalidParameter(string query)
    {
        using var mailbox = new Mailbox(factory);

        var response = await mailbox.Http.GetAsync($"/graph/v1.0/me/calendarView{query}");

        Assert.Equal("ErrorInvalidParameter", (await Mailbox.GraphErrorAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_event_ids_are_ErrorItemNotFound_and_Bob_cannot_see_Alices_event()
    {
        using var alice = new Mailbox(factory, TestUser.Alice);
        using var bob = new Mailbox(factory, TestUser.Bob);
        var e = await alice.Graph.Me.Events.PostAsync(Invite("Alice's coffee", "2027-03-15T10:00:00", "2027-03-15T10:30:00"));

        var unknown = await Mailbox.RefusedAsync(() => alice.Graph.Me.Events["AAMkAGI2TG93AAA"].GetAsync());
        var bobReads = await Mailbox.RefusedAsync(() => bob.Graph.Me.Events[e!.Id].GetAsync());
        var bobAttaches = await Mailbox.RefusedAsync(() => bob.Graph.Me.Events[e!.Id].Attachments.PostAsync(File("x.docx", "x")));
        var bobInvites = await Mailbox.RefusedAsync(() => bob.Graph.Me.Events[e!.Id].PatchAsync(new Event { Attendees = [Person("Mallory", "mallory@evil.example")] }));

        Assert.All(new[] { unknown, bobReads, bobAttaches, bobInvites }, error =>
        {
            Assert.Equal(404, error.ResponseStatusCode);
            Assert.Equal("ErrorItemNotFound", error.Error!.Code);
        });
        Assert.Null((await alice.Graph.Me.Events[e!.Id].GetAsync())!.Attendees!.FirstOrDefault());
    }

    private static async Task<List<JsonElement>> InvitationsAsync(Mailbox mailbox) =>
        [.. (await (await mailbox.Http.GetAsync("/local-mailbox/invitations")).ReadAsync<JsonElement>(HttpStatusCode.OK)).EnumerateArray()];
}
