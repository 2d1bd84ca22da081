using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Deleting;
using OutlookInterviewAddin.Paging;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.QuestionLists;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Interviews;

public static class InterviewsApi
{
    // A client clock a little ahead of the server's is not "the future".
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How long a stage move can be undone: long enough to notice a wrong click, short enough that nothing built on it since.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromMinutes(15);

    public static string PastPlanMessage => ApiText.Get("Interviews.PastPlan");

    public static IEndpointRouteBuilder MapInterviews(this IEndpointRouteBuilder app)
    {
        var interviews = app.MapGroup("/api/interviews").RequireAuthorization().WithTags("Interviews");
        interviews.MapGet("/", ListInterviews);
        interviews.MapPost("/", CreateInterview);
        interviews.MapGet("/{id:guid}", GetInterview);
        interviews.MapPut("/{id:guid}", UpdatePlan);
        interviews.MapDelete("/{id:guid}", DeleteInterview);
        interviews.MapPost("/{id:guid}/stage", ChangeStage);
        interviews.MapPost("/{id:guid}/stage/undo", UndoStage);
        interviews.MapPut("/{id:guid}/outlook-items/{kind}", SetOutlookItem);
        interviews.MapDelete("/{id:guid}/outlook-items/{kind}", ClearOutlookItem);
        interviews.MapPost("/{id:guid}/takeaways", AddTakeaway);
        interviews.MapPut("/{id:guid}/takeaways/{takeawayId:guid}", UpdateTakeaway);
        interviews.MapDelete("/{id:guid}/takeaways/{takeawayId:guid}", DeleteTakeaway);
        interviews.MapPost("/{id:guid}/touches", AddTouch);
        interviews.MapPut("/{id:guid}/fit", SetFit);
        interviews.MapPost("/{id:guid}/referrals", AddReferral);
        return app;
    }

