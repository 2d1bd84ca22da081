using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.Manifest;

namespace OutlookInterviewAddin.Hosting;

/// <summary>
/// The pane's page (<c>Pane/index.html</c>, embedded): every <c>dist/</c> address replaced by the
/// content-named one <c>MapStaticAssets</c> serves with a year of immutable caching, a
/// <c>modulepreload</c> for each shared chunk the first view imports (<c>dist/pane.assets.json</c>,
/// written by the pane's build), and what <c>GET /auth/config</c> answers inlined as a JSON block,
/// so the pane's first request is its token. The page itself is never cached: a new release is seen
/// on the next load. A Content-Security-Policy allows only what the pane loads. The sign-in dialog's
/// page (<c>Pane/signin-dialog.html</c>) is rendered the same way, without the settings. Both are
/// written in the page's language (<see cref="LanguageOf"/>): their <c>lang</c> and the words they
/// show before their script runs.
/// </summary>
public static class PanePage
{
    public const string ResourceName = "OutlookInterviewAddin.Pane.index.html";

    public const string SignInDialogResourceName = "OutlookInterviewAddin.Pane.signin-dialog.html";

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
            // The Smart Alert's page carries a policy of its own, in every environment.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } page, RequestDelegate: { } servePage } && page.TrimStart('/') == LaunchEventPage)
            {
                endpoint.RequestDelegate = BeforeResponse(servePage, context => context.Response.Headers.ContentSecurityPolicy = LaunchEventPolicy);
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
        app.MapGet("/" + AuthApi.SignInDialogPath, GetSignInDialog)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The language a page is written in: the one the pane names (<c>?lang=fr</c>, as it opens the
    /// sign-in dialog: the pane's own choice, the profile's setting included), else the request's
    /// (Accept-Language, as for the API: French for "fr", "fr-CA"…, English otherwise).
    /// </summary>
    public static CultureInfo LanguageOf(HttpContext http) => http.Request.Query["lang"].ToString() switch
    {
        "fr" => RequestLanguages.French,
        "en" => RequestLanguages.English,
        _ => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? RequestLanguages.French : RequestLanguages.English,
    };

    public static IResult GetPage(
        HttpContext http, PaneAssets assets, AddinMode mode, IOptions<EntraOptions> entra, IOptions<ManifestOptions> manifest,
        IOptionsMonitor<HostFilteringOptions> hosts)
    {
        var config = AuthApi.GetConfig(http, mode, entra, manifest, hosts).Value!;
        SetPageHeaders(http, config);
        return Results.Text(assets.Render(JsonSerializer.Serialize(config, Json), LanguageOf(http)), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The page the pane opens in an Office dialog to sign in with MSAL.js (Microsoft 365 mode).</summary>
    public static IResult GetSignInDialog(
        HttpContext http, PaneAssets assets, AddinMode mode, IOptions<EntraOptions> entra, IOptions<ManifestOptions> manifest,
        IOptionsMonitor<HostFilteringOptions> hosts)
    {
        // The dialog runs MSAL.js against the same authority as the pane: the pane's policy.
        SetPageHeaders(http, AuthApi.GetConfig(http, mode, entra, manifest, hosts).Value!);
        return Results.Text(assets.RenderSignInDialog(LanguageOf(http)), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static void SetPageHeaders(HttpContext http, SignInConfig config)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(config);
        // Written in the request's language: a copy kept by the browser or a proxy is kept per language.
        headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.AcceptLanguage);
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

/// <summary>The pane's page and the sign-in dialog's, their asset addresses resolved and their words in each language, read once at start.</summary>
public sealed partial class PaneAssets
{
    // By language ("en", "fr"): the pane's page on either side of its settings block, and the dialog's page.
    private readonly FrozenDictionary<string, (string Before, string After)> pane;
    private readonly FrozenDictionary<string, string> signInDialog;

    private PaneAssets(FrozenDictionary<string, (string, string)> pane, FrozenDictionary<string, string> signInDialog)
    {
        this.pane = pane;
        this.signInDialog = signInDialog;
    }

    /// <summary>The content-named address of each asset (label → route), as the static assets manifest lists them.</summary>
    public FrozenDictionary<string, string> Fingerprinted { get; private init; } = FrozenDictionary<string, string>.Empty;

    public string Render(string configJson, CultureInfo language)
    {
        var (before, after) = pane[language.TwoLetterISOLanguageName];
        // The JSON serializer escapes <, > and & (\u003C...), so no value can close the script element.
        return $"{before}<script type=\"application/json\" id=\"pane-config\">{configJson}</script>{after}";
    }

    public string RenderSignInDialog(CultureInfo language) => signInDialog[language.TwoLetterISOLanguageName];

    public static PaneAssets Load(IWebHostEnvironment environment)
    {
        var fingerprinted = FingerprintedRoutes(Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.endpoints.json"));
        var entries = ReadEntries(environment.WebRootFileProvider.GetFileInfo("dist/pane.assets.json"));
        string Page(string resourceName, string entry) => Resolve(Template(resourceName), fingerprinted, entries.GetValueOrDefault(entry));

        var page = Page(PanePage.ResourceName, "pane");
        var dialog = Page(PanePage.SignInDialogResourceName, "signin-dialog");
        if (!page.Contains(ConfigMarkerText, StringComparison.Ordinal)) throw new InvalidOperationException($"The pane's page has no {ConfigMarkerText} marker.");
        CultureInfo[] languages = [RequestLanguages.English, RequestLanguages.French];
        return new PaneAssets(
            languages.ToFrozenDictionary(l => l.TwoLetterISOLanguageName, l =>
            {
                var written = InLanguage(page, l);
                var at = written.IndexOf(ConfigMarkerText, StringComparison.Ordinal);
                return (written[..at], written[(at + ConfigMarkerText.Length)..]);
            }),
            languages.ToFrozenDictionary(l => l.TwoLetterISOLanguageName, l => InLanguage(dialog, l)))
        { Fingerprinted = fingerprinted };
    }

    private static string Template(string resourceName)
    {
        using var stream = typeof(PaneAssets).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The page {resourceName} is not embedded in the host.");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Each dist/ address replaced by its content-named route, and a modulepreload for each chunk the entry imports, where the settings go or before the head ends.</summary>
    private static string Resolve(string template, FrozenDictionary<string, string> fingerprinted, PaneEntry? entry)
    {
        string Route(string path) => fingerprinted.TryGetValue(path, out var route) ? route : path;
        var preload = new StringBuilder();
        foreach (var chunk in entry?.Preload ?? [])
            // Chunks are named by esbuild's content hash and imported by that name: preload the same address.
            preload.Append($"<link rel=\"modulepreload\" href=\"{chunk}\">");
        var page = DistAddress().Replace(template, m => $"\"{Route(m.Groups[1].Value)}\"");
        var at = page.IndexOf(ConfigMarkerText, StringComparison.Ordinal);
        if (at >= 0) return page[..(at + ConfigMarkerText.Length)] + preload + page[(at + ConfigMarkerText.Length)..];
        at = page.IndexOf("</head>", StringComparison.Ordinal);
        return page[..at] + preload + page[at..];
    }

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page in <paramref name="language"/>: its lang, and each data-text element's text from the API's sentences (Localization/ApiStrings).</summary>
    private static string InLanguage(string page, CultureInfo language) =>
        DataText().Replace(page.Replace("<html lang=\"en\">", $"<html lang=\"{language.TwoLetterISOLanguageName}\">", StringComparison.Ordinal),
            m => $"<{m.Groups["tag"].Value}{m.Groups["attributes"].Value}>{Encoder.Encode(ApiText.Get(m.Groups["key"].Value, language))}</{m.Groups["tag"].Value}>");

    // <p id="status" data-text="Dialog.Status">Signing you in…</p>: the English text stays in the file, as a reader of it expects.
    [GeneratedRegex(@"<(?<tag>[a-z][a-z0-9]*)(?<attributes>[^>]*?) data-text=""(?<key>[A-Za-z.]+)"">[^<]*</\k<tag>>")]
    private static partial Regex DataText();

    [GeneratedRegex(@"""(dist/[A-Za-z0-9_.-]+\.(?:js|css))""")]
    private static partial Regex DistAddress();

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

    private static Dictionary<string, PaneEntry> ReadEntries(Microsoft.Extensions.FileProviders.IFileInfo file)
    {
        if (!file.Exists) return [];
        using var stream = file.CreateReadStream();
        return JsonSerializer.Deserialize<Dictionary<string, PaneEntry>>(stream, WebJson) ?? [];
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record PaneEntry(string Script, string? Stylesheet, string[] Preload);
}
