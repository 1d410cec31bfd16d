using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Deadlines;

public sealed class CalendarOptions
{
    public const string SectionName = "Hub:Calendar";

    /// <summary>The working-calendar file; a relative path is under the hub's folder (the shipped <c>calendar/vietnam.json</c>).</summary>
    [Required]
    public string File { get; set; } = "calendar/vietnam.json";

    /// <summary>The health check turns unhealthy when the calendar ends sooner than this: add the next year's decisions.</summary>
    public TimeSpan WarnBeforeEnd { get; set; } = TimeSpan.FromDays(60);
}
