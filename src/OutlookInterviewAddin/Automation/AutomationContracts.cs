using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Mail;

namespace OutlookInterviewAddin.Automation;

/// <summary>
/// The follow-through jobs' way into a user's mailbox while the user is away: in local mode the
/// host's own local mailbox, in Microsoft 365 mode the long-running on-behalf-of session the user
/// began by turning automation on.
/// </summary>
public interface IBackgroundMailbox
{
    /// <summary>The mailbox of <paramref name="owner"/>, or why it cannot be opened now (no session, grant revoked).</summary>
    Task<BackgroundMailbox> OpenAsync(DataOwner owner, CancellationToken ct);
}

/// <param name="Gateway">The gateway to draft with; null when the mailbox cannot be opened.</param>
/// <param name="Problem">When it cannot: a sentence for the user ("Automation stopped: …"), shown in the pane.</param>
/// <param name="Revoked">True when the user's grant was revoked or expired: automation stays off until they turn it on again.</param>
public sealed record BackgroundMailbox(MailboxGateway? Gateway, string? Problem = null, bool Revoked = false);

/// <summary>
/// Begins and ends the session the jobs act through. Automation is turned on in a request of the
/// user's (their access token is at hand) and may be turned off in one, or end because the grant
/// was revoked.
/// </summary>
public interface IAutomationSession
{
    /// <summary>Begins (or renews) the session from the user's API access token.</summary>
    Task BeginAsync(CurrentUser user, string userAccessToken, CancellationToken ct);

    /// <summary>Ends the session and forgets everything it stored for the user.</summary>
    Task EndAsync(DataOwner owner, CancellationToken ct);
}
