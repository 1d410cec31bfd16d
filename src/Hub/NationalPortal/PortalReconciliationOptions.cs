namespace IntegrationHub.Hub.NationalPortal;

/// <summary>How often, and over which changes, the hub compares what the national portal holds with its own dossiers.</summary>
public sealed class PortalReconciliationOptions
{
    public const string SectionName = "Hub:PortalReconciliation";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Each run looks at dossiers changed within this much before it.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromHours(24);
}
