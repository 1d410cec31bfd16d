using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Procedures;

public static class ProceduresServiceCollectionExtensions
{
    /// <summary>DVCQG's procedure catalogue, kept in PostgreSQL and refreshed every <c>Hub:Procedures:RefreshInterval</c>.</summary>
    public static IServiceCollection AddProcedureCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ProcedureOptions>(configuration, ProcedureOptions.SectionName);
        services.AddScoped<ProcedureCatalogue>();
        return services.AddRecurringJob<ProcedureCatalogueJob>(
            ProcedureCatalogueJob.Key, configuration.Options<ProcedureOptions>(ProcedureOptions.SectionName).RefreshInterval);
    }
}
