using IntegrationHub.Hub.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Hub.Outbox;

/// <summary>
/// The SQL of the dispatcher. A claim takes due rows with FOR UPDATE SKIP LOCKED and hands them to one
/// dispatcher under a lease (claim_id, until lease_until), committed at once, so that each call's outcome can be
/// recorded the moment it is known. A row is only eligible while every earlier row for the same (dossier, target)
/// is delivered: that is what keeps one dossier's deliveries in order. A row claimed again while its previous claim
/// was never recorded (the process died) is in doubt. Only the targets the claimer names are claimed
/// (<see cref="TargetAdapters.Active"/>: registered here, and not refused by this process's circuit breakers), each
/// through its own index ranges: untried rows by id, rows waiting to be tried again by due time. What waits out a
/// backoff is never read by a claim, however long the outage that left it, nor are the changes queued behind a change
/// that failed (marked when its failure is recorded; those that arrive after it are read one by one until it is
/// tried again). A claim is two statements, each on its own snapshot: the
/// rows are found without locking, then locked and taken by key. In one statement, a claim locked the rows another
/// instance claimed while it ran (PostgreSQL keeps the lock on a row that fails its re-check) and held them to its end,
/// and that instance waited to record their deliveries.
/// </summary>
public static class OutboxClaims
{
    private const string Earlier = """
        SELECT 1 FROM outbox_messages p
        WHERE p.dossier_id = o.dossier_id AND p.target = o.target AND p.id < o.id AND p.status <> 1
        """;

    // Row b comes after recorded row r in r's line (its dossier's changes to its target).
    private const string Behind = "b.dossier_id = r.dossier_id AND b.target = r.target AND b.id > r.id";

    // Row o may be claimed now: due, not under a lease, and first in its dossier's line.
    private const string Claimable = $$"""
        o.status = 0 AND o.next_attempt_at <= now()
                  AND (o.claim_id IS NULL OR o.lease_until <= now())
                  AND NOT EXISTS ({{Earlier}})
        """;

    private const string Candidates = "hub.claim_candidates";

    // A claim's first step, without locking: up to $1 rows from each active target's untried rows (by id) and from its
    // rows due again (by due time), the lowest ids of them kept (as text, to the batch's end) for the second step.
    internal const string FindCandidatesSql = $$"""
        SELECT set_config('{{Candidates}}', ARRAY(
            SELECT found.id FROM (
                SELECT c.id FROM unnest($2::text[]) AS t(target)
                CROSS JOIN LATERAL (
                    SELECT o.id FROM outbox_messages o
                    WHERE o.attempts = 0 AND NOT o.queued AND o.target = t.target AND {{Claimable}}
                    ORDER BY o.id
                    LIMIT $1
                ) c
                UNION ALL
                SELECT c.id FROM unnest($2::text[]) AS t(target)
                CROSS JOIN LATERAL (
                    SELECT o.id FROM outbox_messages o
                    WHERE o.attempts > 0 AND o.target = t.target AND {{Claimable}}
                    ORDER BY o.next_attempt_at
                    LIMIT $1
                ) c
            ) found
            ORDER BY found.id
            LIMIT $1
        )::text, true)
        """;

    // The second step, on a snapshot of its own: the candidates still claimable and not locked now, up to $1, lowest ids
    // first, locked and claimed. Found again by key (= ANY): a join would be planned on the generic plan's guess of how
    // many there are, a scan of the whole outbox.
    private const string TakeCandidatesSql = $$"""
        WITH taken AS (
            SELECT o.id FROM outbox_messages o
            WHERE o.id = ANY (current_setting('{{Candidates}}', true)::bigint[]) AND {{Claimable}}
            ORDER BY o.id
            LIMIT $1
            FOR UPDATE OF o SKIP LOCKED
        )
        UPDATE outbox_messages o
        SET claim_id = $2,
            lease_until = now() + $3,
            in_doubt = o.in_doubt OR o.claim_id IS NOT NULL
        WHERE o.id = ANY (ARRAY(SELECT id FROM taken))
        RETURNING o.id, o.dossier_id, o.target, o.kind, o.dossier_version, o.payload::text, o.attempts, o.created_at, o.in_doubt
        """;

