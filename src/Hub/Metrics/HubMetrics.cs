using System.Diagnostics.Metrics;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Adapters.Telemetry;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Registries;
using Polly.CircuitBreaker;

namespace IntegrationHub.Hub.Metrics;

/// <summary>
/// The hub's own instruments (meter <c>IntegrationHub</c>), published at <c>/metrics</c> for Prometheus
/// together with the runtime's, ASP.NET Core's and the adapters' meters.
/// </summary>
public sealed class HubMetrics
{
    public const string MeterName = "IntegrationHub";

    private readonly Counter<long> _dossiersReceived;
    private readonly Counter<long> _progressRecorded;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _deliveryLatency;
    private readonly Counter<long> _registryCalls;
    private readonly Counter<long> _registryCallsSaved;

    public HubMetrics(IMeterFactory meters, OutboxBacklogMonitor backlog, IEnumerable<AdapterActivity> adapters)
    {
        var meter = meters.Create(MeterName);
        _dossiersReceived = meter.CreateCounter<long>("hub.dossiers.received", description: "Dossiers accepted from agencies.");
        _progressRecorded = meter.CreateCounter<long>("hub.progress.recorded", description: "Processing steps accepted from agencies.");
        _deliveries = meter.CreateCounter<long>("hub.deliveries", description: "Delivery attempts by target and outcome (delivered, retrying, dead-lettered).");
        _deliveryLatency = meter.CreateHistogram("hub.delivery.latency", "s", "From the change's commit to its delivery.", tags: null, LatencyBuckets.Seconds);
        _registryCalls = meter.CreateCounter<long>("hub.registry.calls", description: "Calls made to a registry, by registry and result (found, not-found, not-matching, unavailable).");
        _registryCallsSaved = meter.CreateCounter<long>("hub.registry.calls_saved", description: "Registry reads answered from the hub's cache instead of a call.");
        meter.CreateObservableGauge("hub.outbox.pending", () => backlog.Latest.Select(t => new Measurement<int>(t.Pending, new KeyValuePair<string, object?>("target", t.Target))),
            description: "Deliveries waiting, per target.");
        meter.CreateObservableGauge("hub.outbox.dead_lettered", () => backlog.Latest.Select(t => new Measurement<int>(t.DeadLettered, new KeyValuePair<string, object?>("target", t.Target))),
            description: "Dead letters waiting for an operator, per target.");
        meter.CreateObservableGauge("hub.outbox.oldest_pending_age", () => backlog.Latest.Select(t => new Measurement<double>(t.OldestPendingAgeSeconds, new KeyValuePair<string, object?>("target", t.Target))),
            "s", "Age of the oldest waiting delivery, per target.");
        var activities = adapters.ToList();
        meter.CreateObservableGauge("hub.adapter.circuit_state", () => activities.Select(a => new Measurement<int>(CircuitCode(a.Circuit.CircuitState), new KeyValuePair<string, object?>("adapter", a.Name))),
            description: "0 closed, 1 half-open, 2 open, 3 isolated.");
    }

    public void DossierReceived(string agencyCode) => _dossiersReceived.Add(1, new KeyValuePair<string, object?>("agency", agencyCode));

    public void ProgressRecorded(string agencyCode, ProgressAction action) =>
        _progressRecorded.Add(1, new("agency", agencyCode), new("action", action.ToString()));

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

    public void RegistryCalled(string registry, RegistryAccessResult result) => _registryCalls.Add(1, new("registry", registry), new("result", result switch
    {
        RegistryAccessResult.Found => "found",
        RegistryAccessResult.NotFound => "not-found",
        RegistryAccessResult.NotMatching => "not-matching",
        _ => "unavailable",
    }));

    public void RegistryCallSaved(string registry) => _registryCallsSaved.Add(1, new KeyValuePair<string, object?>("registry", registry));

    private static int CircuitCode(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };
}
