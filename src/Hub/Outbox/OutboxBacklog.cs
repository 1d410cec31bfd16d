using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// How much is waiting per target, how old the oldest is, and how fast it drains. Every configured
/// target is reported, idle ones with zeros, so that dashboards and alerts see a value rather than a gap.
/// </summary>
public sealed class OutboxBacklog(NpgsqlDataSource dataSource, IEnumerable<OutboxTarget> configured)
{
    private const string BacklogSql = """
        SELECT target,
               count(*) FILTER (WHERE status = 0),
               count(*) FILTER (WHERE status = 2),
               COALESCE(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 0)), 0)::float8,
               count(*) FILTER (WHERE status = 1 AND delivered_at > now() - interval '1 minute') / 60.0
        FROM outbox_messages
        WHERE status <> 1 OR delivered_at > now() - interval '1 minute'
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
