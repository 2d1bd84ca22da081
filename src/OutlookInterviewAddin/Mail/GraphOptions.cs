using System.ComponentModel.DataAnnotations;

namespace OutlookInterviewAddin.Mail;

/// <summary>How the host reaches Microsoft Graph (section "Graph").</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph's v1.0 endpoint in Microsoft 365 mode; national clouds set theirs.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// In local mode, where the host's own local mailbox is reached; empty means this host's own
    /// listening address followed by /graph/v1.0.
    /// </summary>
    public string? LocalBaseUrl { get; set; }

    /// <summary>How long one Graph call may take before it counts as timed out and is retried.</summary>
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts of one mailbox operation (a lookup and a create) before the user is told to try again.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The longest Retry-After the host waits out inside the user's request; a longer one goes back to
    /// the pane as "try again in N seconds".
    /// </summary>
    [Range(0, 120)]
    public int MaxWaitSeconds { get; set; } = 5;

    /// <summary>Credentials kept for on-behalf-of exchanges, one per user token, at most this many.</summary>
    [Range(1, 1_000_000)]
    public int CredentialCacheSize { get; set; } = 10_000;
}
