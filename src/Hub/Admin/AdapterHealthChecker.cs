using IntegrationHub.Hub.Requests;
using System.Diagnostics;
using IntegrationHub.Adapters.Health;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace IntegrationHub.Hub.Admin;

/// <summary>Checks adapters against their national systems now, each within the time limit, all at once.</summary>
public sealed class AdapterHealthChecker(IEnumerable<IAdapterProbe> probes, IOptions<HealthOptions> options)
{
    private readonly HealthOptions _options = options.Value;

    /// <param name="names">Adapters to check; empty for all.</param>
    /// <exception cref="InvalidFieldException">A name is not an adapter of this hub.</exception>
    public async Task<IReadOnlyList<AdapterHealthReport>> CheckAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        await Task.WhenAll(Select(names).Select(p => CheckAsync(p, cancellationToken)));

    /// <summary>The adapters' own names for the ones asked for, all when none are.</summary>
    /// <exception cref="InvalidFieldException">A name is not an adapter of this hub.</exception>
    public IReadOnlyList<string> Names(IReadOnlyCollection<string> names) => [.. Select(names).Select(p => p.Name)];

    private IEnumerable<IAdapterProbe> Select(IReadOnlyCollection<string> names)
    {
        var all = probes.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        if (names.FirstOrDefault(n => !all.ContainsKey(n)) is { } unknown)
        {
            throw new InvalidFieldException("adapters", $"'{unknown}' is not an adapter of this hub; known: {string.Join(", ", all.Keys.Order())}");
        }
        return names.Count == 0 ? all.Values.OrderBy(p => p.Name, StringComparer.Ordinal) : names.Select(n => all[n]);
    }

    private async Task<AdapterHealthReport> CheckAsync(IAdapterProbe probe, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.ProbeTimeout);
        var started = Stopwatch.GetTimestamp();
        string? failure = null;
        try
        {
            await probe.ProbeAsync(limit.Token);
        }
        catch (AdapterProbeException e)
        {
            failure = e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"no answer within {_options.ProbeTimeout.TotalSeconds:0.#} s";
            probe.Activity.Failed(failure, Stopwatch.GetElapsedTime(started));
        }
        var latency = Stopwatch.GetElapsedTime(started);
        var circuit = probe.Activity.Circuit.CircuitState;
        var (status, detail) = (failure, circuit) switch
        {
            ({ } reason, _) => (AdapterStatus.Unhealthy, reason),
            // Polly reads Open until the first call after the break; by then real traffic is no longer paused.
            (_, CircuitState.Open) when !probe.Activity.RefusesCalls => (AdapterStatus.Degraded, "answered; its circuit's break is over: the next call is its trial"),
            (_, CircuitState.Open or CircuitState.Isolated) => (AdapterStatus.Unhealthy, "answered, but its circuit is open: real traffic is paused"),
            (_, CircuitState.HalfOpen) => (AdapterStatus.Degraded, "answered; its circuit is testing recovery"),
            _ when latency > _options.DegradedLatency => (AdapterStatus.Degraded, $"answered in {latency.TotalMilliseconds:0} ms, slower than {_options.DegradedLatency.TotalMilliseconds:0} ms"),
            _ => (AdapterStatus.Healthy, "answered"),
        };
        var activity = probe.Activity;
        return new AdapterHealthReport(
            probe.Name, probe.Provider, status, latency, CircuitName(circuit), activity.LastSuccessAt, activity.LastError, activity.LastErrorAt, detail);
    }

    private static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half-open",
        _ => "isolated",
    };
}
