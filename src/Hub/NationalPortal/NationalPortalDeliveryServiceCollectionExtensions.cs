using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.NationalPortal;

public static class NationalPortalDeliveryServiceCollectionExtensions
{
    /// <summary>Every dossier change reaches the national portal through the outbox.</summary>
    public static IServiceCollection AddNationalPortalDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNationalPortal(configuration);
        services.AddOutboxTarget<NationalPortalSubscriber, NationalPortalDeliveryHandler>(NationalPortalSubscriber.Target);
        return services;
    }
}
