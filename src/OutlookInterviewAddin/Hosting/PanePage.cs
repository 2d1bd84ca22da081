using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Manifest;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// The pane's page (<c>Pane/index.html</c>, embedded): every <c>dist/</c> address replaced by the
/// content-named one <c>MapStaticAssets</c> serves with a year of immutable caching, a
/// <c>modulepreload</c> for each shared chunk the first view imports (<c>dist/pane.assets.json</c>,
/// written by the pane's build), and what <c>GET /auth/config</c> answers inlined as a JSON block,
/// so the pane's first request is its token. The page itself is never cached: a new release is seen
/// on the next load. A Content-Security-Policy allows only what the pane loads.
/// </summary>
public static class PanePage
{
    public const string ResourceName = "OutlookInterviewAddin.Pane.index.html";

    public const string ImmutableCaching = "max-age=31536000, immutable";

    private static readonly System.Text.RegularExpressions.Regex ContentNamedChunk =
        new(@"^/?dist/[A-Za-z0-9_]+-[A-Z0-9]{8}\.js(\.map)?(\.gz|\.br)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Where office.js (and the scripts it loads) come from.</summary>
    public const string OfficeCdn = "https://appsforoffice.microsoft.com";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IServiceCollection AddPanePage(this IServiceCollection services) =>
        services.AddSingleton(provider => PaneAssets.Load(provider.GetRequiredService<IWebHostEnvironment>()));

    /// <summary>
    /// The pane's files from the build's static assets manifest (compressed with gzip and Brotli,
    /// ETags, content-named routes cached for a year), and the page at / and /index.html.
    /// </summary>
    public static IEndpointRouteBuilder MapPanePage(this IEndpointRouteBuilder app)
    {
        var development = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
        app.MapStaticAssets().Add(endpoint =>
        {
            // The two other pages the host serves carry a policy of their own, in every environment.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } page, RequestDelegate: { } servePage } && OtherPagePolicy(page) is { } policyOf)
            {
                endpoint.RequestDelegate = BeforeResponse(servePage, context => context.Response.Headers.ContentSecurityPolicy = policyOf(context));
                return;
            }
            // Development serves files as they change on disk, never cached (MapStaticAssets' own rule).
            if (development) return;
            // esbuild names the chunks after their content (chunk-5QXR2LBN.js) and the entry imports
            // them by that name: cached as long as the content-named routes MapStaticAssets adds.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && ContentNamedChunk.IsMatch(route) && endpoint.RequestDelegate is { } serve)
                endpoint.RequestDelegate = BeforeResponse(serve, context =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status200OK) context.Response.Headers.CacheControl = ImmutableCaching;
                });
        });

