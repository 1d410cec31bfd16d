using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Persistence;

namespace IntegrationHub.Hub.Changes;

/// <summary>
/// The one way a dossier change leaves the hub: its event and every subscriber's outbox rows join the
/// unit of work that stores the change, and once it is committed the dispatchers are woken.
/// </summary>
public sealed class DossierChanges(HubDbContext db, IEnumerable<IOutboxSubscriber<DossierChange>> subscribers, OutboxSignal outboxSignal, EventSignals eventSignals, TimeProvider clock)
{
    /// <summary>Adds the change's event and outbox rows to the unit of work.</summary>
    public void Enqueue(DossierChange change) => db.AddRange(RowsFor(change));

    /// <summary>The change's event and every subscriber's outbox rows, for a writer that adds them itself.</summary>
    public IEnumerable<object> RowsFor(DossierChange change)
    {
        var now = clock.GetUtcNow();
        yield return DossierEventRecord.For(change);
        foreach (var entry in subscribers.SelectMany(s => s.EntriesFor(change)))
        {
            yield return new OutboxMessage(change.Dossier.Id, entry.Target, entry.Kind, change.Dossier.Version, entry.Payload, now);
        }
    }

    public void Committed()
    {
        outboxSignal.Notify();
        eventSignals.Record();
    }
}
