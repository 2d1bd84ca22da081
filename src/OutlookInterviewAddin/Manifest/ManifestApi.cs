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
        app.MapGet("/manifest.json", GetUnifiedManifest)
            .AllowAnonymous()
            .WithTags("Manifest")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The unified manifest for Microsoft 365 (version 1.29), written from the same settings as /manifest.xml.");
        app.MapGet("/manifest.zip", GetAppPackage)
            .AllowAnonymous()
            .WithTags("Manifest")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The app package for the Microsoft 365 admin center: manifest.json with its two icons.");
        return app;
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetUnifiedManifest(
        HttpContext http, IOptions<ManifestOptions> options, IOptionsMonitor<HostFilteringOptions> hosts, IOptions<EntraOptions> entra, AddinMode mode)
    {
        var (xml, baseUrl, problem) = GetManifestDocument(http, options, hosts, entra, mode);
        if (problem is not null) return problem;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(UnifiedManifestRenderer.ToUtf8(UnifiedManifestRenderer.Render(xml!, baseUrl!)), "application/json; charset=utf-8");
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetAppPackage(
        HttpContext http, IOptions<ManifestOptions> options, IOptionsMonitor<HostFilteringOptions> hosts, IOptions<EntraOptions> entra, AddinMode mode,
        IWebHostEnvironment environment)
    {
        var (xml, baseUrl, problem) = GetManifestDocument(http, options, hosts, entra, mode);
        if (problem is not null) return problem;
        static byte[] Icon(IWebHostEnvironment environment, string name)
        {
            using var stream = environment.WebRootFileProvider.GetFileInfo("assets/" + name).CreateReadStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        var package = UnifiedManifestRenderer.Package(UnifiedManifestRenderer.Render(xml!, baseUrl!),
            Icon(environment, "icon-192.png"), Icon(environment, "outline-32.png"));
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(package, "application/zip", "informational-interviews.zip");
    }



    public static Results<FileContentHttpResult, ProblemHttpResult> GetManifest(
        HttpContext http, IOptions<ManifestOptions> options, IOptionsMonitor<HostFilteringOptions> hosts, IOptions<EntraOptions> entra, AddinMode mode)
    {
        var (manifest, _, problem) = GetManifestDocument(http, options, hosts, entra, mode);
        if (problem is not null) return problem;
        // Rendered per request (and per allowed Host name when no base URL is configured): never cached by a proxy.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(ManifestRenderer.ToUtf8(manifest!), "application/xml; charset=utf-8");
    }

    // The XML manifest for this request, or the problem that stops one being written.
    private static (System.Xml.Linq.XDocument? Manifest, Uri? BaseUrl, ProblemHttpResult? Problem) GetManifestDocument(
        HttpContext http, IOptions<ManifestOptions> options, IOptionsMonitor<HostFilteringOptions> hosts, IOptions<EntraOptions> entra, AddinMode mode)
    {
        var baseUrl = PublicBaseUrl(http.Request, options.Value, hosts.CurrentValue);
        if (baseUrl is null)
        {
            return (null, null, TypedResults.Problem(
                title: "No address to put in the manifest",
                detail: "The request's Host header is not a name this host is configured for, so it cannot go into the manifest. " +
                        "Set Manifest:PublicBaseUrl to the https address users reach this host at (or list that name in AllowedHosts).",
                statusCode: StatusCodes.Status400BadRequest));
        }
        if (baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            return (null, null, TypedResults.Problem(
                title: "Outlook needs an https address",
                detail: $"This request reached the host at {baseUrl}, so the manifest would send Outlook to plain http URLs, which it refuses. " +
                        "Request the manifest over https, or set Manifest:PublicBaseUrl to the https address users reach this host at.",
                statusCode: StatusCodes.Status400BadRequest));
        }

        var signIn = mode.IsLocal ? null : new ManifestSignIn(entra.Value.ClientId!, entra.Value.AppIdUriFor(baseUrl));
        return (ManifestRenderer.Render(ManifestRenderer.Template, baseUrl, signIn), baseUrl, null);
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
