using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Hub.Events;

/// <summary>
/// Gives committed events their positions, in the order it finds them committed. Readers follow
/// positions, and a position is only ever given to a committed event, so a reader can never pass an
/// event that commits later: resuming after the last position seen skips nothing. One instance at a
/// time sequences (an advisory lock); the others' attempts find the lock taken and wait for the next round.
/// </summary>
public sealed class EventSequencer(NpgsqlDataSource dataSource, EventSignals signals, IOptions<EventOptions> options, ILogger<EventSequencer> logger) : BackgroundService
{
    private const long LockKey = 0x48554245_56454e54; // "HUBEVENT"

    private const string SequenceSql = """
        UPDATE dossier_events AS e
        SET position = (SELECT coalesce(max(position), 0) FROM dossier_events WHERE position IS NOT NULL) + next.n
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n
              FROM (SELECT id FROM dossier_events WHERE position IS NULL ORDER BY id LIMIT $1) AS unsequenced) AS next
        WHERE e.id = next.id
        """;

    private readonly EventOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signals.Recorded.Next;
            var sequenced = 0;
            try
            {
                sequenced = await SequenceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not sequence events; trying again");
            }
            if (sequenced > 0)
            {
                signals.Sequence();
            }
            if (sequenced < _options.BatchSize)
            {
                await Pulse.WaitAsync(next, _options.PollInterval, stoppingToken);
                await Task.Delay(_options.Linger, stoppingToken);
            }
        }
    }

    private async Task<int> SequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction) { Parameters = { new() { Value = LockKey } } })
        {
            if (await lockCommand.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }
        await using var command = new NpgsqlCommand(SequenceSql, connection, transaction) { Parameters = { new() { Value = _options.BatchSize } } };
        var sequenced = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequenced;
    }
}
