using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// The SQL of the dispatcher. Rows are claimed with FOR UPDATE SKIP LOCKED inside a transaction that
/// lasts for the round, so several dispatchers (threads or hub instances) share the work and a process
/// that dies releases its claims at once. A row is only eligible while every earlier row for the same
/// (dossier, target) is delivered: that is what keeps one dossier's deliveries in order.
/// </summary>
public static class OutboxClaims
{
    private const string ClaimSql = """
        SELECT o.id, o.dossier_id, o.target, o.kind, o.dossier_version, o.payload::text, o.attempts, o.created_at
        FROM outbox_messages o
        WHERE o.status = 0
          AND o.next_attempt_at <= now()
          AND NOT EXISTS (
              SELECT 1 FROM outbox_messages p
              WHERE p.dossier_id = o.dossier_id AND p.target = o.target AND p.id < o.id AND p.status <> 1)
        ORDER BY o.id
        LIMIT $1
        FOR UPDATE OF o SKIP LOCKED
        """;

    private const string CompleteSql = """
        UPDATE outbox_messages AS o
        SET status = u.status,
            attempts = o.attempts + 1,
            last_attempt_at = now(),
            next_attempt_at = u.next_attempt_at,
            delivered_at = CASE WHEN u.status = 1 THEN now() END,
            last_error = u.error,
            last_answer = COALESCE(u.answer, o.last_answer)
        FROM unnest($1::bigint[], $2::integer[], $3::timestamptz[], $4::text[], $5::text[])
             AS u(id, status, next_attempt_at, error, answer)
        WHERE o.id = u.id
        """;

    public static async Task<List<PendingDelivery>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var claimed = new List<PendingDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new PendingDelivery(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return claimed;
    }

    public static async Task CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CompleteSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = records.Select(r => r.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = records.Select(r => (int)r.Status).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = records.Select(r => r.NextAttemptAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = records.Select(r => r.Error).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = records.Select(r => r.Answer).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The outcome of one attempt, as written back to its row.</summary>
public sealed record DeliveryRecord(long Id, OutboxStatus Status, DateTimeOffset NextAttemptAt, string? Error, string? Answer);
