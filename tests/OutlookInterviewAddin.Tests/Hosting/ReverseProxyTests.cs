using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Hosting;

/// <summary>X-Forwarded-* headers are believed only from configured proxies, over a real loopback socket.</summary>
public sealed class ReverseProxyTests
{
    private static async Task<HttpStatusCode> LocalTokenStatusAsync(AddinFactory factory, string forwardedFor)
    {
        // Listen, not UseKestrel(port): the port overload edits the server addresses after the app may have started Kestrel (a race).
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/local/token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Without_configured_proxies_a_forwarded_address_is_ignored()
    {
        await using var factory = new AddinFactory { Settings = { ["Urls"] = "http://127.0.0.1:0" } };

        // The caller really is on loopback; what it claims in the header changes nothing.
        Assert.Equal(HttpStatusCode.OK, await LocalTokenStatusAsync(factory, "203.0.113.5"));
    }

    [Fact]
    public async Task From_a_configured_proxy_the_forwarded_client_address_counts()
    {
        await using var factory = new AddinFactory
        {
            Settings = { ["Urls"] = "http://127.0.0.1:0", ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" },
        };

        // The proxy on loopback forwards a request from elsewhere: local mode's loopback rule refuses it.
        Assert.Equal(HttpStatusCode.Forbidden, await LocalTokenStatusAsync(factory, "203.0.113.5"));
    }

    [Fact]
    public async Task A_proxy_address_that_is_not_an_address_stops_the_start_with_the_setting_named()
    {
        await using var factory = new AddinFactory { Settings = { ["ForwardedHeaders:KnownProxies"] = "proxy.internal" } };

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.Services);
        Assert.Contains("ForwardedHeaders:KnownProxies", error.Message, StringComparison.Ordinal);
    }
}
