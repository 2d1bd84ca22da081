using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Auth;

/// <summary>Local mode: the host's own issuer, validated by the same JwtBearer pipeline as Entra tokens.</summary>
public sealed class LocalModeTokenTests : IClassFixture<AddinFactory>
{
    private readonly AddinFactory factory;

    public LocalModeTokenTests(AddinFactory factory) => this.factory = factory;

    [Fact]
    public async Task A_valid_local_token_identifies_the_user_by_tenant_and_object_id()
    {
        using var client = factory.CreateClientFor(TestUser.Alice);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");

        Assert.NotNull(me);
        Assert.Equal(TestUser.Alice.TenantId, me.TenantId);
        Assert.Equal(TestUser.Alice.ObjectId, me.ObjectId);
        Assert.Equal("Alice Martin", me.DisplayName);
        Assert.Equal("local", me.Mode);
    }

    [Fact]
    public async Task No_token_is_401()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_malformed_token_is_401()
    {
        using var client = factory.CreateClientWithToken("not-a-jwt");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = factory.LocalTokenFor(TestUser.Alice, notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-5));
        using var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_401()
    {
        var token = factory.LocalTokenFor(TestUser.Alice, notBefore: DateTimeOffset.UtcNow.AddMinutes(10), expires: DateTimeOffset.UtcNow.AddHours(1));
        using var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = factory.LocalTokenFor(TestUser.Alice, audience: "api://localhost/some-other-api");
        using var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var token = factory.LocalTokenFor(TestUser.Alice, issuer: "https://issuer.example/");
        using var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_an_untrusted_key_is_401()
    {
        var token = TestTokens.Create(TestTokens.NewKey("forger"), LocalTokenIssuer.Issuer, LocalTokenIssuer.Audience, TestUser.Alice);
        using var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_access_as_user_scope_is_403()
    {
        using var client = factory.CreateClientWithToken(factory.LocalTokenFor(TestUser.Alice, scope: "Mail.Read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_with_no_scope_at_all_is_403()
    {
        using var client = factory.CreateClientWithToken(factory.LocalTokenFor(TestUser.Alice, scope: null));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_an_object_id_is_401()
    {
        var token = TestTokens.Create(
            factory.Services.GetRequiredService<LocalTokenIssuer>().SigningKey, LocalTokenIssuer.Issuer, LocalTokenIssuer.Audience,
            TestUser.Alice, includeObjectId: false);
        using var client = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "aaaaaaaa-0000-4000-8000-000000000001")]
    [InlineData("11111111-1111-4111-8111-111111111111", "00000000-0000-0000-0000-000000000000")]
    public async Task A_validly_signed_token_with_an_all_zero_tenant_or_object_id_is_401(string tenantId, string objectId)
    {
        var nobody = TestUser.Alice with { TenantId = Guid.Parse(tenantId), ObjectId = Guid.Parse(objectId) };
        using var client = factory.CreateClientWithToken(factory.LocalTokenFor(nobody));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync("/api/profile", new { fullName = "Nobody" })).StatusCode);
    }

    [Fact]
    public async Task The_local_token_endpoint_signs_in_the_configured_local_user()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsync("/auth/local/token", content: null);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<LocalTokenResponse>();
        Assert.NotNull(token);
        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(30));

        using var client = factory.CreateClientWithToken(token.AccessToken);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(LocalTokenIssuer.LocalObjectId, me!.ObjectId);
        Assert.Equal(LocalTokenIssuer.LocalTenantId, me.TenantId);
        // The token answer names the same user, so the pane need not ask /api/me on start.
        Assert.Equal((me.TenantId, me.ObjectId, me.DisplayName, me.Email, me.Mode), (token.TenantId, token.ObjectId, token.DisplayName, token.Email, token.Mode));
    }

    [Fact]
    public async Task Sign_in_config_reports_local_mode()
    {
        using var client = factory.CreateClient();
        var config = await client.GetFromJsonAsync<SignInConfig>("/auth/config");
        Assert.Equal("local", config!.Mode);
        Assert.Null(config.ClientId);
        Assert.Null(config.DialogUrl);
    }

    [Fact]
    public async Task Health_answers_without_a_token()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tokens_and_API_answers_are_never_cached_and_never_sniffed()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsync("/auth/local/token", content: null);

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
