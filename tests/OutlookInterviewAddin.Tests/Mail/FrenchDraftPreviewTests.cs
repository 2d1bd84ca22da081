using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Mail;

/// <summary>A person written to in French gets every draft and the invite's question list in French, tu or vous as stored.</summary>
public sealed class FrenchDraftPreviewTests : IDisposable
{
    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    private async Task<InterviewDto> PlannedAsync(PersonInput person)
    {
        var interview = await host.Client.AddInterviewAsync(person);
        var put = await host.Client.PutAsJsonAsync($"/api/interviews/{interview.Id}",
            new InterviewPlanInput(PlannedStart: DateTimeOffset.UtcNow.AddDays(7), DurationMinutes: 30, PlaceKind: PlaceKind.Online,
                MeetingUrl: "https://meet.example.com/abc", ConfirmPast: true), WorkflowApi.Json);
        return await put.ReadAsync<InterviewDto>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_french_person_gets_the_request_and_the_invite_in_french_and_an_english_one_in_english()
    {
        await host.SetProfileAsync();
        var french = await PlannedAsync(WorkflowApi.NewPerson("Élise Tremblay") with { Organisation = "Hydro-Québec", Language = "fr" });
        var english = await PlannedAsync(WorkflowApi.NewPerson("Ana Lopez") with { Organisation = "Shopify" });

        var outreach = await (await host.PreviewAsync(french.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var invite = await (await host.PreviewAsync(french.Id, "invite")).ReadAsync<DraftPreview>(HttpStatusCode.OK);
        var englishOutreach = await (await host.PreviewAsync(english.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.StartsWith("Bonjour Élise,", outreach.Text, StringComparison.Ordinal);
        Assert.Matches(@"\b(vous|votre)\b", outreach.Text);
        Assert.Empty(outreach.Findings);
        Assert.Contains("Qu'avez-vous étudié après le secondaire?", invite.Text, StringComparison.Ordinal);
        Assert.StartsWith("Entretien d'information", invite.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Questions pour Élise Tremblay", invite.Attachment!.FileName, StringComparison.Ordinal);
        Assert.Matches("^(Hi|Hello|Dear) Ana,", englishOutreach.Text);
    }

    [Fact]
    public async Task The_address_form_stored_for_a_person_is_the_one_the_drafts_use()
    {
        await host.SetProfileAsync();
        var person = WorkflowApi.NewPerson("Luc Côté") with { Language = "fr", Connection = ConnectionKind.Colleague };
        var interview = await PlannedAsync(person);
        var vous = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        await (await host.Client.PutAsJsonAsync($"/api/people/{interview.Person.Id}", person with { AddressForm = "tu" }, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var tu = await (await host.PreviewAsync(interview.Id, "outreach")).ReadAsync<DraftPreview>(HttpStatusCode.OK);

        Assert.Matches(@"\b(vous|votre|vos)\b", vous.Text);
        Assert.DoesNotMatch(@"\b(tu|ton|ta|tes|toi)\b", vous.Text);
        Assert.Matches(@"\b(tu|ton|ta|tes|toi)\b|\bt'", tu.Text);
        Assert.DoesNotMatch(@"\b(vous|votre|vos)\b", tu.Text);
    }
}
