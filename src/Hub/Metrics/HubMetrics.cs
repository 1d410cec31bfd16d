using System.Diagnostics.Metrics;
using IntegrationHub.Adapters.Health;
using Polly.CircuitBreaker;

namespace IntegrationHub.Hub.Metrics;

/// <summary>
/// The hub's own instruments (meter <c>IntegrationHub</c>), published at <c>/metrics</c> for Prometheus
/// together with the runtime's, ASP.NET Core's and the adapters' meters. Features report in their own
/// words (strings), so that this knows none of them; the outbox has its instruments of its own.
/// </summary>
public sealed class HubMetrics
{
    public const string MeterName = "IntegrationHub";

    private readonly Counter<long> _dossiersReceived;
    private readonly Counter<long> _progressRecorded;
    private readonly Counter<long> _registryCalls;
    private readonly Counter<long> _registryCallsSaved;
    private readonly Counter<long> _portalDifferences;

    public HubMetrics(IMeterFactory meters, IEnumerable<AdapterActivity> adapters)
    {
        var meter = meters.Create(MeterName);
        _dossiersReceived = meter.CreateCounter<long>("hub.dossiers.received", description: "Dossiers accepted from agencies.");
        _progressRecorded = meter.CreateCounter<long>("hub.progress.recorded", description: "Processing steps accepted from agencies.");
        _registryCalls = meter.CreateCounter<long>("hub.registry.calls", description: "Calls made to a registry, by registry and result (found, not-found, unavailable).");
        _registryCallsSaved = meter.CreateCounter<long>("hub.registry.calls_saved", description: "Registry reads answered from the hub's cache instead of a call.");
        _portalDifferences = meter.CreateCounter<long>("hub.portal.differences", description: "Dossiers reconciliation found held differently by the national portal, and re-sent.");
        var activities = adapters.ToList();
        meter.CreateObservableGauge("hub.adapter.circuit_state", () => activities.Select(a => new Measurement<int>(CircuitCode(a.Circuit.CircuitState), new KeyValuePair<string, object?>("adapter", a.Name))),
            description: "0 closed, 1 half-open, 2 open, 3 isolated.");
    }

    public void DossierReceived(string agencyCode) => _dossiersReceived.Add(1, new KeyValuePair<string, object?>("agency", agencyCode));

    public void ProgressRecorded(string agencyCode, string action) => _progressRecorded.Add(1, new("agency", agencyCode), new("action", action));

    /// <param name="result">found, not-found or unavailable.</param>
    public void RegistryCalled(string registry, string result) => _registryCalls.Add(1, new("registry", registry), new("result", result));

    public void PortalDifferenceFound(string agencyCode) => _portalDifferences.Add(1, new KeyValuePair<string, object?>("agency", agencyCode));

    public void RegistryCallSaved(string registry) => _registryCallsSaved.Add(1, new KeyValuePair<string, object?>("registry", registry));

    private static int CircuitCode(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };
}
