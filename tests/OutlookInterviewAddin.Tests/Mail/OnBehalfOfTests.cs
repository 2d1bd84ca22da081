using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Mail;

/// <summary>
/// Microsoft 365 mode end to end below the API: the user's Entra token is exchanged on behalf of the
/// user (Azure.Identity's OnBehalfOfCredential against a token endpoint on loopback), and the Graph
/// token it gets back is the one the real Graph SDK sends to a Graph stand-in.
/// </summary>
public sealed class OnBehalfOfTests : IAsyncLifetime
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";
    private const string PublicInstance = "https://login.entra.test/";

    private FakeEntraIssuer entra = null!;
    private AddinFactory host = null!;

    public async Task InitializeAsync()
    {
        entra = await FakeEntraIssuer.StartAsync(PublicInstance);
        host = new AddinFactory
        {
            Settings =
            {
                ["AzureAd:Instance"] = PublicInstance,
                // Multi-tenant: the exchange must still go to the user's own tenant.
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "test-client-secret",
                ["Graph:BaseUrl"] = "https://graph.entra.test/v1.0",
            },
            TestServices = services =>
            {
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = new HostRewriteHandler(entra.Loopback));
                services.Configure<GraphTransportOptions>(o =>
                {
                    o.IdentityHandler = _ => new HostRewriteHandler(entra.Loopback);
                    o.GraphHandler = _ => new HostRewriteHandler(entra.Loopback);
                });
            },
        };
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await entra.DisposeAsync();
    }

    private string TokenFor(TestUser user) => TestTokens.Create(entra.SigningKey, entra.IssuerFor(user.TenantId), ClientId, user);

    private static async Task<Guid> ReadyInterviewAsync(HttpClient client)
    {
        (await client.PutAsJsonAsync("/api/profile", new ProfileInput(null, ["urban planning"], null, null, null, "University of Waterloo", "Planning",
            null, "America/Toronto", null, "Alice Martin"), WorkflowApi.Json)).EnsureSuccessStatusCode();
        return (await client.AddInterviewAsync()).Id;
    }

    [Fact]
    public async Task The_users_token_is_the_assertion_and_the_token_it_buys_is_the_one_Graph_receives()
    {
        var userToken = TokenFor(TestUser.Alice);
        using var client = host.CreateClientWithToken(userToken);
        var interviewId = await ReadyInterviewAsync(client);

        var created = await client.PostAsync($"/api/interviews/{interviewId}/drafts/outreach", null);
        await created.ReadAsync<DraftCreated>(HttpStatusCode.Created);

        Assert.True(entra.TokenRequests.Count == 1, string.Join("\n", entra.TokenRequests.Select(r => r.Tenant + ": " + string.Join("&", r.Form.Select(f => f.Key + "=" + (f.Key == "assertion" ? "…" : f.Value))))));
        var (tenant, form) = Assert.Single(entra.TokenRequests);
        Assert.Equal(TestUser.Alice.TenantId.ToString(), tenant);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", form["grant_type"]);
        Assert.Equal("on_behalf_of", form["requested_token_use"]);
        Assert.Equal(userToken, form["assertion"]);
        Assert.Equal(ClientId, form["client_id"]);
        Assert.Contains("https://graph.microsoft.com/.default", form["scope"]);

        Assert.NotEmpty(entra.GraphRequests);
        Assert.All(entra.GraphRequests, r => Assert.Equal("Bearer graph-token-1", r.Authorization));
    }

    [Fact]
    public async Task One_exchange_serves_every_request_made_with_the_same_user_token()
    {
        using var client = host.CreateClientWithToken(TokenFor(TestUser.Alice));
        var interviewId = await ReadyInterviewAsync(client);
        var other = (await client.AddInterviewAsync()).Id;

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/interviews/{(i % 2 == 0 ? interviewId : other)}/drafts/outreach", null)).StatusCode);

        Assert.Single(entra.TokenRequests);
        Assert.True(entra.GraphRequests.Count >= 6, $"{entra.GraphRequests.Count} Graph requests");
        Assert.All(entra.GraphRequests, r => Assert.Equal("Bearer graph-token-1", r.Authorization));
    }

    [Fact]
    public async Task Another_user_gets_an_exchange_of_their_own()
    {
        using var alice = host.CreateClientWithToken(TokenFor(TestUser.Alice));
        using var bob = host.CreateClientWithToken(TokenFor(TestUser.Bob));
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/api/interviews/{await ReadyInterviewAsync(alice)}/drafts/outreach", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsync($"/api/interviews/{await ReadyInterviewAsync(bob)}/drafts/outreach", null)).StatusCode);

        Assert.Equal([TestUser.Alice.TenantId.ToString(), TestUser.Bob.TenantId.ToString()], entra.TokenRequests.Select(r => r.Tenant).Order().ToArray());
    }

    [Fact]
    public async Task Missing_consent_comes_back_as_a_problem_the_pane_can_act_on()
    {
        entra.TokenError = new
        {
            error = "invalid_grant",
            error_description = "AADSTS65001: The user or administrator has not consented to use the application with ID '3f1b6a57'. Send an interactive authorization request for this user and resource.",
            error_codes = new[] { 65001 },
            suberror = "consent_required",
        };
        using var client = host.CreateClientWithToken(TokenFor(TestUser.Alice));
        var interviewId = await ReadyInterviewAsync(client);

        var problem = await (await client.PostAsync($"/api/interviews/{interviewId}/drafts/outreach", null)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("consent", problem.GetProperty("action").GetString());
        Assert.Contains("Allow the add-in", problem.GetProperty("detail").GetString());
        Assert.Empty(entra.GraphRequests);
    }

    [Fact]
    public async Task Conditional_access_asking_for_a_new_sign_in_comes_back_as_sign_in_again()
    {
        entra.TokenError = new
        {
            error = "interaction_required",
            error_description = "AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.",
            error_codes = new[] { 50076 },
            claims = "{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\"c1\"]}}}",
        };
        using var client = host.CreateClientWithToken(TokenFor(TestUser.Alice));
        var interviewId = await ReadyInterviewAsync(client);

        var problem = await (await client.PostAsync($"/api/interviews/{interviewId}/drafts/outreach", null)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("signIn", problem.GetProperty("action").GetString());
    }
}
