using System.Diagnostics.Metrics;

namespace IntegrationHub.Adapters.Telemetry;

/// <summary>
/// Histogram buckets for latencies in seconds. OpenTelemetry's defaults are sized for milliseconds
/// (0 to 10,000), which would put every delivery in the first bucket.
/// </summary>
public static class LatencyBuckets
{
    public static InstrumentAdvice<double> Seconds { get; } = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    };
}
