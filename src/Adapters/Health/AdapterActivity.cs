using Polly.CircuitBreaker;

namespace IntegrationHub.Adapters.Health;

/// <summary>
/// What an adapter's real traffic and checks have seen of its national system lately: the last
/// success, the last error, and its circuit breaker's state.
/// </summary>
public sealed class AdapterActivity(string name, TimeProvider clock)
{
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    /// <summary>Attached to the adapter's circuit breaker in its resilience pipeline.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    public DateTimeOffset? LastSuccessAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? LastErrorAt { get; private set; }

    public void Succeeded()
    {
        lock (_lock)
        {
            LastSuccessAt = clock.GetUtcNow();
        }
    }

    public void Failed(string error)
    {
        lock (_lock)
        {
            LastError = error;
            LastErrorAt = clock.GetUtcNow();
        }
    }
}
