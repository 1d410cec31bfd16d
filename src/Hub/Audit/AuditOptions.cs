namespace IntegrationHub.Hub.Audit;

/// <summary>The exchange log, its seals and their anchors outside the database; bound from <c>Hub:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Hub:Audit";

    /// <summary>The hub's signing key (EC P-256, PEM), from the environment or a secret store; required outside the sandbox.</summary>
    public string? SealKey { get; set; }

    /// <summary>
    /// Public keys (PEM) of seal keys the hub used before: their seals still verify. A seal by a key that
    /// is neither the current one nor listed here is refused, so rotation is declared, never guessed.
    /// </summary>
    public List<string> RetiredSealKeys { get; set; } = [];

    /// <summary>
    /// The append-only file each seal is also written to, one JSON line each, so that deleting or
    /// rewriting seals in the database is seen. Keep it where the database's administrators cannot write
    /// (another host, a write-once volume, <c>chattr +a</c>).
    /// </summary>
    public string AnchorFile { get; set; } = "exchange-log-anchors.jsonl";

    /// <summary>An RFC 3161 time-stamping authority (its HTTP URL) that stamps each seal; none: seals are not timestamped.</summary>
    public Uri? TimestampAuthorityUrl { get; set; }

    /// <summary>The TSA's certificate or its issuing CA (PEM): a timestamp must be signed under it.</summary>
    public string? TimestampAuthorityCertificate { get; set; }

    /// <summary>How far a seal's timestamp may lie from the time the seal says it was made.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the chain's head is sealed.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often new entries are linked into the chain.</summary>
    public TimeSpan ChainInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Entries waiting to be written before new ones are dropped (and counted) rather than holding calls up.</summary>
    public int QueueCapacity { get; set; } = 100_000;
}
