using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Mail;

/// <summary>The previews: composed from what is stored, edited and re-checked, and refused with a sentence when a piece is missing.</summary>
public sealed class DraftPreviewTests : IDisposable
{
    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    private async Task<InterviewDto> PlannedInterviewAsync(PersonInput? person = null, DateTimeOffset? start = null, int minutes = 30)
    {
        var interview = await host.Client.AddInterviewAsync(person);
        var put = await host.Client.PutAsJsonAsync($"/api/interviews/{interview.Id}",
            new InterviewPlanInput(PlannedStart: start ?? DateTimeOffset.UtcNow.AddDays(7), DurationMinutes: minutes, PlaceKind: PlaceKind.Online,
                MeetingUrl: "https://meet.example.com/abc", ConfirmPast: true), WorkflowApi.Json);
        return await put.ReadAsync<InterviewDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outreach_preview_is_addressed_to_the_person_signed_by_the_user_and_passes_the_checker()
    {
        await host.SetProfileAsync();
        var person = WorkflowApi.NewPerson("Priya Shah");
        var interview = await host.Client.AddInterviewAsync(person);

        var preview = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Equal(DraftKind.Outreach, preview.Kind);
        Assert.Equal(person.Email, preview.To.Address);
        Assert.Equal("Priya Shah", preview.To.Name);
        Assert.Contains("Alice Martin", preview.Text);
        Assert.Contains("?", preview.Text);
        Assert.Empty(preview.Findings);
        Assert.Contains("<p>", preview.Html);
        Assert.Null(preview.Attachment);
    }

    [Fact]
    public async Task An_edited_outreach_is_checked_as_edited()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync();

        var preview = await (await host.PreviewAsync(interview.Id, "outreach", new
        {
            subject = "Any job openings at your company for me?",
            html = "<p>Hi Priya, I am looking for a job. Do you have openings? <script>alert(1)</script></p>",
        })).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Contains(preview.Findings, f => f.Rule == OutreachRule.JobSeekingWord && f.Part == DraftPart.Body);
        Assert.Contains(preview.Findings, f => f.Rule == OutreachRule.SubjectTooLong);
        Assert.Equal("Any job openings at your company for me?", preview.Subject);
        Assert.DoesNotContain("script", preview.Html);
        Assert.DoesNotContain("alert", preview.Text);
    }