    /// <summary>One page of interviews, newest first (then by id), optionally one person's or at one stage.</summary>
    public static async Task<Results<Ok<Page<InterviewSummary>>, ValidationProblem>> ListInterviews(
        Guid? personId, string? stage, int? limit, string? cursor, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Read(limit, cursor, 2, errors);
        var query = db.Interviews.AsNoTracking();
        if (personId is { } pid) query = query.Where(i => i.PersonId == pid);
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!InterviewStages.TryParse(stage, out var s))
                errors.Add("stage", ApiText.Get("Stage.Unknown"));
            query = query.Where(i => i.Stage == s);
        }
        if (page.After is [var ticks, var id])
        {
            if (long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(id, out var afterId))
            {
                var created = new DateTimeOffset(t, TimeSpan.Zero);
                query = query.Where(i => i.CreatedAt < created || (i.CreatedAt == created && i.Id.CompareTo(afterId) < 0));
            }
            else errors.Add("cursor", ApiText.Get("Paging.Cursor"));
        }
        if (errors.Any) return errors.Problem();
        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(page.Limit + 1)
            .Select(i => new
            {
                i.CreatedAt,
                Summary = new InterviewSummary(i.Id, new InterviewPersonRef(i.Person!.Id, i.Person.Name, i.Person.Organisation, i.Person.TimeZone), i.Stage, i.StageEnteredAt, i.PlannedStart),
            })
            .ToListAsync(ct);
        var shown = page.PageOf(rows, r => [r.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), r.Summary.Id.ToString()]);
        return TypedResults.Ok(new Page<InterviewSummary>([.. shown.Items.Select(r => r.Summary)], shown.NextCursor));
    }

    public static async Task<Results<Created<InterviewDto>, ValidationProblem, ProblemHttpResult>> CreateInterview(
        NewInterviewInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.PersonId is null) errors.Add("personId", ApiText.Get("Field.Required"));
        var plan = ValidatePlan(new InterviewPlanInput(input.QuestionListId, input.PlannedStart, input.DurationMinutes, input.PlaceKind, input.Place, input.MeetingUrl), errors);
        CheckPast(plan.PlannedStart, input.ConfirmPast, null, clock.GetUtcNow(), errors);
        if (errors.Any) return PlanProblem(errors);

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == input.PersonId, ct);
        if (person is null) return Problems.NotFound("Person");
        if (!await QuestionListsApi.ExistsAsync(db, plan.QuestionListId, ct)) return Problems.NotFound("QuestionList");

        var now = clock.GetUtcNow();
        var interview = new Interview
        {
            PersonId = person.Id,
            Person = person,
            Stage = InterviewStage.Prospect,
            StageEnteredAt = now,
            StageChanges = [new StageChange { Stage = InterviewStage.Prospect, EnteredAt = now }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        plan.ApplyTo(interview);
        db.Interviews.Add(interview);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/interviews/{interview.Id}", InterviewView.ToDto(interview, [], now));
    }

    public static async Task<Results<Ok<InterviewDto>, ProblemHttpResult>> GetInterview(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await InterviewView.LoadAsync(db, id, clock.GetUtcNow(), ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound("Interview");

    public static Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> UpdatePlan(
        Guid id, InterviewPlanInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            var errors = new FieldErrors();
            var plan = ValidatePlan(input, errors);
            CheckPast(plan.PlannedStart, input.ConfirmPast, interview, clock.GetUtcNow(), errors);
            if (errors.Any) return PlanProblem(errors);
            if (!await QuestionListsApi.ExistsAsync(db, plan.QuestionListId, ct)) return Problems.NotFound("QuestionList");

            plan.ApplyTo(interview);
            interview.Changed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);

    /// <summary>Deletes the interview with what belongs to it; the answer says how to undo it for a while (<see cref="DeletedRecords"/>).</summary>
    public static Task<Results<Ok<DeletedDto>, ProblemHttpResult>> DeleteInterview(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<DeletedDto>, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            var deleted = await DeletedRecords.DeleteInterviewAsync(db, interview, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(DeletedDto.From(deleted));
        }, ct);

    /// <summary>Moves the interview to a new stage if <see cref="StageRules"/> allow it, recording when.</summary>
    /// <remarks>
    /// The rule is checked again on every attempt: when a request saved first, the move is judged from
    /// the stage it left, so the same move made twice at once is recorded once and the other answers 409.
    /// </remarks>
    public static Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> ChangeStage(
        Guid id, StageChangeInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");

            var errors = new FieldErrors();
            var now = clock.GetUtcNow();
            var at = input.At?.ToUniversalTime() ?? now;
            if (input.Stage is null) errors.Add("stage", ApiText.Get("Field.Required"));
            if (at > now + ClockTolerance) errors.Add("at", ApiText.Get("Stage.At.Future"));
            else if (at < interview.StageEnteredAt) errors.Add("at", ApiText.Get("Stage.At.BeforeCurrent"));
            var start = input.PlannedStart?.ToUniversalTime();
            if (start is not null && input.Stage != InterviewStage.Scheduled)
                errors.Add("plannedStart", ApiText.Get("Stage.PlannedStart.NotScheduling"));
            else if (start < now - ClockTolerance)
                errors.Add("plannedStart", ApiText.Get("Stage.PlannedStart.Past"));
            if (errors.Any) return errors.Problem();

            var to = input.Stage!.Value;
            if (StageRules.Refusal(interview.Stage, to, interview.Person!.Name) is { } reason)
                return Problems.Conflict(ApiText.Get("Stage.Refused.Title"), reason, new Dictionary<string, object?>
                {
                    ["currentStage"] = interview.Stage,
                    ["allowedNextStages"] = StageRules.AllowedAfter(interview.Stage),
                });

            if (EarlyOrUntimed(interview, to, start, at, input.ConfirmEarly) is { } refused) return refused;

            interview.Stage = to;
            interview.StageEnteredAt = at;
            interview.StageChanges.Add(new StageChange { InterviewId = interview.Id, Stage = to, EnteredAt = at });
            if (start is not null)
            {
                interview.PlannedStart = start;
                interview.DurationMinutes ??= 30;
            }
            interview.Changed(now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);

    /// <summary>
    /// A move that would make the record lie: "scheduled" with no time for the meeting, or
    /// "interviewed" or "thanked" while the planned meeting has not started, unless the request
    /// confirms it (<see cref="StageChangeInput.ConfirmEarly"/>: it happened earlier than planned).
    /// </summary>
    private static ValidationProblem? EarlyOrUntimed(Interview interview, InterviewStage to, DateTimeOffset? start, DateTimeOffset at, bool? confirmEarly)
    {
        var name = interview.Person!.Name;
        var errors = new FieldErrors();
        if (to == InterviewStage.Scheduled && start is null && interview.PlannedStart is null)
        {
            errors.Add("plannedStart", ApiText.Format("Stage.PlannedStart.Missing", name));
            return errors.Problem();
        }
        if (to is InterviewStage.Interviewed or InterviewStage.Thanked && confirmEarly != true
            && interview.PlannedStart is { } planned && planned > at + ClockTolerance)
        {
            var when = planned.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            errors.Add("confirmEarly",
                ApiText.Format(to == InterviewStage.Interviewed ? "Stage.ConfirmEarly.Interviewed" : "Stage.ConfirmEarly.Thanked", name, when));
            return errors.Problem(new Dictionary<string, object?> { ["confirm"] = "confirmEarly", ["plannedStart"] = planned });
        }
        return null;
    }

    /// <summary>
    /// Takes back the latest stage move, if it is the one the client saw (<see cref="StageUndoInput.Stage"/>)
    /// and was made within <see cref="UndoWindow"/>: the interview returns to the stage before it, as if
    /// the move had not been made. Repeating the request does not undo an earlier move: once the first
    /// one saved, the stage no longer matches and the answer is 409.
    /// </summary>
    public static Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> UndoStage(
        Guid id, StageUndoInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            if (input.Stage is null)
            {
                var errors = new FieldErrors();
                errors.Add("stage", ApiText.Get("Undo.StageMissing"));
                return errors.Problem();
            }

            var name = interview.Person!.Name;
            var current = new Dictionary<string, object?> { ["currentStage"] = interview.Stage };
            if (interview.Stage != input.Stage)
                return Problems.Conflict(ApiText.Get("Undo.StageChanged"),
                    ApiText.Format("Undo.StageChanged.Detail", name, StageRules.Describe(interview.Stage), StageRules.Describe(input.Stage.Value)), current);

            var (latest, previous) = InterviewView.LatestMove(interview);
            if (latest is null || previous is null)
                return Problems.Conflict(ApiText.Get("Undo.Nothing"), ApiText.Format("Undo.Nothing.Detail", name), current);
            if (interview.Stage == InterviewStage.StayingInTouch)
                return Problems.Conflict(ApiText.Get("Undo.NotAMove"), ApiText.Format("Undo.NotAMove.Detail", name), current);
            var now = clock.GetUtcNow();
            if (now - latest.EnteredAt > UndoWindow)
                return Problems.Conflict(ApiText.Get("Undo.TooLate"),
                    ApiText.Format("Undo.TooLate.Detail", StageRules.Describe(interview.Stage), (int)UndoWindow.TotalMinutes), current);

            interview.StageChanges.Remove(latest);
            db.StageChanges.Remove(latest);
            interview.Stage = previous.Stage;
            interview.StageEnteredAt = previous.EnteredAt;
            interview.Changed(now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);

    public static async Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> SetOutlookItem(
        Guid id, string kind, OutlookItemInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var itemId = errors.Text("itemId", input.ItemId, 512, required: true);
        if (errors.Any) return errors.Problem();
        return await ChangeOutlookItemAsync(id, kind, itemId, db, clock, ct);
    }

    public static async Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> ClearOutlookItem(
        Guid id, string kind, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ChangeOutlookItemAsync(id, kind, null, db, clock, ct);

    private static async Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> ChangeOutlookItemAsync(
        Guid id, string kind, string? itemId, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        Action<Interview>? set = kind switch
        {
            "outreach" => i => i.OutreachMessageId = itemId,
            "invite" => i => i.InviteEventId = itemId,
            "thankYou" => i => i.ThankYouMessageId = itemId,
            _ => null,
        };
        if (set is null) return Problems.NotFound("OutlookItemKind");
        return await InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            set(interview);
            interview.Changed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);
    }

    public static async Task<Results<Created<InterviewDto>, ValidationProblem, ProblemHttpResult>> AddTakeaway(
        Guid id, TakeawayInput input, AppDbContext db, TimeProvider clock, FollowThrough.FollowThroughScheduler followThrough, DataOwner owner, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (text, action) = ValidateTakeaway(input, errors);
        if (errors.Any) return errors.Problem();
        var result = await InterviewWrites.RetryingAsync<Results<Created<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");

            var now = clock.GetUtcNow();
            var takeaway = new Takeaway { InterviewId = id, Text = text, Action = action, CreatedAt = now };
            interview.Takeaways.Add(takeaway);
            interview.Changed(now);
            if (input.IsMostHelpful == true) await SaveMarkingMostHelpfulAsync(db, interview, takeaway, ct);
            else await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/interviews/{id}", await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);
        // With automation on, a thank-you waiting for takeaways is drafted now rather than at the next sweep.
        if (result.Result is Created<InterviewDto>) await followThrough.RunNowAsync(owner, CancellationToken.None);
        return result;
    }

    public static async Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> UpdateTakeaway(
        Guid id, Guid takeawayId, TakeawayInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (text, action) = ValidateTakeaway(input, errors);
        if (errors.Any) return errors.Problem();
        return await InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            var takeaway = interview?.Takeaways.FirstOrDefault(t => t.Id == takeawayId);
            if (interview is null || takeaway is null) return Problems.NotFound("Takeaway");

            takeaway.Text = text;
            takeaway.Action = action;
            interview.Changed(clock.GetUtcNow());
            if (input.IsMostHelpful == true)
            {
                await SaveMarkingMostHelpfulAsync(db, interview, takeaway, ct);
            }
            else
            {
                if (input.IsMostHelpful == false) takeaway.IsMostHelpful = false;
                await db.SaveChangesAsync(ct);
            }
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);
    }

    private static (string Text, string? Action) ValidateTakeaway(TakeawayInput input, FieldErrors errors) => (
        errors.Text("text", input.Text, 1000, required: true) ?? "",
        errors.Text("action", input.Action, 500));

    public static Task<Results<Ok<InterviewDto>, ProblemHttpResult>> DeleteTakeaway(
        Guid id, Guid takeawayId, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            var takeaway = interview?.Takeaways.FirstOrDefault(t => t.Id == takeawayId);
            if (interview is null || takeaway is null) return Problems.NotFound("Takeaway");
            interview.Takeaways.Remove(takeaway);
            db.Takeaways.Remove(takeaway);
            interview.Changed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);

    /// <summary>
    /// Records a stay-in-touch update. The first one moves a thanked interview to staying in touch
    /// (through <see cref="StageRules"/>, so the stage history shows when); later ones keep the stage.
    /// </summary>
    public static Task<Results<Created<TouchDto>, ValidationProblem, ProblemHttpResult>> AddTouch(
        Guid id, TouchInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Created<TouchDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            if (TouchRules.Refusal(interview.Stage, interview.Person!.Name) is { } reason)
                return Problems.Conflict(ApiText.Get("Touch.Refused.Title"), reason, new Dictionary<string, object?>
                {
                    ["currentStage"] = interview.Stage,
                });

            var errors = new FieldErrors();
            var now = clock.GetUtcNow();
            var at = input.At?.ToUniversalTime() ?? now;
            var note = errors.Text("note", input.Note, TouchRules.MaxNoteLength);
            var thankedAt = interview.EnteredAt(InterviewStage.Thanked) ?? interview.StageEnteredAt;
            if (at > now + TouchRules.FutureTolerance) errors.Add("at", ApiText.Get("Touch.At.Future"));
            else if (at < thankedAt) errors.Add("at", ApiText.Get("Touch.At.BeforeThanks"));
            if (errors.Any) return errors.Problem();

            if (interview.Stage == InterviewStage.Thanked)
            {
                // The touch is not earlier than the thank-you, so the history stays in time order.
                interview.Stage = InterviewStage.StayingInTouch;
                interview.StageEnteredAt = at;
                interview.StageChanges.Add(new StageChange { InterviewId = interview.Id, Stage = InterviewStage.StayingInTouch, EnteredAt = at });
            }
            var touch = new Touch { InterviewId = interview.Id, At = at, Note = note, CreatedAt = now };
            interview.Touches.Add(touch);
            interview.Changed(now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/interviews/{interview.Id}", InterviewView.ToDto(touch));
        }, ct);

    // Only one tip is *the* most helpful one: the thank-you quotes it. A unique index holds that after
    // every statement, and one SaveChanges may run the new mark before the old one is cleared, so the
    // old mark is cleared (with the version check) and saved first, in the same transaction.
    private static async Task SaveMarkingMostHelpfulAsync(AppDbContext db, Interview interview, Takeaway chosen, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var t in interview.Takeaways.Where(t => !ReferenceEquals(t, chosen))) t.IsMostHelpful = false;
        await db.SaveChangesAsync(ct);
        chosen.IsMostHelpful = true;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>> SetFit(
        Guid id, FitInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var rating = errors.Range("rating", input.Rating, 1, 5);
        var note = errors.Text("note", input.Note, 4000);
        if (errors.Any) return errors.Problem();
        return await InterviewWrites.RetryingAsync<Results<Ok<InterviewDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await InterviewView.FindAsync(db, id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            interview.FitRating = rating;
            interview.FitNote = note;
            interview.Changed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await InterviewView.ToDtoAsync(db, interview, clock.GetUtcNow(), ct));
        }, ct);
    }

    /// <summary>
    /// "Who else should I talk to?": links an existing person, or the one with the same email, or
    /// adds a new one; either way referred by the person interviewed, during this interview.
    /// </summary>
    public static Task<Results<Created<PersonDto>, Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> AddReferral(
        Guid id, ReferralInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Created<PersonDto>, Ok<PersonDto>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await db.Interviews.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            var errors = new FieldErrors();
            var now = clock.GetUtcNow();

            Person? person;
            PersonFields? fields = null;
            if (input.PersonId is { } personId)
            {
                person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
                if (person is null) return Problems.NotFound("Person");
            }
            else
            {
                fields = PersonFields.Validate(new PersonInput(
                    input.Name, input.Email, input.Organisation, input.Role, input.Field, input.City, input.TimeZone,
                    input.LinkedInUrl, input.Connection, input.ConnectionDetail, input.Notes, GreetAs: input.GreetAs), errors);
                if (errors.Any) return errors.Problem();
                person = await PersonView.FindByEmailAsync(db, fields.Email, ct);
            }

            if (person is not null)
            {
                if (person.Id == interview.PersonId) errors.Add(input.PersonId is null ? "email" : "personId", ApiText.Get("Referral.Self"));
                else if ((await PersonView.ReferralChainAsync(db, interview.PersonId, ct)).Any(p => p.Id == person.Id))
                    errors.Add(input.PersonId is null ? "email" : "personId", ApiText.Get("Referral.Loop"));
                if (errors.Any) return errors.Problem();
                // Someone else suggested them first: moving the link would quietly rewrite who introduced whom.
                if (person.ReferredById is { } earlier && earlier != interview.PersonId
                    && await db.People.AsNoTracking().Where(p => p.Id == earlier).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } earlierName)
                    return Problems.Conflict(
                        ApiText.Get("Referral.AlreadySuggested"),
                        ApiText.Format("Referral.AlreadySuggested.Detail", person.Name, earlierName),
                        new Dictionary<string, object?> { ["existingPersonId"] = person.Id, ["existingPersonName"] = person.Name });
            }

            var created = person is null;
            if (person is null)
            {
                person = new Person { Name = fields!.Name, CreatedAt = now };
                fields.ReplaceOn(person);
                if (fields.Connection is null) person.Connection = ConnectionKind.FriendOfFriend;
                db.People.Add(person);
            }
            else
            {
                // A known email links the person already on the list; what they have stays as it is.
                fields?.FillOn(person);
            }
            person.ReferredById = interview.PersonId;
            person.ReferredViaInterviewId = interview.Id;
            person.UpdatedAt = now;
            interview.Changed(now);
            await db.SaveChangesAsync(ct);

            var dto = (await PersonView.LoadAsync(db, person.Id, ct))!;
            return created ? TypedResults.Created($"/api/people/{person.Id}", dto) : TypedResults.Ok(dto);
        }, ct);

    private sealed record Plan(string? QuestionListId, DateTimeOffset? PlannedStart, int? DurationMinutes, PlaceKind? PlaceKind, string? Place, string? MeetingUrl)
    {
        public void ApplyTo(Interview i)
        {
            i.QuestionListId = QuestionListId;
            i.PlannedStart = PlannedStart;
            i.DurationMinutes = DurationMinutes ?? (PlannedStart is null ? null : 30);
            i.PlaceKind = PlaceKind;
            i.Place = Place;
            i.MeetingUrl = MeetingUrl;
        }
    }

    // A start before now is more often a slip (a date in the wrong year) than a record of a meeting
    // that happened: refused unless confirmed, unless the start is the one already stored, or unless
    // the interview is past its meeting (recording when it happened).
    private static void CheckPast(DateTimeOffset? start, bool? confirmed, Interview? existing, DateTimeOffset now, FieldErrors errors)
    {
        if (start is not { } s || s >= now - ClockTolerance || confirmed == true || errors.Has("plannedStart")) return;
        // The stored start, as read back (a database may keep fewer digits than the request sent).
        var unchanged = existing?.PlannedStart is { } stored && (stored - s).Duration() < TimeSpan.FromSeconds(1);
        if (existing is not null && (unchanged || existing.Stage is InterviewStage.Interviewed or InterviewStage.Thanked or InterviewStage.StayingInTouch)) return;
        errors.Add("plannedStart", PastPlanMessage);
    }

    // A refused past start says how to go ahead: send confirmPast.
    private static ValidationProblem PlanProblem(FieldErrors errors) =>
        errors.Problem(errors.Has("plannedStart") ? new Dictionary<string, object?> { ["confirm"] = "confirmPast" } : null);

    private static Plan ValidatePlan(InterviewPlanInput input, FieldErrors errors) => new(
        errors.Text("questionListId", input.QuestionListId, 64),
        input.PlannedStart?.ToUniversalTime(),
        errors.Range("durationMinutes", input.DurationMinutes, 5, 240),
        input.PlaceKind,
        errors.Text("place", input.Place, 500),
        errors.HttpsUrl("meetingUrl", input.MeetingUrl));
}
