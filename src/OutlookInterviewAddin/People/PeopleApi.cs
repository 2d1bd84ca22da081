using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Caching;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.People;

public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").RequireAuthorization().WithTags("People");
        people.MapGet("/", ListPeople).CachedPerUser(CachedAnswerKind.People);
        people.MapGet("/{id:guid}", GetPerson);
        people.MapPost("/", AddPerson);
        people.MapPut("/{id:guid}", ReplacePerson);
        people.MapDelete("/{id:guid}", DeletePerson);
        people.MapPost("/{id:guid}/merge", MergePeople);
        return app;
    }

    /// <summary>
    /// One page of people in name order (case-insensitive, then id), optionally only those matching
    /// <paramref name="search"/> (name, email or organisation) or whose latest conversation is at
    /// <paramref name="stage"/> ("none": not contacted yet).
    /// </summary>
    public static async Task<Results<Ok<Page<PersonSummary>>, ValidationProblem>> ListPeople(
        string? search, string? stage, int? limit, string? cursor, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Read(limit, cursor, 2, errors);
        var wanted = ReadStageFilter(stage, errors);
        if (errors.Any) return errors.Problem();

        var query = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            // ToLower + Contains translates to SQL on every provider; the StringComparison overload does not.
#pragma warning disable CA1862
            query = query.Where(p => p.Name.ToLower().Contains(term)
                || (p.Email != null && p.Email.ToLower().Contains(term))
                || (p.Organisation != null && p.Organisation.ToLower().Contains(term)));
#pragma warning restore CA1862
        }
        if (page.After is [var afterKey, var afterIdText])
        {
            if (!Guid.TryParse(afterIdText, out var afterId))
            {
                errors.Add("cursor", ApiText.Get("Paging.Cursor"));
                return errors.Problem();
            }
            // Compared by the database, as it orders: the comparison overloads EF Core translates carry no StringComparison.
#pragma warning disable CA1309
            query = query.Where(p => string.Compare(p.NameKey, afterKey) > 0 || (p.NameKey == afterKey && p.Id.CompareTo(afterId) > 0));
#pragma warning restore CA1309
        }
        // The stage of each person's latest conversation, filtered on and shown.
        var withStage = query.Select(p => new
        {
            Person = p,
            LatestStage = p.Interviews.OrderByDescending(i => i.CreatedAt).Select(i => (InterviewStage?)i.Stage).FirstOrDefault(),
        });
        if (wanted is { } filter)
        {
            withStage = filter.NotContacted
                ? withStage.Where(r => r.LatestStage == null || r.LatestStage == InterviewStage.Prospect)
                : withStage.Where(r => r.LatestStage == filter.Stage);
        }
        var rows = await withStage
            .OrderBy(r => r.Person.NameKey).ThenBy(r => r.Person.Id)
            .Take(page.Limit + 1)
            .Select(r => new
            {
                r.Person.NameKey,
                Summary = new PersonSummary(
                    r.Person.Id, r.Person.Name, r.Person.Email, r.Person.Organisation, r.Person.Role, r.Person.City, r.Person.Connection,
                    r.Person.Connection != ConnectionKind.Cold,
                    r.Person.ReferredBy == null ? null : new PersonRef(r.Person.ReferredBy.Id, r.Person.ReferredBy.Name),
                    r.LatestStage),
            })
            .ToListAsync(ct);
        var shown = page.PageOf(rows, r => [r.NameKey, r.Summary.Id.ToString()]);
        return TypedResults.Ok(new Page<PersonSummary>([.. shown.Items.Select(r => r.Summary)], shown.NextCursor));
    }

    private sealed record StageFilter(bool NotContacted, InterviewStage? Stage);

    private static StageFilter? ReadStageFilter(string? stage, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(stage)) return null;
        if (string.Equals(stage, "none", StringComparison.OrdinalIgnoreCase)) return new StageFilter(true, null);
        if (InterviewStages.TryParse(stage, out var s))
            return new StageFilter(false, s);
        errors.Add("stage", ApiText.Get("Stage.Unknown"));
        return null;
    }

    public static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> GetPerson(Guid id, AppDbContext db, CancellationToken ct) =>
        await PersonView.LoadAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound("Person");

    /// <summary>
    /// Adds a person. When one already has that email (trimmed, case-insensitive), nothing is
    /// overwritten: an identical retry answers 200 with them, anything else a 409 naming them, so
    /// the pane can offer to open them or merge what was typed.
    /// </summary>
    public static async Task<Results<Created<PersonDto>, Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> AddPerson(
        PersonInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fields = PersonFields.Validate(input, errors);
        if (errors.Any) return errors.Problem();

        if (await PersonView.FindByEmailAsync(db, fields.Email, ct) is { } existing)
            return await AlreadyOnTheListAsync(db, existing, fields, ct);
        if (fields.ReferredById is { } referrerId
            && await CheckReferrerAsync(db, null, referrerId, errors, ct) is { } problem)
            return problem;
        if (errors.Any) return errors.Problem();

        var now = clock.GetUtcNow();
        var person = new Person { Name = fields.Name, CreatedAt = now, UpdatedAt = now };
        fields.ReplaceOn(person);
        db.People.Add(person);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (fields.Email is not null)
        {
            // Two adds of the same email at once: the unique index kept the other; this one is answered as if it came second.
            db.Entry(person).State = EntityState.Detached;
            if (await PersonView.FindByEmailAsync(db, fields.Email, ct) is not { } winner) throw;
            return await AlreadyOnTheListAsync(db, winner, fields, ct);
        }
        return TypedResults.Created($"/api/people/{person.Id}", (await PersonView.LoadAsync(db, person.Id, ct))!);
    }

    private static async Task<Results<Created<PersonDto>, Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> AlreadyOnTheListAsync(
        AppDbContext db, Person existing, PersonFields fields, CancellationToken ct)
    {
        if (fields.AreAlreadyOn(existing)) return TypedResults.Ok((await PersonView.LoadAsync(db, existing.Id, ct))!);
        return Problems.Conflict(
            ApiText.Get("People.AlreadyOnList"),
            ApiText.Format("People.AlreadyOnList.Detail", existing.Name, existing.Email),
            new Dictionary<string, object?> { ["existingPersonId"] = existing.Id, ["existingPersonName"] = existing.Name });
    }

    public static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> ReplacePerson(
        Guid id, PersonInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Problems.NotFound("Person");

        var errors = new FieldErrors();
        var fields = PersonFields.Validate(input, errors, Math.Max(4000, person.Notes?.Length ?? 0));
        if (errors.Any) return errors.Problem();
        if (fields.ReferredById is { } referrerId && await CheckReferrerAsync(db, id, referrerId, errors, ct) is { } problem)
            return problem;
        if (errors.Any) return errors.Problem();

        if (await PersonView.FindByEmailAsync(db, fields.Email, ct) is { } other && other.Id != id)
            return Problems.Conflict(
                ApiText.Get("People.EmailTaken"),
                ApiText.Format("People.EmailTaken.Detail", other.Name, other.Email),
                new Dictionary<string, object?> { ["existingPersonId"] = other.Id });

        fields.ReplaceOn(person);
        person.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await PersonView.LoadAsync(db, id, ct))!);
    }

    /// <summary>Deletes the person with their conversations; the people they suggested stay. The answer says how to undo it for a while.</summary>
    public static async Task<Results<Ok<Deleting.DeletedDto>, ProblemHttpResult>> DeletePerson(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Problems.NotFound("Person");
        var deleted = await Deleting.DeletedRecords.DeletePersonAsync(db, person, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Deleting.DeletedDto.From(deleted));
    }

    /// <summary>
    /// Folds <see cref="MergeRequest.OtherId"/> into <paramref name="id"/>: interviews move over, notes
    /// are appended, empty fields are filled (French over the English default, tu or vous when unset),
    /// the other's referrals now point to the survivor.
    /// </summary>
    public static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> MergePeople(
        Guid id, MergeRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.OtherId is not { } otherId)
        {
            var errors = new FieldErrors();
            errors.Add("otherId", ApiText.Get("Field.Required"));
            return errors.Problem();
        }
        if (otherId == id) return Problems.BadRequest(ApiText.Get("People.MergeSelf"), ApiText.Get("People.MergeSelf.Detail"));

        var survivor = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        var other = await db.People.FirstOrDefaultAsync(p => p.Id == otherId, ct);
        if (survivor is null || other is null) return Problems.NotFound("Person");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        foreach (var interview in await db.Interviews.Where(i => i.PersonId == otherId).ToListAsync(ct))
            interview.PersonId = id;
        foreach (var referred in await db.People.Where(p => p.ReferredById == otherId && p.Id != id).ToListAsync(ct))
            referred.ReferredById = id;
        // The survivor takes the other's referrer when it has none (or it was the other), unless that would close a loop.
        var inherited = other.ReferredById is { } r && (await PersonView.ReferralChainAsync(db, r, ct)).All(p => p.Id != id) ? r : (Guid?)null;
        if (survivor.ReferredById is null || survivor.ReferredById == otherId)
        {
            survivor.ReferredById = inherited;
            survivor.ReferredViaInterviewId = inherited is null ? null : other.ReferredViaInterviewId;
        }

        survivor.GreetAs ??= other.GreetAs;
        survivor.DoNotContact |= other.DoNotContact;
        survivor.Organisation ??= other.Organisation;
        survivor.Role ??= other.Role;
        survivor.Field ??= other.Field;
        survivor.City ??= other.City;
        survivor.TimeZone ??= other.TimeZone;
        survivor.LinkedInUrl ??= other.LinkedInUrl;
        survivor.ConnectionDetail ??= other.ConnectionDetail;
        // English is the default, so a French record is the one that says how this person reads.
        if (survivor.Language == Drafting.DraftLanguage.En) survivor.Language = other.Language;
        survivor.AddressForm ??= other.AddressForm;
        if (survivor.Connection == ConnectionKind.Cold) survivor.Connection = other.Connection;
        survivor.Notes = PersonNotes.Append(survivor.Notes, other.Notes);
        var otherEmail = other.Email;
        survivor.UpdatedAt = clock.GetUtcNow();

        db.People.Remove(other);
        await db.SaveChangesAsync(ct);

        // Only once the other row is gone can its email move over without breaking the one-person-per-email rule.
        if (survivor.Email is null && otherEmail is not null)
        {
            survivor.SetEmail(otherEmail);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok((await PersonView.LoadAsync(db, id, ct))!);
    }

    /// <summary>The referrer must be one of the user's people, not the person themselves, and not make a loop.</summary>
    internal static async Task<ProblemHttpResult?> CheckReferrerAsync(AppDbContext db, Guid? personId, Guid referrerId, FieldErrors errors, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == referrerId, ct)) return Problems.NotFound("Referrer");
        if (personId is null) return null;
        if (referrerId == personId)
        {
            errors.Add("referredById", ApiText.Get("Referral.SelfReferrer"));
            return null;
        }
        var chain = await PersonView.ReferralChainAsync(db, referrerId, ct);
        if (chain.Any(p => p.Id == personId)) errors.Add("referredById", ApiText.Get("Referral.ReferrerLoop"));
        return null;
    }
}

public sealed record MergeRequest(Guid? OtherId);
