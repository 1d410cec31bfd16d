using IntegrationHub.Hub.Changes;
using IntegrationHub.Hub.Idempotency;

namespace IntegrationHub.Hub.Workflow;

public static class DossierServiceCollectionExtensions
{
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DossierCodeGenerator>();
        services.AddHostedSingleton<IdempotencyLookups>();
        services.AddScoped<IdempotentWriter>();
        services.AddScoped<DossierCommands>();
        services.AddScoped<DossierQueries>();
        services.AddScoped<DossierReceipts>();
        services.AddScoped<ResultReuse>();
        services.AddScoped<DossierChanges>();
        return services;
    }
}
