using IntegrationHub.Hub.Events.Kafka;
using IntegrationHub.Hub.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Events;

/// <summary>
/// Records, in the dispatcher's own transaction, the events of deliveries that ended: delivered to a
/// national system, or dead-lettered. With Kafka on, each also gets its outbox row for the stream.
/// The stream's own deliveries are not events.
/// </summary>
public sealed class DeliveryEvents(IOptions<KafkaOptions> kafka)
{
    private const string RecordSql = """
        WITH ended AS (
            SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::text[]) AS u(outbox_id, type, detail)
        ), recorded AS (
            INSERT INTO dossier_events (event_id, dossier_id, dossier_code, agency_code, procedure_code, dossier_version, type, target, detail, occurred_at)
            SELECT gen_random_uuid(), d.id, d.code, d.agency_code, d.procedure_code, o.dossier_version, ended.type, o.target, ended.detail, now()
            FROM ended
            JOIN outbox_messages o ON o.id = ended.outbox_id
            JOIN dossiers d ON d.id = o.dossier_id
            ORDER BY ended.outbox_id
            RETURNING id, event_id, dossier_id, dossier_version
        )
        INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
        SELECT dossier_id, $4, $5, dossier_version, jsonb_build_object('eventId', event_id), 0, 0, now(), now()
        FROM recorded
        WHERE $4 IS NOT NULL
        ORDER BY id
        """;

    /// <returns>Whether any event was recorded.</returns>
    public async Task<bool> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<(PendingDelivery Delivery, DeliveryRecord Record)> attempts, CancellationToken cancellationToken)
    {
        var ended = attempts
            .Where(a => a.Delivery.Target != KafkaStream.Target && a.Record.Status != OutboxStatus.Pending)
            .Select(a => a.Record.Status == OutboxStatus.Delivered
                ? (a.Delivery.Id, Type: (short)DossierEventType.Delivered, Detail: a.Delivery.Kind)
                : (a.Delivery.Id, Type: (short)DossierEventType.DeadLettered, Detail: a.Record.Error ?? ""))
            .ToList();
        if (ended.Count == 0)
        {
            return false;
        }
        await using var command = new NpgsqlCommand(RecordSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = ended.Select(e => e.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = ended.Select(e => e.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = ended.Select(e => e.Detail).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = kafka.Value.Enabled ? KafkaStream.Target : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = KafkaStream.Kind });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
