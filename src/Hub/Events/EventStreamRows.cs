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
    /// Ends a statement whose CTE <c>recorded</c> returns <c>(id, event_id, dossier_id, dossier_version)</c>
    /// of the events it inserted. Needs <see cref="AddParameters"/>.
    /// </summary>
    public const string InsertSql = """
        INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
        SELECT dossier_id, @stream_target, @stream_kind, dossier_version, jsonb_build_object('eventId', event_id), 0, 0, now(), now()
        FROM recorded
        WHERE @stream_target IS NOT NULL
        ORDER BY id
        """;

    public void AddParameters(NpgsqlCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter("stream_target", NpgsqlDbType.Text) { Value = kafka.Value.Enabled ? KafkaStream.Target : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("stream_kind", NpgsqlDbType.Text) { Value = KafkaStream.Kind });
    }
}
