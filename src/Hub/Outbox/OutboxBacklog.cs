using Npgsql;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// How much is waiting per target, how old the oldest is, and how fast it drains. Every configured
/// target is reported, idle ones with zeros, so that dashboards and alerts see a value rather than a gap.
/// </summary>
public sealed class OutboxBacklog(NpgsqlDataSource dataSource, IEnumerable<OutboxTarget> configured)
{
    /// <summary>What waits per target: pending, dead-lettered, the oldest pending's age.</summary>
    public async Task<IReadOnlyList<TargetBacklog>> ReadAsync(CancellationToken cancellationToken)
    {
        var targets = await QueryAsync(OutboxBacklogSql.Waiting,
            reader => new TargetBacklog(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetDouble(3)), cancellationToken);
        targets.AddRange(configured.Where(t => !targets.Exists(b => b.Target == t.Name)).Select(t => new TargetBacklog(t.Name, 0, 0, 0)));
        return [.. targets.OrderBy(b => b.Target, StringComparer.Ordinal)];
    }

    /// <summary>Deliveries completed in the last minute, per second, by target (absent: none).</summary>
    public async Task<IReadOnlyDictionary<string, double>> DeliveredPerSecondAsync(CancellationToken cancellationToken)
    {
        var rates = await QueryAsync(OutboxBacklogSql.DeliveredLastMinute,
            reader => KeyValuePair.Create(reader.GetString(0), (double)reader.GetDecimal(1)), cancellationToken);
        return new Dictionary<string, double>(rates, StringComparer.Ordinal);
    }

    // BEGIN, the plan's settings and the query in one round trip, COMMIT in another; the transaction only scopes the settings.
    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in OutboxBacklogSql.IndexPlan.Append(sql))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }
        var rows = new List<T>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}

public sealed record TargetBacklog(string Target, int Pending, int DeadLettered, double OldestPendingAgeSeconds);
