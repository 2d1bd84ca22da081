using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Import;

/// <param name="DefaultConnection">How imported people are known unless the user picks otherwise.</param>
public sealed record ImportPreview(string Source, string? FileName, ConnectionKind DefaultConnection, ImportCounts Counts, IReadOnlyList<ImportRow> Rows);

/// <param name="People">The previewed rows to import (the pane sends back the add and match rows).</param>
public sealed record ImportRequest(string? Source, ConnectionKind? Connection, IReadOnlyList<ImportCandidate>? People);

public sealed record ImportResult(string Source, ImportCounts Counts, IReadOnlyList<ImportRow> Rows);

/// <summary>
/// Brings people in from LinkedIn's Connections.csv, vCard files and the user's Outlook contacts:
/// a preview first (who is added, matched or skipped, and which rows are wrong, by line), then one
/// import of the previewed rows, which plans them again against what is stored by then, so
/// importing twice adds nobody twice. See docs/import-export.md.
/// </summary>
public static class ImportApi
{
    /// <summary>The largest file taken: LinkedIn's export of 30,000 connections is about 3 MB.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The most people one preview or import takes.</summary>
    public const int MaxRows = 5000;

    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder app)
    {
        var import = app.MapGroup("/api/import").RequireAuthorization().WithTags("Import");
        import.MapPost("/linkedin/preview", PreviewLinkedIn);
        import.MapPost("/vcard/preview", PreviewVCard);
        import.MapPost("/outlook/preview", PreviewOutlook);
        import.MapPost("/", ImportPeople);
        return app;
    }

    public static async Task<IResult> PreviewLinkedIn(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var (file, problem) = await ReadUploadAsync(http, ct);
        if (problem is not null) return problem;
        IReadOnlyList<ImportCandidate>? rows;
        try
        {
            rows = LinkedInConnections.Read(VCardReader.DecodeFile(file!.Bytes), MaxRows);
        }
        catch (TooManyRowsException)
        {
            return TooManyRows();
        }
        if (rows is null)
            return Problems.BadRequest(ApiText.Get("Import.NotLinkedIn"), ApiText.Get("Import.NotLinkedIn.Detail"));
        return TypedResults.Ok(await PreviewAsync(db, ImportSources.LinkedIn, file.Name, rows, [], ct));
    }

    public static async Task<IResult> PreviewVCard(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var (file, problem) = await ReadUploadAsync(http, ct);
        if (problem is not null) return problem;
        var cards = VCardReader.Read(VCardReader.DecodeFile(file!.Bytes));
        if (cards.Contacts.Count + cards.Problems.Count == 0)
            return Problems.BadRequest(ApiText.Get("Import.NoVCard"), ApiText.Get("Import.NoVCard.Detail"));
        if (cards.Contacts.Count + cards.Problems.Count > MaxRows) return TooManyRows();
        var (candidates, problems) = ImportSources.FromVCards(cards);
        return TypedResults.Ok(await PreviewAsync(db, ImportSources.VCard, file.Name, candidates, problems, ct));
    }

    public static async Task<IResult> PreviewOutlook(HttpContext http, AppDbContext db, CurrentUser user, GraphClients graphClients,
        ILoggerFactory loggers, CancellationToken ct)
    {
        List<ImportCandidate> candidates;
        try
        {
            candidates = await ImportSources.FromOutlookAsync(graphClients.For(user, DraftsApi.BearerToken(http)), MaxRows, ct);
        }
        catch (TooManyRowsException)
        {
            return TooManyRows();
        }
        catch (Exception exception) when (ImportSources.GraphFailure(exception) is { } failure)
        {
            loggers.CreateLogger("OutlookInterviewAddin.Import").LogWarning(exception, "Reading the Outlook contacts failed: {Failure}", failure.Failure);
            return DraftsApi.MailboxProblem(failure);
        }
        return TypedResults.Ok(await PreviewAsync(db, ImportSources.Outlook, null, candidates, [], ct));
    }

    private static async Task<ImportPreview> PreviewAsync(AppDbContext db, string source, string? fileName,
        IReadOnlyList<ImportCandidate> candidates, IReadOnlyList<ImportRow> unreadable, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().ToListAsync(ct);
        var plan = ImportPlanner.Plan(candidates, people, DefaultConnection, ImportSources.Labels(source));
        var rows = plan.Select(p => p.Row).Concat(unreadable).OrderBy(r => r.Line).ToList();
        return new ImportPreview(source, fileName, DefaultConnection, ImportCounts.Of(rows), rows);
    }

    /// <summary>Someone in your LinkedIn connections or your contacts is a warm contact, but not one of the named kinds.</summary>
    private const ConnectionKind DefaultConnection = ConnectionKind.OtherWarm;

    /// <summary>
    /// Imports the previewed rows: the new people are added (no conversation yet: "not contacted"),
    /// matches fill only the empty fields of the person they match, the rest is skipped or reported.
    /// Planned again against what is stored now, in one transaction.
    /// </summary>
    public static async Task<IResult> ImportPeople(ImportRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!ImportSources.IsKnown(request.Source)) errors.Add("source", ApiText.Get("Import.Source"));
        if (request.People is null) errors.Add("people", ApiText.Get("Field.Required"));
        else if (request.People.Count > MaxRows) errors.Add("people", ApiText.Format("Import.TooManyPeople", MaxRows));
        if (errors.Any) return errors.Problem();

        var connection = request.Connection ?? DefaultConnection;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = await db.People.ToListAsync(ct);
        var plan = ImportPlanner.Plan(request.People!, people, connection, ImportSources.Labels(request.Source!));
        var now = clock.GetUtcNow();
        var done = new List<(ImportRow Row, Person? Person)>();
        foreach (var planned in plan)
        {
            Person? person = null;
            if (planned.Row.Action == ImportAction.Add)
            {
                person = new Person { Name = planned.Fields!.Name, CreatedAt = now, UpdatedAt = now };
                planned.Fields.ReplaceOn(person);
                db.People.Add(person);
            }
            else if (planned.Row.Action == ImportAction.Match)
            {
                person = planned.Existing!;
                planned.Fields!.FillOn(person);
                person.UpdatedAt = now;
            }
            done.Add((planned.Row, person ?? planned.Existing));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(ApiText.Get("Conflict.SameTime"), ApiText.Get("Import.Conflict.Detail"));
        }
        await transaction.CommitAsync(ct);
        var rows = done.Select(d => d.Row with { PersonId = d.Person?.Id }).ToList();
        return TypedResults.Ok(new ImportResult(request.Source!, ImportCounts.Of(rows), rows));
    }

    private sealed record Upload(string? Name, byte[] Bytes);

    /// <summary>The uploaded file (multipart/form-data, field "file"), or the problem: 413 when too large, 400 when missing or empty.</summary>
    private static async Task<(Upload? File, IResult? Problem)> ReadUploadAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        const long envelope = 64 * 1024; // the multipart boundaries and headers around the file
        if (request.ContentLength > MaxFileBytes + envelope) return (null, TooLarge());
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxFileBytes + envelope;
        if (!request.HasFormContentType)
            return (null, FileProblem(ApiText.Get("Import.File.NotMultipart")));
        IFormCollection form;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = MaxFileBytes, ValueCountLimit = 20 }));
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null) return (null, FileProblem(ApiText.Get("Import.File.Missing")));
        if (file.Length > MaxFileBytes) return (null, TooLarge());
        if (file.Length == 0) return (null, FileProblem(ApiText.Get("Import.File.Empty")));
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var name = Path.GetFileName(file.FileName);
        return (new Upload(name.Length > 200 ? name[..200] : name, buffer.ToArray()), null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem FileProblem(string message)
    {
        var errors = new FieldErrors();
        errors.Add("file", message);
        return errors.Problem();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: ApiText.Get("Import.TooLarge"),
        detail: ApiText.Format("Import.TooLarge.Detail", MaxFileBytes / (1024 * 1024)));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooManyRows() => Problems.BadRequest(ApiText.Get("Import.TooManyRows"), ApiText.Format("Import.TooManyRows.Detail", MaxRows));
}
