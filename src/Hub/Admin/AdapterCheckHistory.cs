using Npgsql;

namespace IntegrationHub.Hub.Admin;

/// <summary>
/// Results of the scheduled adapter checks, kept for <see cref="HealthOptions.HistoryRetention"/>, and
/// each adapter's availability read from them: the share of checks that found it healthy or degraded.
/// </summary>
public sealed class AdapterCheckHistory(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string AvailabilitySql = """
        SELECT adapter,
               count(*) FILTER (WHERE checked_at > @now - interval '24 hours'),
               count(*) FILTER (WHERE checked_at > @now - interval '24 hours' AND status <> 3),
               count(*),
               count(*) FILTER (WHERE status <> 3),
               max(checked_at) FILTER (WHERE status = 3),
               (array_agg(detail ORDER BY checked_at DESC) FILTER (WHERE status = 3))[1]
        FROM adapter_checks
        WHERE checked_at > @now - interval '7 days'
        GROUP BY adapter
        """;

    public async Task RecordAsync(IReadOnlyList<AdapterHealthReport> reports, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var batch = dataSource.CreateBatch();
        foreach (var report in reports)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO adapter_checks (adapter, checked_at, status, latency_ms, detail) VALUES ($1, $2, $3, $4, $5)")
            {
                Parameters =
                {
                    new() { Value = report.Name },
                    new() { Value = now },
                    new() { Value = (short)report.Status },
                    new() { Value = (int)report.Latency.TotalMilliseconds },
                    new() { Value = report.Detail },
                },
            });
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM adapter_checks WHERE checked_at < $1") { Parameters = { new() { Value = now - retention } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <param name="adapters">Every adapter of this hub, so that one never checked yet is reported with no checks rather than left out.</param>
    public async Task<IReadOnlyList<AdapterAvailability>> ReadAsync(IEnumerable<string> adapters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AvailabilitySql);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        var found = new Dictionary<string, AdapterAvailability>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                found[name] = new AdapterAvailability(
                    name,
                    new Availability((int)reader.GetInt64(1), (int)reader.GetInt64(2)),
                    new Availability((int)reader.GetInt64(3), (int)reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6));
            }
        }
        return [.. adapters.Order(StringComparer.Ordinal).Select(a => found.GetValueOrDefault(a) ?? new AdapterAvailability(a, new(0, 0), new(0, 0), null, null))];
    }
}

/// <summary>Checks made in a period and how many found the adapter available.</summary>
public sealed record Availability(int Checks, int Available)
{
    /// <summary>Between 0 and 1; null without checks.</summary>
    public double? Ratio => Checks == 0 ? null : (double)Available / Checks;
}

public sealed record AdapterAvailability(string Name, Availability LastDay, Availability LastWeek, DateTimeOffset? LastUnhealthyAt, string? LastUnhealthyDetail);
