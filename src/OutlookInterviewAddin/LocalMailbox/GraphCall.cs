using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.LocalMailbox;

/// <summary>
/// Everything one Graph call runs with: the signed-in user's mailbox (the context's query filter
/// keeps it theirs), the time, where the host is reached, and the request's preferences. A route
/// builds it from its HTTP request, a $batch step from the step's own headers.
/// </summary>
public sealed class GraphCall(AppDbContext db, CurrentUser user, TimeProvider clock, string origin, IEnumerable<string?> preferHeaders)
{
    public AppDbContext Db { get; } = db;

    public CurrentUser User { get; } = user;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    /// <summary>scheme://host[:port][/pathbase] of this host, as the caller reached it.</summary>
    public string Origin { get; } = origin;

    /// <summary>The Graph service root the SDK is pointed at.</summary>
    public string ServiceRoot => $"{Origin}/graph/v1.0";

    private readonly IReadOnlyList<string?> prefer = [.. preferHeaders];
    private NamedZone? zone;

    /// <summary>The zone event times are answered in (Prefer: outlook.timezone), UTC by default; refused when unknown.</summary>
    public NamedZone Zone => zone ??= GraphTime.PreferredZone(prefer);

    /// <summary>Refuses the call now, before any work, when its Prefer header names an unknown time zone.</summary>
    public void CheckPreferences() => _ = Zone;

    /// <summary>The user as a sender: the token's name and preferred_username.</summary>
    public MailboxAddress Me => new(User.DisplayName, User.Email ?? "me@localhost");

    /// <summary>@odata.context for a resource path under the user, e.g. "messages/$entity".</summary>
    public string Context(string path) => $"{ServiceRoot}/$metadata#users('{User.ObjectId}')/{path}";

    /// <summary>Where the item shows in the pane's local mailbox page.</summary>
    public string WebLink(string id) => $"{Origin}/#/mailbox?item={Uri.EscapeDataString(id)}";

    public static GraphCall For(HttpContext http, AppDbContext db, CurrentUser user, TimeProvider clock, IEnumerable<string?>? preferHeaders = null) =>
        new(db, user, clock, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}",
            preferHeaders ?? [.. http.Request.Headers["Prefer"]]);

    /// <summary>A new opaque id, URL-safe base64 like the REST ids Outlook converts to and from EWS ids.</summary>
    public static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(33));
}
