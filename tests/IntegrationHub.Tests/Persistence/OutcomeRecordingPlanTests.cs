using IntegrationHub.Hub.Events;
using IntegrationHub.Hub.Events.Kafka;
using IntegrationHub.Hub.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// A call's outcomes are recorded (the rows completed, their delivered events written) on plans a connection keeps,
/// not planned again at every call, and those plans find the rows by key: with a delivered history of 40,000 rows, no
/// recording scans the outbox or the dossiers.
/// </summary>
public sealed class OutcomeRecordingPlanTests
{
    private const int Delivered = 40_000;
    private const int Calls = 15;

    [Fact]
    public async Task Outcomes_are_recorded_on_plans_kept_by_the_connection_and_read_by_key()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        // Each dossier with its portal row, all but the last few delivered; written without reading either table back.
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), $$"""
            WITH d AS (
                INSERT INTO dossiers (id, code, procedure_code, agency_code, applicant_kind, applicant_id_number, applicant_name, summary,
                                      received_at, due_at, service_level, channel, documents, fees, status, version, submitted_by, created_at, updated_at, receipt_number)
                SELECT gen_random_uuid(), 'H22-261204-' || n, '1.001193', 'H22', 1, '001203012345', 'Nguyễn Văn An', 'Khai sinh', now(),
                       now() + interval '3 days', 4, 2, '[]', '[]', 1, 1, 'agency', now(), now(), 'R' || n
                FROM generate_series(1, {{Delivered + Calls * 2}}) AS n
                RETURNING id, split_part(code, '-', 3)::int <= {{Delivered}} AS delivered)
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, delivered_at)
            SELECT id, 'portal', 'sync', 1, '{}', CASE WHEN delivered THEN 1 ELSE 0 END, CASE WHEN delivered THEN 1 ELSE 0 END, now(), now(),
                   CASE WHEN delivered THEN now() END
            FROM d;
            ANALYZE;
            """);
        // One connection, prepared as the hub's connections prepare its statements: after a few uses.
        await using var dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 64, MaxPoolSize = 1 }.ConnectionString);
        var recorder = new OutcomeRecorder(
            dataSource,
            [new DeliveryEvents(new EventStreamRows(Options.Create(new KafkaOptions())), new EventSignals(), new OutboxSignal())],
            NullLogger<OutcomeRecorder>.Instance);
        var scansBefore = await ScansAsync(dataSource);

        for (var call = 0; call < Calls; call++)
        {
            var claimId = Guid.NewGuid();
            List<PendingDelivery> batch;
            await using (var connection = await dataSource.OpenConnectionAsync())
            {
                batch = await OutboxClaims.ClaimAsync(connection, claimId, 2, TimeSpan.FromMinutes(5), ["portal"], CancellationToken.None);
            }
            Assert.Equal(2, batch.Count);
            await recorder.RecordAsync(claimId, [.. batch],
                [.. batch.Select(d => new DeliveryRecord(d.Id, OutboxStatus.Delivered, DateTimeOffset.UtcNow, null, "ok", false, null))], CancellationToken.None);
        }

        Assert.Equal(Calls * 2, await TestPostgres.ScalarAsync<long>(database, $"SELECT count(*) FROM dossier_events WHERE type = {(int)DossierEventType.Delivered}"));
        Assert.Equal(scansBefore, await ScansAsync(dataSource));
        await using var plans = dataSource.CreateCommand("""
            SELECT generic_plans >= 5, custom_plans FROM pg_prepared_statements
            WHERE statement LIKE '%SET status = u.status%' OR statement LIKE '%INSERT INTO dossier_events%' ORDER BY statement
            """);
        await using var reader = await plans.ExecuteReaderAsync();
        var statements = new List<(bool, long)>();
        while (await reader.ReadAsync())
        {
            statements.Add((reader.GetBoolean(0), reader.GetInt64(1)));
        }
        Assert.Equal([(true, 0L), (true, 0L)], statements);
    }

    /// <summary>Sequential scans of the outbox and the dossiers so far, the connection's own included.</summary>
    private static async Task<(long Outbox, long Dossiers)> ScansAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }
        await using var scans = new NpgsqlCommand("""
            SELECT (SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'outbox_messages'),
                   (SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'dossiers')
            """, connection);
        await using var reader = await scans.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
