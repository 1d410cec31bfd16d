using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Deadlines;

public static class DeadlinesServiceCollectionExtensions
{
    /// <summary>Watching due dates: the job that marks dossiers overdue, every <c>Hub:Deadlines:OverdueCheckInterval</c>.</summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeadlineOptions>(configuration, DeadlineOptions.SectionName);
        return services.AddRecurringJob<OverdueDossierJob>(OverdueDossierJob.Key, configuration.Options<DeadlineOptions>(DeadlineOptions.SectionName).OverdueCheckInterval);
    }
}
