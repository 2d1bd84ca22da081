using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Mail;

/// <summary>The item a create made or found: its Graph id, and a link to open it when Graph gives one.</summary>
/// <param name="Outcome">created, updated (the draft existed and was rewritten) or resumed (an invite that had stopped half-way).</param>
public sealed record DraftCreated(DraftKind Kind, string ItemId, string? WebLink, string Outcome, bool IsReply, InterviewDto Interview);

public static class DraftsApi
{
    // A claim older than this belongs to a request that died; the next press takes it over.
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    /// <summary>Graph access: options, the shared HTTP pipeline, and a Graph client per signed-in user.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GraphTransportOptions>();
        services.AddSingleton<GraphHttp>();
        services.AddSingleton<GraphClients>();
        return services;
    }

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/interviews/{id:guid}/drafts").RequireAuthorization().WithTags("Drafts");
        drafts.MapPost("/{kind}/preview", Preview);
        drafts.MapPost("/{kind}", Create);
        return app;
    }

    /// <summary>The draft composed from what is stored, with the user's edits applied and checked. Touches no mailbox.</summary>
    public static async Task<IResult> Preview(Guid id, string kind, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DraftInput? input,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (ParseKind(kind) is not { } k) return UnknownKind();
        var (draft, gap) = await DraftSources.ComposeAsync(db, id, k, input ?? new DraftInput(), clock, ct);
        return gap is not null ? GapProblem(gap) : TypedResults.Ok(draft!.Preview);
    }

    /// <summary>
    /// Creates the draft in the user's Drafts folder, or the invite in their calendar, through Graph.
    /// Safe to repeat: a second press rewrites the draft it made (or finishes the invite where it
    /// stopped) instead of making another.
    /// </summary>
    public static async Task<IResult> Create(Guid id, string kind, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DraftInput? input,
        HttpContext http, AppDbContext db, CurrentUser user, GraphClients graphClients, IOptions<GraphOptions> options, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (ParseKind(kind) is not { } k) return UnknownKind();
        input ??= new DraftInput();
        if (input.ReplyToMessageId is { } reply && (reply.Length > 512 || string.IsNullOrWhiteSpace(reply)))
            return GapProblem(new DraftGap(400, ApiText.Get("Drafts.UnknownMessage"), ApiText.Get("Drafts.UnknownMessage.Detail"), Field: "replyToMessageId"));

        // Claimed before anything is read, so the work starts from what the previous press saved.
        var claim = await ClaimAsync(db, id, k, clock);
        if (claim is null)
            return TypedResults.Problem(title: ApiText.Get("Drafts.InProgress"), statusCode: StatusCodes.Status409Conflict,
                detail: ApiText.Get("Drafts.InProgress.Detail"),
                extensions: new Dictionary<string, object?> { ["inProgress"] = true });
        try
        {
            var (draft, gap) = await DraftSources.ComposeAsync(db, id, k, input, clock, ct);
            if (gap is not null) return GapProblem(gap);
            var gateway = new MailboxGateway(graphClients.For(user, BearerToken(http)), options.Value);
            var workflow = new DraftWorkflow(db, gateway, options.Value, clock);
            // Once Graph has started, the work finishes even if the pane goes away: no half-done invite.
            var (item, outcome, isReply) = k == DraftKind.Invite
                ? await workflow.SendInviteAsync(draft!)
                : await workflow.CreateMessageAsync(draft!, k, input);
            var dto = await InterviewView.ToDtoAsync(db, draft!.Interview, clock.GetUtcNow(), CancellationToken.None);
            var created = new DraftCreated(k, item.Id, SafeLink(item.WebLink), outcome, isReply, dto);
            return outcome == "updated" ? TypedResults.Ok(created) : TypedResults.Created((string?)null, created);
        }
        catch (DraftRefusedException refused)
        {
            return GapProblem(refused.Gap);
        }
        catch (MailboxException failure)
        {
            loggers.CreateLogger("OutlookInterviewAddin.Mail").LogWarning(failure, "Creating the {Kind} for interview {InterviewId} failed: {Failure} (retry after {RetryAfter})", k, id, failure.Failure, failure.RetryAfter);
            return MailboxProblem(failure);
        }
        finally
        {
            await db.MailboxOperations.Where(o => o.Id == claim.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    private static async Task<MailboxOperation?> ClaimAsync(AppDbContext db, Guid interviewId, DraftKind kind, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var claim = new MailboxOperation { InterviewId = interviewId, Kind = kind.ToString(), StartedAt = now };
        db.MailboxOperations.Add(claim);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return claim;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            var staleBefore = now - StaleClaim;
            var taken = await db.MailboxOperations
                .Where(o => o.InterviewId == interviewId && o.Kind == claim.Kind && o.StartedAt < staleBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.StartedAt, now), CancellationToken.None);
            return taken == 1
                ? await db.MailboxOperations.AsNoTracking().FirstAsync(o => o.InterviewId == interviewId && o.Kind == claim.Kind, CancellationToken.None)
                : null;
        }
    }

    private static DraftKind? ParseKind(string kind) => kind.ToUpperInvariant() switch
    {
        "OUTREACH" => DraftKind.Outreach,
        "INVITE" => DraftKind.Invite,
        "THANKYOU" => DraftKind.ThankYou,
        _ => null,
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownKind() =>
        TypedResults.Problem(title: ApiText.Get("NotFound.Title"), detail: ApiText.Get("NotFound.DraftKind"), statusCode: StatusCodes.Status404NotFound);

    internal static IResult GapProblem(DraftGap gap)
    {
        var extensions = new Dictionary<string, object?>();
        if (gap.Missing is not null) extensions["missing"] = gap.Missing;
        if (gap.Field is not null) extensions["errors"] = new Dictionary<string, string[]> { [gap.Field] = [gap.Detail] };
        foreach (var (key, value) in gap.Extensions ?? new Dictionary<string, object?>()) extensions[key] = value;
        return TypedResults.Problem(title: gap.Title, detail: gap.Detail, statusCode: gap.Status, extensions: extensions);
    }

    /// <summary>A failed Graph call as a ProblemDetails the pane can act on; never a 500.</summary>
    internal static IResult MailboxProblem(MailboxException failure)
    {
        var seconds = failure.RetryAfter is { } wait ? (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds)) : (int?)null;
        (int Status, string Title, string Detail, string? Action) problem = failure.Failure switch
        {
            MailboxFailure.Throttled => (429, ApiText.Get("Mailbox.Throttled"), ApiText.Format("Mailbox.Throttled.Detail", seconds ?? 10), null),
            MailboxFailure.Unavailable or MailboxFailure.TimedOut => (503, ApiText.Get("Mailbox.Unavailable"), ApiText.Get("Mailbox.Unavailable.Detail"), null),
            MailboxFailure.ConsentRequired => (403, ApiText.Get("Mailbox.Consent"), ApiText.Get("Mailbox.Consent.Detail"), "consent"),
            MailboxFailure.SignInRequired => (401, ApiText.Get("Mailbox.SignIn"), ApiText.Get("Mailbox.SignIn.Detail"), "signIn"),
            MailboxFailure.NotFound => (409, ApiText.Get("Mailbox.Gone"), ApiText.Get("Mailbox.Gone.Detail"), null),
            _ => (502, ApiText.Get("Mailbox.Refused"), ApiText.Format("Mailbox.Refused.Detail", failure.Message), null),
        };
        var extensions = new Dictionary<string, object?>();
        if (problem.Action is not null) extensions["action"] = problem.Action;
        if (seconds is not null || failure.Failure == MailboxFailure.Throttled) extensions["retryAfterSeconds"] = seconds ?? 10;
        var result = TypedResults.Problem(title: problem.Title, detail: problem.Detail, statusCode: problem.Status, extensions: extensions);
        return seconds is null ? result : new WithRetryAfter(result, seconds.Value);
    }

    // The user's own token for this API: in local mode it is also the local mailbox's token, in
    // Microsoft 365 mode the assertion of the on-behalf-of exchange. JwtBearer has validated it.
    internal static string BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }

    private static string? SafeLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
