using System.Text.Json;
using IntegrationHub.Adapters;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.NationalPortal;

/// <summary>Hands the national portal's outbox rows to its adapter.</summary>
public sealed class NationalPortalDeliveryHandler(INationalPortal portal) : IOutboxHandler
{
    public string Target => NationalPortalSubscriber.Target;

    public Task<DeliveryOutcome> DeliverAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            return delivery.Kind switch
            {
                NationalPortalSubscriber.SyncKind => Sync(OutboxPayload.Deserialize<PortalSyncMessage>(delivery.Payload)),
                NationalPortalSubscriber.ProgressKind => portal.ReportProgressAsync(OutboxPayload.Deserialize<PortalProgress>(delivery.Payload), cancellationToken),
                _ => Task.FromResult(DeliveryOutcome.Permanent($"unknown national-portal message kind '{delivery.Kind}'")),
            };
        }
        catch (JsonException e)
        {
            return Task.FromResult(DeliveryOutcome.Permanent($"unreadable {delivery.Kind} payload: {e.Message}"));
        }

        Task<DeliveryOutcome> Sync(PortalSyncMessage message) => portal.SyncDossierAsync(message.Dossier, message.IsUpdate, cancellationToken);
    }
}
