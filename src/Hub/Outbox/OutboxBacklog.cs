using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// How much is waiting per target, how old the oldest is, and how fast it drains. Every configured
/// target is reported, idle ones with zeros, so that dashboards and alerts see a value rather than a gap.
/// </summary>
public sealed class OutboxBacklog(NpgsqlDataSource dataSource, IEnumerable<OutboxTarget> configured)
{
    // Two index reads, not one scan: what is not delivered (ix_outbox_undelivered) and what was delivered in the last
    // minute (ix_outbox_delivered_at); an OR of the two made the planner scan every message ever delivered.
    private const string BacklogSql = """
        SELECT target, sum(pending)::bigint, sum(dead)::bigint, max(oldest)::float8, sum(delivered) / 60.0
        FROM (
            SELECT target,
                   count(*) FILTER (WHERE status = 0) AS pending,
                   count(*) FILTER (WHERE status = 2) AS dead,
                   COALESCE(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 0)), 0) AS oldest,
                   0 AS delivered
            FROM outbox_messages
            WHERE status <> 1
            GROUP BY target
            UNION ALL
            SELECT target, 0, 0, 0, count(*)
            FROM outbox_messages
            WHERE status = 1 AND delivered_at > now() - interval '1 minute'
            GROUP BY target
        ) per_part
        GROUP BY target
        """;

    public async Task<IReadOnlyList<TargetBacklog>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(BacklogSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var targets = new List<TargetBacklog>();
        while (await reader.ReadAsync(cancellationToken))
        {
            targets.Add(new TargetBacklog(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetDouble(3), (double)reader.GetDecimal(4)));
        }
        targets.AddRange(configured.Where(t => !targets.Exists(b => b.Target == t.Name)).Select(t => new TargetBacklog(t.Name, 0, 0, 0, 0)));
        return [.. targets.OrderBy(b => b.Target, StringComparer.Ordinal)];
    }
}

public sealed record TargetBacklog(string Target, int Pending, int DeadLettered, double OldestPendingAgeSeconds, double DeliveredPerSecond);
