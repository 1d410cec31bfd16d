using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Hub.Outbox;

/// <summary>The targets whose calls all go through one adapter (<c>AddOutboxTarget</c>'s <c>adapter</c>), with that adapter's activity.</summary>
public sealed class TargetAdapters(IEnumerable<OutboxTarget> targets, IServiceProvider services)
{
    public IReadOnlyList<(string Target, AdapterActivity Adapter)> All { get; } =
        [.. targets.Where(t => t.Adapter is not null).Select(t => (t.Name, services.GetRequiredKeyedService<AdapterActivity>(t.Adapter)))];

    /// <summary>
    /// The targets whose calls this process's circuit breakers would refuse now. The dispatcher leaves their rows
    /// unclaimed: claimed, they would be refused unsent and wait out a backoff, while another instance whose circuit
    /// has already seen the target back delivers them at once. When the break ends, the next claim takes them, and the
    /// first call is the circuit's trial.
    /// </summary>
    public string[] Paused() => [.. All.Where(g => g.Adapter.RefusesCalls).Select(g => g.Target)];
}
