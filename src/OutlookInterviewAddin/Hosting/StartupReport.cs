using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Hosting;

/// <summary>Says at start which mode the host runs in and where, and stops a local-mode host that listens beyond loopback.</summary>
public static class StartupReport
{
    /// <summary>
    /// Logs the mode and the data folder at once, before anything else the host logs (migrations,
    /// Kestrel), then the addresses once the host listens.
    /// </summary>
    public static void ReportModeOnStart(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OutlookInterviewAddin");
        var mode = app.Services.GetRequiredService<AddinMode>();
        if (mode.IsLocal)
        {
            var user = app.Services.GetRequiredService<IOptions<LocalUserOptions>>().Value;
            logger.LogInformation(
                "Local mode: no AzureAd settings, so this host signs in '{User}' itself, for callers on this machine, and no Microsoft 365 account is used.",
                user.DisplayName);
        }
        else
        {
            var entra = app.Services.GetRequiredService<IOptions<EntraOptions>>().Value;
            logger.LogInformation(
                "Microsoft 365 mode: accepting Entra ID tokens from {Authority} for client {ClientId} with scope {Scope}.",
                entra.Authority, entra.ClientId, Scopes.AccessAsUser);
        }
        var storage = app.Services.GetRequiredService<StorageOptions>();
        logger.LogInformation("Data folder: {DataFolder} (the host's own HTTPS and key certificates when it needs them). Data: {Storage}.",
            storage.DataDirectory, storage.Describe());

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (mode.IsLocal)
            {
                var exposed = addresses.Where(a => !IsLoopbackAddress(a)).ToList();
                if (exposed.Count > 0)
                {
                    logger.LogCritical(
                        "Local mode issues tokens without a password, so it only listens on loopback; {Addresses} is not. Bind to https://localhost:<port> or configure AzureAd for Microsoft 365 mode. Stopping.",
                        string.Join(", ", exposed));
                    Environment.ExitCode = 1;
                    app.Lifetime.StopApplication();
                    return;
                }
                logger.LogInformation("Listening on {Addresses}. Open {Url} in a browser.", string.Join(", ", addresses), addresses.FirstOrDefault() ?? "the host's address");
            }
            else
            {
                logger.LogInformation("Listening on {Addresses}.", string.Join(", ", addresses));
            }
        });
    }

    internal static bool IsLoopbackAddress(string address)
    {
        // Kestrel reports "http://[::]:80" or "http://0.0.0.0:80" for wildcard bindings and "+" or "*" when asked for them.
        var host = address.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) return false;
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
