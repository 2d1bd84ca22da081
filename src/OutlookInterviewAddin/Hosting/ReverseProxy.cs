using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer, the client's address, scheme and host arrive in
/// X-Forwarded-For, -Proto and -Host. They are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges); with neither, they are ignored, so no client can claim to be loopback or to have
/// come over HTTPS. Local mode's loopback rule and the manifest's base address both read what this
/// leaves in the request.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Values(section, "KnownProxies").Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies holds '{value}', which is not an IP address.")).ToList();
        var networks = Values(section, "KnownNetworks").Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{value}', which is not a CIDR range such as 10.0.0.0/8.")).ToList();
        if (proxies.Count == 0 && networks.Count == 0) return services;

        services.AddSingleton(new TrustedProxies());
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxies, not the framework's default of loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            // A forwarded host must be one this deployment answers to.
            if (configuration["AllowedHosts"] is { Length: > 0 } allowed && allowed != "*")
                options.AllowedHosts = allowed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client as the proxy reported it.</summary>
    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<TrustedProxies>() is null ? app : app.UseForwardedHeaders();

    // A list setting, given either as an array (KnownProxies:0, KnownProxies:1) or as one value separated by ';' or ','.
    private static IEnumerable<string> Values(IConfigurationSection section, string key) =>
        section.GetSection(key).GetChildren().Select(c => c.Value).Append(section[key])
            .SelectMany(v => (v ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed class TrustedProxies;
}
