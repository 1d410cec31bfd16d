using IntegrationHub.Adapters.Health;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// <c>./hub health</c> for the working calendar: the file is read again; unhealthy when it cannot be (the last good
/// one stays in use) or when the calendar ends within <see cref="CalendarOptions.WarnBeforeEnd"/>.
/// </summary>
public sealed class WorkingCalendarProbe(
    WorkingCalendarSource source, IOptions<CalendarOptions> options, TimeProvider clock,
    [FromKeyedServices(WorkingCalendarProbe.AdapterName)] AdapterActivity activity) : IAdapterProbe
{
    public const string AdapterName = "working-calendar";

    public string Name => AdapterName;

    public string Provider => "calendar file";

    public AdapterActivity Activity => activity;

    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        source.Reload();
        if (source.Problem is { } problem)
        {
            throw new AdapterProbeException(problem);
        }
        var end = source.Current.ValidThrough;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (end.DayNumber - today.DayNumber < options.Value.WarnBeforeEnd.TotalDays)
        {
            throw new AdapterProbeException($"the calendar ends on {end:yyyy-MM-dd}: add the next year's decisions to {source.FilePath}");
        }
        return Task.CompletedTask;
    }
}
