using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Hosting;

namespace OutlookInterviewAddin.Mail;

/// <summary>
/// Seams for the network below the Graph SDK and below Azure.Identity. Production leaves them
/// empty; tests put a handler there (the in-memory host, a fault injector, a token endpoint).
/// </summary>
public sealed class GraphTransportOptions
{
    /// <summary>The handler Graph requests finally go through, below the SDK's retry and redirect handlers.</summary>
    public Func<IServiceProvider, HttpMessageHandler>? GraphHandler { get; set; }

    /// <summary>The handler Azure.Identity's token requests go through (the on-behalf-of exchange).</summary>
    public Func<IServiceProvider, HttpMessageHandler>? IdentityHandler { get; set; }
}

/// <summary>
/// The one HttpClient every Graph client shares: the SDK's middleware (retry honouring
/// Retry-After, redirects, compression) over one connection pool. Authentication is not part of
/// it: each user's GraphServiceClient adds their own token.
/// </summary>
public sealed class GraphHttp : IDisposable
{
    public GraphHttp(IServiceProvider services, IOptions<GraphTransportOptions> transport, IOptions<GraphOptions> options, AddinMode mode)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        // The SDK retries 429/503/504 three times by default, waiting as long as Retry-After says.
        // Inside a user's request a long wait is worse than a clear "try again in N seconds".
        var maxWait = options.Value.MaxWaitSeconds;
        // The delegate decides alone (it replaces the status check), so it names the statuses itself;
        // its delay argument is the configured one, so the server's Retry-After is read here.
        var retry = new RetryHandlerOption
        {
            MaxRetry = 2,
            Delay = 1,
            ShouldRetry = (_, _, response) => (int)response.StatusCode is 429 or 503 or 504 && RetryAfterSeconds(response) <= maxWait,
        };
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(retry);
        }
        var final = transport.Value.GraphHandler?.Invoke(services) ?? DefaultHandler(services, mode);
        Client = GraphClientFactory.Create(handlers, finalHandler: final);
        Client.Timeout = Timeout.InfiniteTimeSpan; // each call has its own attempt timeout
    }

    public HttpClient Client { get; }

    private static double RetryAfterSeconds(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta.TotalSeconds,
        { Date: { } date } => Math.Max(0, (date - DateTimeOffset.UtcNow).TotalSeconds),
        _ => 0,
    };

    // In local mode the host calls its own HTTPS endpoint: trust exactly the certificate it serves.
    private static SocketsHttpHandler DefaultHandler(IServiceProvider services, AddinMode mode)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (mode.IsLocal)
        {
            var served = services.GetService<ServedCertificate>();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (served?.Thumbprint is { } pinned && certificate is not null
                    && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinned, StringComparison.OrdinalIgnoreCase));
        }
        return handler;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Hands out the Graph client for the signed-in user of a request. Local mode: the host's own
/// local mailbox, called with the user's own local token. Microsoft 365 mode: graph.microsoft.com,
/// with a token obtained on behalf of the user (their token as the assertion, their own tenant).
/// One credential per user token is kept until the token expires, so its cached Graph token serves
/// every request the pane makes with that token: one exchange, not one per request.
/// </summary>
public sealed class GraphClients : IDisposable
{
    /// <summary>The Graph permissions every token the host obtains for a user carries: the ones the registration was consented to.</summary>
    internal const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly GraphHttp http;
    private readonly AddinMode mode;
    private readonly EntraOptions entra;
    private readonly GraphOptions options;
    private readonly IServer server;
    private readonly TimeProvider clock;
    private readonly HttpMessageHandler? identityHandler;
    private readonly MemoryCache credentials;

    public GraphClients(GraphHttp http, AddinMode mode, IOptions<EntraOptions> entra, IOptions<GraphOptions> options,
        IOptions<GraphTransportOptions> transport, IServer server, TimeProvider clock, IServiceProvider services)
    {
        this.http = http;
        this.mode = mode;
        this.entra = entra.Value;
        this.options = options.Value;
        this.server = server;
        this.clock = clock;
        identityHandler = transport.Value.IdentityHandler?.Invoke(services);
        credentials = new MemoryCache(new MemoryCacheOptions { SizeLimit = this.options.CredentialCacheSize });
    }

    /// <summary>The Graph client acting for <paramref name="user"/>, whose API access token is <paramref name="userToken"/>.</summary>
    public GraphServiceClient For(CurrentUser user, string userToken)
    {
        if (mode.IsLocal)
        {
            var baseUrl = LocalBaseUrl();
            var provider = new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(userToken, new Uri(baseUrl).Host));
            return new GraphServiceClient(http.Client, provider, baseUrl);
        }

        var credential = credentials.GetOrCreate(CacheKey(userToken), entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpiration = ExpiryOf(userToken);
            return NewCredential(user, userToken);
        })!;
        var graphHost = new Uri(options.BaseUrl).Host;
        var auth = new AzureIdentityAuthenticationProvider(credential, [graphHost], null, false, GraphScope);
        return new GraphServiceClient(http.Client, auth, options.BaseUrl.TrimEnd('/'));
    }

    private OnBehalfOfCredential NewCredential(CurrentUser user, string userToken)
    {
        var credentialOptions = new OnBehalfOfCredentialOptions
        {
            AuthorityHost = new Uri(entra.NormalizedInstance),
            // National clouds and test authorities are not in Entra's instance-discovery list.
            DisableInstanceDiscovery = !new Uri(entra.NormalizedInstance).Host.EndsWith("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase),
        };
        if (identityHandler is not null)
            credentialOptions.Transport = new HttpClientTransport(new HttpClient(identityHandler, disposeHandler: false));
        // The user's own tenant, also when the registration is multi-tenant ("organizations").
        return new OnBehalfOfCredential(user.TenantId.ToString(), entra.ClientId!.Trim(), entra.ClientSecret!, userToken, credentialOptions);
    }

    private DateTimeOffset ExpiryOf(string token)
    {
        try
        {
            var expires = new JsonWebToken(token).ValidTo;
            if (expires > clock.GetUtcNow().UtcDateTime) return new DateTimeOffset(expires, TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
        }
        return clock.GetUtcNow().AddMinutes(5);
    }

    private static string CacheKey(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string LocalBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.LocalBaseUrl)) return options.LocalBaseUrl.TrimEnd('/');
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null) return "http://localhost/graph/v1.0"; // the in-process test server
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        return uri.Uri.GetLeftPart(UriPartial.Authority) + "/graph/v1.0";
    }

    public void Dispose() => credentials.Dispose();

    private sealed class StaticTokenProvider(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }
}
