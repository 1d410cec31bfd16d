using IntegrationHub.Adapters;

namespace IntegrationHub.Hub.Outbox;

/// <summary>Delivers the outbox rows of one target through its adapter.</summary>
public interface IOutboxHandler
{
    string Target { get; }

    Task<DeliveryOutcome> DeliverAsync(PendingDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>A claimed outbox row.</summary>
public sealed record PendingDelivery(long Id, Guid DossierId, string Target, string Kind, int DossierVersion, string Payload, int Attempts);
