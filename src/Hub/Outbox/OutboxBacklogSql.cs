namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// The SQL of the backlog's read. Both counts are meant to touch only the undelivered rows, through a
/// partial index; the table itself holds the whole delivered history.
/// </summary>
public static class OutboxBacklogSql
{
    /// <summary>
    /// Run, in the read's transaction, before its query. Without statistics (a new table, or one
    /// autovacuum has not yet analyzed: it wakes once a minute) the planner guesses that most rows are
    /// undelivered and scans the whole table, in parallel: 0.4 s of three processes every 5 s at 70,000
    /// rows, and growing with the history. Through the index a read costs what is waiting; a plain index
    /// scan (not a bitmap) also marks the entries of delivered rows dead, so the next read skips them.
    /// </summary>
    public static IReadOnlyList<string> IndexPlan { get; } =
    [
        "SET LOCAL enable_seqscan = off",
        "SET LOCAL enable_bitmapscan = off",
        "SET LOCAL max_parallel_workers_per_gather = 0",
    ];

    /// <summary>Pending, dead-lettered and the oldest pending's age per target, by <c>ix_outbox_undelivered</c>.</summary>
    public const string Waiting = """
        SELECT target,
               count(*) FILTER (WHERE status = 0),
               count(*) FILTER (WHERE status = 2),
               COALESCE(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 0)), 0)::float8
        FROM outbox_messages
        WHERE status <> 1
        GROUP BY target
        """;

    /// <summary>
    /// Deliveries of the last minute per second and target, by <c>ix_outbox_delivered_at</c>: every delivery
    /// of that minute is counted, so this is read when an operator asks, not on the metrics' timer (the
    /// deliveries' own counter gives their rate there).
    /// </summary>
    public const string DeliveredLastMinute = """
        SELECT target, count(*) / 60.0
        FROM outbox_messages
        WHERE status = 1 AND delivered_at > now() - interval '1 minute'
        GROUP BY target
        """;
}