    // Only the claim's holder records: a row whose lease ran out and was claimed again is not overwritten. The untried
    // changes behind a recorded row are marked queued while it stays undelivered (out of ix_outbox_untried, so claims do
    // not read them) and unmarked once it is delivered; only the first undelivered change of a line is ever claimed, so
    // the two never meet. The changes behind are found from each recorded row (= ANY of a subquery on its line): joined
    // as a set, a plan made when the table held few untried rows read every one of them at each recording. The rows
    // returned are the ones recorded.
    internal const string CompleteSql = $$"""
        WITH recorded AS (
            UPDATE outbox_messages AS o
            SET status = u.status,
                attempts = o.attempts + 1,
                last_attempt_at = now(),
                next_attempt_at = u.next_attempt_at,
                delivered_at = CASE WHEN u.status = 1 THEN now() END,
                last_error = u.error,
                last_answer = COALESCE(u.answer, o.last_answer),
                in_doubt = u.in_doubt,
                in_flight_until = u.in_flight_until,
                claim_id = NULL,
                lease_until = NULL
            FROM unnest($1::bigint[], $2::integer[], $3::timestamptz[], $4::text[], $5::text[], $6::boolean[], $7::timestamptz[])
                 AS u(id, status, next_attempt_at, error, answer, in_doubt, in_flight_until)
            WHERE o.id = u.id AND o.claim_id = $8
            RETURNING o.id, o.dossier_id, o.target, o.status
        ),
        queued AS (
            UPDATE outbox_messages AS q SET queued = true
            FROM recorded r
            WHERE r.status <> 1 AND q.id = ANY (ARRAY(
                SELECT b.id FROM outbox_messages b
                WHERE {{Behind}} AND b.status = 0 AND b.attempts = 0 AND NOT b.queued))
        ),
        released AS (
            UPDATE outbox_messages AS q SET queued = false
            FROM recorded r
            WHERE r.status = 1 AND q.id = ANY (ARRAY(
                SELECT b.id FROM outbox_messages b
                WHERE {{Behind}} AND b.queued))
        )
        SELECT r.id FROM recorded r
        """;

    // A target that took a retried delivery is back: its other waiting rows need not wait out their own backoff.
    // Claimed rows are left to their claim; a row whose last call went unanswered still waits until in_flight_until
    // (OutboxOptions.InDoubtDelay), since that call may not have reached the target yet.
    private const string WakeTargetSql = """
        UPDATE outbox_messages SET next_attempt_at = greatest(now(), in_flight_until)
        WHERE status = 0 AND attempts > 0 AND target = $1 AND claim_id IS NULL AND next_attempt_at > greatest(now(), in_flight_until)
        """;

    // For each named target none of whose rows to try again is due within the interval or claimed, the one due
    // soonest becomes due now: the first call after the target's return is not held back by the longest backoff.
    // Untried rows are left out of the test: checking that each is first in its dossier's line would read every change
    // an outage queued behind another (2 s a probe with 100,000 queued), and a due one is claimed whatever the probe
    // does. A row whose last call may still be landing (in_flight_until) is no probe: a look-up now could miss that
    // call. The conditions on w are checked again on a row claimed meanwhile.
    internal const string ProbeWaitingTargetsSql = $$"""
        UPDATE outbox_messages w SET next_attempt_at = now()
        FROM unnest($2::text[]) AS t(target)
        CROSS JOIN LATERAL (
            SELECT o.id FROM outbox_messages o
            WHERE o.status = 0 AND o.attempts > 0 AND o.target = t.target AND o.claim_id IS NULL AND o.next_attempt_at > now() + $1
              AND (o.in_flight_until IS NULL OR o.in_flight_until <= now())
              AND NOT EXISTS ({{Earlier}})
            ORDER BY o.next_attempt_at
            LIMIT 1
        ) probe
        WHERE w.id = probe.id AND w.status = 0 AND w.claim_id IS NULL AND w.next_attempt_at > now() + $1
          AND NOT EXISTS (
              SELECT 1 FROM outbox_messages d
              WHERE d.status = 0 AND d.attempts > 0 AND d.target = t.target AND d.next_attempt_at <= now() + $1)
        """;

