namespace IntegrationHub.Hub.Jobs;

/// <summary>The hub's scheduler; bound from <c>Hub:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Hub:Jobs";

    /// <summary>
    /// Hub instances sharing a database and this name form one cluster, in which each scheduled run
    /// happens on one instance only.
    /// </summary>
    public string SchedulerName { get; set; } = "integration-hub";
}
