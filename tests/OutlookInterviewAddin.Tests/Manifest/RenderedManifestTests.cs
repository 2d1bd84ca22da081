using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>/manifest.xml as the running host serves it: the same offline checks, and every URL answered by the host.</summary>
public sealed class RenderedManifestTests
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";

    private static AddinFactory LocalHost(string? publicBaseUrl = null)
    {
        var factory = new AddinFactory();
        if (publicBaseUrl is not null) factory.Settings["Manifest:PublicBaseUrl"] = publicBaseUrl;
        return factory;
    }

    private static AddinFactory Microsoft365Host(string? publicBaseUrl, string? appIdUri = null, string allowedHosts = "*") => new()
    {
        Settings =
        {
            ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = ClientId,
            ["AzureAd:ClientSecret"] = "test-client-secret",
            ["AzureAd:AppIdUri"] = appIdUri,
            ["Manifest:PublicBaseUrl"] = publicBaseUrl,
            ["AllowedHosts"] = allowedHosts,
        },
    };

    private static HttpClient ClientAt(AddinFactory factory, string address) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

    private static async Task<XDocument> FetchManifest(HttpClient client)
    {
        using var response = await client.GetAsync("/manifest.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_served_manifest_passes_every_offline_check()
    {
        using var host = LocalHost();
        using var client = ClientAt(host, "https://localhost:3000");

        Assert.Empty(ManifestRules.Check(await FetchManifest(client)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://their-host.example")]
    [InlineData("https://their-host.example/interviews/")]
    public async Task Every_url_in_the_served_manifest_is_answered_with_200_by_the_host(string? publicBaseUrl)
    {
        using var host = LocalHost(publicBaseUrl);
        using var client = ClientAt(host, "https://localhost:3000");
        var manifest = await FetchManifest(client);
        var urls = ManifestRules.Urls(manifest);
        var pathBase = publicBaseUrl is null ? "" : new Uri(publicBaseUrl).AbsolutePath.TrimEnd('/');

        Assert.NotEmpty(urls);
        foreach (var url in urls)
        {
            // Behind a proxy that serves the host under a path, the proxy strips the path before the host sees it.
            var path = new Uri(url).PathAndQuery[pathBase.Length..];
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task Every_icon_the_served_manifest_declares_is_served_with_that_pixel_size()
    {
        using var host = LocalHost();
        using var client = ClientAt(host, "https://localhost:3000");
        var manifest = await FetchManifest(client);

        var problems = await ManifestRules.CheckIconsAsync(manifest, async url =>
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
        });

        Assert.NotEmpty(ManifestRules.Icons(manifest));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Rendering_for_their_host_puts_that_address_into_every_url_and_nothing_of_localhost()
    {
        using var host = Microsoft365Host("https://their-host.example");
        using var client = ClientAt(host, "https://localhost:3000");
        var manifest = await FetchManifest(client);

        Assert.Empty(ManifestRules.Check(manifest));
        Assert.All(ManifestRules.Urls(manifest), url => Assert.StartsWith("https://their-host.example/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("localhost", manifest.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_configured_address_the_manifest_follows_the_allowed_address_the_request_came_to()
    {
        using var host = Microsoft365Host(publicBaseUrl: null, allowedHosts: "addin.contoso.example");
        using var client = ClientAt(host, "https://addin.contoso.example:4443");
        var manifest = await FetchManifest(client);

        Assert.All(ManifestRules.Urls(manifest), url => Assert.StartsWith("https://addin.contoso.example:4443/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_address_wins_over_the_address_the_request_came_to()
    {
        using var host = Microsoft365Host("https://their-host.example");
        using var client = ClientAt(host, "https://spoofed.example");
        var manifest = await FetchManifest(client);

        Assert.All(ManifestRules.Urls(manifest), url => Assert.StartsWith("https://their-host.example/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_http_request_without_a_configured_address_gets_a_problem_naming_the_setting()
    {
        using var host = LocalHost();
        using var client = ClientAt(host, "http://localhost");

        using var response = await client.GetAsync("/manifest.xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("Manifest:PublicBaseUrl", problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Microsoft_365_mode_WebApplicationInfo_names_the_app_registration_on_the_hosts_domain()
    {
        using var host = Microsoft365Host("https://their-host.example");
        using var client = ClientAt(host, "https://localhost:3000");
        var info = (await FetchManifest(client)).Descendants(ManifestRules.Vo11 + "WebApplicationInfo").Single();

        Assert.Equal(ClientId, info.Element(ManifestRules.Vo11 + "Id")?.Value);
        Assert.Equal($"api://their-host.example/{ClientId}", info.Element(ManifestRules.Vo11 + "Resource")?.Value);
    }

    [Fact]
    public async Task A_configured_App_ID_URI_is_the_sign_in_resource()
    {
        const string appIdUri = $"api://their-host.example/{ClientId}";
        using var host = Microsoft365Host("https://their-host.example", appIdUri + "/");
        using var client = ClientAt(host, "https://localhost:3000");
        var manifest = await FetchManifest(client);

        Assert.Equal(appIdUri, manifest.Descendants(ManifestRules.Vo11 + "Resource").Single().Value);
        Assert.Empty(ManifestRules.Check(manifest));
    }

    [Fact]
    public async Task In_local_mode_the_manifest_claims_no_app_registration()
    {
        using var host = LocalHost();
        using var client = ClientAt(host, "https://localhost:3000");
        var manifest = await FetchManifest(client);

        Assert.Empty(manifest.Descendants(ManifestRules.Vo11 + "WebApplicationInfo"));
        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", manifest.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_served_manifest_keeps_the_checked_in_id_and_version()
    {
        using var host = LocalHost("https://their-host.example");
        using var client = ClientAt(host, "https://localhost:3000");
        var served = (await FetchManifest(client)).Root!;
        var checkedIn = XDocument.Load(RepositoryFiles.CheckedInManifest).Root!;

        Assert.Equal(checkedIn.Element(ManifestRules.App + "Id")!.Value, served.Element(ManifestRules.App + "Id")!.Value);
        Assert.Equal(checkedIn.Element(ManifestRules.App + "Version")!.Value, served.Element(ManifestRules.App + "Version")!.Value);
    }
}
