using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

/// <summary>In Microsoft 365 mode the local mailbox does not exist: real Graph is the only mailbox.</summary>
public sealed class Microsoft365ModeMailboxTests : IAsyncLifetime
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";

    private FakeEntraIssuer entra = null!;
    private AddinFactory host = null!;

    public async Task InitializeAsync()
    {
        entra = await FakeEntraIssuer.StartAsync();
        host = new AddinFactory
        {
            Settings =
            {
                ["AzureAd:Instance"] = entra.Instance,
                ["AzureAd:TenantId"] = TestUser.Alice.TenantId.ToString(),
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "test-client-secret",
                ["AzureAd:AppIdUri"] = "api://addin.contoso.example/" + ClientId,
            },
        };
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await entra.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "/graph/v1.0/me/messages")]
    [InlineData("POST", "/graph/v1.0/me/messages")]
    [InlineData("POST", "/graph/v1.0/me/events")]
    [InlineData("GET", "/graph/v1.0/me/calendarView?startDateTime=2027-03-15T00:00:00Z&endDateTime=2027-03-16T00:00:00Z")]
    [InlineData("GET", "/graph/v1.0/me/contacts")]
    [InlineData("POST", "/graph/v1.0/$batch")]
    [InlineData("GET", "/local-mailbox")]
    [InlineData("GET", "/local-mailbox/invitations")]
    [InlineData("POST", "/local-mailbox/incoming")]
    [InlineData("POST", "/local-mailbox/messages/x/send")]
    public async Task The_local_mailbox_routes_are_404_with_a_valid_Entra_token(string method, string url)
    {
        using var client = host.CreateClientWithToken(TestTokens.Create(entra.SigningKey, entra.IssuerFor(TestUser.Alice.TenantId), ClientId, TestUser.Alice));
        var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? JsonContent.Create(new { subject = "x" }) : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
