using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// How much is waiting per target, how old the oldest is, and how fast it drains. Every configured
/// target is reported, idle ones with zeros, so that dashboards and alerts see a value rather than a gap.
/// </summary>
public sealed class OutboxBacklog(NpgsqlDataSource dataSource, IEnumerable<OutboxTarget> configured)
{
    // What is not delivered, by ix_outbox_undelivered.
    private const string WaitingSql = """
        SELECT target,
               count(*) FILTER (WHERE status = 0),
               count(*) FILTER (WHERE status = 2),
               COALESCE(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 0)), 0)::float8
        FROM outbox_messages
        WHERE status <> 1
        GROUP BY target
        """;

    // What was delivered in the last minute, by ix_outbox_delivered_at: every delivery of that minute is counted, so this
    // is read when an operator asks, not on the metrics' timer (the deliveries' own counter gives their rate there).
    private const string DeliveredSql = """
        SELECT target, count(*) / 60.0
        FROM outbox_messages
        WHERE status = 1 AND delivered_at > now() - interval '1 minute'
        GROUP BY target
        """;

    /// <summary>What waits per target: pending, dead-lettered, the oldest pending's age.</summary>
    public async Task<IReadOnlyList<TargetBacklog>> ReadAsync(CancellationToken cancellationToken)
    {
        var targets = new List<TargetBacklog>();
        await using (var command = dataSource.CreateCommand(WaitingSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                targets.Add(new TargetBacklog(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetDouble(3)));
            }
        }
        targets.AddRange(configured.Where(t => !targets.Exists(b => b.Target == t.Name)).Select(t => new TargetBacklog(t.Name, 0, 0, 0)));
        return [.. targets.OrderBy(b => b.Target, StringComparer.Ordinal)];
    }

    /// <summary>Deliveries completed in the last minute, per second, by target (absent: none).</summary>
    public async Task<IReadOnlyDictionary<string, double>> DeliveredPerSecondAsync(CancellationToken cancellationToken)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(DeliveredSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rates[reader.GetString(0)] = (double)reader.GetDecimal(1);
        }
        return rates;
    }
}

public sealed record TargetBacklog(string Target, int Pending, int DeadLettered, double OldestPendingAgeSeconds);
