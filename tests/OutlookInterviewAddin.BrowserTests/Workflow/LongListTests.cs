using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Workflow;

/// <summary>
/// A list longer than a page: the people list and next actions show the first 50 and more on
/// request, and search asks the server. One host for the class, so the 55 people stay out of the
/// other tests.
/// </summary>
public sealed class LongListTests : IClassFixture<PaneFixture>
{
    private readonly PaneFixture fixture;

    public LongListTests(PaneFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        fixture.Sink.Output = output;
    }

    [Fact]
    public async Task The_people_list_and_next_actions_show_fifty_then_more_and_search_finds_anyone()
    {
        using var client = await ClientAsync();
        for (var i = 0; i < 55; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/people", UriKind.Relative), new { name = $"Paged Person {i:D2}", organisation = "Metrolinx" });
            response.EnsureSuccessStatusCode();
        }

        await using var pane = await PanePage.OpenAsync(fixture, office: null, path: "#/people", width: 320);
        var page = pane.Page;
        await pane.WaitForViewAsync("people");
        var rows = page.GetByTestId("people-list").GetByRole(AriaRole.Listitem);
        await Expect(rows).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(55);
        await Expect(page.GetByTestId("people-more")).ToBeHiddenAsync();
        await Expect(rows.Last).ToContainTextAsync("Paged Person 54");

        // The 54th is on the second page, and the server's search still finds them.
        await page.GetByLabel("Search by name, email or organisation").FillAsync("person 53");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Paged Person 53");
        await PageChecks.AssertNoSeriousAxeViolationsAsync(page);

        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/#/").ToString());
        await pane.WaitForViewAsync("home-dashboard");
        var actions = page.GetByTestId("next-actions").GetByRole(AriaRole.Listitem);
        await Expect(actions).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(actions).ToHaveCountAsync(55);
        await Expect(page.GetByTestId("next-actions-more")).ToBeHiddenAsync();
        await PageChecks.AssertFitsAsync(page);
    }

    private async Task<HttpClient> ClientAsync()
    {
        var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var tokenResponse = await client.PostAsync(new Uri("/auth/local/token", UriKind.Relative), null);
        tokenResponse.EnsureSuccessStatusCode();
        var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
