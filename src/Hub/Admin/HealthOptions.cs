namespace IntegrationHub.Hub.Admin;

/// <summary>How adapter checks judge what they see; bound from <c>Hub:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Hub:Health";

    /// <summary>A check that takes longer than this fails.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A system that answers, but slower than this, is degraded.</summary>
    public TimeSpan DegradedLatency { get; set; } = TimeSpan.FromSeconds(2);
}
