using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Registries;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Registries;

public static class RegistryReuseServiceCollectionExtensions
{
    /// <summary>
    /// Once-only: the population and enterprise adapters, the hub's cache of their answers and the
    /// access log, the applicant check at submit and the lookups of RegistryService. The scheduled
    /// verification and purge jobs are wired with the other jobs.
    /// </summary>
    public static IServiceCollection AddRegistryReuse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistries(configuration);
        services.AddValidatedOptions<RegistryReuseOptions>(configuration, RegistryReuseOptions.SectionName);
        var reuse = configuration.Options<RegistryReuseOptions>(RegistryReuseOptions.SectionName);
        services.AddRecurringJob<ApplicantVerificationJob>(ApplicantVerificationJob.Key, reuse.VerificationInterval);
        services.AddRecurringJob<RegistryCachePurgeJob>(RegistryCachePurgeJob.Key, reuse.PurgeInterval);
        services.AddSingleton<RegistryCache>();
        services.AddSingleton<RegistryAccessLog>();
        services.AddTransient<RegistryLookups>();
        services.AddTransient(container => new Lazy<RegistryLookups>(container.GetRequiredService<RegistryLookups>));
        services.AddTransient<ApplicantChecker>();
        return services;
    }
}
