using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.QuestionLists;

namespace OutlookInterviewAddin.Export;

/// <summary>All of the user's own data in one JSON document, in the same shapes the API uses, so nothing is locked in.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export").RequireAuthorization().WithTags("Export");
        export.MapGet("/", ExportAll);
        export.MapGet("/people.csv", ExportFiles.PeopleCsv);
        export.MapGet("/people.vcf", ExportFiles.PeopleVCard);
        export.MapGet("/planned-conversations.ics", ExportFiles.PlannedConversations);

        // Erasing sits with the export: the pane's "Your data" screen offers both.
        app.MapPost("/api/data/erase", EraseApi.EraseAll).RequireAuthorization().WithTags("Export");
        return app;
    }

    public static async Task<Ok<ExportDto>> ExportAll(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(ct) ?? new UserProfile();
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var interviews = await db.Interviews.AsNoTracking()
            .Include(i => i.Person).Include(i => i.StageChanges).Include(i => i.Takeaways).Include(i => i.Touches)
            .AsSplitQuery().OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var lists = await db.QuestionLists.AsNoTracking().OrderBy(l => l.CreatedAt).ToListAsync(ct);

        var byId = people.ToDictionary(p => p.Id);
        var peopleDtos = people.Select(p =>
        {
            var chain = new List<PersonRef>();
            for (var r = p.ReferredById; r is { } id && byId.TryGetValue(id, out var referrer) && chain.All(c => c.Id != id); r = referrer.ReferredById)
                chain.Insert(0, new PersonRef(referrer.Id, referrer.Name));
            return new PersonDto(
                p.Id, p.Name, p.GreetAs, p.Email, p.Organisation, p.Role, p.Field, p.City, p.TimeZone, p.LinkedInUrl,
                p.Connection, p.Connection != ConnectionKind.Cold, p.ConnectionDetail, p.Notes,
                chain.Count > 0 ? chain[^1] : null, chain,
                people.Where(x => x.ReferredById == p.Id).Select(x => new PersonRef(x.Id, x.Name)).ToList(),
                interviews.Where(i => i.PersonId == p.Id).Select(i => new PersonInterviewRef(i.Id, i.Stage, i.StageEnteredAt, i.PlannedStart)).ToList(),
                p.CreatedAt, p.UpdatedAt, p.DoNotContact,
                Drafting.DraftLanguages.Code(p.Language), AddressChoice.CodeOf(p.AddressForm), AddressChoice.Code(p.AddressFormInUse));
        }).ToList();
        var interviewDtos = interviews.Select(i => InterviewView.ToDto(i,
            people.Where(p => p.ReferredViaInterviewId == i.Id).Select(p => new PersonRef(p.Id, p.Name)).ToList(), clock.GetUtcNow())).ToList();

        return TypedResults.Ok(new ExportDto(
            clock.GetUtcNow(),
            ProfileDto.From(profile),
            peopleDtos,
            interviewDtos,
            interviews.Where(i => i.TailoredQuestions is not null).Select(i => new TailoredQuestionsDto(i.Id, i.TailoredQuestions!)).ToList(),
            lists.Select(QuestionListDto.From).ToList()));
    }
}

public sealed record TailoredQuestionsDto(Guid InterviewId, QuestionListContent Questions);

public sealed record ExportDto(
    DateTimeOffset ExportedAt,
    ProfileDto Profile,
    IReadOnlyList<PersonDto> People,
    IReadOnlyList<InterviewDto> Interviews,
    IReadOnlyList<TailoredQuestionsDto> TailoredQuestions,
    IReadOnlyList<QuestionListDto> QuestionLists);
