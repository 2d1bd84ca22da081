using System.Net;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Hosting;

/// <summary>
/// A page on another site can resolve its own name to 127.0.0.1 (DNS rebinding) and call the local
/// host as if from the same origin; the Host header is then that name, which the host must refuse.
/// </summary>
public sealed class HostHeaderTests
{
    private const string Foreign = "evil.example";

    private static AddinFactory Microsoft365Host(string? allowedHosts = null)
    {
        var factory = new AddinFactory
        {
            Settings =
            {
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e",
                ["AzureAd:ClientSecret"] = "test-client-secret",
            },
        };
        if (allowedHosts is not null) factory.Settings["AllowedHosts"] = allowedHosts;
        return factory;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string host)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = host;
        return request;
    }

    [Fact]
    public async Task A_local_host_refuses_a_token_to_a_page_that_rebound_its_name_to_loopback()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Request(HttpMethod.Post, "/auth/local/token", Foreign));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_host_refuses_the_export_to_a_foreign_Host_even_with_a_token()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClientFor(TestUser.Alice);

        using var response = await client.SendAsync(Request(HttpMethod.Get, "/api/export", Foreign));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:3000")]
    [InlineData("127.0.0.1:3000")]
    [InlineData("[::1]:3000")]
    public async Task A_local_host_answers_to_its_loopback_names(string name)
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Request(HttpMethod.Post, "/auth/local/token", name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_local_manifest_never_carries_a_foreign_Host()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient(new() { BaseAddress = new Uri("https://localhost:3000") });

        using var response = await client.SendAsync(Request(HttpMethod.Get, "/manifest.xml", Foreign));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Foreign, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_public_base_url_a_Microsoft_365_host_does_not_put_any_Host_it_is_sent_in_the_manifest()
    {
        using var host = Microsoft365Host();
        using var client = host.CreateClient(new() { BaseAddress = new Uri("https://localhost:3000") });

        using var response = await client.SendAsync(Request(HttpMethod.Get, "/manifest.xml", Foreign));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Foreign, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_Microsoft_365_host_renders_the_manifest_for_a_name_listed_in_AllowedHosts()
    {
        using var host = Microsoft365Host(allowedHosts: "interviews.contoso.example");
        using var client = host.CreateClient(new() { BaseAddress = new Uri("https://localhost:3000") });

        using var listed = await client.SendAsync(Request(HttpMethod.Get, "/manifest.xml", "interviews.contoso.example"));
        using var foreign = await client.SendAsync(Request(HttpMethod.Get, "/manifest.xml", Foreign));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("https://interviews.contoso.example/", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }
}
