using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Hub.Jobs;
using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The operators' AdminService: adapter checks and their history, dead letters, backlog, statistics.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HealthOptions>(configuration, HealthOptions.SectionName);
        services.AddRecurringJob<AdapterCheckJob>(AdapterCheckJob.Key, configuration.Options<HealthOptions>(HealthOptions.SectionName).CheckInterval);
        services.AddScoped<AdapterHealthChecker>();
        services.AddScoped<DeadLetters>();
        services.AddSingleton<AdapterCheckHistory>();
        services.AddSingleton<DossierStatistics>();
        return services;
    }
}
