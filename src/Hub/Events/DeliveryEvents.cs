using IntegrationHub.Hub.Events.Kafka;
using IntegrationHub.Hub.Outbox;
using Npgsql;

namespace IntegrationHub.Hub.Events;

/// <summary>
/// Records, in the dispatcher's own transaction, the events of deliveries that ended: a change
/// delivered to a national system, or a call dead-lettered. With Kafka on, each also gets its outbox row for the stream.
/// The stream's own deliveries are not events. Once committed, event readers and (for new stream rows) the dispatcher are woken.
/// </summary>
public sealed class DeliveryEvents(EventStreamRows streamRows, EventSignals eventSignals, OutboxSignal outboxSignal) : IDeliveryObserver
{
    private const string RecordSql = """
        WITH ended AS (
            SELECT * FROM unnest(@ids::bigint[], @types::smallint[], @details::text[]) AS u(outbox_id, type, detail)
        ), recorded AS (
            INSERT INTO dossier_events (event_id, dossier_id, dossier_code, agency_code, procedure_code, dossier_version, type, target, detail, occurred_at)
            SELECT gen_random_uuid(), d.id, d.code, d.agency_code, d.procedure_code, o.dossier_version, ended.type, o.target, ended.detail, now()
            FROM ended
            JOIN outbox_messages o ON o.id = ended.outbox_id
            JOIN dossiers d ON d.id = o.dossier_id
            -- By key, not through the join: the outbox's many updated rows make a scan of it costly, and a join
            -- estimate alone often chose that scan (28 ms a call under load, against well under 1 ms).
            WHERE o.id = ANY(@ids::bigint[])
              -- A change may take several calls (the portal's sync, then its step): delivered is said once, after the last.
              AND (ended.type <> @delivered OR NOT EXISTS (
                  SELECT 1 FROM outbox_messages later
                  WHERE later.dossier_id = o.dossier_id AND later.target = o.target AND later.dossier_version = o.dossier_version AND later.id > o.id))
            ORDER BY ended.outbox_id
            RETURNING *
        )
        """ + EventStreamRows.InsertSql;

    public ObserverStatement? Recording(IReadOnlyList<(PendingDelivery Delivery, DeliveryRecord Record)> attempts)
    {
        var ended = attempts
            .Where(a => a.Delivery.Target != KafkaStream.Target && a.Record.Status != OutboxStatus.Pending)
            .Select(a => a.Record.Status == OutboxStatus.Delivered
                ? (a.Delivery.Id, Type: (short)DossierEventType.Delivered, Detail: a.Delivery.Kind)
                : (a.Delivery.Id, Type: (short)DossierEventType.DeadLettered, Detail: a.Record.Error ?? ""))
            .ToList();
        if (ended.Count == 0)
        {
            return null;
        }
        var command = new NpgsqlBatchCommand(RecordSql);
        command.Parameters.AddWithValue("ids", ended.Select(e => e.Id).ToArray());
        command.Parameters.AddWithValue("types", ended.Select(e => e.Type).ToArray());
        command.Parameters.AddWithValue("details", ended.Select(e => e.Detail).ToArray());
        command.Parameters.AddWithValue("delivered", (short)DossierEventType.Delivered);
        streamRows.AddParameters(command.Parameters);
        return new ObserverStatement(command, added =>
        {
            eventSignals.Record();
            if (added > 0)
            {
                outboxSignal.Notify();
            }
        });
    }
}
