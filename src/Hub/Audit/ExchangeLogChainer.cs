using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Links new exchange-log entries into the hash chain, oldest first: each gets the next position, the
/// previous entry's hash, and its own hash over both and its content. One instance chains at a time
/// (a transaction-scoped advisory lock), so the chain never forks.
/// </summary>
public sealed class ExchangeLogChainer(NpgsqlDataSource dataSource, IOptions<AuditOptions> options, ILogger<ExchangeLogChainer> logger)
    : BackgroundService
{
    // pg_advisory_xact_lock key: "exch" as an integer.
    private const long LockKey = 0x65786368;
    private const int BatchSize = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChainInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await ChainAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Exchange log entries not chained this round");
            }
        }
    }

    /// <returns>How many entries were linked.</returns>
    public async Task<int> ChainAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_xact_lock({LockKey})", cancellationToken))
        {
            return 0;
        }
        var (position, hash) = (0L, ExchangeEntry.Genesis);
        await using (var head = new NpgsqlCommand("SELECT position, hash FROM exchange_log WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1", connection))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                (position, hash) = (reader.GetInt64(0), reader.GetString(1));
            }
        }
        List<ExchangeEntry> entries;
        await using (var unchained = new NpgsqlCommand($"SELECT {ExchangeEntry.Columns} FROM exchange_log WHERE position IS NULL ORDER BY id LIMIT {BatchSize}", connection))
        {
            entries = await ExchangeEntry.ReadAllAsync(unchained, cancellationToken);
        }
        if (entries.Count == 0)
        {
            return 0;
        }
        var (ids, positions, prevs, hashes) = (new long[entries.Count], new long[entries.Count], new string[entries.Count], new string[entries.Count]);
        for (var i = 0; i < entries.Count; i++)
        {
            position++;
            (ids[i], positions[i], prevs[i]) = (entries[i].Id, position, hash);
            hash = hashes[i] = entries[i].ComputeHash(position, prevs[i]);
        }
        await using (var link = new NpgsqlCommand("""
            UPDATE exchange_log e SET position = u.position, prev_hash = u.prev_hash, hash = u.hash
            FROM unnest(@ids, @positions, @prevs, @hashes) AS u(id, position, prev_hash, hash)
            WHERE e.id = u.id
            """, connection))
        {
            link.Parameters.AddWithValue("ids", ids);
            link.Parameters.AddWithValue("positions", positions);
            link.Parameters.AddWithValue("prevs", prevs);
            link.Parameters.AddWithValue("hashes", hashes);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return entries.Count;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
