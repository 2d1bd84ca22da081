using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Import;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Import;

/// <summary>Microsoft 365 mode: the contacts come from Graph on behalf of the user, every page of them.</summary>
public sealed class OutlookContactsMicrosoft365Tests : IAsyncLifetime
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

    private HttpClient Alice() => host.CreateClientWithToken(TestTokens.Create(entra.SigningKey, entra.IssuerFor(TestUser.Alice.TenantId), ClientId, TestUser.Alice));

    [Fact]
    public async Task Every_page_of_the_users_contacts_is_read_with_the_token_bought_on_their_behalf()
    {
        using var client = Alice();

        var preview = await (await client.PostAsync("/api/import/outlook/preview", null)).ReadAsync<ImportPreview>(HttpStatusCode.OK);

        Assert.Equal(["Ana Lopez", "Tom Reyes"], preview.Rows.Select(r => r.Person.Name));
        Assert.Equal("ana@metrolinx.example", preview.Rows[0].Person.Email);
        Assert.Equal(new ImportCounts(2, 0, 0, 0), preview.Counts);
        var reads = entra.GraphRequests.Where(r => r.Path == "/v1.0/me/contacts").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal("Bearer graph-token-1", r.Authorization));
    }

    [Fact]
    public async Task Missing_consent_is_the_problem_the_pane_acts_on()
    {
        entra.TokenError = new
        {
            error = "invalid_grant",
            error_description = "AADSTS65001: The user or administrator has not consented to use the application with ID '3f1b6a57'.",
            error_codes = new[] { 65001 },
            suberror = "consent_required",
        };
        using var client = Alice();

        var problem = await (await client.PostAsync("/api/import/outlook/preview", null)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("consent", problem.GetProperty("action").GetString());
    }
}
