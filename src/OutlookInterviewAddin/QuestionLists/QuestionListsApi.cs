using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.QuestionLists.Kits;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.QuestionLists;

public static class QuestionListsApi
{
    public static IEndpointRouteBuilder MapQuestionLists(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/question-lists").RequireAuthorization().WithTags("Question lists");
        lists.MapGet("/", ListQuestionLists);
        lists.MapGet("/{id}", GetQuestionList);
        lists.MapPost("/", CreateQuestionList);
        lists.MapPut("/{id}", UpdateQuestionList);
        lists.MapDelete("/{id}", DeleteQuestionList);

        var tailored = app.MapGroup("/api/interviews/{id:guid}/questions").RequireAuthorization().WithTags("Question lists");
        tailored.MapGet("/", GetInterviewQuestions);
        tailored.MapPut("/", TailorInterviewQuestions);
        tailored.MapDelete("/", UntailorInterviewQuestions);
        return app;
    }

    public static async Task<Ok<List<QuestionListSummary>>> ListQuestionLists(AppDbContext db, CancellationToken ct)
    {
        var own = await db.QuestionLists.AsNoTracking().OrderBy(l => l.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(BuiltInLists.In(BuiltInLists.ReadersLanguage)
            .Select(b => new QuestionListSummary(b.Id, b.Content.Name, true, b.Content.QuestionCount))
            .Concat(own.Select(l => new QuestionListSummary(l.Id.ToString(), l.Content.Name, false, l.Content.QuestionCount)))
            .ToList());
    }

    public static async Task<Results<Ok<QuestionListDto>, ProblemHttpResult>> GetQuestionList(string id, AppDbContext db, CancellationToken ct)
    {
        if (BuiltInLists.Find(id, BuiltInLists.ReadersLanguage) is { } builtIn) return TypedResults.Ok(QuestionListDto.From(id.Trim().ToLowerInvariant(), true, builtIn));
        var list = await FindOwnAsync(db, id, ct);
        return list is null ? Problems.NotFound("QuestionList") : TypedResults.Ok(QuestionListDto.From(list));
    }

    public static async Task<Results<Created<QuestionListDto>, ValidationProblem>> CreateQuestionList(
        QuestionListInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var content = Validate(input, errors, nameRequired: true);
        if (errors.Any) return errors.Problem();
        var now = clock.GetUtcNow();
        var list = new QuestionList { Content = content, CreatedAt = now, UpdatedAt = now };
        db.QuestionLists.Add(list);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/question-lists/{list.Id}", QuestionListDto.From(list));
    }

    public static async Task<Results<Ok<QuestionListDto>, ValidationProblem, ProblemHttpResult>> UpdateQuestionList(
        string id, QuestionListInput input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (BuiltInLists.Find(id) is not null) return BuiltInIsReadOnly();
        var list = await FindOwnAsync(db, id, ct);
        if (list is null) return Problems.NotFound("QuestionList");
        var errors = new FieldErrors();
        var content = Validate(input, errors, nameRequired: true);
        if (errors.Any) return errors.Problem();
        list.Content = content;
        list.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(QuestionListDto.From(list));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteQuestionList(string id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (BuiltInLists.Find(id) is not null) return BuiltInIsReadOnly();
        return await InterviewWrites.RetryingAsync<Results<NoContent, ProblemHttpResult>>(db, async () =>
        {
            var list = await FindOwnAsync(db, id, ct);
            if (list is null) return Problems.NotFound("QuestionList");
            var key = list.Id.ToString();
            // Interviews that used it fall back to the default list; their tailored copies are their own.
            foreach (var interview in await db.Interviews.Where(i => i.QuestionListId == key).ToListAsync(ct))
            {
                interview.QuestionListId = null;
                interview.Changed(clock.GetUtcNow());
            }
            db.QuestionLists.Remove(list);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, ct);
    }

    public static async Task<Results<Ok<InterviewQuestions>, ProblemHttpResult>> GetInterviewQuestions(Guid id, AppDbContext db, CancellationToken ct)
    {
        var interview = await db.Interviews.Include(i => i.Person).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return interview is null ? Problems.NotFound("Interview") : TypedResults.Ok(await QuestionsForAsync(db, interview, ct));
    }

    /// <summary>Keeps a tailored copy on the interview; the saved list it came from is left as it was.</summary>
    public static Task<Results<Ok<InterviewQuestions>, ValidationProblem, ProblemHttpResult>> TailorInterviewQuestions(
        Guid id, QuestionListInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<InterviewQuestions>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var interview = await db.Interviews.Include(i => i.Person).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            var errors = new FieldErrors();
            var content = Validate(input, errors, nameRequired: false);
            if (errors.Any) return errors.Problem();
            if (string.IsNullOrEmpty(content.Name))
                content = content with { Name = (await SourceOfAsync(db, interview, interview.Person!.Language, ct)).Content.Name };
            interview.TailoredQuestions = content;
            interview.Changed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await QuestionsForAsync(db, interview, ct));
        }, ct);

    public static Task<Results<Ok<InterviewQuestions>, ProblemHttpResult>> UntailorInterviewQuestions(
        Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        InterviewWrites.RetryingAsync<Results<Ok<InterviewQuestions>, ProblemHttpResult>>(db, async () =>
        {
            var interview = await db.Interviews.Include(i => i.Person).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (interview is null) return Problems.NotFound("Interview");
            interview.TailoredQuestions = null;
            interview.Changed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await QuestionsForAsync(db, interview, ct));
        }, ct);

    /// <summary>The questions of an interview, as saved and as filled for its person.</summary>
    public static async Task<InterviewQuestions> QuestionsForAsync(AppDbContext db, Interview interview, CancellationToken ct)
    {
        var person = interview.Person ?? await db.People.AsNoTracking().FirstAsync(p => p.Id == interview.PersonId, ct);
        var source = await SourceOfAsync(db, interview, person.Language, ct);
        var content = interview.TailoredQuestions ?? source.Content;
        var referrer = person.ReferredById is { } rid
            ? await db.People.AsNoTracking().Where(p => p.Id == rid).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : null;
        return new InterviewQuestions(source.Id, interview.TailoredQuestions is not null, content, BuiltInLists.Fill(content, person, referrer));
    }

    /// <summary>The saved list an interview uses: its chosen one if it still exists, else the default.</summary>
    /// <param name="language">The person's: a built-in list is theirs in French when they are written to in French.</param>
    private static async Task<(string Id, QuestionListContent Content)> SourceOfAsync(AppDbContext db, Interview interview,
        Drafting.DraftLanguage language, CancellationToken ct)
    {
        if (BuiltInLists.Find(interview.QuestionListId, language) is { } builtIn) return (interview.QuestionListId!.ToLowerInvariant(), builtIn);
        if (await FindOwnAsync(db, interview.QuestionListId, ct) is { } own) return (own.Id.ToString(), own.Content);
        return (BuiltInLists.DefaultId, BuiltInLists.Find(BuiltInLists.DefaultId, language)!);
    }

    /// <summary>Whether an interview may use this list: none (the default), a built-in one, or one of the user's.</summary>
    public static async Task<bool> ExistsAsync(AppDbContext db, string? id, CancellationToken ct) =>
        id is null || BuiltInLists.Find(id) is not null || await FindOwnAsync(db, id, ct) is not null;

    private static async Task<QuestionList?> FindOwnAsync(AppDbContext db, string? id, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) ? await db.QuestionLists.FirstOrDefaultAsync(l => l.Id == guid, ct) : null;

    private static ProblemHttpResult BuiltInIsReadOnly() =>
        Problems.Conflict(ApiText.Get("QuestionLists.BuiltIn"), ApiText.Get("QuestionLists.BuiltIn.Detail"));

    private static QuestionListContent Validate(QuestionListInput input, FieldErrors errors, bool nameRequired)
    {
        var name = errors.Text("name", input.Name, 200, required: nameRequired);
        var opening = CheckedText(errors, "opening", input.Opening, 2000);
        var closing = CheckedText(errors, "closing", input.Closing, 2000);
        var parts = new List<QuestionPart>();
        var inputParts = input.Parts ?? [];
        if (inputParts.Count > 20) errors.Add("parts", ApiText.Format("QuestionLists.TooManyParts", 20));
        for (var p = 0; p < inputParts.Count && p < 20; p++)
        {
            var part = inputParts[p];
            var prefix = $"parts[{p}]";
            var title = CheckedText(errors, $"{prefix}.title", part?.Title, 200, required: true);
            var questions = new List<string>();
            var inputQuestions = part?.Questions ?? [];
            if (inputQuestions.Count > 50) errors.Add($"{prefix}.questions", ApiText.Format("QuestionLists.TooManyQuestions", 50));
            for (var q = 0; q < inputQuestions.Count && q < 50; q++)
            {
                if (CheckedText(errors, $"{prefix}.questions[{q}]", inputQuestions[q], 500) is { } question) questions.Add(question);
            }
            parts.Add(new QuestionPart(title ?? "", questions));
        }
        return new QuestionListContent(name ?? "", opening, parts, closing);
    }

    // Length as any text, and placeholders the filler knows, so a list never saves what it cannot fill.
    private static string? CheckedText(FieldErrors errors, string field, string? value, int max, bool required = false)
    {
        var text = errors.Text(field, value, max, required);
        if (text is not null)
            foreach (var problem in PlaceholderFiller.Validate(text)) errors.Add(field, problem);
        return text;
    }
}

public sealed record QuestionPartInput(string? Title, List<string?>? Questions);

public sealed record QuestionListInput(string? Name, string? Opening, List<QuestionPartInput?>? Parts, string? Closing);

public sealed record QuestionListSummary(string Id, string Name, bool IsBuiltIn, int QuestionCount);

public sealed record QuestionListDto(string Id, string Name, bool IsBuiltIn, string? Opening, IReadOnlyList<QuestionPart> Parts, string? Closing)
{
    public static QuestionListDto From(string id, bool builtIn, QuestionListContent c) => new(id, c.Name, builtIn, c.Opening, c.Parts, c.Closing);

    public static QuestionListDto From(QuestionList list) => From(list.Id.ToString(), false, list.Content);
}

/// <summary>An interview's questions: <see cref="List"/> as the user edits them, <see cref="Filled"/> as the person will read them.</summary>
public sealed record InterviewQuestions(string SourceListId, bool IsTailored, QuestionListContent List, QuestionListContent Filled);
