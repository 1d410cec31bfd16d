using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Outbox;
using Npgsql;
using Quartz;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// Finds open dossiers whose current due date (ngày hẹn trả) has passed and raises one Overdue event for each,
/// in the transaction that marks them, so that an event is neither lost nor raised twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OverdueDossierJob(NpgsqlDataSource dataSource, EventStreamRows streamRows, EventSignals eventSignals, OutboxSignal outboxSignal, TimeProvider clock)
    : IJob
{
    public static readonly JobKey Key = new("overdue-dossiers", "dossiers");

    // Open: processing has not ended (no signed result, no rejection) and the applicant has not withdrawn.
    // A dossier is overdue once its current due date has passed: the one promised at receipt (moved by the
    // working days it waited for the applicant's papers or was suspended), or the new
    // one the agency gave with its apology, which is reported again when it too passes. While its clock is
    // stopped it is not overdue: its due date moves when the clock restarts.
    private static readonly string MarkSql = $"""
        WITH overdue AS (
            UPDATE dossiers SET overdue_at = @now
            WHERE processing_ended_at IS NULL
              AND status NOT IN ({(int)DossierStatus.Withdrawn}, {(int)DossierStatus.Finished}, {string.Join(", ", DossierStateMachine.ClockStopped.Select(c => (int)c))})
              AND ((overdue_at IS NULL AND rescheduled_due_at IS NULL AND coalesce(extended_due_at, due_at) < @now)
                   OR (rescheduled_due_at < @now AND (overdue_at IS NULL OR overdue_at < rescheduled_due_at)))
            RETURNING id, code, agency_code, procedure_code, version, status, coalesce(rescheduled_due_at, extended_due_at, due_at) AS due_at
        ), recorded AS (
            INSERT INTO dossier_events (event_id, dossier_id, dossier_code, agency_code, procedure_code, dossier_version, type, status, detail, occurred_at)
            SELECT gen_random_uuid(), id, code, agency_code, procedure_code, version, {(int)DossierEventType.Overdue}, status,
                   to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), @now
            FROM overdue
            ORDER BY due_at
            RETURNING *
        )
        """ + EventStreamRows.InsertSql;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MarkSql);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        streamRows.AddParameters(command.Parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
        eventSignals.Record();
        outboxSignal.Notify();
    }
}
