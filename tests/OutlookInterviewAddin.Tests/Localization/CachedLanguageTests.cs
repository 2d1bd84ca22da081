using System.Net;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Tests.NextActions;

namespace OutlookInterviewAddin.Tests.Localization;

/// <summary>With the answer cache on, one user's French and English panes never get each other's kept answer.</summary>
public sealed class CachedLanguageTests : IAsyncLifetime
{
    private readonly ClockedAddinFactory factory = new();
    private readonly TestUser user = NextActionsApiTests.NewUser("Sam Lee");

    public CachedLanguageTests() => factory.Settings["AnswerCache:Enabled"] = "true";

    public Task InitializeAsync() => factory.DataReadyAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private HttpClient ClientIn(string? language)
    {
        var client = factory.CreateClockedClientFor(user);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task A_french_and_an_english_request_of_one_user_each_get_their_own_language_from_the_cache()
    {
        using var french = ClientIn("fr");
        using var english = ClientIn(null);
        await english.AddPersonAsync(WorkflowApi.NewPerson("Tom Reyes"));

        // Each asked twice, alternating: the second of each is the kept answer.
        var first = await french.GetAsync("/api/next-actions");
        var second = await english.GetAsync("/api/next-actions");
        var keptFrench = await french.GetAsync("/api/next-actions");
        var keptEnglish = await english.GetAsync("/api/next-actions");

        Assert.Equal("Pas encore de contact\u00a0: demandez à Tom Reyes une courte conversation.", Reason(await keptFrench.ReadAsync<NextActionsResponse>(HttpStatusCode.OK)));
        Assert.Equal("Not contacted yet: ask Tom Reyes for a short conversation.", Reason(await keptEnglish.ReadAsync<NextActionsResponse>(HttpStatusCode.OK)));
        Assert.Equal(first.Headers.ETag, keptFrench.Headers.ETag);
        Assert.Equal(second.Headers.ETag, keptEnglish.Headers.ETag);
        Assert.NotEqual(keptFrench.Headers.ETag, keptEnglish.Headers.ETag);
        Assert.Contains("Accept-Language", keptFrench.Headers.Vary);
    }

    [Fact]
    public async Task An_english_etag_does_not_answer_304_to_a_french_request()
    {
        using var french = ClientIn("fr");
        using var english = ClientIn(null);
        await english.AddPersonAsync(WorkflowApi.NewPerson("Tom Reyes"));
        var englishTag = (await english.GetAsync("/api/next-actions")).Headers.ETag!;

        french.DefaultRequestHeaders.IfNoneMatch.Add(englishTag);
        var response = await french.GetAsync("/api/next-actions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Pas encore de contact", Reason(await response.ReadAsync<NextActionsResponse>(HttpStatusCode.OK)), StringComparison.Ordinal);
    }

    private static string Reason(NextActionsResponse response) => Assert.Single(response.Items).Reason;
}
