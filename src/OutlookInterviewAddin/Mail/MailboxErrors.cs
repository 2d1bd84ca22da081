using System.Globalization;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace OutlookInterviewAddin.Mail;

/// <summary>Why a mailbox operation failed, in the terms the pane acts on.</summary>
public enum MailboxFailure
{
    /// <summary>Graph asked to slow down (429): try again after <see cref="MailboxException.RetryAfter"/>.</summary>
    Throttled,
    /// <summary>Graph or the mailbox is unavailable for now (503, 504, 502).</summary>
    Unavailable,
    /// <summary>A call did not answer in time; it may or may not have taken effect.</summary>
    TimedOut,
    /// <summary>The user (or their admin) has not consented to the mailbox permissions.</summary>
    ConsentRequired,
    /// <summary>The user must sign in again (conditional access, an expired or revoked grant).</summary>
    SignInRequired,
    /// <summary>The item does not exist (any more).</summary>
    NotFound,
    /// <summary>Graph refused the request (400, 403…): not worth retrying.</summary>
    Refused,
}

/// <summary>A failed Graph call, translated from the SDK's and Azure.Identity's exceptions.</summary>
public sealed class MailboxException(MailboxFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public MailboxFailure Failure { get; } = failure;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Worth trying again inside the same request (after a short wait).</summary>
    public bool IsTransient => Failure is MailboxFailure.Throttled or MailboxFailure.Unavailable or MailboxFailure.TimedOut;

    /// <summary>The exception as a <see cref="MailboxException"/>, or null when it is not a Graph or sign-in failure.</summary>
    public static MailboxException? From(Exception exception) => exception switch
    {
        MailboxException mailbox => mailbox,
        // The SDK's retry handler gives up with every attempt's failure; the last one says why.
        AggregateException { InnerExceptions.Count: > 0 } all => From(all.InnerExceptions[^1]),
        AuthenticationFailedException auth => FromSignIn(auth),
        ApiException api when FindSignIn(api) is { } auth => FromSignIn(auth),
        ApiException api => FromGraph(api),
        _ when FindSignIn(exception) is { } auth => FromSignIn(auth),
        _ => null,
    };

    private static AuthenticationFailedException? FindSignIn(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
            if (e is AuthenticationFailedException auth) return auth;
        return null;
    }

    private static MailboxException FromGraph(ApiException api)
    {
        var code = (api as ODataError)?.Error?.Code ?? "";
        var message = (api as ODataError)?.Error?.Message ?? api.Message;
        return api.ResponseStatusCode switch
        {
            429 => new MailboxException(MailboxFailure.Throttled, message, RetryAfterOf(api) ?? TimeSpan.FromSeconds(10), api),
            502 or 503 or 504 => new MailboxException(MailboxFailure.Unavailable, message, RetryAfterOf(api), api),
            404 => new MailboxException(MailboxFailure.NotFound, message, null, api),
            401 when code.Contains("InvalidAuthenticationToken", StringComparison.OrdinalIgnoreCase) =>
                new MailboxException(MailboxFailure.SignInRequired, message, null, api),
            403 when code.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) || code.Contains("Authorization", StringComparison.OrdinalIgnoreCase) =>
                new MailboxException(MailboxFailure.ConsentRequired, message, null, api),
            _ => new MailboxException(MailboxFailure.Refused, $"{code}: {message}".Trim(' ', ':'), null, api),
        };
    }

    // Entra's answers to an on-behalf-of exchange that the user must act on.
    private static MailboxException FromSignIn(AuthenticationFailedException auth)
    {
        var text = Flatten(auth);
        if (text.Contains("AADSTS65001", StringComparison.OrdinalIgnoreCase) || text.Contains("consent_required", StringComparison.OrdinalIgnoreCase))
            return new MailboxException(MailboxFailure.ConsentRequired, "consent_required", null, auth);
        if (text.Contains("interaction_required", StringComparison.OrdinalIgnoreCase) || text.Contains("invalid_grant", StringComparison.OrdinalIgnoreCase)
            || text.Contains("AADSTS50076", StringComparison.OrdinalIgnoreCase) || text.Contains("AADSTS50079", StringComparison.OrdinalIgnoreCase)
            || text.Contains("AADSTS500133", StringComparison.OrdinalIgnoreCase) || text.Contains("AADSTS50173", StringComparison.OrdinalIgnoreCase))
            return new MailboxException(MailboxFailure.SignInRequired, "interaction_required", null, auth);
        // Anything else (a wrong secret, an unreachable authority) is the host's problem, not the user's.
        return new MailboxException(MailboxFailure.Unavailable, "The token exchange with Microsoft Entra ID failed.", null, auth);
    }

    private static string Flatten(Exception exception)
    {
        var parts = new List<string>();
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            parts.Add(e.Message);
            if (e.GetType().GetProperty("ErrorCode")?.GetValue(e) is string errorCode) parts.Add(errorCode);
        }
        return string.Join(" | ", parts);
    }

    private static TimeSpan? RetryAfterOf(ApiException api)
    {
        if (api.ResponseHeaders is null) return null;
        foreach (var (name, values) in api.ResponseHeaders)
        {
            if (!name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)) continue;
            var value = values.FirstOrDefault();
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return at - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
