using IntegrationHub.Hub.Admin;
using IntegrationHub.Hub.Audit;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Notices;
using IntegrationHub.Hub.Payments;
using IntegrationHub.Hub.Registries;
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
        var deadlines = configuration.GetSection(DeadlineOptions.SectionName).Get<DeadlineOptions>() ?? new DeadlineOptions();
        var payments = configuration.GetSection(PaymentOptions.SectionName).Get<PaymentOptions>() ?? new PaymentOptions();
        var registries = configuration.GetSection(RegistryReuseOptions.SectionName).Get<RegistryReuseOptions>() ?? new RegistryReuseOptions();
        var notices = configuration.GetSection(NoticeOptions.SectionName).Get<NoticeOptions>() ?? new NoticeOptions();
        var audit = configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
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
            Every<AdapterCheckJob>(quartz, AdapterCheckJob.Key, health.CheckInterval);
            Every<OverdueDossierJob>(quartz, OverdueDossierJob.Key, deadlines.OverdueCheckInterval);
            Every<ApplicantVerificationJob>(quartz, ApplicantVerificationJob.Key, registries.VerificationInterval);
            Every<RegistryCachePurgeJob>(quartz, RegistryCachePurgeJob.Key, registries.PurgeInterval);
            Every<PaymentReconciliationJob>(quartz, PaymentReconciliationJob.Key, payments.ReconcileInterval);
            Every<SmsReportPullJob>(quartz, SmsReportPullJob.Key, notices.ReportPullInterval);
            Every<ExchangeSealJob>(quartz, ExchangeSealJob.Key, audit.SealInterval);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService<QuartzPoolRelease>();
        return services;
    }

    /// <summary>The hub's connection string, named so that the scheduler's pool is its own and can be told apart in pg_stat_activity.</summary>
    public static string QuartzConnectionString(IConfiguration configuration) =>
        new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Hub")) { ApplicationName = "integration-hub-quartz" }.ConnectionString;

    /// <summary>A job that runs every <paramref name="interval"/>, the first time one interval after start.</summary>
    private static void Every<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan interval) where TJob : IJob =>
        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(key.Name, key.Group)
                .StartAt(DateTimeOffset.UtcNow + interval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(key));
}
