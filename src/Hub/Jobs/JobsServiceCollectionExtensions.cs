using IntegrationHub.Adapters.Configuration;
using Npgsql;
using Quartz;

namespace IntegrationHub.Hub.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its job store in the hub's PostgreSQL (its tables come with the hub's migrations),
    /// clustered, running the jobs the features registered with <see cref="RecurringJobs.AddRecurringJob{TJob}"/>:
    /// call it after them.
    /// </summary>
    public static IServiceCollection AddHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JobsOptions>(configuration, JobsOptions.SectionName);
        var options = configuration.Options<JobsOptions>(JobsOptions.SectionName);
        var recurring = services.Select(d => d.ImplementationInstance).OfType<RecurringJob>().ToList();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = options.SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                // A pool of its own: the scheduler's few statements must not take the hub's prepared-statement
                // slots or connections, and the hub's tuned session settings are not Quartz's to rely on.
                store.UsePostgres(QuartzConnectionString(configuration));
                store.UseClustering();
                // Its tables come with the hub's migrations (SchedulerSchema); the hub's role may not create tables.
                store.UseSystemTextJsonSerializer();
            });
            recurring.ForEach(job => job.Schedule(quartz));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService<QuartzPoolRelease>();
        return services;
    }

    /// <summary>The hub's connection string, named so that the scheduler's pool is its own and can be told apart in pg_stat_activity.</summary>
    public static string QuartzConnectionString(IConfiguration configuration) =>
        new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Hub")) { ApplicationName = "integration-hub-quartz" }.ConnectionString;
}