        foreach (var pattern in new[] { "/", "/index.html" })
            app.MapGet(pattern, GetPage)
                .AllowAnonymous()
                .ExcludeFromDescription();
        return app;
    }

    public static IResult GetPage(
        HttpContext http, PaneAssets assets, AddinMode mode, IOptions<EntraOptions> entra, IOptions<ManifestOptions> manifest,
        IOptionsMonitor<HostFilteringOptions> hosts)
    {
        var config = AuthApi.GetConfig(http, mode, entra, manifest, hosts).Value!;
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(config);
        return Results.Text(assets.Render(JsonSerializer.Serialize(config, Json)), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary><paramref name="serve"/>, with <paramref name="setHeaders"/> run just before its response starts.</summary>
    private static RequestDelegate BeforeResponse(RequestDelegate serve, Action<HttpContext> setHeaders) => context =>
    {
        context.Response.OnStarting(() =>
        {
            setHeaders(context);
            return Task.CompletedTask;
        });
        return serve(context);
    };

    /// <summary>The policy of the sign-in dialog's page or of the Smart Alert's page, by route; null for any other file.</summary>
    private static Func<HttpContext, string>? OtherPagePolicy(string route) => route.TrimStart('/') switch
    {
        // The dialog runs MSAL.js against the same authority as the pane: the pane's policy.
        AuthApi.SignInDialogPath => context => ContentSecurityPolicy(SignInConfigOf(context)),
        LaunchEventPage => _ => LaunchEventPolicy,
        _ => null,
    };

    /// <summary>The page Outlook loads for event-based activation (the Smart Alert on sending an invite).</summary>
    public const string LaunchEventPage = "launchevent.html";

    /// <summary>
    /// The Smart Alert's page runs two scripts, office.js and launchevent.js, and shows nothing: it
    /// may load scripts from this host and the Office CDN and talk to them, nothing else.
    /// </summary>
    public static readonly string LaunchEventPolicy = string.Join("; ",
        "default-src 'none'",
        $"script-src 'self' {OfficeCdn}",
        $"connect-src 'self' {OfficeCdn}",
        "base-uri 'none'",
        "form-action 'none'");

    private static SignInConfig SignInConfigOf(HttpContext http)
    {
        var services = http.RequestServices;
        return AuthApi.GetConfig(http, services.GetRequiredService<AddinMode>(), services.GetRequiredService<IOptions<EntraOptions>>(),
            services.GetRequiredService<IOptions<ManifestOptions>>(), services.GetRequiredService<IOptionsMonitor<HostFilteringOptions>>()).Value!;
    }

    /// <summary>
    /// Scripts from this host and the Office CDN only, none inline (the settings block is JSON, which
    /// the browser does not run); requests to this host and, in Microsoft 365 mode, the sign-in
    /// authority MSAL.js talks to. Inline styles stay allowed for the sandboxed mail frames, which
    /// inherit this policy and carry their message's own styles.
    /// </summary>
    public static string ContentSecurityPolicy(SignInConfig config)
    {
        var authority = config.Authority is { } a && Uri.TryCreate(a, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {OfficeCdn}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            $"connect-src 'self'{authority}",
            $"frame-src 'self'{authority}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'");
    }
}

/// <summary>The pane's page template with its asset addresses resolved, read once at start.</summary>
public sealed class PaneAssets
{
    private readonly string before;
    private readonly string after;

    private PaneAssets(string before, string after)
    {
        this.before = before;
        this.after = after;
    }

    /// <summary>The content-named address of each asset (label → route), as the static assets manifest lists them.</summary>
    public FrozenDictionary<string, string> Fingerprinted { get; private init; } = FrozenDictionary<string, string>.Empty;

    public string Render(string configJson) =>
        // The JSON serializer escapes <, > and & (\u003C...), so no value can close the script element.
        $"{before}<script type=\"application/json\" id=\"pane-config\">{configJson}</script>{after}";

    public static PaneAssets Load(IWebHostEnvironment environment)
    {
        using var stream = typeof(PaneAssets).Assembly.GetManifestResourceStream(PanePage.ResourceName)
            ?? throw new InvalidOperationException($"The pane's page ({PanePage.ResourceName}) is not embedded in the host.");
        var template = new StreamReader(stream).ReadToEnd();

        var fingerprinted = FingerprintedRoutes(Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.endpoints.json"));
        string Resolve(string path) => fingerprinted.TryGetValue(path, out var route) ? route : path;

        var preload = new StringBuilder();
        var entry = ReadEntry(environment.WebRootFileProvider.GetFileInfo("dist/pane.assets.json"));
        foreach (var chunk in entry?.Preload ?? [])
            // Chunks are named by esbuild's content hash and imported by that name: preload the same address.
            preload.Append($"<link rel=\"modulepreload\" href=\"{chunk}\">");

        var page = template
            .Replace("\"dist/pane.js\"", $"\"{Resolve("dist/pane.js")}\"", StringComparison.Ordinal)
            .Replace("\"dist/pane.css\"", $"\"{Resolve("dist/pane.css")}\"", StringComparison.Ordinal);
        var at = page.IndexOf(ConfigMarkerText, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"The pane's page has no {ConfigMarkerText} marker.");
        return new PaneAssets(page[..at], preload + page[(at + ConfigMarkerText.Length)..]) { Fingerprinted = fingerprinted };
    }

    private const string ConfigMarkerText = "<!-- pane-config -->";

    private static FrozenDictionary<string, string> FingerprintedRoutes(string manifestPath)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(manifestPath)) return routes.ToFrozenDictionary();
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        foreach (var endpoint in document.RootElement.GetProperty("Endpoints").EnumerateArray())
        {
            string? label = null, fingerprint = null;
            foreach (var property in endpoint.GetProperty("EndpointProperties").EnumerateArray())
            {
                var name = property.GetProperty("Name").GetString();
                if (name == "label") label = property.GetProperty("Value").GetString();
                else if (name == "fingerprint") fingerprint = property.GetProperty("Value").GetString();
            }
            if (label is not null && fingerprint is not null)
                routes.TryAdd(label, endpoint.GetProperty("Route").GetString()!);
        }
        return routes.ToFrozenDictionary();
    }

    private static PaneEntry? ReadEntry(Microsoft.Extensions.FileProviders.IFileInfo file)
    {
        if (!file.Exists) return null;
        using var stream = file.CreateReadStream();
        var entries = JsonSerializer.Deserialize<Dictionary<string, PaneEntry>>(stream, WebJson);
        return entries?.GetValueOrDefault("pane");
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record PaneEntry(string Script, string? Stylesheet, string[] Preload);
}
