namespace IntegrationHub.Hub.Admin;

public enum AdapterStatus
{
    Healthy = 1,
    Degraded = 2,
    Unhealthy = 3,
}

/// <summary>What one check of one adapter found.</summary>
public sealed record AdapterHealthReport(
    string Name,
    string Provider,
    AdapterStatus Status,
    TimeSpan Latency,
    string CircuitState,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    string Detail);
