using Microsoft.Extensions.Options;

namespace OutlookInterviewAddin.Manifest;

/// <summary>How the host renders the add-in manifest it serves at /manifest.xml.</summary>
public sealed class ManifestOptions
{
    public const string Section = "Manifest";

    /// <summary>
    /// The https address users reach this host at, for example https://interviews.contoso.com (a
    /// path such as https://contoso.com/interviews works too). When empty, the manifest is rendered
    /// for the address each request came to; set it when the host sits behind a proxy or load
    /// balancer, so the manifest never depends on a request's Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured base URL, without a trailing slash, or null when none is set.</summary>
    public Uri? ConfiguredBaseUrl =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.Trim().TrimEnd('/'), UriKind.Absolute);

    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl)) return null;
        if (!Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var url))
            return $"Manifest:PublicBaseUrl '{PublicBaseUrl}' is not an absolute URL such as https://interviews.contoso.com.";
        if (url.Scheme != Uri.UriSchemeHttps)
            return $"Manifest:PublicBaseUrl '{PublicBaseUrl}' must use https: Outlook loads add-ins only over https.";
        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
            return $"Manifest:PublicBaseUrl '{PublicBaseUrl}' must be a plain address (scheme, host, optional port and path), without query, fragment or credentials.";
        return null;
    }
}

internal sealed class ManifestOptionsValidator : IValidateOptions<ManifestOptions>
{
    public ValidateOptionsResult Validate(string? name, ManifestOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
