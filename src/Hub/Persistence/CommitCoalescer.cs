using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// Saves concurrent writes that only add rows in one transaction, so that under load a commit (and its wait for
/// the disk) is shared by many writes rather than paid by each: by one insert per table, all in one round trip
/// (<see cref="TableCopier"/>), or by one EF Core save for rows the copy cannot serve. Each write is still
/// all or nothing, and its caller returns only once its rows are committed: if the shared transaction fails,
/// each of its writes is saved again alone by EF Core, so that one write's broken constraint refuses that write only,
/// as EF Core refuses it (<see cref="DbUpdateException"/>).
/// A write that changes or removes rows is saved by its own unit of work, as before. Its one caller, the idempotent
/// writer, adds an idempotency record to each write: if a shared commit's answer is lost and its writes are saved
/// again alone, the record's key refuses each repeat, and the writer answers with what was committed.
/// </summary>
public sealed class CommitCoalescer(IServiceScopeFactory scopes, TableCopier copier, IOptions<CommitOptions> options)
    : GatheringService<CommitCoalescer.PendingWrite>(options.Value.MaxWrites, options.Value.Writers)
{
    /// <summary>
    /// Commits <paramref name="inserts"/> (new rows kept out of the change tracker) and what <paramref name="db"/> tracks;
    /// returns once they are committed, or throws what refused them.
    /// </summary>
    /// <param name="inserts">
    /// New rows the write adds without <see cref="DbContext.Add"/>: EF Core's tracking of a row costs more than copying
    /// it (a snapshot of each property on adding, a comparison of each on saving). A row whose navigations hold others
    /// is saved by EF Core with them, as <see cref="DbContext.Add"/> would have.
    /// </param>
    public async Task SaveAsync(HubDbContext db, IReadOnlyCollection<object> inserts, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        // An inserted row another's navigation brought into the tracker is taken once (a scan: a submit tracks none).
        var fresh = inserts.Where(r => !entries.Exists(e => ReferenceEquals(e.Entity, r)))
            .Select(r => (Type: db.Model.FindEntityType(r.GetType()), Row: r)).ToList();
        if (entries.Count + fresh.Count == 0 || entries.Exists(e => e.State != EntityState.Added) || !fresh.TrueForAll(r => r.Type is { } type && Standalone(type, r.Row)))
        {
            db.AddRange(fresh.Select(r => r.Row));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var write = new PendingWrite([
            .. entries.Where(e => !e.Metadata.IsOwned()).Select(e => new AddedRow(e.Metadata, e.Entity)),
            .. fresh.Select(r => new AddedRow(r.Type!, r.Row))]);
        db.ChangeTracker.Clear();
        if (!TryGather(write))
        {
            // Stopping: the writers are gone, so the write is saved where it was made.
            db.AddRange(write.Roots());
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        // Not cancellable once queued: the write is then committed or refused as a whole, never left half known.
        await write.Committed.Task;
    }

    /// <summary>A row whose navigations hold nothing: adding it to EF Core would add nothing else.</summary>
    private static bool Standalone(IEntityType type, object row) =>
        type.GetNavigations().Cast<INavigationBase>().Concat(type.GetSkipNavigations())
            .All(n => n.GetGetter().GetClrValueUsingContainingEntity(row) switch
            {
                null => true,
                IEnumerable items => !items.GetEnumerator().MoveNext(),
                _ => false,
            });

    protected override async Task HandleAsync(List<PendingWrite> batch)
    {
        IReadOnlyList<(CopyPlan, List<object>)>? tables = null;
        try
        {
            tables = copier.Tables(batch.SelectMany(w => w.Rows));
            await (tables is null ? SaveTogetherAsync(batch) : copier.InsertAsync(tables, CancellationToken.None));
            batch.ForEach(w => w.Committed.TrySetResult());
            return;
        }
        catch (Exception e) when (batch.Count == 1 && tables is null)
        {
            batch[0].Committed.TrySetException(e);
            return;
        }
        catch (Exception)
        {
            // Nothing of the batch is stored (one transaction): each write on its own, to find whose it was.
            // Copied or not, alone it goes through EF Core, which says what refused it.
        }
        foreach (var write in batch)
        {
            try
            {
                await SaveTogetherAsync([write]);
                write.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                write.Committed.TrySetException(e);
            }
        }
    }

    private async Task SaveTogetherAsync(IEnumerable<PendingWrite> writes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        foreach (var write in writes)
        {
            db.AddRange(write.Roots());
        }
        await db.SaveChangesAsync();
    }

    public sealed record PendingWrite(AddedRow[] Rows)
    {
        public IEnumerable<object> Roots() => Rows.Select(r => r.Entity);

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
