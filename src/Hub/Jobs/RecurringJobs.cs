using Quartz;

namespace IntegrationHub.Hub.Jobs;

/// <summary>A job a feature asked the hub's scheduler to run; <see cref="JobsServiceCollectionExtensions.AddHubJobs"/> schedules them all.</summary>
public sealed record RecurringJob(JobKey Key, Action<IQuartzBuilder> Schedule);

public static class RecurringJobs
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> every <paramref name="interval"/> on the hub's clustered scheduler, the first
    /// time one interval after start. Features call it when they register themselves, before <c>AddHubJobs</c>.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval) where TJob : IJob =>
        services.AddSingleton(new RecurringJob(key, quartz => quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(key.Name, key.Group)
                .StartAt(DateTimeOffset.UtcNow + interval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(key))));

    /// <summary>The options of a section as they will be bound, for an interval needed while registering.</summary>
    public static T Options<T>(this IConfiguration configuration, string section) where T : new() => configuration.GetSection(section).Get<T>() ?? new T();
}
