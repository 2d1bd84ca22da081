using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Caching;

/// <summary>
/// Moves the owner's <see cref="UserDataVersions"/> whenever a context writes: after SaveChanges,
/// after a transaction commits (a save inside it was not visible to other readers until then) and
/// after a bulk statement (ExecuteUpdate, ExecuteDelete). This covers writes that do not come from
/// a request, such as the follow-through's jobs; requests that write move it once more when they end.
/// </summary>
public sealed class DataVersionInterceptor(UserDataVersions versions) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private void Moved(DbContext? context)
    {
        if (context is AppDbContext db) versions.Moved(db.Owner);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Moved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Moved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A save that failed part-way may have written some rows (outside a transaction): move anyway.
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Moved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Moved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Moved(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Moved(eventData.Context);
        return Task.CompletedTask;
    }

    // A bulk statement that touched no row changed nothing (the minute's purge of kept deletions,
    // mostly), so it retires no one's answers; -1 (a statement that reports no count) still does.
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result != 0) Moved(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result != 0) Moved(eventData.Context);
        return ValueTask.FromResult(result);
    }
}
