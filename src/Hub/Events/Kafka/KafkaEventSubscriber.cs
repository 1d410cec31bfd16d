using Google.Protobuf;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Events.Kafka;

/// <summary>
/// Gives every change's event an outbox row for the Kafka stream, so it is published once committed.
/// The row carries the event itself, in the wire's JSON form, readable in a dead letter.
/// </summary>
public sealed class KafkaEventSubscriber : IOutboxSubscriber<DossierChange>
{
    public IEnumerable<OutboxEntry> EntriesFor(DossierChange change)
    {
        var message = DossierEventMessages.ToMessage(DossierEventRecord.For(change));
        yield return new OutboxEntry(KafkaStream.Target, KafkaStream.Kind, JsonFormatter.Default.Format(message));
    }
}
