using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Brings a target's waiting rows forward once it is back. After a transient fault each row waits out a
/// backoff of its own, up to <see cref="OutboxOptions.RetryMaxDelay"/>; without this, a backlog built during an
/// outage would trickle out over that long after the target's return. Three things tell the target is back, and
/// each makes every waiting row of it due at once: a retried delivery it takes; for a target with an adapter of its
/// own (<see cref="TargetAdapters"/>), any call that adapter makes succeeding after a failed one (a health probe, a
/// look-up, the circuit's trial); and, while none of its rows to try again is due within
/// <see cref="OutboxOptions.RecoveryProbeInterval"/>, the one due soonest made due at once, a probe whose success then
/// does the same. All work through the table, so they hold across instances.
/// </summary>
public sealed class TargetRecovery(
    NpgsqlDataSource dataSource, OutboxSignal signal, TargetAdapters adapters, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<TargetRecovery> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _lastWoken = new(StringComparer.Ordinal);

    // Targets whose adapter answers again, queued from the adapters' callers; at most one a failed call, and each
    // taken at once (a wake within the interval is skipped), so the queue stays short.
    private readonly Channel<string> _answering = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Called with each call's records: a retried row the target took wakes the target's other rows.</summary>
    public async Task DeliveredAsync(PendingDelivery[] batch, IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        if (batch.Zip(records).Any(r => r.First.Attempts > 0 && r.Second.Status == OutboxStatus.Delivered))
        {
            await WakeAsync(batch[0].Target, "took a retried delivery", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handlers = adapters.All.Select(a => (a.Adapter, Handler: (Action)(() => _answering.Writer.TryWrite(a.Target)))).ToList();
        handlers.ForEach(h => h.Adapter.Recovered += h.Handler);
        try
        {
            await Task.WhenAll(WakeAnsweringAsync(stoppingToken), ProbeAsync(stoppingToken));
        }
        finally
        {
            handlers.ForEach(h => h.Adapter.Recovered -= h.Handler);
        }
    }

    private async Task WakeAnsweringAsync(CancellationToken stoppingToken)
    {
        await foreach (var target in _answering.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await WakeAsync(target, "answers again", stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Waking the waiting deliveries of {Target} failed; its probe will", target);
            }
        }
    }

    private async Task ProbeAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RecoveryProbeInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                if (await OutboxClaims.ProbeWaitingTargetsAsync(connection, interval, [.. adapters.Names], stoppingToken) > 0)
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

    private async Task WakeAsync(string target, string why, CancellationToken cancellationToken)
    {
        // Under intermittent faults the target comes back all the time: one wake per interval is enough. Checked and
        // taken at once, as a retried delivery and its adapter's answer often ask for the same wake together.
        lock (_lastWoken)
        {
            var now = clock.GetUtcNow();
            if (_lastWoken.TryGetValue(target, out var last) && now - last < options.Value.RecoveryProbeInterval)
            {
                return;
            }
            _lastWoken[target] = now;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await OutboxClaims.WakeTargetAsync(connection, target, cancellationToken) is var woken and > 0)
        {
            logger.LogInformation("{Target} {Why}: {Count} waiting deliveries are due now", target, why, woken);
            signal.Notify();
        }
    }
}
