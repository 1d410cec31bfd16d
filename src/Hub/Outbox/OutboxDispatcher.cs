using IntegrationHub.Adapters;
using IntegrationHub.Adapters.Exchanges;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Delivers committed outbox rows through their targets' handlers: per (dossier, target) in commit
/// order, with exponential backoff and jitter after a transient fault, and to the dead letters after a
/// permanent rejection, or after <see cref="OutboxOptions.MaxAttempts"/> attempts over at least
/// <see cref="OutboxOptions.GiveUpAfter"/>. Nothing is marked delivered
/// unless the target said so. Each call's outcome is recorded when it arrives; a row whose call may have
/// taken effect unrecorded (answer lost, process died) goes back to its handler marked in doubt.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutcomeRecorder recorder,
    TargetRecovery recovery,
    TargetAdapters adapters,
    OutboxMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox round failed; its rows stay pending");
            }
            if (claimed < _options.BatchSize)
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
                await Task.Delay(_options.Linger, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Claims one round of rows under a lease, delivers them, and records each call's outcome as soon as
    /// it is known, in a transaction of its own; returns how many were claimed.
    /// </summary>
    private async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var claimId = Guid.CreateVersion7();
        List<PendingDelivery> claimed;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            claimed = await OutboxClaims.ClaimAsync(connection, claimId, _options.BatchSize, _options.ClaimLease, adapters.Active(), cancellationToken);
        }
        if (claimed.Count == 0)
        {
            return 0;
        }

        // No delivery outlives its lease: past it, another dispatcher may take the row.
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lease.CancelAfter(_options.ClaimLease - _options.LeaseMargin);
        await using var scope = scopes.CreateAsyncScope();
        var handlers = HandlersFor(scope.ServiceProvider, claimed);
        await Parallel.ForEachAsync(
            Batches(claimed, handlers),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken },
            async (indexes, token) =>
            {
                PendingDelivery[] batch = [.. indexes.Select(i => claimed[i])];
                var outcomes = await DeliverAsync(handlers, batch, lease.Token, token);
                var records = batch.Zip(outcomes, Record).ToList();
                await recorder.RecordAsync(claimId, batch, records, token);
                await recovery.DeliveredAsync(batch, records, token);
                foreach (var (row, record) in batch.Zip(records))
                {
                    metrics.DeliveryAttempted(row.Target, record.Status, clock.GetUtcNow() - row.CreatedAt);
                }
            });
        return claimed.Count;
    }

    /// <summary>
    /// The handlers of the round's targets, each built on its own: a handler that cannot be built (an
    /// adapter's configuration its pipeline refuses, say) holds up its own target's rows, not the others'.
    /// </summary>
    private Dictionary<string, IOutboxHandler> HandlersFor(IServiceProvider services, List<PendingDelivery> claimed)
    {
        var handlers = new Dictionary<string, IOutboxHandler>(StringComparer.Ordinal);
        foreach (var target in claimed.Select(c => c.Target).Distinct())
        {
            try
            {
                handlers[target] = services.GetKeyedService<IOutboxHandler>(target) ?? new UnavailableHandler($"no handler is registered for target '{target}'");
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox handler for {Target} could not be built; its rows stay pending", target);
                handlers[target] = new UnavailableHandler($"the handler for '{target}' could not be built: {e.GetType().Name}: {e.Message}");
            }
        }
        return handlers;
    }

    /// <summary>Indexes of claimed rows grouped into calls: same target and kind, up to the handler's batch size.</summary>
    private static IEnumerable<int[]> Batches(List<PendingDelivery> claimed, Dictionary<string, IOutboxHandler> handlers) =>
        Enumerable.Range(0, claimed.Count)
            .GroupBy(i => (claimed[i].Target, claimed[i].Kind))
            .SelectMany(group => group.Chunk(Math.Max(1, handlers[group.Key.Target].MaxBatchSize)));

    /// <param name="lease">Cancelled when the claim's lease is about to run out, or the hub stops.</param>
    /// <param name="stopping">Cancelled when the hub stops: then nothing is recorded and the rows come back in doubt.</param>
    private async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(
        Dictionary<string, IOutboxHandler> handlers, PendingDelivery[] batch, CancellationToken lease, CancellationToken stopping)
    {
        var target = batch[0].Target;
        var handler = handlers[target];
        try
        {
            using var exchanges = ExchangeContext.Begin(clientId: null, dossierCode: null, [.. batch.Select(b => b.DossierId).Distinct()]);
            var outcomes = await handler.DeliverAsync(batch, lease);
            return outcomes.Count == batch.Length
                ? outcomes
                : Same(batch, DeliveryOutcome.Transient($"handler for '{target}' answered {outcomes.Count} outcomes for {batch.Length} rows", inDoubt: true));
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // Whatever the handler had sent before it failed may have taken effect.
            logger.LogWarning(e, "Delivery of {Count} rows to {Target} failed unexpectedly", batch.Length, target);
            return Same(batch, DeliveryOutcome.Transient($"{e.GetType().Name}: {e.Message}", inDoubt: true, unanswered: true));
        }
    }

    private static DeliveryOutcome[] Same(PendingDelivery[] batch, DeliveryOutcome outcome) => [.. batch.Select(_ => outcome)];

    private DeliveryRecord Record(PendingDelivery delivery, DeliveryOutcome outcome)
    {
        var now = clock.GetUtcNow();
        var answer = Cut(outcome.TargetAnswer);
        switch (outcome.Result)
        {
            case DeliveryResult.Delivered:
                return new DeliveryRecord(delivery.Id, OutboxStatus.Delivered, now, null, answer, InDoubt: false, InFlightUntil: null);
            case DeliveryResult.PermanentFailure:
                logger.LogWarning("Delivery {DeliveryId} to {Target} dead-lettered: {Reason}", delivery.Id, delivery.Target, outcome.Detail);
                return new DeliveryRecord(delivery.Id, OutboxStatus.DeadLettered, now, Cut(outcome.Detail), answer, InDoubt: false, InFlightUntil: null);
            default:
                var attempts = delivery.Attempts + 1;
                var tried = now - delivery.CreatedAt;
                if (attempts >= _options.MaxAttempts && tried >= _options.GiveUpAfter)
                {
                    logger.LogWarning("Delivery {DeliveryId} to {Target} dead-lettered after {Attempts} attempts over {Seconds:0} s: {Reason}",
                        delivery.Id, delivery.Target, attempts, tried.TotalSeconds, outcome.Detail);
                    return new DeliveryRecord(
                        delivery.Id, OutboxStatus.DeadLettered, now, Cut($"gave up after {attempts} attempts over {tried.TotalSeconds:0} s: {outcome.Detail}"),
                        answer, outcome.InDoubt, InFlightUntil: null);
                }
                var next = now + Backoff(attempts);
                // An unanswered call may still take effect: no look-up before it has had time to land.
                DateTimeOffset? inFlightUntil = outcome.Unanswered ? now + _options.InDoubtDelay : null;
                return new DeliveryRecord(
                    delivery.Id, OutboxStatus.Pending, inFlightUntil > next ? inFlightUntil.Value : next, Cut(outcome.Detail), answer, outcome.InDoubt, inFlightUntil);
        }
    }

    /// <summary>Exponential from <see cref="OutboxOptions.RetryBaseDelay"/>, capped, with jitter so that a recovering target is not hit by every row at once.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    private string? Cut(string? text) => text is null || text.Length <= _options.MaxAnswerLength ? text : text[.._options.MaxAnswerLength];
}
