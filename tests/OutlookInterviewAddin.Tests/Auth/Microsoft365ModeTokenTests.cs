using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Auth;

/// <summary>
/// Microsoft 365 mode against a real OpenID issuer on loopback: the host discovers its metadata and
/// keys over HTTP, exactly as it would from login.microsoftonline.com.
/// </summary>
public sealed class Microsoft365ModeTokenTests : IAsyncLifetime
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";
    private const string AppIdUri = "api://addin.contoso.example/3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";

    private FakeEntraIssuer entra = null!;
    private AddinFactory host = null!;
    private AddinFactory localHost = null!;

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
                ["AzureAd:AppIdUri"] = AppIdUri,
            },
        };
        localHost = new AddinFactory();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await localHost.DisposeAsync();
        await entra.DisposeAsync();
    }

    private string EntraToken(TestUser user, string? audience = ClientId, string? scope = "access_as_user", string? issuer = null,
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null) =>
        TestTokens.Create(entra.SigningKey, issuer ?? entra.IssuerFor(user.TenantId), audience!, user, scope, notBefore, expires);

    private async Task<HttpStatusCode> MeStatus(string token)
    {
        using var client = host.CreateClientWithToken(token);
        return (await client.GetAsync("/api/me")).StatusCode;
    }

    [Fact]
    public async Task An_Entra_token_for_the_client_id_is_accepted()
    {
        using var client = host.CreateClientWithToken(EntraToken(TestUser.Alice));
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(TestUser.Alice.ObjectId, me!.ObjectId);
        Assert.Equal(TestUser.Alice.TenantId, me.TenantId);
        Assert.Equal("microsoft365", me.Mode);
    }

    [Fact]
    public async Task An_Entra_token_for_the_app_id_uri_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, await MeStatus(EntraToken(TestUser.Alice, audience: AppIdUri)));

    [Fact]
    public async Task No_token_is_401()
    {
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatus(EntraToken(TestUser.Alice,
            notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-5))));

    [Fact]
    public async Task A_token_for_another_audience_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatus(EntraToken(TestUser.Alice, audience: "00000003-0000-0000-c000-000000000000")));

    [Fact]
    public async Task A_token_from_another_issuer_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatus(EntraToken(TestUser.Alice, issuer: $"https://sts.windows.net/{TestUser.Alice.TenantId}/")));

    [Fact]
    public async Task A_token_from_another_tenant_is_401_for_a_single_tenant_registration() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatus(EntraToken(TestUser.Bob)));

    [Fact]
    public async Task A_token_signed_by_another_key_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatus(
            TestTokens.Create(TestTokens.NewKey(entra.SigningKey.KeyId!), entra.IssuerFor(TestUser.Alice.TenantId), ClientId, TestUser.Alice)));

    [Fact]
    public async Task A_token_from_the_local_issuer_is_401()
    {
        // A genuine local-mode token, minted by another host running in local mode.
        var localToken = localHost.LocalTokenFor(TestUser.Alice);
        using (var local = localHost.CreateClientWithToken(localToken))
            Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatus(localToken));
    }

    [Fact]
    public async Task A_token_without_the_access_as_user_scope_is_403() =>
        Assert.Equal(HttpStatusCode.Forbidden, await MeStatus(EntraToken(TestUser.Alice, scope: "User.Read")));

    [Fact]
    public async Task The_local_token_endpoint_does_not_exist()
    {
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/auth/local/token", null)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_config_names_the_registration_and_its_scope()
    {
        using var client = host.CreateClient();
        var config = await client.GetFromJsonAsync<SignInConfig>("/auth/config");
        Assert.Equal("microsoft365", config!.Mode);
        Assert.Equal(ClientId, config.ClientId);
        Assert.Equal([$"{AppIdUri}/access_as_user"], config.Scopes);
    }

    [Fact]
    public async Task Sign_in_config_names_the_sign_in_dialog_page_the_host_serves()
    {
        using var client = host.CreateClient();
        var config = await client.GetFromJsonAsync<SignInConfig>("https://localhost/auth/config");

        Assert.Equal("https://localhost/signin-dialog.html", config!.DialogUrl);
        var page = await client.GetAsync(config.DialogUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Its script at the content-named address the static assets serve it at.
        Assert.Matches(@"src=""dist/signin-dialog\.[a-z0-9]+\.js""", await page.Content.ReadAsStringAsync());
    }
}

/// <summary>A multi-tenant registration accepts any tenant, but only with that tenant's own issuer.</summary>
public sealed class MultiTenantTokenTests : IAsyncLifetime
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
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:ClientSecret"] = "test-client-secret",
            },
        };
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await entra.DisposeAsync();
    }

    [Fact]
    public async Task Tokens_from_two_tenants_are_each_accepted_with_their_own_issuer()
    {
        foreach (var user in new[] { TestUser.Alice, TestUser.Bob })
        {
            using var client = host.CreateClientWithToken(TestTokens.Create(entra.SigningKey, entra.IssuerFor(user.TenantId), ClientId, user));
            var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
            Assert.Equal(user.TenantId, me!.TenantId);
        }
    }

    [Fact]
    public async Task A_token_whose_issuer_names_a_different_tenant_than_its_tid_is_401()
    {
        var token = TestTokens.Create(entra.SigningKey, entra.IssuerFor(TestUser.Bob.TenantId), ClientId, TestUser.Alice);
        using var client = host.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_uri_the_pane_asks_for_the_same_resource_the_manifest_names()
    {
        using var client = host.CreateClient();

        var config = await client.GetFromJsonAsync<SignInConfig>("/auth/config");
        var manifest = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("https://localhost/manifest.xml"));

        var resource = manifest.Descendants().Single(e => e.Name.LocalName == "Resource").Value;
        Assert.Equal($"api://localhost/{ClientId}", resource);
        Assert.Equal([$"{resource}/access_as_user"], config!.Scopes);
    }
}
