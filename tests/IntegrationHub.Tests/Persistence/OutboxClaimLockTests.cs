using IntegrationHub.Hub.Outbox;
using Npgsql;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// Two instances claiming at once: a claim whose candidates another claim took meanwhile leaves them to it, neither
/// taking nor locking them, so the other's recording of their deliveries does not wait for the first claim to end.
/// </summary>
public sealed class OutboxClaimLockTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_claim_neither_takes_nor_locks_the_rows_another_claimed_after_it_found_them()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(TestPostgres.Administrator(database), """
            INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
            SELECT gen_random_uuid(), 'portal', 'sync', 1, '{}', 0, 0, now(), now() FROM generate_series(1, 4)
            """);
        await using var slow = await TestPostgres.OpenAsync(database);
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var find = new NpgsqlBatch(slow, transaction) { BatchCommands = { OutboxClaims.FindCandidates(10, ["portal"]) } })
        {
            await find.ExecuteNonQueryAsync();
        }

        await using var other = await TestPostgres.OpenAsync(database);
        var first = await OutboxClaims.ClaimAsync(other, Guid.NewGuid(), 2, Lease, ["portal"], CancellationToken.None);

        var taken = new List<long>();
        await using (var take = new NpgsqlBatch(slow, transaction) { BatchCommands = { OutboxClaims.TakeCandidates(10, Guid.NewGuid(), Lease) } })
        {
            await using var reader = await take.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                taken.Add(reader.GetInt64(0));
            }
        }
        Assert.Equal(2, first.Count);
        Assert.Equal(2, taken.Count);
        Assert.Empty(first.Select(c => c.Id).Intersect(taken));

        // The first claim records its deliveries while the slow one's transaction is still open.
        await using var record = new NpgsqlCommand("SET lock_timeout = '2s'; UPDATE outbox_messages SET status = 1 WHERE id = ANY (@ids)", other);
        record.Parameters.AddWithValue("ids", first.Select(c => c.Id).ToArray());
        Assert.Equal(2, await record.ExecuteNonQueryAsync());
        await transaction.RollbackAsync();
    }
}
