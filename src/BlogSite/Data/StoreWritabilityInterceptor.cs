using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Data;

/// <summary>
/// Tells <see cref="StoreWritability"/> what every write through EF did, whichever feature made it: a failure
/// for want of space marks the store full, a write that changed rows marks it writable again.
/// </summary>
public sealed class StoreWritabilityInterceptor(StoreWritability store) : IDbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    // Only a statement that changed rows proves a write; a no-op update or a read proves nothing.
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Written(result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Written(result));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) => Written(result);

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Written(result));

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Failed(Exception exception)
    {
        if (StorageFull.Is(exception))
        {
            store.Refused(exception);
        }
    }

    private int Written(int rows)
    {
        if (rows > 0)
        {
            store.Succeeded();
        }

        return rows;
    }
}
