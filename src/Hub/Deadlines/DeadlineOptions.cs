namespace IntegrationHub.Hub.Deadlines;

/// <summary>Watching due dates; bound from <c>Hub:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Hub:Deadlines";

    /// <summary>How often open dossiers are checked against their due dates.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
