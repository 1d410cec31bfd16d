using IntegrationHub.Adapters;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Notices;

/// <summary>Delivers the outbox's SMS notices, one per call, through <see cref="SmsSender"/>.</summary>
public sealed class SmsDeliveryHandler(SmsSender sender) : IOutboxHandler
{
    public int MaxBatchSize => 1;

    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>(batch.Count);
        foreach (var row in batch)
        {
            outcomes.Add(await sender.SendAsync(OutboxPayload.Deserialize<SmsNotice>(row.Payload), cancellationToken));
        }
        return outcomes;
    }
}
