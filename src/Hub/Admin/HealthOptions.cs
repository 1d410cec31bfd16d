namespace IntegrationHub.Hub.Admin;

/// <summary>How adapter checks judge what they see; bound from <c>Hub:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Hub:Health";

    /// <summary>A check that takes longer than this fails.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A system that answers, but slower than this, is degraded.</summary>
    public TimeSpan DegradedLatency { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the scheduled job checks every adapter and records what it found.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long check results are kept; availability is reported over 24 hours and 7 days.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);
}
