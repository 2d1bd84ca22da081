using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;

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
        HttpContext http, IOptions<ManifestOptions> options, IOptions<EntraOptions> entra, AddinMode mode)
    {
        var baseUrl = options.Value.ConfiguredBaseUrl ?? RequestBaseUrl(http.Request);
        if (baseUrl is null)
        {
            return TypedResults.Problem(
                title: "No address to put in the manifest",
                detail: "The request's Host header does not form a URL. Set Manifest:PublicBaseUrl to the https address users reach this host at.",
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

        // Rendered per request (and per Host header when no base URL is configured): never cached by a proxy.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(ManifestRenderer.ToUtf8(manifest), "application/xml; charset=utf-8");
    }

    internal static Uri? RequestBaseUrl(HttpRequest request) =>
        request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}", UriKind.Absolute, out var url)
            ? url
            : null;
}
