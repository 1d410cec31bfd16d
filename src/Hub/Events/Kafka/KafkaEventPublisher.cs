using System.Text;
using Confluent.Kafka;
using Google.Protobuf;
using IntegrationHub.Adapters;
using IntegrationHub.Hub.Outbox;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Events.Kafka;

/// <summary>
/// Publishes the outbox's stream rows to the events topic: key = dossier code, so one dossier's events
/// share a partition and keep their order; value = the serialized <c>DossierEvent</c>. The producer is
/// idempotent, so its own retries never duplicate; an event whose delivery fails stays in the outbox
/// and is published again later.
/// </summary>
public sealed class KafkaEventPublisher(IProducer<string, byte[]> producer, EventFeed feed, IOptions<KafkaOptions> options) : IOutboxHandler
{
    public string Target => KafkaStream.Target;

    public int MaxBatchSize => options.Value.BatchSize;

    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(row => OutboxPayload.Deserialize<EventReference>(row.Payload).EventId).ToList();
        var events = (await feed.FindAsync(ids, cancellationToken)).ToDictionary(e => e.EventId);
        var sends = ids.Select(id => events.TryGetValue(id, out var record) ? PublishAsync(record, cancellationToken) : Task.FromResult(
            DeliveryOutcome.Permanent($"event {id} is not in the event log"))).ToList();
        return await Task.WhenAll(sends);
    }

    private async Task<DeliveryOutcome> PublishAsync(DossierEventRecord record, CancellationToken cancellationToken)
    {
        var value = DossierEventMessages.ToMessage(record);
        // Whether the feed has sequenced the event yet is a race; on Kafka the partition offset serves.
        value.Position = 0;
        var message = new Message<string, byte[]>
        {
            Key = record.DossierCode,
            Value = value.ToByteArray(),
            Headers = new Headers { { "event-type", Encoding.UTF8.GetBytes(record.Type.ToString()) } },
        };
        try
        {
            var report = await producer.ProduceAsync(options.Value.Topic, message, cancellationToken);
            return DeliveryOutcome.Delivered($"{report.TopicPartitionOffset}");
        }
        catch (ProduceException<string, byte[]> e)
        {
            return DeliveryOutcome.Transient($"Kafka: {e.Error.Code}: {e.Error.Reason}");
        }
    }
}
