using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.People;
using ConnectionKind = OutlookInterviewAddin.People.ConnectionKind;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Mail;

/// <summary>The previews speak in the voice the stored person calls for, and cite the plan stored with the takeaway.</summary>
public sealed class DraftVoiceTests : IDisposable
{
    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    private async Task<InterviewDto> MetAsync(PersonInput person, string tip, string? action)
    {
        var interview = await host.Client.AddInterviewAsync(person);
        await host.Client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed);
        var added = await host.Client.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput(tip, true, action), WorkflowApi.Json);
        return await added.ReadAsync<InterviewDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_thank_you_cites_the_tip_and_the_plan_stored_with_it_and_promises_news_only_then()
    {
        await host.SetProfileAsync();
        var withPlan = await MetAsync(WorkflowApi.NewPerson("Priya Shah"), "Go to the spring hackathon and talk to the judges", "I've already signed up for the spring hackathon.");
        var without = await MetAsync(WorkflowApi.NewPerson("Tomás Ruiz"), "Keep a log of every conversation", null);

        var planned = await (await host.PreviewAsync(withPlan.Id, "thankYou")).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var plain = await (await host.PreviewAsync(without.Id, "thankYou")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Contains("“Go to the spring hackathon and talk to the judges", planned.Text, StringComparison.Ordinal);
        Assert.Contains("I've already signed up for the spring hackathon.", planned.Text, StringComparison.Ordinal);
        Assert.Matches("let you know|keep you posted|tell you how", planned.Text);
        Assert.Contains("“Keep a log of every conversation", plain.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("let you know|keep you posted|tell you how", plain.Text);
        Assert.Empty(planned.Findings);
        Assert.Empty(plain.Findings);
    }

    [Fact]
    public async Task A_professor_greeted_as_doctor_is_greeted_so_in_the_request_and_the_thank_you()
    {
        await host.SetProfileAsync();
        var professor = WorkflowApi.NewPerson("Ngozi Okafor") with { Connection = ConnectionKind.Professor, GreetAs = "Dr. Okafor", ConnectionDetail = "my second year" };
        var interview = await MetAsync(professor, "Publish one small paper before applying", null);

        var outreach = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var thanks = await (await host.PreviewAsync(interview.Id, "thankYou")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        var greeting = outreach.Text.Split('\n')[0];
        Assert.Matches("^(Dear|Hello|Hi) Dr. Okafor,$", greeting);
        Assert.Equal(greeting, thanks.Text.Split('\n')[0]);
        Assert.Empty(outreach.Findings);
    }

    [Fact]
    public async Task Family_is_greeted_by_first_name_and_not_told_what_the_student_studies()
    {
        await host.SetProfileAsync();
        await host.Client.PutAsJsonAsync("/api/profile", new { fullName = "Alice Martin", school = "University of Waterloo", program = "Urban Planning", timeZone = "America/Toronto" }, WorkflowApi.Json);
        var aunt = WorkflowApi.NewPerson("Renée D'Souza") with { Connection = ConnectionKind.Family, Organisation = "Metrolinx" };
        var interview = await host.Client.AddInterviewAsync(aunt);

        var outreach = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Matches("^(Hi|Hey|Hello) Renée,$", outreach.Text.Split('\n')[0]);
        Assert.DoesNotContain("Urban Planning", outreach.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("University of Waterloo", outreach.Text, StringComparison.Ordinal);
        Assert.Empty(outreach.Findings);
    }

    [Fact]
    public async Task A_name_stored_with_markup_before_names_were_checked_is_shown_as_a_finding_in_every_preview()
    {
        await host.SetProfileAsync();
        var interview = await MetAsync(WorkflowApi.NewPerson("Priya Shah"), "Ask for the team's reading list", null);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId)))
        {
            (await db.People.SingleAsync(p => p.Id == interview.Person.Id)).Name = "<img src=x onerror=alert(1)>";
            await db.SaveChangesAsync();
        }

        var outreach = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var thanks = await (await host.PreviewAsync(interview.Id, "thankYou")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Contains(outreach.Findings, f => f.Rule == OutreachRule.Markup);
        Assert.Contains(thanks.Findings, f => f.Rule == OutreachRule.Markup);
        Assert.DoesNotContain("<img", thanks.Html, StringComparison.Ordinal);
    }
}
