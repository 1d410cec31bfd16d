namespace IntegrationHub.LoadGenerator;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(List<double> values, string unit)
    {
        values.Sort();
        return values.Count == 0
            ? "no samples"
            : $"p50 {Of(values, 50):0.0} {unit}, p95 {Of(values, 95):0.0} {unit}, p99 {Of(values, 99):0.0} {unit}, max {values[^1]:0.0} {unit}";
    }
}
