using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Deleting;

/// <summary>What a delete answers: how to undo it, and until when.</summary>
/// <param name="Id">The id to restore with (POST /api/deleted/{id}/restore).</param>
/// <param name="Kind">"person" or "interview".</param>
/// <param name="Description">What went: the person, or the conversation with them.</param>
public sealed record DeletedDto(Guid Id, string Kind, Guid RecordId, string Description, DateTimeOffset UndoUntil)
{
    public static DeletedDto From(DeletedRecord d) => new(d.Id, d.Kind, d.RecordId, StoredText.Read(d.Description), d.DeletedAt + DeletedRecords.UndoWindow);
}

public sealed record RestoredDto(string Kind, Guid RecordId);

public static class DeletedApi
{
    public static IServiceCollection AddDeletedRecords(this IServiceCollection services) =>
        services.AddHostedService<DeletedRecordsPurge>();

    public static IEndpointRouteBuilder MapDeleted(this IEndpointRouteBuilder app)
    {
        var deleted = app.MapGroup("/api/deleted").RequireAuthorization().WithTags("Deleted");
        deleted.MapPost("/{id:guid}/restore", Restore);
        return app;
    }

    /// <summary>Puts back what a delete removed, within <see cref="DeletedRecords.UndoWindow"/>; once only.</summary>
    public static async Task<Results<Ok<RestoredDto>, ProblemHttpResult>> Restore(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var record = await db.DeletedRecords.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (record is null || now - record.DeletedAt > DeletedRecords.UndoWindow)
            return Problems.Conflict(ApiText.Get("Undo.TooLate"), ApiText.Format("Deleted.TooLate.Detail", (int)DeletedRecords.UndoWindow.TotalMinutes));
        if (await DeletedRecords.RestoreAsync(db, record, ct) is { } refusal) return Problems.Conflict(ApiText.Get("Deleted.NotYet"), refusal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(ApiText.Get("Deleted.Cannot"), ApiText.Format("Deleted.Cannot.Detail", StoredText.Read(record.Description)));
        }
        return TypedResults.Ok(new RestoredDto(record.Kind, record.RecordId));
    }
}

/// <summary>Removes the copies kept for "Undo" once their window has passed, every minute.</summary>
internal sealed class DeletedRecordsPurge(IServiceScopeFactory scopes, AppDataReadiness readiness, TimeProvider clock, ILogger<DeletedRecordsPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            try
            {
                await readiness.WaitAsync(stoppingToken);
            }
            catch (AppDataUnavailableException)
            {
                // The host answers 503 saying why; there is nothing to purge in data it cannot reach.
                return;
            }
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await using var db = scope.ServiceProvider.CreateDbContextFor(DataOwner.Nobody);
                    await DeletedRecords.PurgeAsync(db, clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Removing expired deleted records failed; trying again in a minute.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
