using System.Text.Json;
using IntegrationHub.Hub.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// What a long outage leaves behind costs the dispatcher nothing while it waits: with 20,000 rows waiting out a
/// backoff (20,000 more queued behind them, or, for a target whose circuit is open, 20,000 never tried) beside 40,000
/// delivered, a claim and a probe read a few pages, not the backlog, and still take exactly the rows they should. Pages
/// counted from PostgreSQL's own EXPLAIN; a claim's on the generic plan a hub's connection keeps for it, as a claim is
/// not planned again at every call.
/// </summary>
public sealed class OutboxClaimCostTests
{
    private const int Delivered = 40_000;
    private const int Backlog = 20_000;
    private const int FewPages = 100;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_claim_takes_the_due_rows_without_reading_those_waiting_out_a_backoff()
    {
        var database = await OutboxAsync($"""
            {Rows("portal", Backlog, attempts: 5, due: "now() + interval '10 minutes'")};
            {Rows("portal", 2, attempts: 5, due: "now() - interval '1 second'")};
            {Rows("portal", 3, attempts: 0, due: "now()")};
            """);

        var claimed = await ClaimAsync(database, ["portal"]);

        Assert.Equal([0, 0, 0, 5, 5], claimed.Select(c => c.Attempts).Order());
    }

    [Fact]
    public async Task A_claim_takes_the_due_rows_without_reading_the_changes_queued_behind_failed_ones()
    {
        // Each waiting dossier's first change claimed, its next one behind it; then the first changes' failures recorded.
        var claimId = Guid.NewGuid();
        var database = await OutboxAsync($"""
            CREATE TEMPORARY TABLE lines AS SELECT gen_random_uuid() AS dossier_id FROM generate_series(1, {Backlog});
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, claim_id, lease_until)
            SELECT dossier_id, 'portal', 'sync', 1, '{"{}"}', 0, 0, now(), now(), '{claimId}', now() + interval '5 minutes' FROM lines;
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
            SELECT dossier_id, 'portal', 'sync', 2, '{"{}"}', 0, 0, now(), now() FROM lines;
            """);
        var first = await TestPostgres.ScalarAsync<long[]>(database, "SELECT array_agg(id) FROM outbox_messages WHERE claim_id IS NOT NULL");
        await using (var connection = await TestPostgres.OpenAsync(database))
        {
            var later = DateTimeOffset.UtcNow.AddMinutes(10);
            var failures = first.Select(id => new DeliveryRecord(id, OutboxStatus.Pending, later, "refused", null, InDoubt: false, InFlightUntil: null)).ToList();
            await using var record = new NpgsqlBatch(connection) { BatchCommands = { OutboxClaims.Complete(claimId, failures) } };
            await record.ExecuteNonQueryAsync();
        }
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), Rows("portal", 3, attempts: 0, due: "now()"));
        // The marks' old row versions vacuumed, as autovacuum does after that many updates: until then a claim steps over
        // their index entries (once; it flags them dead for the claims after it).
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), "VACUUM ANALYZE outbox_messages");

        var claimed = await ClaimAsync(database, ["portal"]);

        Assert.Equal([Delivered + 2 * Backlog + 1L, Delivered + 2 * Backlog + 2L, Delivered + 2 * Backlog + 3L], claimed.Select(c => c.Id));
    }

    [Theory]
    [InlineData(OutboxStatus.Pending)]
    [InlineData(OutboxStatus.Delivered)]
    public async Task A_recording_reads_the_lines_of_its_rows_not_the_backlog(OutboxStatus outcome)
    {
        // Planned on statistics taken before the backlog came: 20,000 waiting with a change queued behind each, and
        // 20,000 never tried; five rows claimed, their outcomes recorded.
        var claimId = Guid.NewGuid();
        var database = await OutboxAsync("");
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), $"""
            CREATE TEMPORARY TABLE lines AS SELECT gen_random_uuid() AS dossier_id FROM generate_series(1, {Backlog});
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
            SELECT dossier_id, 'portal', 'sync', 1, '{"{}"}', 0, 5, now(), now() + interval '10 minutes' FROM lines;
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, queued)
            SELECT dossier_id, 'portal', 'sync', 2, '{"{}"}', 0, 0, now(), now(), true FROM lines;
            {Rows("portal", Backlog, attempts: 0, due: "now()")};
            UPDATE outbox_messages SET claim_id = '{claimId}', lease_until = now() + interval '5 minutes'
            WHERE id IN (SELECT id FROM outbox_messages WHERE status = 0 AND attempts = 0 AND NOT queued ORDER BY id LIMIT 5);
            """);
        var claimed = await TestPostgres.ScalarAsync<long[]>(database, "SELECT array_agg(id) FROM outbox_messages WHERE claim_id IS NOT NULL");

        await using var connection = await TestPostgres.OpenAsync(database);
        var records = (
            Types: "bigint[], integer[], timestamptz[], text[], text[], boolean[], timestamptz[], uuid",
            Values: $"ARRAY[{string.Join(", ", claimed)}], array_fill({(int)outcome}, ARRAY[5]), array_fill(now() + interval '1 minute', ARRAY[5]), "
                + $"array_fill(NULL::text, ARRAY[5]), array_fill(NULL::text, ARRAY[5]), array_fill(false, ARRAY[5]), array_fill(NULL::timestamptz, ARRAY[5]), '{claimId}'");
        Assert.InRange(await GenericPlanPagesAsync(connection, OutboxClaims.CompleteSql, records), 1, FewPages);
    }

    [Fact]
    public async Task A_claim_reads_nothing_of_a_target_it_does_not_name()
    {
        var database = await OutboxAsync($"""
            {Rows("portal", Backlog, attempts: 0, due: "now()")};
            {Rows("sms", 2, attempts: 0, due: "now()")};
            """);

        var claimed = await ClaimAsync(database, ["sms"]);

        Assert.Equal(["sms", "sms"], claimed.Select(c => c.Target));
    }

    [Fact]
    public async Task A_probe_makes_the_row_due_soonest_of_a_quiet_target_due_without_reading_the_backlog()
    {
        var database = await OutboxAsync($"""
            {Rows("portal", Backlog, attempts: 5, due: "now() + interval '10 minutes'")};
            {Rows("portal", 1, attempts: 5, due: "now() + interval '3 minutes'")};
            """);

        await using var connection = await TestPostgres.OpenAsync(database);
        Assert.InRange(await PagesAsync(connection, OutboxClaims.ProbeWaitingTargetsSql, Probe(["portal"])), 1, FewPages);
        Assert.Equal(1, await OutboxClaims.ProbeWaitingTargetsAsync(connection, Interval, ["portal"], CancellationToken.None));

        Assert.Equal($"{Delivered + Backlog + 1}", await TestPostgres.ScalarAsync<string>(database,
            "SELECT string_agg(id::text, ',') FROM outbox_messages WHERE status = 0 AND next_attempt_at <= now()"));
    }

    [Fact]
    public async Task A_claim_is_planned_once_on_a_connection_not_at_every_call()
    {
        var database = await OutboxAsync(Rows("portal", 30, attempts: 0, due: "now()") + ";");
        // Prepared as the hub's connections prepare its statements: after a few uses.
        await using var connection = await TestPostgres.OpenAsync(new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 64 }.ConnectionString);

        for (var call = 0; call < 15; call++)
        {
            Assert.Equal(2, (await OutboxClaims.ClaimAsync(connection, Guid.NewGuid(), 2, Lease, ["portal"], CancellationToken.None)).Count);
        }

        await using var plans = new NpgsqlCommand(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%hub.claim_candidates%'", connection);
        await using var reader = await plans.ExecuteReaderAsync();
        var statements = new List<(bool, long)>();
        while (await reader.ReadAsync())
        {
            statements.Add((reader.GetInt64(0) >= 5, reader.GetInt64(1)));
        }
        Assert.Equal([(true, 0L), (true, 0L)], statements);
    }

    /// <summary>A claim of the targets named, once to count the pages its search reads (rolled back), then for good.</summary>
    private static async Task<List<PendingDelivery>> ClaimAsync(string database, string[] targets)
    {
        await using var connection = await TestPostgres.OpenAsync(database);
        Assert.InRange(await GenericPlanPagesAsync(connection, OutboxClaims.FindCandidatesSql, GenericClaim(targets)), 1, FewPages);
        return await OutboxClaims.ClaimAsync(connection, Guid.NewGuid(), 200, Lease, targets, CancellationToken.None);
    }

    private static string Rows(string target, int count, int attempts, string due) => $"""
        INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
        SELECT gen_random_uuid(), '{target}', 'sync', 1, '{"{}"}', 0, {attempts}, now(), {due} FROM generate_series(1, {count})
        """;

    // A hub's schema, its outbox holding a delivered history and the rows given, analyzed as autovacuum would have it
    // after a long outage.
    private static async Task<string> OutboxAsync(string rows)
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), $$"""
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at, delivered_at)
            SELECT gen_random_uuid(), 'portal', 'sync', 1, '{}', 1, 1, now(), now(), now() FROM generate_series(1, {{Delivered}});
            {{rows}}
            ANALYZE outbox_messages;
            """);
        return database;
    }

    // The first step's parameters: how many candidates, the targets.
    private static (string Types, string Values) GenericClaim(string[] targets) =>
        ("int, text[]", $"400, ARRAY[{string.Join(", ", targets.Select(t => $"'{t}'"))}]");

    private static NpgsqlParameter[] Probe(string[] targets) =>
    [
        new NpgsqlParameter<TimeSpan> { TypedValue = Interval, NpgsqlDbType = NpgsqlDbType.Interval },
        new NpgsqlParameter<string[]> { TypedValue = targets, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
    ];

    /// <summary>Pages the statement reads (from memory or disk) when run, in a transaction rolled back.</summary>
    private static async Task<long> PagesAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, connection, transaction);
        explain.Parameters.AddRange(parameters);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        await transaction.RollbackAsync();
        var root = plan.RootElement[0].GetProperty("Plan");
        return root.GetProperty("Shared Hit Blocks").GetInt64() + root.GetProperty("Shared Read Blocks").GetInt64();
    }

    /// <summary>The same, on the generic plan a connection of the hub keeps for the statement (its parameters' types and, as SQL, their values).</summary>
    private static async Task<long> GenericPlanPagesAsync(NpgsqlConnection connection, string sql, (string Types, string Values) parameters)
    {
        await using (var prepare = new NpgsqlCommand($"SET plan_cache_mode = force_generic_plan; PREPARE explained({parameters.Types}) AS {sql}", connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }
        try
        {
            return await PagesAsync(connection, $"EXECUTE explained({parameters.Values})", []);
        }
        finally
        {
            await using var reset = new NpgsqlCommand("DEALLOCATE explained; RESET plan_cache_mode", connection);
            await reset.ExecuteNonQueryAsync();
        }
    }
}
