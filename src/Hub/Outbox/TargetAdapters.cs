using IntegrationHub.Adapters.Health;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// The targets registered in this process (<c>AddOutboxTarget</c>), and those whose calls all go through one adapter
/// (its <c>adapter</c>), with that adapter's activity.
/// </summary>
public sealed class TargetAdapters(IEnumerable<OutboxTarget> targets, IServiceProvider services)
{
    private readonly string[] _names = [.. targets.Select(t => t.Name).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<(string Target, AdapterActivity Adapter)> All { get; } =
        [.. targets.Where(t => t.Adapter is not null).Select(t => (t.Name, services.GetRequiredKeyedService<AdapterActivity>(t.Adapter)))];

    /// <summary>Every target registered here: a row of another (its registration gone) waits until one registers it again.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// The targets whose calls this process's circuit breakers would refuse now. The dispatcher leaves their rows
    /// unclaimed: claimed, they would be refused unsent and wait out a backoff, while another instance whose circuit
    /// has already seen the target back delivers them at once. When the break ends, the next claim takes them, and the
    /// first call is the circuit's trial.
    /// </summary>
    public string[] Paused() => [.. All.Where(g => g.Adapter.RefusesCalls).Select(g => g.Target)];

    /// <summary>The targets this process claims rows of now: registered, and not <see cref="Paused"/>.</summary>
    public string[] Active() => [.. _names.Except(Paused(), StringComparer.Ordinal)];
}
