namespace OutlookInterviewAddin.Auth;

/// <summary>
/// The Microsoft Entra app registration this add-in's API trusts. Leaving TenantId and ClientId
/// empty runs the host in local mode; filling them switches it to Microsoft 365 mode.
/// </summary>
public sealed class EntraOptions
{
    public const string Section = "AzureAd";

    /// <summary>The authority host: https://login.microsoftonline.com/ or a national cloud's.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>A tenant id (GUID), or "organizations" / "common" for a multi-tenant registration.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) id of the add-in's app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>The App ID URI, api://&lt;host&gt;/&lt;client-id&gt;; tokens may name it as their audience.</summary>
    public string? AppIdUri { get; set; }

    /// <summary>
    /// The registration's client secret, with which the host exchanges the user's token for a Graph
    /// token (on-behalf-of). A secret: user secrets or the environment, never a file in the repository.
    /// </summary>
    public string? ClientSecret { get; set; }

    internal static readonly string[] MultiTenantNames = ["common", "organizations"];

    public bool AnySet =>
        !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(AppIdUri)
        || !string.IsNullOrWhiteSpace(ClientSecret);

    public bool IsMultiTenant => MultiTenantNames.Contains(TenantId?.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The instance with exactly one trailing slash.</summary>
    public string NormalizedInstance => Instance.Trim().TrimEnd('/') + "/";

    public string Authority => $"{NormalizedInstance}{TenantId!.Trim()}/v2.0";

    /// <summary>The accepted token audiences: the client id and, when set, the App ID URI.</summary>
    public IEnumerable<string> Audiences
    {
        get
        {
            yield return ClientId!.Trim();
            if (!string.IsNullOrWhiteSpace(AppIdUri)) yield return AppIdUri.Trim();
        }
    }

    /// <summary>
    /// The App ID URI tokens are requested for: the configured one, or else the form Office SSO
    /// requires, api://&lt;public host&gt;/&lt;client-id&gt;. The manifest and the pane both use this.
    /// </summary>
    public string AppIdUriFor(Uri publicBaseUrl) =>
        string.IsNullOrWhiteSpace(AppIdUri) ? $"api://{publicBaseUrl.Authority}/{ClientId!.Trim()}" : AppIdUri.Trim().TrimEnd('/');

    /// <summary>
    /// The problems with a half-filled or malformed registration, each naming the setting to fix.
    /// Empty when the settings are complete, or when none is set (local mode).
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        if (!AnySet) return [];
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(TenantId))
            problems.Add("AzureAd:TenantId is missing: set it to your directory (tenant) id, or to 'organizations' for a multi-tenant registration.");
        else if (!Guid.TryParse(TenantId, out _) && !IsMultiTenant)
            problems.Add($"AzureAd:TenantId '{TenantId}' is neither a GUID nor 'organizations'/'common'.");
        if (string.IsNullOrWhiteSpace(ClientId))
            problems.Add("AzureAd:ClientId is missing: set it to the application (client) id of the add-in's app registration.");
        else if (!Guid.TryParse(ClientId, out _))
            problems.Add($"AzureAd:ClientId '{ClientId}' is not a GUID: copy the application (client) id from the app registration.");
        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance))
            problems.Add($"AzureAd:Instance '{Instance}' is not an absolute URL such as https://login.microsoftonline.com/.");
        else if (instance.Scheme != Uri.UriSchemeHttps && !instance.IsLoopback)
            problems.Add($"AzureAd:Instance '{Instance}' must use https.");
        if (string.IsNullOrWhiteSpace(ClientSecret))
            problems.Add("AzureAd:ClientSecret is missing: the host needs the registration's client secret to reach the user's mailbox on their behalf. Set it with 'dotnet user-secrets set AzureAd:ClientSecret <secret>' or the environment variable AzureAd__ClientSecret.");
        if (!string.IsNullOrWhiteSpace(AppIdUri) && !Uri.TryCreate(AppIdUri, UriKind.Absolute, out _))
            problems.Add($"AzureAd:AppIdUri '{AppIdUri}' is not a URI such as api://your-host/your-client-id.");
        return problems;
    }
}
