using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// The real Microsoft Graph SDK pointed at the in-process host's local mailbox: the SDK's own
/// middleware (retry, redirect, headers) over the test server's handler, and a bearer token from
/// the host's local issuer, which the SDK sends only to the hosts its validator allows.
/// </summary>
public static class LocalGraph
{
    public const string BaseUrl = "http://localhost/graph/v1.0";

    /// <summary>A Graph client acting as <paramref name="user"/>; dispose it with the test.</summary>
    public static GraphServiceClient ClientFor(AddinFactory factory, TestUser user)
    {
        var http = GraphClientFactory.Create(finalHandler: factory.Server.CreateHandler());
        var auth = new BaseBearerTokenAuthenticationProvider(new FixedToken(factory.LocalTokenFor(user)));
        return new GraphServiceClient(http, auth, BaseUrl);
    }

    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["localhost"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }
}
