namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The outbox put, directly, in the state a long outage leaves it in.</summary>
public static class OutboxRows
{
    /// <summary>
    /// Once each dossier's first waiting change has been tried, those changes wait out a backoff of minutes, as after a
    /// long outage, none in flight (rows a dispatcher held are caught when they come back). The changes queued behind
    /// them are left as an outage leaves them: never tried, due since they were written.
    /// </summary>
    public static Task WaitingMinutesAsync(string connectionString) => Eventually.HoldsAsync(async () =>
    {
        await TestPostgres.ExecuteAsync(connectionString,
            "UPDATE outbox_messages SET attempts = greatest(attempts, 8), next_attempt_at = now() + interval '10 minutes' WHERE status = 0 AND attempts > 0 AND claim_id IS NULL");
        return await TestPostgres.ScalarAsync<long>(connectionString, $"""
            SELECT count(*) FROM outbox_messages o
            WHERE o.status = 0 AND (o.attempts = 0 OR o.next_attempt_at < now() + interval '5 minutes')
              AND NOT EXISTS ({Earlier})
            """) == 0;
    }, TimeSpan.FromSeconds(20), "each dossier's first waiting change tried and waiting for minutes");

    private const string Earlier = """
        SELECT 1 FROM outbox_messages p WHERE p.dossier_id = o.dossier_id AND p.target = o.target AND p.id < o.id AND p.status <> 1
        """;
}
