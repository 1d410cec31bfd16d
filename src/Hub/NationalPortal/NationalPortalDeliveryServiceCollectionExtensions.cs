using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.NationalPortal;
using IntegrationHub.Hub.Jobs;
using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Hub.NationalPortal;

public static class NationalPortalDeliveryServiceCollectionExtensions
{
    /// <summary>Every dossier change reaches the national portal through the outbox; what the portal holds is reconciled with the hub's on a schedule.</summary>
    public static IServiceCollection AddNationalPortalDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNationalPortal(configuration);
        services.AddOutboxTarget<NationalPortalSubscriber, NationalPortalDeliveryHandler>(
            NationalPortalSubscriber.Target, NationalPortalServiceCollectionExtensions.AdapterName);
        services.AddValidatedOptions<PortalReconciliationOptions>(configuration, PortalReconciliationOptions.SectionName);
        services.AddScoped<PortalReconciliation>();
        return services.AddRecurringJob<PortalReconciliationJob>(
            PortalReconciliationJob.Key, configuration.Options<PortalReconciliationOptions>(PortalReconciliationOptions.SectionName).Interval);
    }
}
