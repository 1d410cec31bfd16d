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

    // Polly leaves an open circuit's state at Open until the first call after its break: the state alone cannot tell
    // a circuit that refuses calls from one whose next call would be its trial.
    private DateTimeOffset _breakEndsAt;
    private bool _failing;

    /// <summary>
    /// Whether a call now would be refused unsent: the circuit is open and its break not over, or half-open with its one
    /// trial call under way, or isolated.
    /// </summary>
    public bool RefusesCalls => Circuit.CircuitState switch
    {
        CircuitState.Open => clock.GetUtcNow() < BreakEndsAt,
        CircuitState.HalfOpen or CircuitState.Isolated => true,
        _ => false,
    };

    private DateTimeOffset BreakEndsAt
    {
        get
        {
            lock (_lock)
            {
                return _breakEndsAt;
            }
        }
    }

    /// <summary>Told by the circuit breaker when it opens (<c>OnOpened</c>), for <see cref="RefusesCalls"/>.</summary>
    public void CircuitOpened(TimeSpan breakDuration)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            _breakEndsAt = breakDuration < DateTimeOffset.MaxValue - now ? now + breakDuration : DateTimeOffset.MaxValue;
        }
    }

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

    /// <summary>
    /// Raised, on the caller's thread, when a call succeeds after the last one recorded failed: the system answers
    /// again, whoever asked (a delivery, a look-up, a health probe). Handlers must return at once.
    /// </summary>
    public event Action? Recovered;

    public void Succeeded(TimeSpan duration)
    {
        _callDuration.Record(duration.TotalSeconds, new("adapter", Name), new("outcome", "answered"));
        bool recovered;
        lock (_lock)
        {
            LastSuccessAt = clock.GetUtcNow();
            (recovered, _failing) = (_failing, false);
        }
        if (recovered)
        {
            Recovered?.Invoke();
        }
    }

    public void Failed(string error, TimeSpan duration)
    {
        _callDuration.Record(duration.TotalSeconds, new("adapter", Name), new("outcome", "failed"));
        lock (_lock)
        {
            LastError = error;
            LastErrorAt = clock.GetUtcNow();
            _failing = true;
        }
    }
}
