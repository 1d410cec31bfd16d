using IntegrationHub.Hub.Outbox;

namespace IntegrationHub.Tests.Integration;

/// <summary>The hub's scheduler runs the check that releases changes queued behind a delivery recorded around the hub.</summary>
public sealed class StrandedChangesJobTests : HubTest
{
    [Fact]
    public async Task The_scheduled_check_releases_a_change_queued_behind_a_delivered_one_and_leaves_one_behind_a_waiting_one()
    {
        // Two dossiers of a target no instance delivers to (so the dispatcher leaves them be): in each, a first change
        // and one queued behind it; the first delivered by an operator's hand in one, still waiting in the other.
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(Hub.ConnectionString), """
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, queued)
            SELECT d, 'elsewhere', 'sync', v, '{}', CASE WHEN v = 1 AND d = '00000000-0000-0000-0000-000000000001' THEN 1 ELSE 0 END,
                   CASE WHEN v = 1 THEN 3 ELSE 0 END, now(), now() + interval '1 hour', v = 2
            FROM unnest(ARRAY['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002']::uuid[]) AS d
            CROSS JOIN generate_series(1, 2) AS v
            """);

        await Hub.RunOnceAsync(StrandedChangesJob.Key);

        Assert.Equal("00000000-0000-0000-0000-000000000002", await TestPostgres.ScalarAsync<string>(Hub.ConnectionString,
            "SELECT string_agg(dossier_id::text, ',') FROM outbox_messages WHERE queued"));
    }
}
