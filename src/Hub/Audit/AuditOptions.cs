namespace IntegrationHub.Hub.Audit;

/// <summary>The exchange log and its seals; bound from <c>Hub:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Hub:Audit";

    /// <summary>The hub's signing key (EC P-256, PEM), from the environment or a secret store; required outside the sandbox.</summary>
    public string? SealKey { get; set; }

    /// <summary>How often the chain's head is sealed.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often new entries are linked into the chain.</summary>
    public TimeSpan ChainInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Entries waiting to be written before new ones are dropped (and counted) rather than holding calls up.</summary>
    public int QueueCapacity { get; set; } = 100_000;
}
