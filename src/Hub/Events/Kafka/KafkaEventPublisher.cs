using System.Text;
using Confluent.Kafka;
using Google.Protobuf;
using IntegrationHub.Adapters;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.V1;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Events.Kafka;

/// <summary>
/// Publishes the outbox's stream rows to the events topic: key = dossier code, so one dossier's events
/// share a partition and keep their order; value = the serialized <c>DossierEvent</c>. The producer is
/// idempotent, so its own retries never duplicate; an event whose delivery fails stays in the outbox
/// and is published again later.
/// </summary>
public sealed class KafkaEventPublisher(IProducer<string, byte[]> producer, IOptions<KafkaOptions> options) : IOutboxHandler
{
    public int MaxBatchSize => options.Value.BatchSize;

    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken) =>
        await Task.WhenAll(batch.Select(row => PublishAsync(row, cancellationToken)));

    private async Task<DeliveryOutcome> PublishAsync(PendingDelivery row, CancellationToken cancellationToken)
    {
        DossierEvent value;
        try
        {
            value = DossierEvent.Parser.ParseJson(row.Payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            return DeliveryOutcome.Permanent($"not a DossierEvent: {e.Message}");
        }
        var message = new Message<string, byte[]>
        {
            Key = value.DossierCode,
            Value = value.ToByteArray(),
            Headers = new Headers { { "event-type", Encoding.UTF8.GetBytes(value.Type.ToString()) } },
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
