using IntegrationHub.Hub.Admin;
using Npgsql;
using Quartz;

namespace IntegrationHub.Hub.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its job store in the hub's PostgreSQL, clustered, and the hub's scheduled jobs. Quartz
    /// creates its own tables at start when they are missing, as the hub does with its migrations.
    /// </summary>
    public static IServiceCollection AddHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var health = configuration.GetSection(HealthOptions.SectionName).Get<HealthOptions>() ?? new HealthOptions();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = options.SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(source => source.DataSourceFactory = provider => provider.GetRequiredService<NpgsqlDataSource>());
                store.UseClustering();
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
            quartz.ScheduleJob<AdapterCheckJob>(
                trigger => trigger.WithIdentity(AdapterCheckJob.Key.Name, AdapterCheckJob.Key.Group)
                    .StartNow()
                    .WithSimpleSchedule(schedule => schedule.WithInterval(health.CheckInterval).RepeatForever()),
                job => job.WithIdentity(AdapterCheckJob.Key));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
