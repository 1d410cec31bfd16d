using IntegrationHub.Adapters.Configuration;
using IntegrationHub.Adapters.Health;
using IntegrationHub.Hub.Jobs;

namespace IntegrationHub.Hub.Deadlines;

public static class DeadlinesServiceCollectionExtensions
{
    /// <summary>
    /// Watching due dates: the working calendar (<c>Hub:Calendar:File</c>, checked by <c>./hub health</c>), and the job that marks
    /// dossiers overdue, every <c>Hub:Deadlines:OverdueCheckInterval</c>.
    /// </summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeadlineOptions>(configuration, DeadlineOptions.SectionName);
        services.AddValidatedOptions<CalendarOptions>(configuration, CalendarOptions.SectionName);
        services.AddSingleton<WorkingCalendarSource>();
        services.AddScoped<DueDates>();
        services.AddSingleton<KeptProcessingTimes>();
        services.AddSingleton<DueDateCheck>();
        // Built only for a dossier without a due date: it brings the portal's client, which most submits do not need.
        services.AddTransient(container => new Lazy<DueDates>(container.GetRequiredService<DueDates>));
        services.AddAdapterActivity(WorkingCalendarProbe.AdapterName);
        services.AddTransient<IAdapterProbe, WorkingCalendarProbe>();
        return services.AddRecurringJob<OverdueDossierJob>(OverdueDossierJob.Key, configuration.Options<DeadlineOptions>(DeadlineOptions.SectionName).OverdueCheckInterval);
    }
}
