using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.Validation;

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
        app.MapGet("/api/next-actions", GetNextActions).RequireAuthorization().WithTags("Next actions");
        return app;
    }

    /// <summary>
    /// The signed-in user's next actions, most urgent first, with times in the time zone of their
    /// profile (UTC until they set one). The context's per-user filter keeps other users' people out.
    /// </summary>
    public static async Task<Results<Ok<NextActionsResponse>, ValidationProblem>> GetNextActions(
        int? limit, string? cursor, AppDbContext db, NextActionsCalculator calculator, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Read(limit, cursor, 1, errors);
        var offset = 0;
        if (page.After is [var after] && (!int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            errors.Add("cursor", "This cursor was not handed out by this list; start again without it.");
        if (errors.Any) return errors.Problem();

        var profileZone = await db.Profiles.AsNoTracking().Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        var zone = UserTimeZone.ResolveOrUtc(profileZone);

        var rows = await db.People.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Organisation,
                ReferredBy = p.ReferredBy == null ? null : p.ReferredBy.Name,
                Interviews = p.Interviews.Select(i => new
                {
                    i.Id,
                    i.Stage,
                    i.StageEnteredAt,
                    i.PlannedStart,
                    i.DurationMinutes,
                    History = i.StageChanges.Select(c => new { c.Stage, c.EnteredAt }).ToList(),
                    Touches = i.Touches.Select(t => t.At).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var people = rows.Select(p => new PersonState(p.Id, p.Name, p.Organisation, p.ReferredBy,
            [.. p.Interviews.Select(i =>
            {
                var end = i.PlannedStart + (i.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : NextActionsCalculator.DefaultMeetingLength);
                var history = i.History.Count > 0
                    ? i.History.Select(c => (c.Stage, c.EnteredAt))
                    : [(i.Stage, i.StageEnteredAt)];
                // The interview's own stage is the truth; history entries can share a timestamp.
                var state = InterviewState.FromHistory(i.Id, history, i.PlannedStart, end) with { Stage = i.Stage, StageEnteredAt = i.StageEnteredAt };
                return state.WithTouches(i.Touches);
            })])).ToList();

        var actions = calculator.Calculate(people, zone).Skip(offset).Take(page.Limit + 1).ToList();
        var more = actions.Count > page.Limit;
        return TypedResults.Ok(new NextActionsResponse(zone.Id, [.. actions.Take(page.Limit)],
            more ? PageRequest.Encode([(offset + page.Limit).ToString(CultureInfo.InvariantCulture)]) : null));
    }
}

/// <summary>One page of next actions, shaped like every list of the API (items and the next page's cursor).</summary>
/// <param name="TimeZone">The zone the local times are in (IANA id, or "UTC" when the profile has none).</param>
public sealed record NextActionsResponse(string TimeZone, IReadOnlyList<NextAction> Items, string? NextCursor);
