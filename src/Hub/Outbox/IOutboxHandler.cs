using IntegrationHub.Adapters;

namespace IntegrationHub.Hub.Outbox;

/// <summary>Delivers the outbox rows of one target through its adapter; registered for its target by <c>AddOutboxTarget</c>.</summary>
public interface IOutboxHandler
{
    /// <summary>How many rows of one kind the target takes in one call.</summary>
    int MaxBatchSize { get; }

    /// <summary>
    /// Delivers rows of one kind, each for a different dossier; answers one outcome per row, in order.
    /// A row <see cref="PendingDelivery.InDoubt"/> may already be held by the target: a handler whose target
    /// can be asked finds out first and sends only what it lacks.
    /// </summary>
    Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken);
}

/// <summary>A claimed outbox row.</summary>
/// <param name="InDoubt">An earlier attempt may have taken effect: its answer was lost, or the process died before recording it.</param>
public sealed record PendingDelivery(
    long Id, Guid DossierId, string Target, string Kind, int DossierVersion, string Payload, int Attempts, DateTimeOffset CreatedAt, bool InDoubt = false);
