namespace IntegrationHub.Hub.Api;

/// <summary>How many write calls an agency client may make; bound from <c>Hub:RateLimits</c>.</summary>
public sealed class WriteRateOptions
{
    public const string SectionName = "Hub:RateLimits";

    /// <summary>Sustained write calls per second, per client.</summary>
    public int WritesPerSecond { get; set; } = 500;

    /// <summary>Write calls a client may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 1000;

    /// <summary>Other limits for named clients (a department pushing its backlog may get more).</summary>
    public Dictionary<string, ClientWriteRate> Clients { get; set; } = [];
}

public sealed class ClientWriteRate
{
    public int WritesPerSecond { get; set; }
    public int Burst { get; set; }
}
