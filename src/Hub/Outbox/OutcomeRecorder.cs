using System.Collections.Concurrent;
using IntegrationHub.Hub.Events;
using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Writes delivery outcomes, each call's as soon as its answer has arrived: outcomes that arrive while
/// a write is under way go together in the next transaction, so that calls ending together cost one
/// commit instead of one each. A caller returns once its outcome is committed.
/// </summary>
public sealed class OutcomeRecorder(
    NpgsqlDataSource dataSource,
    DeliveryEvents deliveryEvents,
    OutboxSignal signal,
    EventSignals eventSignals,
    ILogger<OutcomeRecorder> logger)
{
    private readonly ConcurrentQueue<Outcomes> _waiting = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task RecordAsync(Guid claimId, PendingDelivery[] batch, IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        var outcomes = new Outcomes(claimId, batch, records, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Enqueue(outcomes);
        while (!outcomes.Written.Task.IsCompleted)
        {
            await _writer.WaitAsync(cancellationToken);
            try
            {
                if (!outcomes.Written.Task.IsCompleted)
                {
                    await WriteWaitingAsync(cancellationToken);
                }
            }
            finally
            {
                _writer.Release();
            }
        }
        await outcomes.Written.Task;
    }

    private async Task WriteWaitingAsync(CancellationToken cancellationToken)
    {
        var taken = new List<Outcomes>();
        while (_waiting.TryDequeue(out var outcomes))
        {
            taken.Add(outcomes);
        }
        try
        {
            var (events, streamRows) = (0, 0);
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var outcomes in taken)
                {
                    var completed = await OutboxClaims.CompleteAsync(connection, transaction, outcomes.ClaimId, outcomes.Records, cancellationToken);
                    if (completed < outcomes.Records.Count)
                    {
                        logger.LogWarning(
                            "{Missed} of {Count} deliveries to {Target} were recorded after their lease ran out; the rows are in doubt and will be checked",
                            outcomes.Records.Count - completed, outcomes.Records.Count, outcomes.Batch[0].Target);
                    }
                    var recorded = await deliveryEvents.RecordAsync(connection, transaction, outcomes.Batch.Zip(outcomes.Records), cancellationToken);
                    (events, streamRows) = (events + recorded.Events, streamRows + recorded.StreamRows);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            taken.ForEach(o => o.Written.TrySetResult());
            if (events > 0)
            {
                eventSignals.Recorded.Notify();
            }
            if (streamRows > 0)
            {
                signal.Notify();
            }
        }
        catch (Exception e)
        {
            taken.ForEach(o => o.Written.TrySetException(e));
        }
    }

    private sealed record Outcomes(Guid ClaimId, PendingDelivery[] Batch, IReadOnlyList<DeliveryRecord> Records, TaskCompletionSource Written);
}
