using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Brings a target's waiting rows forward once it is back. After a transient fault each row waits out a
/// backoff of its own, up to <see cref="OutboxOptions.RetryMaxDelay"/>; without this, a backlog built during an
/// outage would trickle out over that long after the target's return. Two things tell the target is back: a
/// retried delivery it takes, which makes every waiting row of it due at once; and, while it is failing, its
/// oldest waiting row is made due every <see cref="OutboxOptions.RecoveryProbeInterval"/>, a probe whose success
/// then does the same. Both work through the table, so they hold across instances.
/// </summary>
public sealed class TargetRecovery(
    NpgsqlDataSource dataSource, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<TargetRecovery> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWoken = new(StringComparer.Ordinal);

    /// <summary>Called with each call's records: a retried row the target took wakes the target's other rows.</summary>
    public async Task DeliveredAsync(PendingDelivery[] batch, IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        if (!batch.Zip(records).Any(r => r.First.Attempts > 0 && r.Second.Status == OutboxStatus.Delivered))
        {
            return;
        }
        var (target, now) = (batch[0].Target, clock.GetUtcNow());
        // Under intermittent faults retries succeed all the time: one wake per interval is enough.
        if (_lastWoken.TryGetValue(target, out var last) && now - last < options.Value.RecoveryProbeInterval)
        {
            return;
        }
        _lastWoken[target] = now;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await OutboxClaims.WakeTargetAsync(connection, target, cancellationToken) is var woken and > 0)
        {
            logger.LogInformation("{Target} took a retried delivery: {Count} waiting deliveries are due now", target, woken);
            signal.Notify();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RecoveryProbeInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                if (await OutboxClaims.ProbeWaitingTargetsAsync(connection, interval, stoppingToken) > 0)
                {
                    signal.Notify();
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Probing failing targets failed; the next tick tries again");
            }
        }
    }
}
