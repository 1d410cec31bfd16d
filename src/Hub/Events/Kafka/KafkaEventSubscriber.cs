using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Events.Kafka;

/// <summary>Gives every change's event an outbox row for the Kafka stream, so it is published once committed.</summary>
public sealed class KafkaEventSubscriber : IOutboxSubscriber
{
    public IEnumerable<OutboxEntry> EntriesFor(DossierChange change)
    {
        yield return new OutboxEntry(KafkaStream.Target, KafkaStream.Kind, new EventReference(change.Id));
    }
}

/// <summary>The outbox payload of a stream row: the event is read from the event log when it is published.</summary>
public sealed record EventReference(Guid EventId);