    // Changes queued behind no undelivered change: left so by a delivery recorded without releasing them (an older hub
    // during an upgrade, or an operator's hand in the table). Releasing is always safe: the claim still checks the line.
    private const string ReleaseStrandedSql = $$"""
        UPDATE outbox_messages o SET queued = false
        WHERE o.queued AND NOT EXISTS ({{Earlier}})
        """;

    // Candidates a claim looks at for each row it may take: other instances may be taking the first ones.
    private const int CandidatesPerClaim = 2;

    public static async Task<List<PendingDelivery>> ClaimAsync(
        NpgsqlConnection connection, Guid claimId, int limit, TimeSpan lease, string[] targets, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                GenericPlans.ForThisBatch(),
                FindCandidates(limit * CandidatesPerClaim, targets),
                TakeCandidates(limit, claimId, lease),
            },
        };
        var claimed = new List<PendingDelivery>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new PendingDelivery(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5),
                reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetBoolean(8)));
        }
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <summary>A claim's first step: up to <paramref name="candidates"/> rows of <paramref name="targets"/> that may be claimed.</summary>
    internal static NpgsqlBatchCommand FindCandidates(int candidates, string[] targets) => new(FindCandidatesSql)
    {
        Parameters =
        {
            new NpgsqlParameter<int> { TypedValue = candidates },
            new NpgsqlParameter<string[]> { TypedValue = targets, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
        },
    };

    /// <summary>A claim's second step, in the first's transaction: up to <paramref name="limit"/> of its candidates, taken.</summary>
    internal static NpgsqlBatchCommand TakeCandidates(int limit, Guid claimId, TimeSpan lease) => new(TakeCandidatesSql)
    {
        Parameters =
        {
            new NpgsqlParameter<int> { TypedValue = limit },
            new NpgsqlParameter<Guid> { TypedValue = claimId },
            new NpgsqlParameter<TimeSpan> { TypedValue = lease, NpgsqlDbType = NpgsqlDbType.Interval },
        },
    };

    /// <summary>The recording of <paramref name="records"/>; its <see cref="NpgsqlBatchCommand.Rows"/> are how many were recorded (fewer when a lease had run out).</summary>
    public static NpgsqlBatchCommand Complete(Guid claimId, IReadOnlyList<DeliveryRecord> records) => new(CompleteSql)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = records.Select(r => r.Id).ToArray() },
            new NpgsqlParameter { Value = records.Select(r => (int)r.Status).ToArray() },
            new NpgsqlParameter { Value = records.Select(r => r.NextAttemptAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new NpgsqlParameter { Value = records.Select(r => r.Error).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter { Value = records.Select(r => r.Answer).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter { Value = records.Select(r => r.InDoubt).ToArray() },
            new NpgsqlParameter { Value = records.Select(r => r.InFlightUntil).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<Guid> { TypedValue = claimId },
        },
    };

    /// <returns>How many waiting rows of the target became due.</returns>
    public static async Task<int> WakeTargetAsync(NpgsqlConnection connection, string target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(WakeTargetSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = target });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>How many queued changes were released.</returns>
    public static async Task<int> ReleaseStrandedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReleaseStrandedSql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>How many targets got a row made due.</returns>
    public static async Task<int> ProbeWaitingTargetsAsync(NpgsqlConnection connection, TimeSpan interval, string[] targets, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ProbeWaitingTargetsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = interval, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = targets, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The outcome of one attempt, as written back to its row.</summary>
/// <param name="InFlightUntil">Until when the attempt's unanswered call may still take effect; null when it was answered.</param>
public sealed record DeliveryRecord(long Id, OutboxStatus Status, DateTimeOffset NextAttemptAt, string? Error, string? Answer, bool InDoubt, DateTimeOffset? InFlightUntil);
