using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Mail;

/// <summary>
/// The three actions through the host, with the real Graph SDK against the local mailbox: what
/// lands in Drafts and in the calendar, and what the person's first invitation carries.
/// </summary>
public sealed class DraftsThroughGraphTests : IDisposable
{
    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    private async Task<InterviewDto> PlannedAsync(PersonInput? person, DateTimeOffset start, int minutes = 30)
    {
        var interview = await host.Client.AddInterviewAsync(person);
        var put = await host.Client.PutAsJsonAsync($"/api/interviews/{interview.Id}",
            new InterviewPlanInput(PlannedStart: start, DurationMinutes: minutes, PlaceKind: PlaceKind.Coffee, Place: "Balzac's, Distillery District"), WorkflowApi.Json);
        return await put.ReadAsync<InterviewDto>(HttpStatusCode.OK);
    }

    private static string Body(JsonElement item) => item.GetProperty("html").GetString()!;

    [Fact]
    public async Task Outreach_draft_lands_in_Drafts_addressed_to_the_person_with_the_previewed_subject_and_body()
    {
        await host.SetProfileAsync();
        var person = WorkflowApi.NewPerson("Priya Shah");
        var interview = await host.Client.AddInterviewAsync(person);
        var preview = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        var created = await (await host.CreateAsync(interview.Id, "outreach")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        var draft = Assert.Single(await host.MessagesAsync("drafts"));
        Assert.Equal(created.ItemId, draft.GetProperty("id").GetString());
        Assert.True(draft.GetProperty("isDraft").GetBoolean());
        Assert.Equal(person.Email, draft.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal(preview.Subject, draft.GetProperty("subject").GetString());
        Assert.Equal(preview.Html, Body(draft));
        Assert.False(created.IsReply);
        Assert.Equal(created.ItemId, created.Interview.OutlookItems.OutreachMessageId);
        // Drafting is not sending: the stage moves when the user sends it or marks it sent.
        Assert.Equal(InterviewStage.Prospect, created.Interview.Stage);
    }

    [Fact]
    public async Task Pressing_again_with_an_edit_rewrites_the_same_draft()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync();
        var first = await (await host.CreateAsync(interview.Id, "outreach")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        var again = await (await host.CreateAsync(interview.Id, "outreach", new { subject = "Coffee in Waterloo?", html = "<p>Would you have 20 minutes for a coffee?</p>" }))
            .ReadAsync<DraftCreated>(HttpStatusCode.OK);

        Assert.Equal("updated", again.Outcome);
        Assert.Equal(first.ItemId, again.ItemId);
        var draft = Assert.Single(await host.MessagesAsync("drafts"));
        Assert.Equal("Coffee in Waterloo?", draft.GetProperty("subject").GetString());
        Assert.Contains("20 minutes", Body(draft));
    }

    [Fact]
    public async Task When_the_person_already_wrote_the_outreach_is_a_reply_in_their_thread()
    {
        await host.SetProfileAsync();
        var person = WorkflowApi.NewPerson("Priya Shah");
        var interview = await host.Client.AddInterviewAsync(person);
        var incoming = await (await host.Client.PostAsJsonAsync("/local-mailbox/incoming", new
        {
            fromName = "Priya Shah",
            fromAddress = person.Email!.ToUpperInvariant(),
            subject = "Nice to meet you at the alumni night",
            text = "Happy to help if you have questions.",
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var created = await (await host.CreateAsync(interview.Id, "outreach")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        Assert.True(created.IsReply);
        var messages = await host.MessagesAsync();
        var original = messages.Single(m => m.GetProperty("id").GetString() == incoming.GetProperty("id").GetString());
        var reply = messages.Single(m => m.GetProperty("id").GetString() == created.ItemId);
        Assert.Equal(original.GetProperty("conversationId").GetString(), reply.GetProperty("conversationId").GetString());
        Assert.Equal(original.GetProperty("id").GetString(), reply.GetProperty("inReplyToId").GetString());
        Assert.StartsWith("RE:", reply.GetProperty("subject").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(person.Email, reply.GetProperty("to")[0].GetProperty("address").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task The_invites_first_invitation_carries_the_question_list_and_the_agenda_at_the_right_time_across_daylight_saving()
    {
        await host.SetProfileAsync(timeZone: "America/Toronto");
        var person = WorkflowApi.NewPerson("Priya Shah");
        // Toronto moves to daylight time on 14 March 2027: 10:00 is 15:00Z before it and 14:00Z after it.
        var before = await PlannedAsync(person, new DateTimeOffset(2027, 3, 12, 15, 0, 0, TimeSpan.Zero));
        var after = await PlannedAsync(WorkflowApi.NewPerson("Jonas Berg"), new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero), 45);

        var first = await (await host.CreateAsync(before.Id, "invite")).ReadAsync<DraftCreated>(HttpStatusCode.Created);
        var second = await (await host.CreateAsync(after.Id, "invite")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        var events = await host.EventsAsync();
        var e1 = events.Single(e => e.GetProperty("id").GetString() == first.ItemId);
        var e2 = events.Single(e => e.GetProperty("id").GetString() == second.ItemId);
        Assert.Equal(new DateTimeOffset(2027, 3, 12, 15, 0, 0, TimeSpan.Zero), e1.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero), e2.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 14, 45, 0, TimeSpan.Zero), e2.GetProperty("end").GetDateTimeOffset());
        Assert.Equal("Eastern Standard Time", e1.GetProperty("timeZone").GetString());
        Assert.Contains("Informational interview", e1.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Balzac's, Distillery District", e1.GetProperty("location").GetString());
        Assert.Contains("Part one", Body(e1));
        Assert.Contains("10:00", Body(e1));

        var attachment = Assert.Single(e1.GetProperty("attachments").EnumerateArray());
        Assert.EndsWith(".docx", attachment.GetProperty("name").GetString());
        var invitations = (await host.InvitationsAsync()).Where(i => i.GetProperty("eventId").GetString() == first.ItemId).ToList();
        var invitation = Assert.Single(invitations);
        Assert.Equal(person.Email, invitation.GetProperty("attendee").GetString(), ignoreCase: true);
        Assert.Equal([attachment.GetProperty("name").GetString()], invitation.GetProperty("attachmentNames").EnumerateArray().Select(n => n.GetString()));

        Assert.Equal(InterviewStage.Scheduled, first.Interview.Stage);
        Assert.Equal(first.ItemId, first.Interview.OutlookItems.InviteEventId);
    }

    [Fact]
    public async Task Sending_the_invite_twice_is_refused_and_leaves_one_event()
    {
        await host.SetProfileAsync();
        var interview = await PlannedAsync(null, DateTimeOffset.UtcNow.AddDays(3));
        var first = await (await host.CreateAsync(interview.Id, "invite")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        var again = await (await host.CreateAsync(interview.Id, "invite")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.ItemId, again.GetProperty("existingItemId").GetString());
        Assert.Single(await host.EventsAsync());
        Assert.Single(await host.InvitationsAsync());
    }

    [Fact]
    public async Task Thank_you_draft_quotes_the_chosen_takeaway()
    {
        await host.SetProfileAsync();
        var person = WorkflowApi.NewPerson("Priya Shah");
        var interview = await PlannedAsync(person, DateTimeOffset.UtcNow.AddDays(2));
        await host.Client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Learn GIS before the fall term", true), WorkflowApi.Json);
        var withSecond = await (await host.Client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways",
            new TakeawayInput("Ask the city for a summer studio project"), WorkflowApi.Json)).ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var chosen = withSecond.Takeaways.Single(t => !t.IsMostHelpful);

        var created = await (await host.CreateAsync(interview.Id, "thankYou", new { takeawayId = chosen.Id })).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        var draft = (await host.MessagesAsync("drafts")).Single(m => m.GetProperty("id").GetString() == created.ItemId);
        Assert.Contains("Ask the city for a summer studio project", Body(draft));
        Assert.DoesNotContain("GIS", Body(draft));
        Assert.Equal(person.Email, draft.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal(created.ItemId, created.Interview.OutlookItems.ThankYouMessageId);
    }

    [Fact]
    public async Task Hostile_names_and_takeaways_are_encoded_in_every_body_the_product_writes()
    {
        await host.SetProfileAsync();
        var person = new PersonInput("Priya Shah", $"x{Guid.NewGuid():N}@example.com", Organisation: "Metrolinx",
            Role: "planner", Field: "transit", TimeZone: "America/Toronto", ConnectionDetail: "met at </p><script>alert(4)</script>");
        var interview = await PlannedAsync(person, DateTimeOffset.UtcNow.AddDays(2));
        await host.Client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Read this: </p><script>alert(3)</script>", true), WorkflowApi.Json);
        // Names are refused with markup where they are entered now; ones stored before that rule still reach the drafts.
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId)))
        {
            var stored = await db.People.SingleAsync(p => p.Id == interview.Person.Id);
            stored.Name = "<img src=x onerror=alert(1)>";
            stored.Organisation = "</p><script>alert(2)</script>";
            (await db.Profiles.SingleAsync()).FullName = "Alice <b>Martin</b>";
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "outreach")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "invite")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.CreateAsync(interview.Id, "thankYou")).StatusCode);

        var bodies = (await host.MessagesAsync()).Concat(await host.EventsAsync()).Select(Body).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", body, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains(bodies, b => b.Contains("&lt;img src=x onerror=alert(1)&gt;", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt;", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("Alice &lt;b&gt;Martin&lt;/b&gt;", StringComparison.Ordinal));
        var file = Assert.Single((await host.EventsAsync())[0].GetProperty("attachments").EnumerateArray()).GetProperty("name").GetString()!;
        Assert.DoesNotContain('<', file);
        Assert.DoesNotContain('>', file);
    }

    [Fact]
    public async Task Another_users_mailbox_stays_out_of_reach()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync();
        var created = await (await host.CreateAsync(interview.Id, "outreach")).ReadAsync<DraftCreated>(HttpStatusCode.Created);

        using var bob = host.Factory.CreateClientFor(TestUser.Bob);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/graph/v1.0/me/messages/{created.ItemId}")).StatusCode);
        var bobsMailbox = JsonDocument.Parse(await bob.GetStringAsync("/local-mailbox")).RootElement;
        Assert.Empty(bobsMailbox.GetProperty("messages").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/interviews/{interview.Id}/drafts/outreach", null)).StatusCode);
    }
}
