using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Registries;

/// <summary>How the hub keeps and re-checks what the registries said; bound from <c>Hub:Registries</c>.</summary>
public sealed class RegistryReuseOptions
{
    public const string SectionName = "Hub:Registries";

    /// <summary>How long a registry's answer is reused without asking again; older answers are purged.</summary>
    public TimeSpan Freshness { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often applicants the registry could not be asked about at submit are checked.</summary>
    public TimeSpan VerificationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many pending applicants the verification job reads at a time. A run takes batch after batch,
    /// one registry call after another, until none is left or the registry fails again.
    /// </summary>
    [Range(1, 10_000)]
    public int VerificationBatchSize { get; set; } = 100;

    /// <summary>How often stale answers are deleted from the cache.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
