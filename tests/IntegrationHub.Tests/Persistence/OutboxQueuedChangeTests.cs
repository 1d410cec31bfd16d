using IntegrationHub.Hub.Outbox;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// A dossier's later changes wait while its first one fails. The recording of that failure marks them queued, so that
/// claims need not read them; the recording of its delivery releases them, and the next is claimed. The mark is an
/// index's filter only: whatever it says, a change is claimed only once every earlier change of its dossier is delivered.
/// </summary>
public sealed class OutboxQueuedChangeTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static TheoryData<OutboxStatus, bool, bool> Outcomes => new()
    {
        // the first change's recorded outcome, whether the later ones are then queued, whether a claim then takes the next
        { OutboxStatus.Pending, true, false },
        { OutboxStatus.DeadLettered, true, false },
        { OutboxStatus.Delivered, false, true },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task The_changes_behind_a_recorded_change_are_queued_while_it_is_undelivered(OutboxStatus outcome, bool queued, bool nextClaimed)
    {
        var line = await LineAsync(changes: 3);
        await using var connection = await TestPostgres.OpenAsync(line.Database);
        var (claimId, first) = await ClaimAsync(connection);
        Assert.Equal([line.Ids[0]], first.Select(c => c.Id));

        Assert.Equal(1, await RecordAsync(connection, claimId, first[0].Id, outcome));

        Assert.Equal(new[] { false, queued, queued }, await QueuedAsync(line));
        var (_, next) = await ClaimAsync(connection);
        Assert.Equal(nextClaimed ? [line.Ids[1]] : [], next.Select(c => c.Id));
    }

    [Fact]
    public async Task The_changes_queued_behind_a_failed_change_are_released_when_it_is_delivered_and_then_claimed_in_order()
    {
        var line = await LineAsync(changes: 3);
        await using var connection = await TestPostgres.OpenAsync(line.Database);
        await FirstFailsAsync(connection, line, dueNow: true);
        Assert.Equal(new[] { false, true, true }, await QueuedAsync(line));

        var (retryClaim, retried) = await ClaimAsync(connection);
        Assert.Equal([line.Ids[0]], retried.Select(c => c.Id));
        await RecordAsync(connection, retryClaim, retried[0].Id, OutboxStatus.Delivered);

        Assert.Equal(new[] { false, false, false }, await QueuedAsync(line));
        var (secondClaim, second) = await ClaimAsync(connection);
        Assert.Equal([line.Ids[1]], second.Select(c => c.Id));
        await RecordAsync(connection, secondClaim, second[0].Id, OutboxStatus.Delivered);
        var (_, third) = await ClaimAsync(connection);
        Assert.Equal([line.Ids[2]], third.Select(c => c.Id));
    }

    [Fact]
    public async Task A_recording_whose_lease_ran_out_marks_nothing()
    {
        var line = await LineAsync(changes: 2);
        await using var connection = await TestPostgres.OpenAsync(line.Database);
        var (_, first) = await ClaimAsync(connection);

        Assert.Equal(0, await RecordAsync(connection, Guid.NewGuid(), first[0].Id, OutboxStatus.Pending));

        Assert.Equal(new[] { false, false }, await QueuedAsync(line));
    }

    [Fact]
    public async Task A_change_that_arrives_after_the_failure_is_not_queued_but_still_waits_its_turn()
    {
        var line = await LineAsync(changes: 1);
        await using var connection = await TestPostgres.OpenAsync(line.Database);
        await FirstFailsAsync(connection, line);

        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(line.Database), Insert(line.Dossier, 1));

        Assert.Equal(new[] { false, false }, await QueuedAsync(line));
        Assert.Empty((await ClaimAsync(connection)).Claimed);
    }

    [Fact]
    public async Task A_change_left_queued_behind_a_delivery_recorded_around_the_hub_is_released_by_the_stranded_check()
    {
        var line = await LineAsync(changes: 3);
        await using var connection = await TestPostgres.OpenAsync(line.Database);
        await FirstFailsAsync(connection, line);
        Assert.Equal(0, await OutboxClaims.ReleaseStrandedAsync(connection, CancellationToken.None));

        // An operator marks the failing change delivered by hand: the changes behind it stay queued, out of every claim.
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(line.Database), $"UPDATE outbox_messages SET status = 1 WHERE id = {line.Ids[0]}");
        Assert.Empty((await ClaimAsync(connection)).Claimed);

        Assert.Equal(1, await OutboxClaims.ReleaseStrandedAsync(connection, CancellationToken.None));
        Assert.Equal(new[] { false, false, true }, await QueuedAsync(line));
        Assert.Equal([line.Ids[1]], (await ClaimAsync(connection)).Claimed.Select(c => c.Id));
    }

    private sealed record Line(string Database, Guid Dossier, long[] Ids);

    private static async Task<Line> LineAsync(int changes)
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var dossier = Guid.NewGuid();
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), Insert(dossier, changes));
        var ids = await TestPostgres.ScalarAsync<long[]>(database, "SELECT array_agg(id ORDER BY id) FROM outbox_messages");
        return new Line(database, dossier, ids);
    }

    private static string Insert(Guid dossier, int changes) => $"""
        INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
        SELECT '{dossier}', 'portal', 'sync', v, '{"{}"}', 0, 0, now(), now() FROM generate_series(1, {changes}) AS v
        """;

    private static async Task<bool[]> QueuedAsync(Line line) =>
        await TestPostgres.ScalarAsync<bool[]>(line.Database, "SELECT array_agg(queued ORDER BY id) FROM outbox_messages");

    private static async Task<(Guid ClaimId, List<PendingDelivery> Claimed)> ClaimAsync(NpgsqlConnection connection)
    {
        var claimId = Guid.NewGuid();
        return (claimId, await OutboxClaims.ClaimAsync(connection, claimId, 10, Lease, ["portal"], CancellationToken.None));
    }

    /// <summary>The line's first change claimed and its attempt recorded as failed: due again in ten minutes, or now.</summary>
    private static async Task FirstFailsAsync(NpgsqlConnection connection, Line line, bool dueNow = false)
    {
        var (claimId, first) = await ClaimAsync(connection);
        Assert.Equal([line.Ids[0]], first.Select(c => c.Id));
        Assert.Equal(1, await RecordAsync(connection, claimId, line.Ids[0], OutboxStatus.Pending, dueNow));
    }

    /// <returns>How many rows were recorded.</returns>
    private static async Task<int> RecordAsync(NpgsqlConnection connection, Guid claimId, long id, OutboxStatus status, bool dueNow = false)
    {
        var next = DateTimeOffset.UtcNow + (dueNow ? TimeSpan.FromSeconds(-1) : TimeSpan.FromMinutes(10));
        var complete = OutboxClaims.Complete(claimId, [new DeliveryRecord(id, status, next, "refused", null, InDoubt: false, InFlightUntil: null)]);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { complete } };
        await batch.ExecuteNonQueryAsync();
        return (int)complete.Rows;
    }
}
