using IntegrationHub.Hub.Events;
using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Writes one call's delivery outcomes, and the events of deliveries that ended, in a transaction of
/// their own as soon as the call's answer has arrived: a call the target took is on record whatever
/// becomes of the calls still under way beside it.
/// </summary>
/// <remarks>
/// Coalescing the outcomes of calls that end together into one transaction was measured and dropped:
/// a single writer held every dispatcher back (time to the portal p99 5.2 s against 1.3 s).
/// </remarks>
public sealed class OutcomeRecorder(
    NpgsqlDataSource dataSource,
    DeliveryEvents deliveryEvents,
    OutboxSignal signal,
    EventSignals eventSignals,
    ILogger<OutcomeRecorder> logger)
{
    public async Task RecordAsync(Guid claimId, PendingDelivery[] batch, IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        RecordedDeliveryEvents recorded;
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
            recorded = await deliveryEvents.RecordAsync(connection, transaction, batch.Zip(records), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (recorded.Events > 0)
        {
            eventSignals.Recorded.Notify();
        }
        if (recorded.StreamRows > 0)
        {
            signal.Notify();
        }
    }
}
