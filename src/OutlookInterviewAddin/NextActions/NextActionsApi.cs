using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookInterviewAddin.Caching;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.NextActions;

public static class NextActionsApi
{
    public static IServiceCollection AddNextActions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NextActionsCalculator>();
        return services;
    }

    public static IEndpointRouteBuilder MapNextActions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/next-actions", GetNextActions).RequireAuthorization().CachedPerUser(CachedAnswerKind.NextActions).WithTags("Next actions");
        return app;
    }

    /// <summary>
    /// One page of the signed-in user's next actions, most urgent first, with times in the time zone
    /// of their profile (UTC until they set one). The context's per-user filter keeps other users'
    /// people out.
    /// </summary>
    /// <remarks>
    /// Actions with a due time come first (overdue, then soonest); they come from the few interviews
    /// whose stage and dates can make one now, filtered in SQL with only the columns the rules read.
    /// The people not contacted yet come after them, in name order, and only the page's worth is read.
    /// The cursor is a position in that list, which is recomputed on each request.
    /// </remarks>
    public static async Task<Results<Ok<NextActionsResponse>, ValidationProblem>> GetNextActions(
        int? limit, string? cursor, HttpContext http, AppDbContext db, NextActionsCalculator calculator, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Read(limit, cursor, 1, errors);
        var offset = 0;
        // A position this list handed out: a page start, never past what a user could page through.
        if (page.After is [var after] && (!int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset is < 0 or > MaxOffset))
            errors.Add("cursor", ApiText.Get("Paging.Cursor"));
        if (errors.Any) return errors.Problem();

        var profileZone = await db.Profiles.AsNoTracking().Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        var zone = UserTimeZone.ResolveOrUtc(profileZone);
        var now = time.GetUtcNow();

        // The follow-through setting, read once: its holidays for business days, its lines on the first page.
        var automationSetting = await db.AutomationSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var holidays = automationSetting is { Enabled: true } ? Holidays.For(automationSetting.Country, automationSetting.Province) : null;

        var wanted = page.Limit + 1;
        var dated = await DatedActionsAsync(db, calculator, zone, now, offset + wanted, holidays, ct);
        var items = dated.Skip(offset).Take(wanted).ToList();
        if (items.Count < wanted)
        {
            var skip = Math.Max(0, offset - dated.Count);
            var rows = await FirstContacts(db).Skip(skip).Take(wanted - items.Count).ToListAsync(ct);
            items.AddRange(rows.Select(r => calculator.FirstContact(r.PersonId, r.Name, r.ReferredBy, r.InterviewId, zone)));
        }

        var more = items.Count > page.Limit;
        // The follow-through's own lines, on the first page: takeaways it waits for at the top, what it did and will do beside the list.
        var first = offset == 0;
        var waiting = first && automationSetting is { Enabled: true } ? await FollowThrough.FollowThroughSummary.RecordTakeawaysAsync(db, zone, now, ct) : [];
        var automation = first && automationSetting is not null ? await FollowThrough.FollowThroughSummary.ForAsync(db, automationSetting, zone, now, ct) : null;
        IReadOnlyList<NextAction> shown = [.. waiting, .. items.Take(page.Limit)];
        // A cached copy of this answer is not served past the next due time it shows (an action then becomes overdue).
        if (shown.Where(a => a.DueAtUtc > now).Select(a => a.DueAtUtc).Min() is { } nextDue) AnswerCache.ValidUntil(http, nextDue);
        return TypedResults.Ok(new NextActionsResponse(zone.Id, shown,
            more ? PageRequest.Encode([(offset + page.Limit).ToString(CultureInfo.InvariantCulture)]) : null, automation));
    }

    private const int MaxOffset = 1_000_000;

    // A follow-up or second contact is due 3 or more business days after the first contact, a
    // stay-in-touch note 4 months after the last one: never sooner than these, whatever the zone.
    private static readonly TimeSpan ContactedAtLeast = TimeSpan.FromDays(NextActionsCalculator.SecondContactAfterBusinessDays - 1);
    private static readonly TimeSpan StayInTouchAtLeast = TimeSpan.FromDays(30 * NextActionsCalculator.StayInTouchEveryMonths - 1);

    /// <summary>
    /// The actions with a due time, sorted: from the interviews that can give one now (a first
    /// contact long enough ago, a meeting ahead or not thanked for, a thank-you or update four months
    /// old), and the people at the organisations of those still waiting for a reply. Meetings ahead
    /// are read soonest first, no more than <paramref name="upTo"/>: the page cannot show more.
    /// </summary>
    private static async Task<IReadOnlyList<NextAction>> DatedActionsAsync(
        AppDbContext db, NextActionsCalculator calculator, TimeZoneInfo zone, DateTimeOffset now, int upTo, Holidays? holidays, CancellationToken ct)
    {
        var contactedBy = now - ContactedAtLeast;
        var updatedBy = now - StayInTouchAtLeast;
        // Supersets of the rules, kept simple because SQLite plans the statement on every request:
        // stages cannot move back, so a thanked interview's stage time is its thank-you, and a
        // staying-in-touch one's is its latest update entry. The calculator applies the exact rules.
        var due = await db.Interviews.AsNoTracking()
            .Where(i =>
                ((i.Stage == InterviewStage.Contacted || i.Stage == InterviewStage.NoReply)
                    && (i.StageEnteredAt <= contactedBy || i.StageChanges.Any(c => c.Stage == InterviewStage.Contacted && c.EnteredAt <= contactedBy)))
                || (i.Stage == InterviewStage.Scheduled && (i.PlannedStart == null || i.PlannedStart <= now))
                || (i.Stage == InterviewStage.Interviewed && !i.StageChanges.Any(c => c.Stage == InterviewStage.Thanked))
                || ((i.Stage == InterviewStage.Thanked || i.Stage == InterviewStage.StayingInTouch)
                    && i.StageEnteredAt <= updatedBy
                    && !i.Touches.Any(t => t.At > updatedBy)))
            .Select(AsCandidate)
            .ToListAsync(ct);
        // In the calculator's order for meetings ahead: start, then person name and ids.
        var ahead = await db.Interviews.AsNoTracking()
            .Where(i => i.Stage == InterviewStage.Scheduled && i.PlannedStart != null && i.PlannedStart > now)
            .OrderBy(i => i.PlannedStart).ThenBy(i => i.Person!.NameKey).ThenBy(i => i.PersonId).ThenBy(i => i.Id)
            .Take(upTo)
            .Select(AsCandidate)
            .ToListAsync(ct);
        var candidates = due.Concat(ahead).ToList();
        if (candidates.Count == 0) return [];

        var people = candidates.GroupBy(c => c.PersonId).Select(g =>
        {
            var first = g.First();
            return new PersonState(first.PersonId, first.PersonName, first.Organisation, null, [.. g.Select(i =>
            {
                var end = i.PlannedStart + (i.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : NextActionsCalculator.DefaultMeetingLength);
                var history = i.History.Count > 0
                    ? i.History.Select(c => (c.Stage, c.EnteredAt))
                    : [(i.Stage, i.StageEnteredAt)];
                // The interview's own stage is the truth; history entries can share a timestamp.
                var state = InterviewState.FromHistory(i.Id, history, i.PlannedStart, end) with { Stage = i.Stage, StageEnteredAt = i.StageEnteredAt };
                return state.WithTouches(i.LastTouchAt is { } touch ? [touch] : []);
            })]);
        }).ToList();

        // The second-contact rule looks at everyone at the organisations still waiting for a reply.
        var waitingAt = candidates
            .Where(c => c.OrganisationKey is not null && c.Stage is InterviewStage.Contacted or InterviewStage.NoReply)
            .Select(c => c.OrganisationKey!).Distinct().ToList();
        var peers = waitingAt.Count == 0 ? [] : await db.People.AsNoTracking()
            .Where(p => p.OrganisationKey != null && waitingAt.Contains(p.OrganisationKey))
            .Select(p => new OrganisationPeer(p.Id, p.Name, p.OrganisationKey,
                p.Interviews.Any(i => i.Stage != InterviewStage.Prospect || i.StageChanges.Any(c => c.Stage == InterviewStage.Contacted))))
            .ToListAsync(ct);

        // With automation on and a country set, business days skip its holidays here as in the follow-through.
        return calculator.Calculate(people, peers, zone, holidays);
    }

    /// <summary>An interview as the rules read it: its own columns, its person's, its stage history and its latest touch.</summary>
    private sealed record Candidate(
        Guid Id, Guid PersonId, string PersonName, string? Organisation, string? OrganisationKey,
        InterviewStage Stage, DateTimeOffset StageEnteredAt, DateTimeOffset? PlannedStart, int? DurationMinutes,
        List<HistoryEntry> History, DateTimeOffset? LastTouchAt);

    private sealed record HistoryEntry(InterviewStage Stage, DateTimeOffset EnteredAt);

    private static readonly Expression<Func<Interview, Candidate>> AsCandidate = i => new Candidate(
        i.Id, i.PersonId, i.Person!.Name, i.Person.Organisation, i.Person.OrganisationKey,
        i.Stage, i.StageEnteredAt, i.PlannedStart, i.DurationMinutes,
        i.StageChanges.Select(c => new HistoryEntry(c.Stage, c.EnteredAt)).ToList(),
        i.Touches.OrderByDescending(t => t.At).Select(t => (DateTimeOffset?)t.At).FirstOrDefault());

    private sealed record FirstContactRow(Guid PersonId, string Name, string? ReferredBy, Guid? InterviewId);

    /// <summary>
    /// People not contacted yet: those with no interview, and each interview still a prospect; in
    /// name order (case-insensitive), then by person and interview, as the calculator orders them.
    /// </summary>
    private static IQueryable<FirstContactRow> FirstContacts(AppDbContext db) =>
        from p in db.People.AsNoTracking()
        from i in p.Interviews.Where(i => i.Stage == InterviewStage.Prospect).DefaultIfEmpty()
        where i != null || !p.Interviews.Any()
        orderby p.NameKey, p.Id, i!.Id
        select new FirstContactRow(p.Id, p.Name, p.ReferredBy == null ? null : p.ReferredBy.Name, i == null ? null : i.Id);
}

/// <summary>One page of next actions, shaped like every list of the API (items and the next page's cursor).</summary>
/// <param name="TimeZone">The zone the local times are in (IANA id, or "UTC" when the profile has none).</param>
/// <param name="Automation">On the first page, when the user has an automation setting: what the follow-through did and will do.</param>
public sealed record NextActionsResponse(string TimeZone, IReadOnlyList<NextAction> Items, string? NextCursor,
    FollowThrough.AutomationSummary? Automation = null);
