using Microsoft.AspNetCore.HostFiltering;
using OutlookInterviewAddin.Auth;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// The Host header names this host answers to. A page on another site can point its own DNS name at
/// 127.0.0.1 (DNS rebinding) and reach a local-mode host as "same origin"; the host then sees that
/// name in the Host header. So local mode answers only to loopback names, and any other Host gets
/// 400 before a token or an export leaves. In Microsoft 365 mode the names come from the AllowedHosts
/// setting (semicolon-separated, for example "interviews.contoso.com").
/// </summary>
public static class AllowedHosts
{
    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Limits host filtering (on by default in ASP.NET Core) to loopback names in local mode.</summary>
    public static IServiceCollection AddAllowedHosts(this IServiceCollection services)
    {
        services.AddOptions<HostFilteringOptions>().PostConfigure<AddinMode>((options, mode) =>
        {
            if (mode.IsLocal) options.AllowedHosts = [.. Loopback];
        });
        return services;
    }

    /// <summary>
    /// Whether <paramref name="host"/> may go into a URL the host hands out: a loopback name (nobody
    /// else's), or one the configuration names. The "*" wildcard lets any request through but names no host.
    /// </summary>
    public static bool Names(HostFilteringOptions options, HostString host)
    {
        if (!host.HasValue) return false;
        var name = host.Host;
        return Loopback.Contains(name, StringComparer.OrdinalIgnoreCase) || options.AllowedHosts.Any(allowed =>
            allowed != "*" &&
            (string.Equals(allowed, name, StringComparison.OrdinalIgnoreCase) ||
             (allowed.StartsWith("*.", StringComparison.Ordinal) && name.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase))));
    }
}