    [Fact]
    public async Task Without_the_users_name_a_draft_is_refused_with_what_to_fill_in()
    {
        var interview = await host.Client.AddInterviewAsync();

        var problem = await (await host.PreviewAsync(interview.Id, "outreach")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("profileName", problem.GetProperty("missing").GetString());
        Assert.Contains("Add your name to your profile", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_person_without_an_email_cannot_be_written_to()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync(new PersonInput("Sam Lee", null));

        var problem = await (await host.PreviewAsync(interview.Id, "thankYou")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("personEmail", problem.GetProperty("missing").GetString());
        Assert.Contains("Sam Lee's email address", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_invite_needs_a_planned_time_in_the_future()
    {
        await host.SetProfileAsync();
        var unplanned = await host.Client.AddInterviewAsync();
        var past = await PlannedInterviewAsync(start: DateTimeOffset.UtcNow.AddDays(-2));

        var noTime = await (await host.PreviewAsync(unplanned.Id, "invite")).ProblemAsync(HttpStatusCode.Conflict);
        var passed = await (await host.PreviewAsync(past.Id, "invite")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("plannedStart", noTime.GetProperty("missing").GetString());
        Assert.Contains("needs a day and a time", noTime.GetProperty("detail").GetString());
        Assert.Contains("has passed", passed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_thank_you_needs_a_takeaway_and_cites_the_chosen_one()
    {
        await host.SetProfileAsync();
        var interview = await PlannedInterviewAsync();
        var none = await (await host.PreviewAsync(interview.Id, "thankYou")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("takeaways", none.GetProperty("missing").GetString());

        await host.Client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Build a portfolio of three transit studies", true), WorkflowApi.Json);
        var other = await (await host.Client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Join the regional planners' meetup"), WorkflowApi.Json))
            .ReadAsync<InterviewDto>(HttpStatusCode.Created);
        var otherId = other.Takeaways.Single(t => t.Text.StartsWith("Join", StringComparison.Ordinal)).Id;

        var byDefault = await (await host.PreviewAsync(interview.Id, "thankYou")).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var chosen = await (await host.PreviewAsync(interview.Id, "thankYou", new { takeawayId = otherId })).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var unknown = await (await host.PreviewAsync(interview.Id, "thankYou", new { takeawayId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("portfolio of three transit studies", byDefault.Text);
        Assert.Equal(otherId, chosen.TakeawayId);
        Assert.Contains("regional planners' meetup", chosen.Text);
        Assert.DoesNotContain("portfolio", chosen.Text);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("takeawayId", out _));
    }

    [Fact]
    public async Task Invite_preview_carries_the_question_list_as_a_word_file_and_the_time_in_both_zones()
    {
        await host.SetProfileAsync(timeZone: "America/Toronto");
        var person = WorkflowApi.NewPerson("Priya Shah") with { TimeZone = "Europe/Paris" };
        var interview = await PlannedInterviewAsync(person, new DateTimeOffset(2030, 3, 15, 14, 0, 0, TimeSpan.Zero));

        var preview = await (await host.PreviewAsync(interview.Id, "invite")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.NotNull(preview.Attachment);
        Assert.EndsWith(".docx", preview.Attachment!.FileName);
        var bytes = Convert.FromBase64String(preview.Attachment.ContentBase64);
        Assert.Equal(preview.Attachment.Size, bytes.Length);
        Assert.Equal((byte)'P', bytes[0]); // a zip package
        Assert.Contains("Part one", preview.Text);
        Assert.Equal("America/Toronto", preview.Meeting!.TimeZone);
        Assert.Equal("Europe/Paris", preview.Meeting.PersonTimeZone);
        Assert.Contains("10:00 AM", preview.Meeting.Summary);  // Toronto, daylight time
        Assert.Contains("3:00 PM", preview.Meeting.Summary);   // Paris, still standard time
        Assert.False(preview.Estimate!.TooLong && preview.Estimate.SuggestedToKeep.Count == 0);
    }

    [Fact]
    public async Task Invite_carries_the_questions_that_fit_half_an_hour_and_the_preview_lists_the_others()
    {
        await host.SetProfileAsync();
        var interview = await PlannedInterviewAsync();

        var preview = await (await host.PreviewAsync(interview.Id, "invite")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        var estimate = preview.Estimate!;
        Assert.Equal((18, 30, true), (estimate.QuestionCount, estimate.MeetingMinutes, estimate.TooLong));
        Assert.Equal(5, estimate.LeftOut.Count);
        Assert.Equal(estimate.QuestionCount, estimate.SuggestedToKeep.Count + estimate.LeftOut.Count);
        Assert.True(estimate.InviteMinutes <= 30, $"{estimate.InviteMinutes} minutes");
        Assert.Contains("Why do you think you got hired?", estimate.LeftOut);
        Assert.Contains("How did your career path take you to Metrolinx?", preview.Text);
        var document = DocumentText(Convert.FromBase64String(preview.Attachment!.ContentBase64));
        Assert.All(estimate.LeftOut, q =>
        {
            Assert.DoesNotContain(q, preview.Text);
            Assert.DoesNotContain(q, document);
        });
        Assert.All(estimate.SuggestedToKeep, q => Assert.Contains(q, document));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(preview.Text, "Who else would you recommend"));
    }

    [Fact]
    public async Task A_tailored_list_in_a_quarter_hour_keeps_what_fits_asks_each_line_once_and_who_else_once()
    {
        await host.SetProfileAsync();
        var interview = await PlannedInterviewAsync(minutes: 15);
        var tailored = await host.Client.PutAsJsonAsync($"/api/interviews/{interview.Id}/questions", new
        {
            opening = "Thank you for your time. I hope to learn how you moved into planning.",
            parts = new[]
            {
                new { title = "Path", questions = new[] { "How did you get to {organisation|this job}?", "What did you study?", "what did you  study", "Who else should I talk to?" } },
                new { title = "Work", questions = new[] { "What is a typical week?", "What tools do you use?", "What is hard about it?" } },
                new { title = "Next", questions = new[] { "Where is the field going?", "Is there anyone you would suggest I contact?", "What should I read?" } },
            },
            closing = "Thank you for your time.",
        }, WorkflowApi.Json);
        Assert.Equal(HttpStatusCode.OK, tailored.StatusCode);

        var preview = await (await host.PreviewAsync(interview.Id, "invite")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        var estimate = preview.Estimate!;
        // 7 distinct questions in the parts and one who-else, asked in the closing; 15 minutes hold 5 of the 7.
        Assert.Equal((8, 2 + 3 + 7 * 2, true), (estimate.QuestionCount, estimate.EstimatedMinutes, estimate.TooLong));
        Assert.Equal(2 + 3 + 5 * 2, estimate.InviteMinutes);
        Assert.Equal(["What is hard about it?", "What should I read?"], estimate.LeftOut);
        Assert.Contains("How did you get to Metrolinx?", preview.Text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(preview.Text, "(?i)thank you for your time"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(preview.Text, "(?i)what did you study"));
        Assert.Contains("Closing\n\nWho else should I talk to?", preview.Text);
        Assert.DoesNotContain("anyone you would suggest", preview.Text);
    }

    private static string DocumentText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Fact]
    public async Task The_invite_fits_the_times_of_the_meeting_being_written_rather_than_the_plan()
    {
        await host.SetProfileAsync();
        var interview = await PlannedInterviewAsync(minutes: 60);
        var start = DateTimeOffset.UtcNow.AddDays(3);

        var quarter = await (await host.PreviewAsync(interview.Id, "invite", new { start, end = start.AddMinutes(15) })).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var backwards = await (await host.PreviewAsync(interview.Id, "invite", new { start, end = start.AddMinutes(-5) })).ProblemAsync(HttpStatusCode.BadRequest);
        var unplanned = await host.Client.AddInterviewAsync();
        var fromItem = await (await host.PreviewAsync(unplanned.Id, "invite", new { start, end = start.AddMinutes(30) })).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Equal(15, quarter.Estimate!.MeetingMinutes);
        Assert.True(quarter.Estimate.InviteMinutes <= 15);
        Assert.Equal(start, quarter.Meeting!.Start);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("end", out _));
        Assert.Equal(30, fromItem.Estimate!.MeetingMinutes);
    }

    [Fact]
    public async Task An_unknown_draft_kind_or_interview_is_not_found()
    {
        await host.SetProfileAsync();
        var interview = await host.Client.AddInterviewAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await host.PreviewAsync(interview.Id, "resume")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PreviewAsync(Guid.NewGuid(), "outreach")).StatusCode);
        using var bob = host.Factory.CreateClientFor(TestUser.Bob);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/interviews/{interview.Id}/drafts/outreach/preview", new { })).StatusCode);
    }
}
