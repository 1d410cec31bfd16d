using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Writes one call's delivery outcomes, and what the observers add to them, in a transaction of their own
/// as soon as the call's answer has arrived: a call the target took is on record whatever becomes of the
/// calls still under way beside it.
/// </summary>
/// <remarks>
/// Coalescing the outcomes of calls that end together into one transaction was measured and dropped:
/// a single writer held every dispatcher back (time to the portal p99 5.2 s against 1.3 s).
/// </remarks>
public sealed class OutcomeRecorder(NpgsqlDataSource dataSource, IEnumerable<IDeliveryObserver> observers, ILogger<OutcomeRecorder> logger)
{
    private readonly IDeliveryObserver[] _observers = [.. observers];

    public async Task RecordAsync(Guid claimId, PendingDelivery[] batch, IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        var afterCommit = new List<Action>(_observers.Length);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var completed = await OutboxClaims.CompleteAsync(connection, transaction, claimId, records, cancellationToken);
            if (completed < records.Count)
            {
                logger.LogWarning(
                    "{Missed} of {Count} deliveries to {Target} were recorded after their lease ran out; the rows are in doubt and will be checked",
                    records.Count - completed, records.Count, batch[0].Target);
            }
            var outcomes = batch.Zip(records).ToList();
            foreach (var observer in _observers)
            {
                if (await observer.RecordingAsync(connection, transaction, outcomes, cancellationToken) is { } then)
                {
                    afterCommit.Add(then);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        afterCommit.ForEach(then => then());
    }
}
