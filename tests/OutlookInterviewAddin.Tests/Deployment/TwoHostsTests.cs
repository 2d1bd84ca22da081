using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Caching;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Deployment;

/// <summary>
/// Two hosts on loopback ports over one PostgreSQL database, in Microsoft 365 mode (a local token is
/// for one host only), as behind a load balancer: one user's requests go to either, and neither
/// keeps state the other needs.
/// </summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";

    private readonly string database = "oia_two_hosts_" + Guid.NewGuid().ToString("N")[..12];
    private FakeEntraIssuer entra = null!;
    private AddinFactory first = null!;
    private AddinFactory second = null!;

    public async Task InitializeAsync()
    {
        entra = await FakeEntraIssuer.StartAsync();
        first = Host();
        second = Host();
        first.StartServer();
        await first.DataReadyAsync();
        second.StartServer();
        await second.DataReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await entra.DisposeAsync();
        TestStorage.Drop(database);
        foreach (var host in new[] { first, second })
        {
            try { Directory.Delete(host.DataDirectory, recursive: true); }
            catch (DirectoryNotFoundException) { }
        }
    }

    private AddinFactory Host()
    {
        var (certificate, password) = TestStorage.SharedKeyCertificate;
        var host = new AddinFactory
        {
            DatabaseName = database,
            Settings =
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["ConnectionStrings:PostgreSQL"] = TestStorage.ConnectionStringFor(database),
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = password,
                ["AzureAd:Instance"] = entra.Instance,
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "test-client-secret",
                ["AzureAd:AppIdUri"] = $"api://localhost/{ClientId}",
            },
            // The database is the test's, dropped once both hosts are gone.
            DeleteDataOnDispose = false,
        };
        // Listen, not UseKestrel(port): the port overload edits the server addresses after the app may have started Kestrel (a race).
        host.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        return host;
    }

    /// <summary>A client of a real socket on the host's loopback port, not the in-process test server.</summary>
    private HttpClient ClientOf(AddinFactory host, TestUser user)
    {
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create(entra.SigningKey, entra.IssuerFor(user.TenantId), ClientId, user));
        return client;
    }

    [Fact]
    public async Task One_users_requests_spread_over_both_hosts_see_one_list()
    {
        using var viaFirst = ClientOf(first, TestUser.Alice);
        using var viaSecond = ClientOf(second, TestUser.Alice);
        Assert.NotEqual(viaFirst.BaseAddress, viaSecond.BaseAddress);

        // Written on one, read and changed on the other, alternately.
        var interview = await viaFirst.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez", city: "Halifax"));
        Assert.Equal("Halifax", (await viaSecond.GetAsync<PersonDto>($"/api/people/{interview.Person.Id}")).City);
        await viaSecond.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
        await viaFirst.MoveThroughAsync(interview.Id, InterviewStage.Scheduled);

        var fromFirst = await viaFirst.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
        var fromSecond = await viaSecond.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}");
        Assert.Equal([InterviewStage.Prospect, InterviewStage.Contacted, InterviewStage.Scheduled], fromFirst.StageHistory.Select(s => s.Stage));
        Assert.Equal(fromFirst.StageHistory.Select(s => s.Stage), fromSecond.StageHistory.Select(s => s.Stage));

        // Another user on the same hosts sees none of it.
        using var bob = ClientOf(second, TestUser.Bob);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/interviews/{interview.Id}")).StatusCode);
    }

    [Fact]
    public async Task Lists_read_on_one_host_show_what_the_other_wrote_at_once()
    {
        // No host keeps answers of its own here: it would not see the other's writes.
        Assert.False(first.Services.GetRequiredService<AnswerCache>().IsEnabled);
        Assert.False(second.Services.GetRequiredService<AnswerCache>().IsEnabled);
        using var viaFirst = ClientOf(first, TestUser.Alice);
        using var viaSecond = ClientOf(second, TestUser.Alice);
        var name = "Lee " + Guid.NewGuid().ToString("N")[..8];

        // Read twice on the first host (a cache would keep this answer), written on the second.
        for (var i = 0; i < 2; i++)
        {
            Assert.DoesNotContain((await viaFirst.GetAsync<Page<PersonSummary>>("/api/people?limit=200")).Items, p => p.Name == name);
            Assert.DoesNotContain((await viaFirst.GetAsync<NextActionsResponse>("/api/next-actions?limit=200")).Items, a => a.PersonName == name);
        }
        await viaSecond.AddPersonAsync(new PersonInput(name));

        Assert.Contains((await viaFirst.GetAsync<Page<PersonSummary>>("/api/people?limit=200")).Items, p => p.Name == name);
        Assert.Contains((await viaFirst.GetAsync<NextActionsResponse>("/api/next-actions?limit=200")).Items, a => a.PersonName == name);
    }

    [Fact]
    public async Task Simultaneous_stage_changes_through_both_hosts_keep_to_the_stage_rules()
    {
        using var viaFirst = ClientOf(first, TestUser.Alice);
        using var viaSecond = ClientOf(second, TestUser.Alice);
        for (var round = 0; round < 3; round++)
        {
            var interview = await viaFirst.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez"));
            // Planned first: a scheduled conversation has a time.
            await viaFirst.PlanAsync(interview.Id, DateTimeOffset.UtcNow.AddDays(3));

            // Eight moves at once, half through each host, to one of two stages allowed from prospect.
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                (i % 2 == 0 ? viaFirst : viaSecond).MoveAsync(interview.Id, i % 4 < 2 ? InterviewStage.Contacted : InterviewStage.Scheduled)));

            var history = (await viaSecond.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).StageHistory.Select(s => s.Stage).ToList();
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            Assert.All(history.Zip(history.Skip(1)), move => Assert.Null(StageRules.Refusal(move.First, move.Second, "them")));
            Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), history.Count - 1);
        }
    }

    [Fact]
    public async Task Many_adds_of_people_spread_over_both_hosts_all_land()
    {
        using var viaFirst = ClientOf(first, TestUser.Alice);
        using var viaSecond = ClientOf(second, TestUser.Alice);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? viaFirst : viaSecond).AddPersonAsync(WorkflowApi.NewPerson($"Person {tag} {i}"))));

        foreach (var client in new[] { viaFirst, viaSecond })
        {
            await using var scope = (client == viaFirst ? first : second).Services.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId));
            var names = await db.People.Where(p => p.Name.StartsWith($"Person {tag}")).Select(p => p.Id).ToListAsync();
            Assert.Equal(added.Select(p => p.Id).Order(), names.Order());
        }
    }

    [Fact]
    public async Task What_one_host_protects_the_other_can_read_and_the_shared_keys_are_encrypted()
    {
        var secret = "a token cache entry " + Guid.NewGuid();
        var protectedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-hosts").Protect(secret);

        Assert.Equal(secret, second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-hosts").Unprotect(protectedByFirst));

        await using var scope = first.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("encryptedSecret", key.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_one_host_stops_the_other_goes_on_serving_the_user()
    {
        using var viaFirst = ClientOf(first, TestUser.Alice);
        var person = await viaFirst.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        using var viaSecond = ClientOf(second, TestUser.Alice);

        await first.DisposeAsync();

        Assert.Equal("Ana Lopez", (await viaSecond.GetAsync<PersonDto>($"/api/people/{person.Id}")).Name);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Both_hosts_report_live_and_ready()
    {
        foreach (var host in new[] { first, second })
        {
            using var client = ClientOf(host, TestUser.Alice);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
    }
}
