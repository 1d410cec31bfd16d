using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.PortalIntake;

public static class PortalIntakeServiceCollectionExtensions
{
    /// <summary>Dossiers filed on DVCQG arrive at the agencies that must handle them: the pull, every <c>Hub:PortalIntake:PullInterval</c> when enabled.</summary>
    public static IServiceCollection AddPortalIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PortalIntakeOptions>(configuration, PortalIntakeOptions.SectionName);
        services.AddScoped<PortalIntakeRun>().AddScoped<PortalArrivalWriter>().AddScoped<PromotionNotices>().AddScoped<PortalInbox>().AddScoped<PortalIntakeOverview>().AddSingleton<PortalAmendments>();
        var options = configuration.Options<PortalIntakeOptions>(PortalIntakeOptions.SectionName);
        return options.Enabled ? services.AddRecurringJob<PortalIntakeJob>(PortalIntakeJob.Key, options.PullInterval) : services;
    }
}
