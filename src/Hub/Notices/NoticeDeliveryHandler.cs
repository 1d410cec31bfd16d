using IntegrationHub.Adapters;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.Notices;

/// <summary>Sends one notice of a channel: decides, and records in the <see cref="NoticeLog"/>, what became of it.</summary>
public interface INoticeSender<in TNotice>
{
    Task<DeliveryOutcome> SendAsync(TNotice notice, CancellationToken cancellationToken);
}

/// <summary>Delivers the outbox's notices of one channel, one per call, through its <see cref="INoticeSender{TNotice}"/>.</summary>
public sealed class NoticeDeliveryHandler<TNotice>(INoticeSender<TNotice> sender) : IOutboxHandler
{
    public int MaxBatchSize => 1;

    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>(batch.Count);
        foreach (var row in batch)
        {
            outcomes.Add(await sender.SendAsync(OutboxPayload.Deserialize<TNotice>(row.Payload), cancellationToken));
        }
        return outcomes;
    }
}
