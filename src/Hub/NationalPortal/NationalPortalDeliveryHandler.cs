using System.Text.Json;
using IntegrationHub.Adapters;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Outbox;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.NationalPortal;

/// <summary>Hands the national portal's outbox rows to its adapter, a batch of one kind at a time.</summary>
public sealed class NationalPortalDeliveryHandler(INationalPortal portal, IOptions<NationalPortalOptions> options) : IOutboxHandler
{
    public int MaxBatchSize => options.Value.BatchSize;

    public Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken) => batch[0].Kind switch
    {
        NationalPortalSubscriber.CreateKind => DeliverAsync<PortalDossier>(batch, (items, token) => portal.SyncDossiersAsync(items, isUpdate: false, token), cancellationToken),
        NationalPortalSubscriber.UpdateKind => DeliverAsync<PortalDossier>(batch, (items, token) => portal.SyncDossiersAsync(items, isUpdate: true, token), cancellationToken),
        NationalPortalSubscriber.ProgressKind => DeliverAsync<PortalProgress>(batch, portal.ReportProgressAsync, cancellationToken),
        var kind => Task.FromResult<IReadOnlyList<DeliveryOutcome>>([.. batch.Select(_ => DeliveryOutcome.Permanent($"unknown national-portal message kind '{kind}'"))]),
    };

    /// <summary>Reads each row's payload; a row that cannot be read is refused on its own and the rest go out.</summary>
    private static async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync<T>(
        IReadOnlyList<PendingDelivery> batch,
        Func<IReadOnlyList<Outgoing<T>>, CancellationToken, Task<IReadOnlyList<DeliveryOutcome>>> send,
        CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome[batch.Count];
        var readable = new List<(int Index, Outgoing<T> Message)>();
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                readable.Add((i, new Outgoing<T>(OutboxPayload.Deserialize<T>(batch[i].Payload), batch[i].InDoubt)));
            }
            catch (JsonException e)
            {
                outcomes[i] = DeliveryOutcome.Permanent($"unreadable {batch[i].Kind} payload: {e.Message}");
            }
        }
        if (readable.Count > 0)
        {
            var sent = await send([.. readable.Select(r => r.Message)], cancellationToken);
            for (var i = 0; i < readable.Count; i++)
            {
                outcomes[readable[i].Index] = sent[i];
            }
        }
        return outcomes;
    }
}
