using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookInterviewAddin.Export;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Data;

public sealed class ExportAndOpenApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    [Fact]
    public async Task Export_holds_all_of_the_users_data_and_none_of_anyone_elses()
    {
        var alice = factory.CreateClientFor(TestUser.Alice);
        var bob = factory.CreateClientFor(TestUser.Bob);
        var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez") with { Notes = "Met at the fair", GreetAs = "Dr. Lopez" });
        await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/takeaways", new TakeawayInput("Learn GIS", true, "Take the GIS night course"), WorkflowApi.Json);
        await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(Name: "Jordan Wu"), WorkflowApi.Json);
        var bobs = await bob.AddPersonAsync(WorkflowApi.NewPerson("Bob's contact"));

        var export = await alice.GetAsync<ExportDto>("/api/export");

        Assert.Contains(export.People, p => p.Name == "Ana Lopez" && p.GreetAs == "Dr. Lopez" && p.Notes == "Met at the fair" && p.Referrals.Any(r => r.Name == "Jordan Wu"));
        Assert.Contains(export.People, p => p.Name == "Jordan Wu" && p.ReferredBy!.Id == interview.Person.Id);
        Assert.Contains(export.Interviews, i => i.Id == interview.Id && i.Takeaways.Single().Text == "Learn GIS" && i.Takeaways.Single().Action == "Take the GIS night course" && i.Referrals.Count == 1);
        Assert.DoesNotContain(export.People, p => p.Id == bobs.Id);
        Assert.DoesNotContain((await bob.GetAsync<ExportDto>("/api/export")).People, p => p.Name == "Ana Lopez");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_workflow_endpoints()
    {
        var document = await factory.CreateClient().GetAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/people/{id}/merge", paths);
        Assert.Contains("/api/interviews/{id}/stage", paths);
        Assert.Contains("/api/interviews/{id}/touches", paths);
        Assert.Contains("/api/question-lists/{id}", paths);
        Assert.Contains("/api/profile", paths);
        Assert.Contains("/api/export", paths);
        Assert.Contains("/api/export/people.csv", paths);
        Assert.Contains("/api/export/planned-conversations.ics", paths);
        Assert.Contains("/api/import/linkedin/preview", paths);
        Assert.Contains("/api/import", paths);
        Assert.Contains("/api/data/erase", paths);
    }

    [Fact]
    public async Task The_api_needs_a_token()
    {
        var response = await factory.CreateClient().GetAsync("/api/people");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
