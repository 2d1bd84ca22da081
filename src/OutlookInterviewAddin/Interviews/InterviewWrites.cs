using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Interviews;

/// <summary>
/// Writes to an interview that are decided from what the request read: whether a stage may follow the
/// current one, which takeaway stops being the most helpful, whether a touch starts staying in touch.
/// Two requests on one interview read the same row; <see cref="Interview.Version"/> is a concurrency
/// token, so the later save fails instead of storing a decision taken on a stale read, and the whole
/// attempt (read, check, write) runs again on what the earlier one saved.
/// </summary>
public static class InterviewWrites
{
    // Each round lets at least one of the requests racing on an interview through.
    private const int MaxAttempts = 10;

    /// <summary>
    /// Runs <paramref name="attempt"/>, which loads the interview, decides and saves, until it saves
    /// on an up-to-date read. Past the last attempt the concurrency failure answers 409
    /// (<see cref="Validation.ConcurrentChangeExceptionHandler"/>).
    /// </summary>
    public static async Task<T> RetryingAsync<T>(AppDbContext db, Func<Task<T>> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException e) when (n < MaxAttempts)
            {
                if (!await LostRaceAsync(db, e, ct)) throw;
                db.ChangeTracker.Clear();
            }
        }
    }

    // A stale version, or the one-most-helpful index broken because another write saved first
    // (which one a database reports first depends on the order it ran the statements in).
    private static async Task<bool> LostRaceAsync(AppDbContext db, DbUpdateException e, CancellationToken ct)
    {
        if (e is DbUpdateConcurrencyException) return true;
        foreach (var entry in db.ChangeTracker.Entries<Interview>().Where(i => i.State is EntityState.Modified or EntityState.Deleted).ToList())
        {
            var id = entry.Entity.Id;
            var read = entry.Property(i => i.Version).OriginalValue;
            if (await db.Interviews.AsNoTracking().AnyAsync(i => i.Id == id && i.Version != read, ct)) return true;
        }
        return false;
    }
}
