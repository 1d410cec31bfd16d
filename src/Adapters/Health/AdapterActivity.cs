using System.Diagnostics;
using System.Diagnostics.Metrics;
using IntegrationHub.Adapters.Telemetry;
using Polly.CircuitBreaker;

namespace IntegrationHub.Adapters.Health;

/// <summary>
/// What an adapter's real traffic and checks have seen of its national system lately: the last
/// success, the last error, its circuit breaker's state, and how long its calls take.
/// </summary>
public sealed class AdapterActivity(string name, TimeProvider clock, IMeterFactory meters)
{
    public const string MeterName = "IntegrationHub.Adapters";

    private readonly Lock _lock = new();
    private readonly Histogram<double> _callDuration = meters.Create(MeterName)
        .CreateHistogram("hub.adapter.call.duration", "s", "Duration of calls to national systems, retries included.", tags: null, LatencyBuckets.Seconds);

    public string Name { get; } = name;

    /// <summary>Attached to the adapter's circuit breaker in its resilience pipeline.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    public DateTimeOffset? LastSuccessAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? LastErrorAt { get; private set; }

    /// <summary>Runs one call to the system and records how it went; <typeparamref name="TFault"/> is the adapter's failure, rethrown.</summary>
    public async Task<T> TrackAsync<T, TFault>(Func<Task<T>> call) where TFault : Exception
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            Succeeded(Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (TFault e)
        {
            Failed(e.Message, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    public void Succeeded(TimeSpan duration)
    {
        _callDuration.Record(duration.TotalSeconds, new("adapter", Name), new("outcome", "answered"));
        lock (_lock)
        {
            LastSuccessAt = clock.GetUtcNow();
        }
    }

    public void Failed(string error, TimeSpan duration)
    {
        _callDuration.Record(duration.TotalSeconds, new("adapter", Name), new("outcome", "failed"));
        lock (_lock)
        {
            LastError = error;
            LastErrorAt = clock.GetUtcNow();
        }
    }
}
