using IntegrationHub.Adapters;

namespace IntegrationHub.Hub.Outbox;

/// <summary>Delivers the outbox rows of one target through its adapter; registered for its target by <c>AddOutboxTarget</c>.</summary>
public interface IOutboxHandler
{
    /// <summary>How many rows of one kind the target takes in one call.</summary>
    int MaxBatchSize { get; }

    /// <summary>Delivers rows of one kind, each for a different dossier; answers one outcome per row, in order.</summary>
    Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken);
}

/// <summary>A claimed outbox row.</summary>
public sealed record PendingDelivery(long Id, Guid DossierId, string Target, string Kind, int DossierVersion, string Payload, int Attempts, DateTimeOffset CreatedAt);
