using IntegrationHub.Hub.Events.Kafka;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Events;

/// <summary>
/// For events recorded in SQL rather than through EF (delivery outcomes, overdue dossiers): their
/// outbox rows for the Kafka stream, in the same statement, when the stream is on.
/// </summary>
public sealed class EventStreamRows(IOptions<KafkaOptions> kafka)
{
    /// <summary>
    /// Ends a statement whose CTE <c>recorded</c> returns the <c>dossier_events</c> rows it inserted
    /// (<c>RETURNING *</c>). Each stream row carries its event in the wire's JSON form, as
    /// <see cref="Kafka.KafkaEventSubscriber"/> writes it. Needs <see cref="AddParameters"/>.
    /// </summary>
    public const string InsertSql = """
        INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
        SELECT dossier_id, @stream_target, @stream_kind, dossier_version,
               jsonb_strip_nulls(jsonb_build_object(
                   'eventId', event_id, 'type', type, 'dossierCode', dossier_code, 'agencyCode', agency_code,
                   'procedureCode', procedure_code, 'dossierVersion', dossier_version,
                   'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   'status', status, 'action', action, 'documentNumber', document_number, 'target', target, 'detail', detail)),
               0, 0, now(), now()
        FROM recorded
        WHERE @stream_target IS NOT NULL
        ORDER BY id
        """;

    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter("stream_target", NpgsqlDbType.Text) { Value = kafka.Value.Enabled ? KafkaStream.Target : DBNull.Value });
        parameters.Add(new NpgsqlParameter("stream_kind", NpgsqlDbType.Text) { Value = KafkaStream.Kind });
    }
}
