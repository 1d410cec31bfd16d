using System.Diagnostics.Metrics;
using IntegrationHub.Adapters.Telemetry;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// The outbox's instruments, on the hub's meter (<c>IntegrationHub</c>): delivery attempts and their
/// latency from commit, and the backlog per target as <see cref="OutboxBacklogMonitor"/> last read it.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "IntegrationHub";

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _deliveryLatency;

    public OutboxMetrics(IMeterFactory meters, OutboxBacklogMonitor backlog)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("hub.deliveries", description: "Delivery attempts by target and outcome (delivered, retrying, dead-lettered).");
        _deliveryLatency = meter.CreateHistogram("hub.delivery.latency", "s", "From the change's commit to its delivery.", tags: null, LatencyBuckets.Seconds);
        meter.CreateObservableGauge("hub.outbox.pending", () => backlog.Latest.Select(t => new Measurement<int>(t.Pending, new KeyValuePair<string, object?>("target", t.Target))),
            description: "Deliveries waiting, per target.");
        meter.CreateObservableGauge("hub.outbox.dead_lettered", () => backlog.Latest.Select(t => new Measurement<int>(t.DeadLettered, new KeyValuePair<string, object?>("target", t.Target))),
            description: "Dead letters waiting for an operator, per target.");
        meter.CreateObservableGauge("hub.outbox.oldest_pending_age", () => backlog.Latest.Select(t => new Measurement<double>(t.OldestPendingAgeSeconds, new KeyValuePair<string, object?>("target", t.Target))),
            "s", "Age of the oldest waiting delivery, per target.");
    }

    public void DeliveryAttempted(string target, OutboxStatus result, TimeSpan sinceCommit)
    {
        _deliveries.Add(1, new("target", target), new("outcome", result switch
        {
            OutboxStatus.Delivered => "delivered",
            OutboxStatus.DeadLettered => "dead-lettered",
            _ => "retrying",
        }));
        if (result == OutboxStatus.Delivered)
        {
            _deliveryLatency.Record(sinceCommit.TotalSeconds, new KeyValuePair<string, object?>("target", target));
        }
    }
}
