using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.NextActions;

/// <summary>The host with a clock the test moves forward; each test signs in as a user of its own.</summary>
public sealed class ClockedAddinFactory : AddinFactory
{
    // Monday 2 March 2026, 14:00 UTC: 09:00 in Toronto, 15:00 in Paris.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// A client for <paramref name="user"/> whose token is valid both by the test clock and by the
    /// real one, whichever the token validation reads.
    /// </summary>
    public HttpClient CreateClockedClientFor(TestUser user)
    {
        var (fake, real) = (Clock.GetUtcNow(), DateTimeOffset.UtcNow);
        var token = LocalTokenFor(user,
            notBefore: (fake < real ? fake : real).AddMinutes(-5),
            expires: (fake > real ? fake : real).AddHours(1));
        return CreateClientWithToken(token);
    }
}

public sealed class NextActionsApiTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    internal static TestUser NewUser(string name) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, $"{Guid.NewGuid():N}@example.com");

    internal static async Task<NextActionsResponse> NextActionsAsync(HttpClient client) =>
        await client.GetAsync<NextActionsResponse>("/api/next-actions");

    [Fact]
    public async Task Without_a_token_next_actions_are_401()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/next-actions")).StatusCode);
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_people()
    {
        using var alice = factory.CreateClockedClientFor(TestUser.Alice);
        using var bob = factory.CreateClockedClientFor(TestUser.Bob);
        var alicesPerson = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        var bobsPerson = await bob.AddPersonAsync(WorkflowApi.NewPerson("Omar Haddad"));

        var forAlice = await NextActionsAsync(alice);
        var forBob = await NextActionsAsync(bob);

        Assert.Contains(forAlice.Items, a => a.PersonId == alicesPerson.Id);
        Assert.DoesNotContain(forAlice.Items, a => a.PersonId == bobsPerson.Id);
        Assert.Contains(forBob.Items, a => a.PersonId == bobsPerson.Id);
        Assert.DoesNotContain(forBob.Items, a => a.PersonId == alicesPerson.Id);
    }

    [Fact]
    public async Task A_person_referred_in_an_interview_appears_as_not_yet_contacted()
    {
        using var client = factory.CreateClockedClientFor(NewUser("Sam Lee"));
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked);

        var referral = await client.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", new ReferralInput(Name: "Tom Reyes"), WorkflowApi.Json);
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        var actions = (await NextActionsAsync(client)).Items;

        var tom = Assert.Single(actions);
        Assert.Equal(NextActionKind.FirstContact, tom.Kind);
        Assert.Equal("Tom Reyes", tom.PersonName);
        Assert.Null(tom.DueAtUtc);
        Assert.Contains("Priya Shah suggested Tom Reyes", tom.Reason, StringComparison.Ordinal);
    }
}

/// <summary>A class of its own, so its host's clock is moved by this test alone.</summary>
public sealed class NextActionsTimeZoneApiTests(ClockedAddinFactory factory) : IClassFixture<ClockedAddinFactory>
{
    [Fact]
    public async Task No_reply_shows_the_second_contact_and_the_follow_up_on_business_days_across_the_paris_spring_change()
    {
        using var client = factory.CreateClockedClientFor(NextActionsApiTests.NewUser("Sam Lee"));
        var put = await client.PutAsJsonAsync("/api/profile", new ProfileInput(null, null, null, null, null, null, null, null, "Romance Standard Time", null), WorkflowApi.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var interview = await client.AddInterviewAsync(WorkflowApi.NewPerson("Priya Shah"));

        // Contacted on Friday 27 March 2026 at 16:00 in Paris (CET); clocks go forward on Sunday 29 March.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero));
        await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 13, 8, 0, 0, TimeSpan.Zero));
        var response = await NextActionsApiTests.NextActionsAsync(client);

        Assert.Equal("Europe/Paris", response.TimeZone);
        Assert.Equal([NextActionKind.SecondContact, NextActionKind.FollowUp], response.Items.Select(a => a.Kind));
        Assert.All(response.Items, a => Assert.True(a.Overdue));
        // Three business days: Wednesday 1 April, 16:00 local, now CEST.
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 16, 0, 0, TimeSpan.FromHours(2)), response.Items[0].DueAtLocal);
        Assert.Equal(TimeSpan.FromHours(2), response.Items[0].DueAtLocal!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 14, 0, 0, TimeSpan.Zero), response.Items[0].DueAtUtc);
        // Seven business days: Tuesday 7 April, 16:00 local.
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 14, 0, 0, TimeSpan.Zero), response.Items[1].DueAtUtc);
        Assert.Contains("Metrolinx", response.Items[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Friday 27 March", response.Items[1].Reason, StringComparison.Ordinal);
    }
}
