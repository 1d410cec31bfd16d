using IntegrationHub.Adapters;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// Stands in for a target whose handler is missing or could not be built: its rows are answered as a
/// transient fault with the reason, so they wait with backoff and the operator sees why, while the
/// other targets' rows are delivered.
/// </summary>
internal sealed class UnavailableHandler(string reason) : IOutboxHandler
{
    public int MaxBatchSize => int.MaxValue;

    public Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryOutcome>>([.. batch.Select(_ => DeliveryOutcome.Transient(reason))]);
}
