using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Hub.Audit;

/// <summary>
/// Links new exchange-log entries into the hash chain, oldest first: each gets the next position, the
/// previous entry's hash, and its own hash over both and its content, as a row of <c>exchange_log_links</c>; the
/// entry itself is never changed. The entries to link are those queued in <c>exchange_log_unlinked</c> (by a trigger
/// on insert); linking takes them off the queue in the same statement. One instance chains at a time
/// (a transaction-scoped advisory lock), so the chain never forks.
/// </summary>
public sealed class ExchangeLogChainer(NpgsqlDataSource dataSource, IOptions<AuditOptions> options, ILogger<ExchangeLogChainer> logger)
    : BackgroundService
{
    // pg_advisory_xact_lock key: "exch" as an integer.
    private const long LockKey = 0x65786368;
    private const int BatchSize = 2000;

    private const string HeadSql = "SELECT position, hash FROM exchange_log_links ORDER BY position DESC LIMIT 1";

    // Driven from the queue, by the entries' primary key: joined the other way, the plan could walk the whole log in id order.
    private static readonly string UnlinkedSql = $"""
        SELECT {ExchangeEntry.Columns} FROM {ExchangeEntry.Source}
        WHERE e.id = ANY (ARRAY(SELECT entry_id FROM exchange_log_unlinked ORDER BY entry_id LIMIT {BatchSize}))
        ORDER BY e.id
        """;

    // The owner's function: the hub's role may not take an entry off the queue but by linking it.
    private const string LinkSql = "SELECT link_exchange_log_entries($1, $2, $3, $4)";

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
        await using (var head = new NpgsqlCommand(HeadSql, connection))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                (position, hash) = (reader.GetInt64(0), reader.GetString(1));
            }
        }
        List<ExchangeEntry> entries;
        await using (var unlinked = new NpgsqlCommand(UnlinkedSql, connection))
        {
            entries = await ExchangeEntry.ReadAllAsync(unlinked, cancellationToken);
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
        await using (var link = new NpgsqlCommand(LinkSql, connection))
        {
            link.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = positions });
            link.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ids });
            link.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = prevs });
            link.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = hashes });
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
