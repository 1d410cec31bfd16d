using System.Text.Json;
using IntegrationHub.Hub.Dossiers;
using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Outbox;
using IntegrationHub.Hub.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Quartz;

namespace IntegrationHub.Hub.Registries;

/// <summary>
/// Checks applicants the registry could not be asked about at submit (agency data accepted as given,
/// marked pending), oldest first, once the registry answers again: batch after batch, so that the
/// backlog of an outage is cleared in one run. What it finds is recorded on the dossier; a mismatch,
/// or a registry that does not know the applicant, is also raised as an ApplicantMismatch event. A
/// registry still down ends the run; the rest wait for the next.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ApplicantVerificationJob(
    IServiceScopeFactory scopes, ApplicantChecker checker, NpgsqlDataSource dataSource, EventStreamRows streamRows,
    EventSignals eventSignals, OutboxSignal outboxSignal, IOptions<RegistryReuseOptions> options, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("applicant-verification", "registries");

    private static readonly string RecordSql = $"""
        WITH checked AS (
            UPDATE dossiers SET applicant_check_state = @state, applicant_checked_at = @now, applicant_mismatches = @mismatches
            WHERE id = @id AND applicant_check_state = {(int)ApplicantCheckState.Pending}
            RETURNING id, code, agency_code, procedure_code, version, status
        ), recorded AS (
            INSERT INTO dossier_events (event_id, dossier_id, dossier_code, agency_code, procedure_code, dossier_version, type, status, detail, occurred_at)
            SELECT gen_random_uuid(), id, code, agency_code, procedure_code, version, {(int)DossierEventType.ApplicantMismatch}, status, @detail, @now
            FROM checked
            WHERE @detail IS NOT NULL
            RETURNING *
        )
        """ + EventStreamRows.InsertSql;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.VerificationBatchSize;
        bool registryAnswered;
        List<Dossier> batch;
        do
        {
            batch = await PendingAsync(batchSize, cancellationToken);
            (registryAnswered, var raised) = await VerifyAsync(batch, cancellationToken);
            if (raised)
            {
                eventSignals.Record();
                outboxSignal.Notify();
            }
        }
        while (registryAnswered && batch.Count == batchSize && !cancellationToken.IsCancellationRequested);
    }

    /// <returns>Whether the registry answered for every dossier of the batch, and whether an event was raised.</returns>
    private async Task<(bool RegistryAnswered, bool Raised)> VerifyAsync(List<Dossier> batch, CancellationToken cancellationToken)
    {
        var raised = false;
        foreach (var dossier in batch)
        {
            var access = new RegistryAccessContext(dossier.SubmittedBy, dossier.Code, dossier.Code, RegistryAccessKind.Verification);
            var (_, check) = await checker.CheckAsync(dossier.Applicant, access, cancellationToken);
            if (check.State == ApplicantCheckState.Pending)
            {
                return (false, raised);
            }
            raised |= await RecordAsync(dossier.Id, check, cancellationToken);
        }
        return (true, raised);
    }

    private async Task<List<Dossier>> PendingAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Set<Dossier>().AsNoTracking()
            .Where(d => d.ApplicantCheckState == ApplicantCheckState.Pending)
            .OrderBy(d => d.CreatedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
    }

    /// <returns>Whether an event was raised.</returns>
    private async Task<bool> RecordAsync(Guid dossierId, ApplicantCheck check, CancellationToken cancellationToken)
    {
        var detail = check.State switch
        {
            ApplicantCheckState.NotFound => "not found",
            _ when check.Mismatches.Count > 0 => string.Join(", ", check.Mismatches.Select(m => m.Field)),
            _ => null,
        };
        await using var command = dataSource.CreateCommand(RecordSql);
        command.Parameters.AddWithValue("id", dossierId);
        command.Parameters.AddWithValue("state", (int)check.State);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.Add(new NpgsqlParameter("mismatches", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(check.Mismatches, JsonSerializerOptions.Web) });
        command.Parameters.Add(new NpgsqlParameter("detail", NpgsqlDbType.Text) { Value = (object?)detail ?? DBNull.Value });
        streamRows.AddParameters(command.Parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return detail is not null;
    }
}
