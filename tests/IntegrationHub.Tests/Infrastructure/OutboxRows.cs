namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The outbox put, directly, in the state a long outage leaves it in.</summary>
public static class OutboxRows
{
    /// <summary>
    /// Every pending row waits out a backoff of minutes, as after a long outage, none in flight: rows a dispatcher
    /// held are caught when they come back.
    /// </summary>
    public static Task WaitingMinutesAsync(string connectionString) => Eventually.HoldsAsync(async () =>
    {
        await TestPostgres.ExecuteAsync(connectionString,
            "UPDATE outbox_messages SET attempts = greatest(attempts, 8), next_attempt_at = now() + interval '10 minutes' WHERE status = 0 AND claim_id IS NULL");
        return await TestPostgres.ScalarAsync<long>(connectionString,
            "SELECT count(*) FROM outbox_messages WHERE status = 0 AND next_attempt_at < now() + interval '5 minutes'") == 0;
    }, TimeSpan.FromSeconds(20), "every row waiting for minutes");
}
