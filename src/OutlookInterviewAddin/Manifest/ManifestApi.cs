using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Hosting;

namespace OutlookInterviewAddin.Manifest;

public static class ManifestApi
{
    public static IServiceCollection AddManifest(this IServiceCollection services)
    {
        services.AddOptions<ManifestOptions>()
            .BindConfiguration(ManifestOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManifestOptions>, ManifestOptionsValidator>();
        return services;
    }

    /// <summary>GET /manifest.xml: the add-in manifest for this host, ready to sideload or deploy.</summary>
    public static IEndpointRouteBuilder MapManifest(this IEndpointRouteBuilder app)
    {
        // Outlook fetches nothing here; a person or an admin does, before signing in, so it is anonymous.
        app.MapGet("/manifest.xml", GetManifest)
            .AllowAnonymous()
            .WithTags("Manifest")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The Outlook add-in manifest, rendered for this host's public address and app registration.");
        return app;
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetManifest(
        HttpContext http, IOptions<ManifestOptions> options, IOptionsMonitor<HostFilteringOptions> hosts, IOptions<EntraOptions> entra, AddinMode mode)
    {
        var baseUrl = PublicBaseUrl(http.Request, options.Value, hosts.CurrentValue);
        if (baseUrl is null)
        {
            return TypedResults.Problem(
                title: "No address to put in the manifest",
                detail: "The request's Host header is not a name this host is configured for, so it cannot go into the manifest. " +
                        "Set Manifest:PublicBaseUrl to the https address users reach this host at (or list that name in AllowedHosts).",
                statusCode: StatusCodes.Status400BadRequest);
        }
        if (baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            return TypedResults.Problem(
                title: "Outlook needs an https address",
                detail: $"This request reached the host at {baseUrl}, so the manifest would send Outlook to plain http URLs, which it refuses. " +
                        "Request /manifest.xml over https, or set Manifest:PublicBaseUrl to the https address users reach this host at.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var signIn = mode.IsLocal ? null : new ManifestSignIn(entra.Value.ClientId!, entra.Value.AppIdUriFor(baseUrl));
        var manifest = ManifestRenderer.Render(ManifestRenderer.Template, baseUrl, signIn);

        // Rendered per request (and per allowed Host name when no base URL is configured): never cached by a proxy.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(ManifestRenderer.ToUtf8(manifest), "application/xml; charset=utf-8");
    }

    /// <summary>
    /// Manifest:PublicBaseUrl, or else the address the request came to when its Host is one the
    /// configuration names (<see cref="AllowedHosts.Names"/>): a Host header a caller made up never
    /// becomes a URL the host hands out.
    /// </summary>
    internal static Uri? PublicBaseUrl(HttpRequest request, ManifestOptions options, HostFilteringOptions hosts) =>
        options.ConfiguredBaseUrl ?? (AllowedHosts.Names(hosts, request.Host) ? RequestBaseUrl(request) : null);

    private static Uri? RequestBaseUrl(HttpRequest request) =>
        request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}", UriKind.Absolute, out var url)
            ? url
            : null;
}
