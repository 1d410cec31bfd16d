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
    public void Enqueue(DossierChange change)
    {
        var now = clock.GetUtcNow();
        db.Set<DossierEventRecord>().Add(DossierEventRecord.For(change));
        foreach (var entry in subscribers.SelectMany(s => s.EntriesFor(change)))
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage(
                change.Dossier.Id, entry.Target, entry.Kind, change.Dossier.Version, entry.Payload, now));
        }
    }

    public void Committed()
    {
        outboxSignal.Notify();
        eventSignals.Record();
    }
}
