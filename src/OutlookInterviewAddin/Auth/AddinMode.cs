using Microsoft.Extensions.Options;

namespace OutlookInterviewAddin.Auth;

public enum AddinModeKind
{
    /// <summary>No Entra settings: the host signs tokens for one local user and mail stays on this machine.</summary>
    Local,

    /// <summary>Entra settings present: only Entra ID access tokens for this add-in are accepted.</summary>
    Microsoft365,
}

/// <summary>Which mode the host runs in, decided once from configuration.</summary>
public sealed class AddinMode(IOptions<EntraOptions> entra)
{
    public AddinModeKind Kind { get; } = entra.Value.AnySet ? AddinModeKind.Microsoft365 : AddinModeKind.Local;

    public bool IsLocal => Kind == AddinModeKind.Local;

    /// <summary>The name the pane and the logs use: "local" or "microsoft365".</summary>
    public string Name => IsLocal ? "local" : "microsoft365";

    /// <summary>The mode the configuration chooses, for registrations made before the services exist.</summary>
    public static AddinModeKind From(IConfiguration configuration) =>
        (configuration.GetSection(EntraOptions.Section).Get<EntraOptions>() ?? new EntraOptions()).AnySet ? AddinModeKind.Microsoft365 : AddinModeKind.Local;
}
