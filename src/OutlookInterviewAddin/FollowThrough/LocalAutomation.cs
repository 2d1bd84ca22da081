using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Mail;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>
/// Local mode: the jobs reach the host's own local mailbox with a short-lived token the host issues
/// for the user, as the pane's requests do. Nothing leaves the machine.
/// </summary>
public sealed class LocalBackgroundMailbox(GraphClients clients, LocalTokenIssuer issuer, IOptions<GraphOptions> options, IOptions<LocalUserOptions> localUser)
    : IBackgroundMailbox
{
    public Task<BackgroundMailbox> OpenAsync(DataOwner owner, CancellationToken ct)
    {
        if (owner.IsNobody) return Task.FromResult(new BackgroundMailbox(null, "Automation needs a signed-in user."));
        var user = new CurrentUser { TenantId = owner.TenantId, ObjectId = owner.ObjectId, DisplayName = localUser.Value.DisplayName, Email = localUser.Value.Email };
        // JwtBearer checks a token's lifetime against the wall clock, whatever clock the app reads.
        var token = issuer.Issue(owner.TenantId, owner.ObjectId, user.DisplayName, user.Email!, TimeSpan.FromMinutes(15), issuedAt: DateTimeOffset.UtcNow);
        return Task.FromResult(new BackgroundMailbox(new MailboxGateway(clients.For(user, token.AccessToken), options.Value)));
    }
}

/// <summary>Local mode needs no session: the host can always reach its own mailbox.</summary>
public sealed class LocalAutomationSession : IAutomationSession
{
    public Task BeginAsync(CurrentUser user, string userAccessToken, CancellationToken ct) => Task.CompletedTask;

    public Task EndAsync(DataOwner owner, CancellationToken ct) => Task.CompletedTask;
}
